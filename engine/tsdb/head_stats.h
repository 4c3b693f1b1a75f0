// HeadStats: a point-in-time copy of the head's counters. Plain value.
// Counters are monotonic over the head's lifetime except numSeries.
#pragma once

#include <cstdint>

namespace vigil::tsdb {

struct HeadStats {
    uint64_t samplesAppended = 0;        // committed samples stored (in order or out of order)
    uint64_t outOfOrderSamplesAppended = 0;  // of which went to the out-of-order buffer
    uint64_t outOfOrderRejected = 0;     // kErrOutOfOrder
    uint64_t duplicateRejected = 0;      // kErrDuplicate
    uint64_t tooOldRejected = 0;         // kErrTooOldSample
    uint64_t outOfBoundsRejected = 0;    // kErrOutOfBounds (older than the truncation point)
    uint64_t seriesCreated = 0;
    uint64_t seriesRemoved = 0;
    uint64_t chunksCreated = 0;          // in-order and out-of-order chunks started
    uint64_t chunksRemoved = 0;          // dropped by truncate()
    uint64_t numSeries = 0;              // live series now
};

}  // namespace vigil::tsdb
