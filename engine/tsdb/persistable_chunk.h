// PersistableChunk: a closed head chunk handed to a persistence layer
// (Head::closedChunksBefore). Plain value; the chunk bytes are shared and
// immutable, so holding one costs no copy of the data.
#pragma once

#include "tsdb/closed_chunk.h"

#include "model/labels.h"

#include <cstdint>

namespace vigil::tsdb {

struct PersistableChunk {
    uint64_t ref = 0;        // head series ref
    model::Labels labels;    // the series' labels
    ClosedChunk chunk;
    bool outOfOrder = false; // from the out-of-order buffer: may overlap in-order chunks
};

}  // namespace vigil::tsdb
