// Head: the in-memory part of the TSDB. Series live here from their first
// sample until truncate() drops their old chunks; the head implements the
// storage Appendable (scrapes, rules, WAL-less tests) and Queryable (PromQL).
//
// Structure: series are MemSeries objects identified by a uint64 ref handed
// out increasingly (never reused during the head's life, and kept past the
// largest ref seen in replay). They are found by ref or by labels hash in a
// lock-striped map, and by label matchers in an inverted index (MemPostings).
// Each series has its own mutex; there is no global lock on the append path.
//
// Commit semantics: an appender buffers samples and applies them on commit().
// When a WalSink is set, commit() first logs the new series, then the
// samples; if either write fails, nothing of the batch is applied and the
// sink's Status is returned (the batch is discarded as by rollback()).
// Samples that fenceAppendsBefore() made too old after append() accepted them
// are dropped before logging; the rest of the batch is applied and commit()
// returns InvalidArgument starting with kErrOutOfBounds.
// Visibility: all samples of one series in one commit become visible to
// queriers together (one lock hold); a querier running during a commit may
// see some series of that commit updated and others not yet.
//
// Ordering rules (as Prometheus): a sample older than the series' newest
// sample is rejected with storage::kErrOutOfOrder, or, when
// HeadOptions::outOfOrderWindowMs > 0, accepted if within that window of the
// newest sample (else kErrTooOldSample); the same timestamp with different
// value bits is kErrDuplicate; identical bits are accepted as a no-op. A
// sample older than the last truncate() point is kErrOutOfBounds. All of
// these are Status::Code::InvalidArgument with those exact messages. An
// out-of-order sample whose timestamp is already stored (in order or out of
// order) follows the same duplicate rules.
//
// Thread safety: every public method is thread-safe. The head must outlive
// its appenders and queriers; series returned by queriers are snapshots that
// may outlive both.
#pragma once

#include "tsdb/head_options.h"
#include "tsdb/head_stats.h"
#include "tsdb/mem_postings.h"
#include "tsdb/persistable_chunk.h"
#include "tsdb/ref_sample.h"
#include "tsdb/striped_series_map.h"

#include "core/status.h"
#include "model/labels.h"
#include "storage/storage.h"

#include <atomic>
#include <climits>
#include <cstdint>
#include <memory>
#include <shared_mutex>
#include <utility>
#include <vector>

namespace vigil::tsdb {

class HeadAppender;
class HeadQuerier;

// Where the head writes its write-ahead log records (implemented by
// engine/tsdb/wal). Called from commit() on the committing thread, possibly
// from several threads at once: implementations must be thread-safe. Within
// one commit, logSeries() (when there are new series) precedes logSamples().
// A non-Ok return aborts the commit. A commit logs the record of every
// series it has samples for whose record is not yet known to be in the log,
// so a sample never precedes its series record. A record is normally written
// once; it is written again after a failed write, and may be written twice
// when two appenders first use a new series at the same time
// (replaySeries() is idempotent).
class WalSink {
public:
    virtual ~WalSink() = default;
    virtual Status logSeries(const std::vector<std::pair<uint64_t /*ref*/, model::Labels>> &series) = 0;
    virtual Status logSamples(const std::vector<RefSample> &samples) = 0;
};

class Head : public storage::Appendable, public storage::Queryable {
public:
    // Out-of-range options are replaced by their defaults (see
    // HeadOptions::validate() to reject them instead).
    explicit Head(HeadOptions options = {});
    ~Head() override;
    Head(const Head &) = delete;
    Head &operator=(const Head &) = delete;

    const HeadOptions &options() const { return options_; }

    // Not owned; must outlive the head or be reset to nullptr first. Set it
    // before the first append: series created while no sink is set are not
    // logged later.
    void setWalSink(WalSink *sink) { walSink_.store(sink, std::memory_order_release); }

    // storage::Appendable. The appender must not outlive the head.
    std::unique_ptr<storage::Appender> appender() override;
    // storage::Queryable over [mint, maxt] inclusive. Never fails today.
    Result<std::unique_ptr<storage::Querier>> querier(int64_t mint, int64_t maxt) override;

    // WAL replay: recreate a series under its logged ref without calling the
    // sink. Idempotent for the same (ref, labels). If the labels already
    // exist under another ref, `ref` becomes an alias of that series. Fails
    // with Corruption if ref is 0 or already names different labels, and
    // InvalidArgument for empty labels. Later refs are handed out above the
    // largest replayed ref.
    Status replaySeries(uint64_t ref, const model::Labels &labels);
    // WAL replay: apply one sample without calling the sink. NotFound for an
    // unknown ref; otherwise the errors of a normal append, including
    // kErrOutOfBounds below a previous truncate() point (so truncating first
    // keeps already-persisted data out of the head).
    Status replaySample(const RefSample &sample);

    // Retention: drops chunks (and out-of-order samples) whose maxTime < mint,
    // then series left without data and not held by an uncommitted appender;
    // removes them from the index. Later appends older than mint fail with
    // kErrOutOfBounds.
    void truncate(int64_t mint);

    // Closed (immutable) chunks whose maxTime < t, for a persistence layer.
    // Does not remove anything: call truncate() once they are persisted.
    std::vector<PersistableChunk> closedChunksBefore(int64_t t) const;

    // Time bounds (ms) of the samples appended since the head started or
    // was last truncated: minTime() is INT64_MAX and maxTime() INT64_MIN
    // while empty. After truncate(mint), minTime() >= mint (a chunk that
    // straddles mint may still hold a few older samples).
    int64_t minTime() const { return minTime_.load(std::memory_order_acquire); }
    int64_t maxTime() const { return maxTime_.load(std::memory_order_acquire); }

    HeadStats stats() const;
    size_t numSeries() const { return series_.size(); }
    // Makes appends older than `t` fail from now on, including those already
    // accepted by an appender but not yet committed (their commit drops them
    // and returns kErrOutOfBounds), and waits for commits in progress: when
    // it returns, every sample older than `t` the head will ever hold is
    // visible to a new querier. Maintenance calls it before persisting a
    // range, so no commit can slip into a range between its persistence and
    // truncate().
    void fenceAppendsBefore(int64_t t);

    // Appends older than this fail with kErrOutOfBounds (INT64_MIN at start).
    int64_t minValidTime() const { return minValidTime_.load(std::memory_order_acquire); }

private:
    friend class HeadAppender;
    friend class HeadQuerier;

    struct Counters {
        std::atomic<uint64_t> samplesAppended{0};
        std::atomic<uint64_t> outOfOrderSamplesAppended{0};
        std::atomic<uint64_t> outOfOrderRejected{0};
        std::atomic<uint64_t> duplicateRejected{0};
        std::atomic<uint64_t> tooOldRejected{0};
        std::atomic<uint64_t> outOfBoundsRejected{0};
        std::atomic<uint64_t> seriesCreated{0};
        std::atomic<uint64_t> seriesRemoved{0};
        std::atomic<uint64_t> chunksCreated{0};
        std::atomic<uint64_t> chunksRemoved{0};
    };

    // Finds or creates the series for `labels` and pins it. Sets *created.
    // Fails on invalid labels.
    Result<MemSeries *> getOrCreatePinned(const model::Labels &labels, bool *created);
    // Counts the outcome of one append and maps it to a Status.
    Status countResult(MemSeries::AppendResult r);
    void bumpNextRef(uint64_t ref);
    // Widens [minTime, maxTime] to include [mint, maxt].
    void updateTimeBounds(int64_t mint, int64_t maxt);

    const HeadOptions options_;
    std::atomic<WalSink *> walSink_{nullptr};
    StripedSeriesMap series_;
    MemPostings postings_;
    std::atomic<uint64_t> nextRef_{1};
    std::atomic<uint32_t> nextAppenderId_{MemSeries::kWalFirstClaimer};
    std::atomic<int64_t> minValidTime_;
    // Commits hold it shared while they check minValidTime_ and apply;
    // fenceAppendsBefore() takes it exclusively once to wait for them.
    mutable std::shared_mutex commitGate_;
    std::atomic<int64_t> minTime_{INT64_MAX};
    std::atomic<int64_t> maxTime_{INT64_MIN};
    mutable Counters counters_;
};

}  // namespace vigil::tsdb
