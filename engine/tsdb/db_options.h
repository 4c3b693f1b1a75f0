// DbOptions: configuration of a Db (WAL + head + persisted blocks). Plain
// value; the app fills it from its flags (--storage.tsdb.retention.*).
#pragma once

#include "tsdb/head_options.h"
#include "tsdb/wal/wal_options.h"

#include <chrono>
#include <cstdint>

namespace vigil::tsdb {

struct DbOptions {
    // Persisted data whose newest sample is older than this (ms) behind the
    // newest sample in the database is deleted. 0 disables. Default 15 days.
    int64_t retentionMs = 15LL * 24 * 60 * 60 * 1000;
    // When > 0, the oldest blocks are deleted until blocks + WAL fit in this
    // many bytes (the head block being written is never deleted). 0 = unlimited.
    uint64_t retentionBytes = 0;

    // WAL durability (see wal_options.h).
    wal::WalSyncPolicy walSyncPolicy = wal::WalSyncPolicy::Interval;
    std::chrono::milliseconds walSyncInterval{1000};
    uint64_t walSegmentSize = 32u << 20;

    HeadOptions head;

    // Persisted blocks cover aligned ranges of this length (ms). Default 2 h.
    int64_t blockRangeMs = 2LL * 60 * 60 * 1000;
    // The head keeps at least this much (ms) of the newest data in memory;
    // older complete block ranges are persisted and dropped from the head.
    // Default 1 h (so the head holds 1-3 h, like Prometheus).
    int64_t headKeepMs = 60LL * 60 * 1000;
    // Complete aligned ranges of this length (ms) made of several persisted
    // blocks are compacted into one block (fewer files, less index memory,
    // longer columns). 0 disables. Default 24 h; a multiple of blockRangeMs.
    int64_t compactRangeMs = 24LL * 60 * 60 * 1000;
    // How often the background thread looks for work (persisting,
    // retention). 0 disables the background thread (call maintain()).
    std::chrono::milliseconds maintenanceInterval{60 * 1000};
};

}  // namespace vigil::tsdb
