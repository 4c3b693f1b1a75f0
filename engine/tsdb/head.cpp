#include "tsdb/head.h"

#include <shared_mutex>

#include "tsdb/head_appender.h"
#include "tsdb/head_querier.h"

#include <limits>
#include <mutex>

namespace vigil::tsdb {

namespace {

Status validateLabels(const model::Labels &labels)
{
    if (labels.empty()) return Status::invalidArgument("empty label set");
    for (size_t i = 0; i < labels.size(); ++i) {
        if (labels[i].name.empty()) return Status::invalidArgument("empty label name in " + labels.toString());
        if (labels[i].value.empty())
            return Status::invalidArgument("empty value for label " + labels[i].name + " in " + labels.toString());
        if (i > 0 && !(labels[i - 1].name < labels[i].name))
            return Status::invalidArgument("labels not sorted or not unique: " + labels.toString());
    }
    return Status::ok();
}

}  // namespace

Head::Head(HeadOptions options)
    : options_(options.sanitized()), minValidTime_(std::numeric_limits<int64_t>::min())
{
}

Head::~Head() = default;

std::unique_ptr<storage::Appender> Head::appender()
{
    uint32_t id = nextAppenderId_.fetch_add(1, std::memory_order_relaxed);
    while (id < MemSeries::kWalFirstClaimer) id = nextAppenderId_.fetch_add(1, std::memory_order_relaxed);  // wrapped
    return std::make_unique<HeadAppender>(*this, id);
}

Result<std::unique_ptr<storage::Querier>> Head::querier(int64_t mint, int64_t maxt)
{
    return std::unique_ptr<storage::Querier>(std::make_unique<HeadQuerier>(*this, mint, maxt));
}

void Head::bumpNextRef(uint64_t ref)
{
    uint64_t cur = nextRef_.load(std::memory_order_relaxed);
    while (cur <= ref && !nextRef_.compare_exchange_weak(cur, ref + 1, std::memory_order_relaxed)) {
    }
}

void Head::updateTimeBounds(int64_t mint, int64_t maxt)
{
    int64_t cur = minTime_.load(std::memory_order_relaxed);
    while (mint < cur && !minTime_.compare_exchange_weak(cur, mint, std::memory_order_acq_rel)) {
    }
    cur = maxTime_.load(std::memory_order_relaxed);
    while (maxt > cur && !maxTime_.compare_exchange_weak(cur, maxt, std::memory_order_acq_rel)) {
    }
}

Result<MemSeries *> Head::getOrCreatePinned(const model::Labels &labels, bool *created)
{
    *created = false;
    if (MemSeries *s = series_.getByLabels(labels, true)) return s;
    VIGIL_RETURN_IF_ERROR(validateLabels(labels));
    for (;;) {
        const uint64_t ref = nextRef_.fetch_add(1, std::memory_order_relaxed);
        MemSeries *s = series_.getOrCreate(labels, ref, true, created);
        if (!s) continue;  // ref taken by a replayed series: try the next one
        if (*created) {
            postings_.add(ref, labels);
            counters_.seriesCreated.fetch_add(1, std::memory_order_relaxed);
        }
        return s;
    }
}

Status Head::countResult(MemSeries::AppendResult r)
{
    using R = MemSeries::AppendResult;
    switch (r) {
    case R::Appended:
    case R::AppendedOutOfOrder:
    case R::NoOp:
        return Status::ok();
    case R::OutOfOrder:
        counters_.outOfOrderRejected.fetch_add(1, std::memory_order_relaxed);
        return Status::invalidArgument(storage::kErrOutOfOrder);
    case R::Duplicate:
        counters_.duplicateRejected.fetch_add(1, std::memory_order_relaxed);
        return Status::invalidArgument(storage::kErrDuplicate);
    case R::TooOld:
        counters_.tooOldRejected.fetch_add(1, std::memory_order_relaxed);
        return Status::invalidArgument(storage::kErrTooOldSample);
    }
    return Status::internal("unknown append result");
}

Status Head::replaySeries(uint64_t ref, const model::Labels &labels)
{
    if (ref == 0) return Status::corruption("series record with ref 0");
    VIGIL_RETURN_IF_ERROR(validateLabels(labels));
    bumpNextRef(ref);
    if (MemSeries *existing = series_.getByLabels(labels, false)) {
        if (existing->ref() != ref) {
            if (auto other = series_.getByRef(ref)) {
                if (other.get() != existing)
                    return Status::corruption("series ref " + std::to_string(ref) + " names two label sets");
                return Status::ok();
            }
            series_.addAlias(ref, series_.getByRef(existing->ref()));
        }
        return Status::ok();
    }
    bool created = false;
    MemSeries *s = series_.getOrCreate(labels, ref, false, &created);
    if (!s) return Status::corruption("series ref " + std::to_string(ref) + " names two label sets");
    if (created) {
        s->walState.store(MemSeries::kWalLogged, std::memory_order_release);
        postings_.add(ref, labels);
        counters_.seriesCreated.fetch_add(1, std::memory_order_relaxed);
    }
    return Status::ok();
}

Status Head::replaySample(const RefSample &sample)
{
    std::shared_ptr<MemSeries> s = series_.getByRef(sample.ref);
    if (!s) return Status::notFound("sample for unknown series ref " + std::to_string(sample.ref));
    if (sample.t < minValidTime()) {
        counters_.outOfBoundsRejected.fetch_add(1, std::memory_order_relaxed);
        return Status::invalidArgument(storage::kErrOutOfBounds);
    }
    MemSeries::AppendEffects effects;
    MemSeries::AppendResult r;
    {
        std::lock_guard lock(s->mutex());
        r = s->appendLocked(sample.t, sample.v, options_, &effects);
    }
    if (effects.chunksCreated) counters_.chunksCreated.fetch_add(effects.chunksCreated, std::memory_order_relaxed);
    if (r == MemSeries::AppendResult::Appended || r == MemSeries::AppendResult::AppendedOutOfOrder) {
        updateTimeBounds(sample.t, sample.t);
        counters_.samplesAppended.fetch_add(1, std::memory_order_relaxed);
        if (r == MemSeries::AppendResult::AppendedOutOfOrder)
            counters_.outOfOrderSamplesAppended.fetch_add(1, std::memory_order_relaxed);
    }
    return countResult(r);
}

void Head::fenceAppendsBefore(int64_t t)
{
    int64_t cur = minValidTime_.load(std::memory_order_relaxed);
    while (cur < t && !minValidTime_.compare_exchange_weak(cur, t, std::memory_order_acq_rel)) {
    }
    // Commits that checked the old bound finish before this returns; later
    // ones see the new bound (they read it under the shared lock).
    std::unique_lock gate(commitGate_);
}

void Head::truncate(int64_t mint)
{
    int64_t cur = minValidTime_.load(std::memory_order_relaxed);
    while (cur < mint && !minValidTime_.compare_exchange_weak(cur, mint, std::memory_order_acq_rel)) {
    }
    cur = minTime_.load(std::memory_order_relaxed);
    while (cur < mint && !minTime_.compare_exchange_weak(cur, mint, std::memory_order_acq_rel)) {
    }
    uint64_t chunksDropped = 0;
    std::vector<std::shared_ptr<MemSeries>> candidates;
    for (auto &s : series_.all()) {
        std::lock_guard lock(s->mutex());
        chunksDropped += s->truncateLocked(mint);
        if (s->emptyLocked()) candidates.push_back(s);
    }
    auto removed = series_.removeIf(candidates, [](MemSeries &s) { return s.emptyLocked(); });
    std::vector<std::pair<uint64_t, const model::Labels *>> gone;
    gone.reserve(removed.size());
    for (const auto &s : removed) gone.emplace_back(s->ref(), &s->labels());
    postings_.remove(gone);
    counters_.chunksRemoved.fetch_add(chunksDropped, std::memory_order_relaxed);
    counters_.seriesRemoved.fetch_add(removed.size(), std::memory_order_relaxed);
}

std::vector<PersistableChunk> Head::closedChunksBefore(int64_t t) const
{
    std::vector<PersistableChunk> out;
    std::vector<ClosedChunk> inOrder, outOfOrder;
    for (const auto &s : series_.all()) {
        inOrder.clear();
        outOfOrder.clear();
        {
            std::lock_guard lock(s->mutex());
            s->closedChunksBeforeLocked(t, &inOrder, &outOfOrder);
        }
        for (auto &c : inOrder) out.push_back({s->ref(), s->labels(), std::move(c), false});
        for (auto &c : outOfOrder) out.push_back({s->ref(), s->labels(), std::move(c), true});
    }
    return out;
}

HeadStats Head::stats() const
{
    HeadStats st;
    st.samplesAppended = counters_.samplesAppended.load(std::memory_order_relaxed);
    st.outOfOrderSamplesAppended = counters_.outOfOrderSamplesAppended.load(std::memory_order_relaxed);
    st.outOfOrderRejected = counters_.outOfOrderRejected.load(std::memory_order_relaxed);
    st.duplicateRejected = counters_.duplicateRejected.load(std::memory_order_relaxed);
    st.tooOldRejected = counters_.tooOldRejected.load(std::memory_order_relaxed);
    st.outOfBoundsRejected = counters_.outOfBoundsRejected.load(std::memory_order_relaxed);
    st.seriesCreated = counters_.seriesCreated.load(std::memory_order_relaxed);
    st.seriesRemoved = counters_.seriesRemoved.load(std::memory_order_relaxed);
    st.chunksCreated = counters_.chunksCreated.load(std::memory_order_relaxed);
    st.chunksRemoved = counters_.chunksRemoved.load(std::memory_order_relaxed);
    st.numSeries = series_.size();
    return st;
}

}  // namespace vigil::tsdb
