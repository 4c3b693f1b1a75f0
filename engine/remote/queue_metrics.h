// QueueMetrics: the health of one remote-write queue, read by the engine's
// self metrics (Prometheus's prometheus_remote_storage_* names, labels
// remote_name and url) from any thread.
#pragma once

#include <atomic>
#include <cstdint>

namespace vigil::remote {

struct QueueMetrics {
    std::atomic<int64_t> samplesPending{0};         // read from the WAL, not yet sent
    std::atomic<int64_t> shards{0};
    std::atomic<int64_t> shardsDesired{0};
    std::atomic<int64_t> shardsMin{0};
    std::atomic<int64_t> shardsMax{0};
    std::atomic<uint64_t> samplesSent{0};           // acknowledged by the receiver
    std::atomic<uint64_t> samplesFailed{0};         // dropped after a non-retryable answer
    std::atomic<uint64_t> samplesRetried{0};
    std::atomic<uint64_t> samplesDropped{0};        // by write_relabel_configs
    std::atomic<uint64_t> bytesSent{0};
    std::atomic<uint64_t> requests{0};
    std::atomic<uint64_t> lostSegments{0};          // WAL segments checkpointed away before sending
    std::atomic<int64_t> highestTimestampMs{0};     // newest sample read from the WAL
    std::atomic<int64_t> highestSentTimestampMs{0}; // newest sample acknowledged
};

}  // namespace vigil::remote
