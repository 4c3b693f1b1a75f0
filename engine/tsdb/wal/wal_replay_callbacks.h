// WalReplayCallbacks: receivers of the records a replay reads, in log order.
//
// Each callback gets one decoded record; the vector is reused after the call
// returns (copy what you keep). An empty std::function skips that record type.
// A non-Ok Status from a callback stops the replay and is returned as is
// (nothing is repaired then). Callbacks run on the thread that called
// Wal::open() / WalReader::read().
#pragma once

#include "core/status.h"
#include "model/labels.h"
#include "tsdb/ref_sample.h"
#include "tsdb/wal/wal_tombstone.h"

#include <functional>
#include <utility>
#include <vector>

namespace vigil::tsdb::wal {

struct WalReplayCallbacks {
    std::function<Status(const std::vector<std::pair<uint64_t, model::Labels>> &)> series;
    std::function<Status(const std::vector<RefSample> &)> samples;
    std::function<Status(const std::vector<WalTombstone> &)> tombstones;
};

}  // namespace vigil::tsdb::wal
