// WalWritableFile: an append-only file, the write half of the WAL's file seam.
//
// Implementations wrap POSIX calls (PosixWalEnv) or inject faults in tests.
// Every method reports failure as a Status; a full disk (ENOSPC, EDQUOT) is
// Status::resourceExhausted, other OS errors Status::ioError. Nothing throws.
//
// Thread safety: append() and sync() may run concurrently on two threads (the
// WAL's background flusher syncs while a logger appends); truncate() and
// close() must not race with anything. The object owns its descriptor and
// closes it in the destructor if close() was not called.
#pragma once

#include "core/status.h"

#include <cstddef>
#include <cstdint>

namespace vigil::tsdb::wal {

class WalWritableFile {
public:
    virtual ~WalWritableFile() = default;

    // Appends all n bytes at the end of the file. On error some prefix may
    // have been written; the caller repairs with truncate().
    virtual Status append(const char *data, size_t n) = 0;
    // Makes the written data durable (fdatasync).
    virtual Status sync() = 0;
    // Cuts the file to `size` bytes (used to undo a partial append).
    virtual Status truncate(uint64_t size) = 0;
    // Closes the descriptor; further calls fail with FailedPrecondition.
    virtual Status close() = 0;
};

}  // namespace vigil::tsdb::wal
