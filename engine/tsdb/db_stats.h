// DbStats: a point-in-time copy of a Db's figures. Plain value.
#pragma once

#include "tsdb/head_stats.h"

#include <cstdint>
#include <string>

namespace vigil::tsdb {

struct DbStats {
    HeadStats head;                // series, samples appended, rejections...
    uint64_t walBytes = 0;         // bytes of the WAL directory (segments + checkpoint)
    uint64_t persistedBytes = 0;   // bytes of the block files
    uint64_t diskBytes = 0;        // walBytes + persistedBytes
    uint64_t blocks = 0;           // persisted blocks
    uint64_t persistedSeries = 0;  // series entries over all blocks
    uint64_t persistedSamples = 0; // samples over all blocks
    int64_t persistedMaxTime = INT64_MIN;  // head data below this+1 has been persisted (ms)
    // Replay of the last open.
    uint64_t replayedSeries = 0;
    uint64_t replayedSamples = 0;
    uint64_t replaySkippedSamples = 0;  // already persisted, unknown series or out of order
    bool replayCutCorruptTail = false;
    // Maintenance.
    uint64_t blocksWritten = 0;
    uint64_t blocksDeletedByRetention = 0;
    uint64_t maintenanceErrors = 0;
    // Commits whose WAL write failed (disk full, I/O error); their samples were dropped.
    uint64_t walWriteErrors = 0;
    std::string lastWalWriteError;  // empty when none failed
    bool walWriteFailing = false;   // the most recent WAL write failed
};

}  // namespace vigil::tsdb
