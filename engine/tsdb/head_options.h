// HeadOptions: configuration of the in-memory head. Plain value.
#pragma once

#include "core/status.h"

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

    // Ok, or InvalidArgument naming the first field out of range.
    Status validate() const
    {
        if (chunkRangeMs <= 0) return Status::invalidArgument("chunk range must be > 0 ms");
        if (samplesPerChunk < 1 || samplesPerChunk > 0xffff)
            return Status::invalidArgument("samples per chunk must be within 1..65535");
        if (outOfOrderWindowMs < 0) return Status::invalidArgument("out-of-order window must be >= 0 ms");
        if (outOfOrderCapacity < 1 || outOfOrderCapacity > 0xffff)
            return Status::invalidArgument("out-of-order capacity must be within 1..65535");
        return Status::ok();
    }

    // A copy with every out-of-range field replaced by its default.
    HeadOptions sanitized() const
    {
        HeadOptions d, o = *this;
        if (o.chunkRangeMs <= 0) o.chunkRangeMs = d.chunkRangeMs;
        if (o.samplesPerChunk < 1 || o.samplesPerChunk > 0xffff) o.samplesPerChunk = d.samplesPerChunk;
        if (o.outOfOrderWindowMs < 0) o.outOfOrderWindowMs = d.outOfOrderWindowMs;
        if (o.outOfOrderCapacity < 1 || o.outOfOrderCapacity > 0xffff) o.outOfOrderCapacity = d.outOfOrderCapacity;
        return o;
    }
};

}  // namespace vigil::tsdb
