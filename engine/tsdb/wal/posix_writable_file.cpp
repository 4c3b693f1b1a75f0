#include "tsdb/wal/posix_writable_file.h"

#include "tsdb/wal/posix_wal_env.h"

#include <fcntl.h>
#include <unistd.h>
#include <cerrno>

namespace vigil::tsdb::wal {

PosixWritableFile::PosixWritableFile(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}

PosixWritableFile::~PosixWritableFile()
{
    const int fd = fd_.exchange(-1);
    if (fd >= 0) ::close(fd);
}

Status PosixWritableFile::append(const char *data, size_t n)
{
    const int fd = fd_.load();
    if (fd < 0) return Status::failedPrecondition("write to closed file " + path_);
    while (n > 0) {
        const ssize_t w = ::write(fd, data, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return PosixWalEnv::fromErrno(errno, "write " + path_);
        }
        data += w;
        n -= static_cast<size_t>(w);
    }
    return Status::ok();
}

Status PosixWritableFile::sync()
{
    const int fd = fd_.load();
    if (fd < 0) return Status::failedPrecondition("sync of closed file " + path_);
    if (::fdatasync(fd) != 0) return PosixWalEnv::fromErrno(errno, "fdatasync " + path_);
    return Status::ok();
}

Status PosixWritableFile::truncate(uint64_t size)
{
    const int fd = fd_.load();
    if (fd < 0) return Status::failedPrecondition("truncate of closed file " + path_);
    if (::ftruncate(fd, static_cast<off_t>(size)) != 0) {
        return PosixWalEnv::fromErrno(errno, "ftruncate " + path_);
    }
    return Status::ok();
}

Status PosixWritableFile::close()
{
    const int fd = fd_.exchange(-1);
    if (fd < 0) return Status::failedPrecondition("close of closed file " + path_);
    if (::close(fd) != 0) return PosixWalEnv::fromErrno(errno, "close " + path_);
    return Status::ok();
}

}  // namespace vigil::tsdb::wal
