#include "tsdb/head_appender.h"

#include "tsdb/head.h"

#include <algorithm>
#include <climits>
#include <mutex>
#include <shared_mutex>
#include <string>

namespace vigil::tsdb {

HeadAppender::~HeadAppender() { rollback(); }

Result<storage::SeriesRef> HeadAppender::append(storage::SeriesRef ref, const model::Labels &labels, int64_t t,
                                                double v)
{
    if (t < head_.minValidTime()) {
        head_.counters_.outOfBoundsRejected.fetch_add(1, std::memory_order_relaxed);
        return Status::invalidArgument(storage::kErrOutOfBounds);
    }
    MemSeries *s = nullptr;
    if (ref != 0) s = head_.series_.getByRefPinned(ref);
    if (!s) {
        if (labels.empty()) {
            if (ref != 0) return Status::notFound("unknown series ref " + std::to_string(ref));
            return Status::invalidArgument("empty label set");
        }
        bool created = false;
        Result<MemSeries *> r = head_.getOrCreatePinned(labels, &created);
        if (!r.isOk()) return r.status();
        s = *r;
    }

    using R = MemSeries::AppendResult;
    R r = R::Appended;
    if (!s->newerThanLast(t)) {
        std::lock_guard lock(s->mutex());
        r = s->appendableLocked(t, v, head_.options_.outOfOrderWindowMs);
    }
    if (r != R::Appended && r != R::AppendedOutOfOrder) {
        s->pins.fetch_sub(1, std::memory_order_release);
        Status st = head_.countResult(r);
        if (!st.isOk()) return st;
        return s->ref();  // NoOp: identical sample already stored
    }

    if (head_.walSink_.load(std::memory_order_acquire) != nullptr) {
        uint32_t state = s->walState.load(std::memory_order_acquire);
        if (state != MemSeries::kWalLogged && state != id_) {
            if (state == MemSeries::kWalUnlogged &&
                s->walState.compare_exchange_strong(state, id_, std::memory_order_acq_rel)) {
                unlogged_.push_back(s);
            } else if (state != MemSeries::kWalLogged && (alsoLog_.empty() || alsoLog_.back() != s)) {
                // Another appender's commit is about to write the record;
                // write it too so this batch's samples never precede it.
                alsoLog_.push_back(s);
            }
        }
    }
    samples_.push_back({s, t, v});
    return s->ref();
}

void HeadAppender::releasePins()
{
    for (const Pending &p : samples_) p.series->pins.fetch_sub(1, std::memory_order_release);
    samples_.clear();
}

void HeadAppender::releaseClaims()
{
    for (MemSeries *s : unlogged_) {
        uint32_t mine = id_;  // leave it alone if another commit logged it meanwhile
        s->walState.compare_exchange_strong(mine, MemSeries::kWalUnlogged, std::memory_order_acq_rel);
    }
    unlogged_.clear();
    alsoLog_.clear();
}

void HeadAppender::rollback()
{
    releaseClaims();
    releasePins();
}

Status HeadAppender::commit()
{
    // See Head::fenceAppendsBefore(): samples accepted by append() before a
    // fence raised the bound are dropped here, before they are logged.
    std::shared_lock gate(head_.commitGate_);
    const int64_t minValid = head_.minValidTime();
    size_t fenced = 0;
    if (minValid != INT64_MIN) {
        auto keep = std::remove_if(samples_.begin(), samples_.end(), [&](const Pending &p) {
            if (p.t >= minValid) return false;
            p.series->pins.fetch_sub(1, std::memory_order_release);
            return true;
        });
        fenced = size_t(samples_.end() - keep);
        samples_.erase(keep, samples_.end());
        if (fenced) head_.counters_.outOfBoundsRejected.fetch_add(fenced, std::memory_order_relaxed);
    }
    if (WalSink *sink = head_.walSink_.load(std::memory_order_acquire)) {
        if (!unlogged_.empty() || !alsoLog_.empty()) {
            std::vector<std::pair<uint64_t, model::Labels>> records;
            records.reserve(unlogged_.size() + alsoLog_.size());
            for (MemSeries *s : unlogged_) records.emplace_back(s->ref(), s->labels());
            for (MemSeries *s : alsoLog_) records.emplace_back(s->ref(), s->labels());
            Status st = sink->logSeries(records);
            if (!st.isOk()) {
                rollback();
                return st;
            }
            for (MemSeries *s : unlogged_) s->walState.store(MemSeries::kWalLogged, std::memory_order_release);
            for (MemSeries *s : alsoLog_) s->walState.store(MemSeries::kWalLogged, std::memory_order_release);
            unlogged_.clear();
            alsoLog_.clear();
        }
        if (!samples_.empty()) {
            walSamples_.clear();
            walSamples_.reserve(samples_.size());
            for (const Pending &p : samples_) walSamples_.push_back({p.series->ref(), p.t, p.v});
            Status st = sink->logSamples(walSamples_);
            if (!st.isOk()) {
                rollback();
                return st;
            }
        }
    } else {
        // The sink went away after append(): nothing gets logged.
        releaseClaims();
    }

    using R = MemSeries::AppendResult;
    uint64_t appended = 0, appendedOoo = 0, chunks = 0;
    int64_t mint = INT64_MAX, maxt = INT64_MIN;
    MemSeries::AppendEffects effects;
    size_t i = 0;
    while (i < samples_.size()) {
        // Series are usually all different: fetch ahead to overlap the misses.
        if (i + 8 < samples_.size()) samples_[i + 8].series->prefetch();
        if (i + 4 < samples_.size()) samples_[i + 4].series->prefetchChunkTail();
        MemSeries *s = samples_[i].series;
        size_t j = i;
        {
            std::lock_guard lock(s->mutex());
            for (; j < samples_.size() && samples_[j].series == s; ++j) {
                const R r = s->appendLocked(samples_[j].t, samples_[j].v, head_.options_, &effects);
                if (r == R::Appended || r == R::AppendedOutOfOrder) {
                    ++appended;
                    if (r == R::AppendedOutOfOrder) ++appendedOoo;
                    mint = std::min(mint, samples_[j].t);
                    maxt = std::max(maxt, samples_[j].t);
                } else {
                    (void)head_.countResult(r);
                }
            }
        }
        s->pins.fetch_sub(uint32_t(j - i), std::memory_order_release);
        i = j;
    }
    chunks = effects.chunksCreated;
    samples_.clear();
    if (appended) head_.updateTimeBounds(mint, maxt);
    auto &c = head_.counters_;
    if (appended) c.samplesAppended.fetch_add(appended, std::memory_order_relaxed);
    if (appendedOoo) c.outOfOrderSamplesAppended.fetch_add(appendedOoo, std::memory_order_relaxed);
    if (chunks) c.chunksCreated.fetch_add(chunks, std::memory_order_relaxed);
    if (fenced) {
        return Status::invalidArgument(std::string(storage::kErrOutOfBounds) + ": " + std::to_string(fenced) +
                                       " sample(s) older than the range being persisted were dropped at commit");
    }
    return Status::ok();
}

}  // namespace vigil::tsdb
