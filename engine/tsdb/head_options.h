// HeadOptions: configuration of the in-memory head. Plain value.
#pragma once

#include <cstdint>

namespace vigil::tsdb {

struct HeadOptions {
    // Chunks never span a multiple of this (ms); the open chunk is cut when a
    // sample reaches the next boundary. Must be > 0. Default 2 h.
    int64_t chunkRangeMs = 2 * 60 * 60 * 1000;
    // The open chunk is cut once it holds this many samples (1..65535).
    uint32_t samplesPerChunk = 120;
    // When > 0, samples up to this far (ms) behind a series' newest sample
    // are accepted out of order; older ones fail with kErrTooOldSample.
    // 0 disables out-of-order ingestion (kErrOutOfOrder).
    int64_t outOfOrderWindowMs = 0;
    // Out-of-order samples are buffered per series and encoded into a sorted
    // chunk when this many accumulate (1..65535).
    uint32_t outOfOrderCapacity = 32;
};

}  // namespace vigil::tsdb
