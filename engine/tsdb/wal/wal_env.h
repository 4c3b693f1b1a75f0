// WalEnv: the one seam through which the WAL touches the file system.
//
// All disk access of the WAL goes through a WalEnv so tests can substitute a
// fault-injecting implementation (see tests/engine/tsdb/wal). The default is
// WalEnv::posix(), a process-wide PosixWalEnv.
//
// Errors: every call returns a Status; ENOSPC/EDQUOT map to
// Status::resourceExhausted ("no space left on device ..."), a missing path to
// Status::notFound, other errno values to Status::ioError with the path and
// strerror text. Paths are plain UTF-8 strings; directories are flat (the WAL
// never nests deeper than dir/checkpoint.N/segment).
//
// Thread safety: implementations must be safe to call from several threads.
#pragma once

#include "core/status.h"
#include "tsdb/wal/wal_writable_file.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace vigil::tsdb::wal {

class WalEnv {
public:
    virtual ~WalEnv() = default;

    // Creates (or truncates to empty) a file for appending.
    virtual Result<std::unique_ptr<WalWritableFile>> newWritableFile(const std::string &path) = 0;
    // Replaces *out with the whole content of the file.
    virtual Status readFile(const std::string &path, std::string *out) = 0;
    // Names (not paths) of the entries of a directory, without "." and "..".
    virtual Result<std::vector<std::string>> listDir(const std::string &dir) = 0;
    virtual bool isDirectory(const std::string &path) = 0;
    // Creates a directory; Ok if it already exists.
    virtual Status createDir(const std::string &dir) = 0;
    virtual Status removeFile(const std::string &path) = 0;
    // Removes a directory and the files directly inside it (not recursive
    // beyond one level; WAL directories are flat).
    virtual Status removeDir(const std::string &dir) = 0;
    // Atomically renames a file or directory (rename(2)).
    virtual Status rename(const std::string &from, const std::string &to) = 0;
    // Truncates a closed file to `size` bytes and syncs it.
    virtual Status truncateFile(const std::string &path, uint64_t size) = 0;
    // fsyncs a directory so created/renamed/removed entries are durable.
    virtual Status syncDir(const std::string &dir) = 0;

    // The process-wide POSIX implementation; never null, never destroyed.
    static WalEnv *posix();
};

}  // namespace vigil::tsdb::wal
