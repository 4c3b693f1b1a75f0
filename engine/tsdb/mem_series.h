// MemSeries: one series in the head: its labels, its closed chunks, the open
// chunk being appended to, and (only when used) the out-of-order buffer.
//
// Identity: ref() and labels() never change and may be read without a lock.
// Everything else is guarded by mutex(): methods marked "Locked" require the
// caller to hold it. Data handed out (ClosedChunk copies, snapshots) is
// immutable and outlives the lock.
//
// pins: the number of uncommitted samples appenders hold for this series. A
// pinned series is never removed by Head::truncate(), so appenders may keep a
// raw pointer between append() and commit(). It is incremented only under a
// series-map stripe lock (see StripedSeriesMap) and decremented anywhere.
//
// Ownership: owned by the head's StripedSeriesMap through shared_ptr; queriers
// may hold extra references. Errors: append results are returned as an enum;
// no allocation per sample except amortised chunk growth.
#pragma once

#include "tsdb/closed_chunk.h"
#include "tsdb/head_options.h"
#include "tsdb/series_snapshot.h"
#include "tsdb/xor_chunk.h"

#include "model/labels.h"
#include "model/sample.h"

#include <atomic>
#include <climits>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace vigil::tsdb {

class MemSeries {
public:
    enum class AppendResult : uint8_t {
        Appended,            // stored in order
        AppendedOutOfOrder,  // stored in the out-of-order buffer
        NoOp,                // same timestamp and same value bits as stored
        OutOfOrder,          // older than the newest sample, no OOO window
        Duplicate,           // same timestamp, different value bits
        TooOld,              // older than the OOO window allows
    };

    // What an append did besides storing, for the head's counters.
    struct AppendEffects {
        uint32_t chunksCreated = 0;
    };

    MemSeries(uint64_t ref, model::Labels labels) : ref_(ref), labels_(std::move(labels)) {}
    ~MemSeries();
    MemSeries(const MemSeries &) = delete;
    MemSeries &operator=(const MemSeries &) = delete;

    uint64_t ref() const { return ref_; }
    const model::Labels &labels() const { return labels_; }
    std::mutex &mutex() const { return mu_; }

    // Would append() accept (t, v)? Does not modify. Locked.
    AppendResult appendableLocked(int64_t t, double v, int64_t oooWindowMs) const;
    // Stores (t, v) applying the head's ordering rules and chunk cutting. Locked.
    AppendResult appendLocked(int64_t t, double v, const HeadOptions &opts, AppendEffects *effects);

    // Copies the data overlapping [mint, maxt] (inclusive). Locked.
    void snapshotLocked(int64_t mint, int64_t maxt, SeriesSnapshot *out) const;
    // Drops chunks whose maxTime < mint and out-of-order samples older than
    // mint; returns the number of chunks dropped. Locked.
    uint32_t truncateLocked(int64_t mint);
    // No samples stored at all. Locked.
    bool emptyLocked() const;
    // Closed chunks (in order and out of order) whose maxTime < t. Locked.
    void closedChunksBeforeLocked(int64_t t, std::vector<ClosedChunk> *inOrder,
                                  std::vector<ClosedChunk> *outOfOrder) const;
    // Newest in-order timestamp; valid when hasSamplesLocked(). Locked.
    int64_t lastTimeLocked() const { return lastT_.load(std::memory_order_relaxed); }
    bool hasSamplesLocked() const { return hasLast_; }

    // Cheap pre-check without the lock: true when t is newer than every
    // stored in-order sample, so append() will store it unless another
    // appender gets there first (commit re-checks under the lock).
    bool newerThanLast(int64_t t) const { return t > lastT_.load(std::memory_order_relaxed); }

    // Hints the CPU to load what appendLocked() touches (no effect otherwise).
    void prefetch() const
    {
        __builtin_prefetch(this);
        __builtin_prefetch(reinterpret_cast<const char *>(this) + 64);
        __builtin_prefetch(reinterpret_cast<const char *>(this) + 128);
    }
    // Second stage, a few samples later: the open chunk's last byte.
    void prefetchChunkTail() const
    {
        if (const uint8_t *p = tailHint_.load(std::memory_order_relaxed)) __builtin_prefetch(p, 1);
    }

    static constexpr uint32_t kWalUnlogged = 0, kWalLogged = 1, kWalFirstClaimer = 2;

private:
    struct OutOfOrderData {
        std::vector<model::Sample> buffer;  // sorted by t, unique t
        std::vector<ClosedChunk> chunks;    // each sorted; may overlap
    };

    AppendResult appendOutOfOrderLocked(int64_t t, double v, const HeadOptions &opts,
                                        AppendEffects *effects);
    void cutLocked();

    // Hot fields first: the append path touches one cache line for the
    // lock, the pins and the last sample.
    mutable std::mutex mu_;

public:
    std::atomic<uint32_t> pins{0};
    // Whether the series record reached the WalSink: kWalUnlogged, then the
    // id (>= kWalFirstClaimer) of the appender whose commit will write it,
    // then kWalLogged (also set for replayed series). Claim with
    // compare_exchange.
    std::atomic<uint32_t> walState{kWalUnlogged};

private:
    bool hasLast_ = false;                             // guarded by mu_
    std::atomic<int64_t> lastT_{INT64_MIN};            // written under mu_, read anywhere
    uint64_t lastVBits_ = 0;                           // guarded by mu_
    // Address of the open chunk's last byte, only ever used as a prefetch
    // hint (may be stale; never dereferenced).
    std::atomic<const uint8_t *> tailHint_{nullptr};
    // Guarded by mu_:
    XorChunk head_;                    // the open chunk (empty after a cut until the next sample)
    std::vector<ClosedChunk> chunks_;  // sorted by time, non-overlapping
    std::unique_ptr<OutOfOrderData> ooo_;
    const uint64_t ref_;
    const model::Labels labels_;
};

}  // namespace vigil::tsdb
