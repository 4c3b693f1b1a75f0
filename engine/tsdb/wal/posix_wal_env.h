// PosixWalEnv: WalEnv over open/write/fdatasync/ftruncate/rename/unlink.
//
// The only file of the WAL that calls the operating system. Writes retry on
// EINTR and short writes; errno is turned into a Status (see wal_env.h).
//
// Thread safety: stateless; all methods may be called concurrently.
#pragma once

#include "tsdb/wal/wal_env.h"

namespace vigil::tsdb::wal {

class PosixWalEnv final : public WalEnv {
public:
    Result<std::unique_ptr<WalWritableFile>> newWritableFile(const std::string &path) override;
    Status readFile(const std::string &path, std::string *out) override;
    Result<std::vector<std::string>> listDir(const std::string &dir) override;
    bool isDirectory(const std::string &path) override;
    Status createDir(const std::string &dir) override;
    Status removeFile(const std::string &path) override;
    Status removeDir(const std::string &dir) override;
    Status rename(const std::string &from, const std::string &to) override;
    Status truncateFile(const std::string &path, uint64_t size) override;
    Status syncDir(const std::string &dir) override;

    // Maps an errno value to a Status: ENOSPC/EDQUOT -> resourceExhausted,
    // ENOENT -> notFound, anything else -> ioError. `what` names the action
    // and path ("fdatasync /x/00000001").
    static Status fromErrno(int err, const std::string &what);
};

}  // namespace vigil::tsdb::wal
