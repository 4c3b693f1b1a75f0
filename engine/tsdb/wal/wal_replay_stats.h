// WalReplayStats: what a replay read, and where (if anywhere) it cut.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vigil::tsdb::wal {

struct WalReplayStats {
    std::optional<uint32_t> checkpoint;    // index of the checkpoint replayed first, if any
    std::optional<uint32_t> firstSegment;  // first and last segment replayed after it
    std::optional<uint32_t> lastSegment;

    uint64_t records = 0;  // intact records handed to callbacks (all types)
    uint64_t seriesRecords = 0;
    uint64_t sampleRecords = 0;
    uint64_t tombstoneRecords = 0;
    uint64_t series = 0;  // entries inside those records
    uint64_t samples = 0;
    uint64_t tombstones = 0;

    // Set when replay stopped at a damaged record (or a gap in segment
    // numbers): the data from (corruptSegment, corruptOffset) on was not read.
    // Wal::open() truncates corruptSegment there and removes later segments.
    // corruptOffset is UINT64_MAX when corruptSegment itself is intact (or is
    // the checkpoint) and only the segments after a numbering gap are dropped.
    bool corrupted = false;
    uint32_t corruptSegment = 0;
    uint64_t corruptOffset = 0;
    std::string corruptReason;
    std::vector<uint32_t> segmentsRemoved;  // filled by Wal::open's repair
};

}  // namespace vigil::tsdb::wal
