// DbWalSink: the head's WalSink writing to a wal::Wal (forwards logSeries
// and logSamples). Thread-safe because Wal is. The Wal is not owned and must
// outlive the sink's use by the head.
//
// It counts failed writes (disk full, I/O errors) and keeps the last error's
// text: a failed write fails the head's commit, so its samples are dropped,
// and the count is how the engine tells the operator (DbStats::walWriteErrors).
#pragma once

#include "tsdb/head.h"
#include "tsdb/wal/wal.h"

#include <atomic>
#include <mutex>
#include <string>

namespace vigil::tsdb {

class DbWalSink : public WalSink {
public:
    explicit DbWalSink(wal::Wal &wal) : wal_(wal) {}
    Status logSeries(const std::vector<std::pair<uint64_t, model::Labels>> &series) override
    {
        return counted(wal_.logSeries(series));
    }
    Status logSamples(const std::vector<RefSample> &samples) override { return counted(wal_.logSamples(samples)); }

    uint64_t failures() const { return failures_.load(std::memory_order_relaxed); }
    // True while the most recent write failed: storage is failing now, not
    // only at some point in the past (a later successful write clears it).
    bool lastWriteFailed() const { return lastFailed_.load(std::memory_order_relaxed); }
    std::string lastError() const
    {
        std::lock_guard lock(mu_);
        return lastError_;
    }

private:
    Status counted(Status st)
    {
        lastFailed_.store(!st.isOk(), std::memory_order_relaxed);
        if (!st.isOk()) {
            std::lock_guard lock(mu_);
            lastError_ = st.toString();
            failures_.fetch_add(1, std::memory_order_relaxed);
        }
        return st;
    }

    wal::Wal &wal_;
    std::atomic<uint64_t> failures_{0};
    std::atomic<bool> lastFailed_{false};
    mutable std::mutex mu_;
    std::string lastError_;  // guarded by mu_
};

}  // namespace vigil::tsdb
