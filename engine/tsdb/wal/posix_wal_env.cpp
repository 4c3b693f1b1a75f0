#include "tsdb/wal/posix_wal_env.h"

#include "tsdb/wal/posix_writable_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

namespace vigil::tsdb::wal {

namespace {

// Closes a descriptor at scope exit.
struct FdCloser {
    int fd;
    ~FdCloser()
    {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

WalEnv *WalEnv::posix()
{
    static PosixWalEnv *env = new PosixWalEnv();  // intentionally leaked: usable during exit
    return env;
}

Status PosixWalEnv::fromErrno(int err, const std::string &what)
{
    const std::string text = what + ": " + std::strerror(err);
    switch (err) {
        case ENOSPC:
        case EDQUOT:
            return Status::resourceExhausted("no space left on device: " + text);
        case ENOENT:
            return Status::notFound(text);
        default:
            return Status::ioError(text);
    }
}

Result<std::unique_ptr<WalWritableFile>> PosixWalEnv::newWritableFile(const std::string &path)
{
    int fd;
    do {
        fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0644);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) return fromErrno(errno, "open " + path);
    return std::unique_ptr<WalWritableFile>(new PosixWritableFile(fd, path));
}

Status PosixWalEnv::readFile(const std::string &path, std::string *out)
{
    out->clear();
    int fd;
    do {
        fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) return fromErrno(errno, "open " + path);
    FdCloser closer{fd};
    struct stat st;
    if (::fstat(fd, &st) != 0) return fromErrno(errno, "stat " + path);
    out->resize(static_cast<size_t>(st.st_size));
    size_t done = 0;
    for (;;) {
        if (done == out->size()) out->resize(out->size() + 65536);  // file grew meanwhile
        const ssize_t r = ::read(fd, out->data() + done, out->size() - done);
        if (r < 0) {
            if (errno == EINTR) continue;
            return fromErrno(errno, "read " + path);
        }
        if (r == 0) break;
        done += static_cast<size_t>(r);
    }
    out->resize(done);
    return Status::ok();
}

Result<std::vector<std::string>> PosixWalEnv::listDir(const std::string &dir)
{
    DIR *d = ::opendir(dir.c_str());
    if (!d) return fromErrno(errno, "opendir " + dir);
    std::vector<std::string> names;
    errno = 0;
    while (const dirent *e = ::readdir(d)) {
        if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
        names.emplace_back(e->d_name);
    }
    const int err = errno;
    ::closedir(d);
    if (err != 0) return fromErrno(err, "readdir " + dir);
    return names;
}

bool PosixWalEnv::isDirectory(const std::string &path)
{
    struct stat st;
    return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

Status PosixWalEnv::createDir(const std::string &dir)
{
    if (::mkdir(dir.c_str(), 0755) == 0) return Status::ok();
    if (errno == EEXIST && isDirectory(dir)) return Status::ok();
    return fromErrno(errno, "mkdir " + dir);
}

Status PosixWalEnv::removeFile(const std::string &path)
{
    if (::unlink(path.c_str()) != 0) return fromErrno(errno, "unlink " + path);
    return Status::ok();
}

Status PosixWalEnv::removeDir(const std::string &dir)
{
    auto names = listDir(dir);
    if (!names) return names.status();
    for (const auto &n : *names) {
        const std::string p = dir + "/" + n;
        if (::unlink(p.c_str()) != 0) return fromErrno(errno, "unlink " + p);
    }
    if (::rmdir(dir.c_str()) != 0) return fromErrno(errno, "rmdir " + dir);
    return Status::ok();
}

Status PosixWalEnv::rename(const std::string &from, const std::string &to)
{
    if (::rename(from.c_str(), to.c_str()) != 0) return fromErrno(errno, "rename " + from + " to " + to);
    return Status::ok();
}

Status PosixWalEnv::truncateFile(const std::string &path, uint64_t size)
{
    int fd;
    do {
        fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) return fromErrno(errno, "open " + path);
    FdCloser closer{fd};
    if (::ftruncate(fd, static_cast<off_t>(size)) != 0) return fromErrno(errno, "ftruncate " + path);
    if (::fsync(fd) != 0) return fromErrno(errno, "fsync " + path);
    return Status::ok();
}

Status PosixWalEnv::syncDir(const std::string &dir)
{
    int fd;
    do {
        fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) return fromErrno(errno, "open directory " + dir);
    FdCloser closer{fd};
    if (::fsync(fd) != 0) return fromErrno(errno, "fsync directory " + dir);
    return Status::ok();
}

}  // namespace vigil::tsdb::wal
