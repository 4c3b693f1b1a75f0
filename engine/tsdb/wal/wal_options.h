// WalOptions: how a Wal lays out and syncs its files.
#pragma once

#include <chrono>
#include <cstdint>

namespace vigil::tsdb::wal {

class WalEnv;

enum class WalSyncPolicy {
    // fdatasync after every logged batch, before log*() returns. Slowest;
    // an acknowledged batch survives a power loss.
    EveryCommit,
    // A background thread fdatasyncs at most every `syncInterval` when
    // something was written. A power loss can lose up to one interval; a
    // process crash loses nothing written (the data is in the page cache).
    Interval,
    // Only sync(), segment cuts, checkpoint() and close() sync.
    Manual,
};

struct WalOptions {
    // A segment is closed and the next started when the next record would
    // make it larger than this (bytes). A single record larger than this gets
    // a segment of its own. Minimum 4096 (smaller values are raised).
    uint64_t segmentSize = 32u << 20;
    WalSyncPolicy syncPolicy = WalSyncPolicy::Interval;
    std::chrono::milliseconds syncInterval{1000};
    // File system seam; nullptr means WalEnv::posix(). Not owned; must
    // outlive the Wal.
    WalEnv *env = nullptr;
};

}  // namespace vigil::tsdb::wal
