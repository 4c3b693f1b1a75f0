// SeriesSnapshot: the immutable copy of one series' data within a query
// range, taken under the series lock and read afterwards with no lock held.
//
// inOrder chunks are sorted by time and do not overlap (the last one may be a
// copy of the open chunk). outOfOrder chunks and samples are each sorted but
// may overlap anything; readers merge them (see HeadSeriesIterator).
#pragma once

#include "tsdb/closed_chunk.h"

#include "model/sample.h"

#include <vector>

namespace vigil::tsdb {

struct SeriesSnapshot {
    std::vector<ClosedChunk> inOrder;
    std::vector<ClosedChunk> outOfOrder;
    std::vector<model::Sample> outOfOrderSamples;  // sorted by t, unique t

    bool empty() const { return inOrder.empty() && outOfOrder.empty() && outOfOrderSamples.empty(); }
};

}  // namespace vigil::tsdb
