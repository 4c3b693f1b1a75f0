// WalReader: read-only replay of a WAL directory.
//
// read() hands every intact record to the callbacks in log order: first all
// segments of the newest complete checkpoint, then the segments numbered after
// it, ascending. It stops at the first damaged record (torn or corrupt frame,
// undecodable payload) or at a gap in the segment numbers, and reports that
// point in WalReplayStats (corrupted, corruptSegment, corruptOffset) — it never
// modifies the directory; Wal::open() does the repair.
//
// Errors: damage inside a checkpoint is Status::corruption (a checkpoint is
// written atomically, so damage there is not a torn tail and is not cut);
// I/O errors and callback errors are returned as is. A missing directory
// reads as an empty WAL.
//
// Thread safety: a reader is used by one thread; several readers may read the
// same directory while a Wal appends to its newest segment.
#pragma once

#include "core/status.h"
#include "tsdb/wal/wal_dir_listing.h"
#include "tsdb/wal/wal_replay_callbacks.h"
#include "tsdb/wal/wal_replay_stats.h"

#include <string>

namespace vigil::tsdb::wal {

class WalEnv;

class WalReader {
public:
    // `env` null means WalEnv::posix(); not owned.
    WalReader(WalEnv *env, std::string dir);

    Result<WalReplayStats> read(const WalReplayCallbacks &callbacks);

    // The listing read() worked from (empty before read()).
    const WalDirListing &listing() const { return listing_; }

    // Outcome of reading one segment file.
    struct SegmentResult {
        bool damaged = false;
        uint64_t goodOffset = 0;  // end of the last intact record
        std::string reason;       // why it is damaged
    };
    // Reads the records of one segment file into the callbacks, counting them
    // in *stats. Damage is reported in the result, not as an error.
    static Result<SegmentResult> readSegment(WalEnv *env, const std::string &path,
                                             const WalReplayCallbacks &callbacks, WalReplayStats *stats);
    // Reads all segments of a checkpoint directory; damage is Status::corruption.
    static Status readCheckpoint(WalEnv *env, const std::string &path, const WalReplayCallbacks &callbacks,
                                 WalReplayStats *stats);

private:
    WalEnv *env_;
    std::string dir_;
    WalDirListing listing_;
};

}  // namespace vigil::tsdb::wal
