// seriesHash: the labels hash the head keys series by. Equal to
// model::Labels::hash() (the same bytes through model::hashBytes) but builds
// the hashed bytes in a reused per-thread buffer, so hashing on the append
// path does not allocate. All head code uses this one function so lookups
// and removals always agree.
//
// Thread safety: safe from any thread (the buffer is thread_local).
#pragma once

#include "model/labels.h"

#include <cstdint>

namespace vigil::tsdb {

uint64_t seriesHash(const model::Labels &labels);

}  // namespace vigil::tsdb
