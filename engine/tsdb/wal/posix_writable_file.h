// PosixWritableFile: WalWritableFile over a POSIX descriptor (O_WRONLY|O_APPEND).
//
// Created by PosixWalEnv::newWritableFile(); owns the descriptor and closes it
// in the destructor. sync() is fdatasync(2). Thread safety: see
// wal_writable_file.h (append and sync may race, the rest may not).
#pragma once

#include "tsdb/wal/wal_writable_file.h"

#include <atomic>
#include <string>

namespace vigil::tsdb::wal {

class PosixWritableFile final : public WalWritableFile {
public:
    // Takes ownership of `fd`, an open descriptor of `path`.
    PosixWritableFile(int fd, std::string path);
    ~PosixWritableFile() override;
    PosixWritableFile(const PosixWritableFile &) = delete;
    PosixWritableFile &operator=(const PosixWritableFile &) = delete;

    Status append(const char *data, size_t n) override;
    Status sync() override;
    Status truncate(uint64_t size) override;
    Status close() override;

private:
    std::atomic<int> fd_;
    const std::string path_;
};

}  // namespace vigil::tsdb::wal
