#include "tsdb/mem_series.h"

#include "tsdb/xor_iterator.h"

#include <algorithm>
#include <bit>
#include <limits>

namespace vigil::tsdb {

namespace {

// Start of the next chunk range after the one containing t (floor division,
// so negative timestamps align too). Saturates at INT64_MAX.
int64_t nextRangeBoundary(int64_t t, int64_t range)
{
    int64_t q = t / range;
    if (t % range != 0 && t < 0) --q;
    const int64_t start = q * range;
    if (start > std::numeric_limits<int64_t>::max() - range) return std::numeric_limits<int64_t>::max();
    return start + range;
}

// Looks for a sample at exactly t in c; sets *vbits when found.
bool findInChunk(const ClosedChunk &c, int64_t t, uint64_t *vbits)
{
    if (t < c.minTime || t > c.maxTime) return false;
    XorIterator it(c.data.get(), c.size);
    if (it.seek(t) && it.t() == t) {
        *vbits = it.vBits();
        return true;
    }
    return false;
}

ClosedChunk closeChunk(const XorChunk &c)
{
    return ClosedChunk::copyOf(c.minTime(), c.maxTime(), c.numSamples(), c.data(), c.size());
}

}  // namespace

MemSeries::~MemSeries() = default;

MemSeries::AppendResult MemSeries::appendableLocked(int64_t t, double v, int64_t oooWindowMs) const
{
    const int64_t lastT = lastT_.load(std::memory_order_relaxed);
    if (!hasLast_ || t > lastT) return AppendResult::Appended;
    if (t == lastT) {
        return std::bit_cast<uint64_t>(v) == lastVBits_ ? AppendResult::NoOp : AppendResult::Duplicate;
    }
    if (oooWindowMs <= 0) return AppendResult::OutOfOrder;
    // t < lastT_ here, so lastT_ - t does not overflow unless the span is
    // astronomically large; compare in unsigned to be safe.
    if (uint64_t(lastT) - uint64_t(t) > uint64_t(oooWindowMs)) return AppendResult::TooOld;
    // An out-of-order sample may repeat a timestamp already stored anywhere:
    // look it up (rare path, decodes at most a few chunks).
    const uint64_t vbits = std::bit_cast<uint64_t>(v);
    uint64_t found = 0;
    bool hit = false;
    if (ooo_) {
        auto it = std::lower_bound(ooo_->buffer.begin(), ooo_->buffer.end(), t,
                                   [](const model::Sample &s, int64_t x) { return s.t < x; });
        if (it != ooo_->buffer.end() && it->t == t) {
            hit = true;
            found = std::bit_cast<uint64_t>(it->v);
        }
        for (size_t i = 0; !hit && i < ooo_->chunks.size(); ++i) hit = findInChunk(ooo_->chunks[i], t, &found);
    }
    for (size_t i = chunks_.size(); !hit && i > 0; --i) {
        if (chunks_[i - 1].maxTime < t) break;
        hit = findInChunk(chunks_[i - 1], t, &found);
    }
    if (!hit && !head_.empty() && head_.minTime() <= t) {
        XorIterator it(head_.data(), head_.size());
        if (it.seek(t) && it.t() == t) {
            hit = true;
            found = it.vBits();
        }
    }
    if (hit) return found == vbits ? AppendResult::NoOp : AppendResult::Duplicate;
    return AppendResult::AppendedOutOfOrder;
}

MemSeries::AppendResult MemSeries::appendLocked(int64_t t, double v, const HeadOptions &opts,
                                                AppendEffects *effects)
{
    const AppendResult r = appendableLocked(t, v, opts.outOfOrderWindowMs);
    if (r == AppendResult::AppendedOutOfOrder) return appendOutOfOrderLocked(t, v, opts, effects);
    if (r != AppendResult::Appended) return r;

    if (!head_.empty() &&
        (head_.numSamples() >= opts.samplesPerChunk || t >= nextRangeBoundary(head_.minTime(), opts.chunkRangeMs))) {
        cutLocked();
    }
    if (head_.empty()) ++effects->chunksCreated;
    head_.append(t, v);
    tailHint_.store(head_.data() + head_.size() - 1, std::memory_order_relaxed);
    lastT_.store(t, std::memory_order_relaxed);
    lastVBits_ = std::bit_cast<uint64_t>(v);
    hasLast_ = true;
    return r;
}

void MemSeries::cutLocked()
{
    chunks_.push_back(closeChunk(head_));
    head_.restart();
}

MemSeries::AppendResult MemSeries::appendOutOfOrderLocked(int64_t t, double v, const HeadOptions &opts,
                                                          AppendEffects *effects)
{
    if (!ooo_) ooo_ = std::make_unique<OutOfOrderData>();
    auto &buf = ooo_->buffer;
    auto it = std::lower_bound(buf.begin(), buf.end(), t,
                               [](const model::Sample &s, int64_t x) { return s.t < x; });
    buf.insert(it, model::Sample{t, v});
    if (buf.size() >= opts.outOfOrderCapacity) {
        XorChunk c;
        for (const auto &s : buf) c.append(s.t, s.v);
        ooo_->chunks.push_back(closeChunk(c));
        ++effects->chunksCreated;
        buf.clear();
    }
    return AppendResult::AppendedOutOfOrder;
}

void MemSeries::snapshotLocked(int64_t mint, int64_t maxt, SeriesSnapshot *out) const
{
    for (const auto &c : chunks_) {
        if (c.overlaps(mint, maxt)) out->inOrder.push_back(c);
    }
    if (!head_.empty() && head_.minTime() <= maxt && head_.maxTime() >= mint) {
        out->inOrder.push_back(closeChunk(head_));
    }
    if (ooo_) {
        for (const auto &c : ooo_->chunks) {
            if (c.overlaps(mint, maxt)) out->outOfOrder.push_back(c);
        }
        for (const auto &s : ooo_->buffer) {
            if (s.t >= mint && s.t <= maxt) out->outOfOrderSamples.push_back(s);
        }
    }
}

uint32_t MemSeries::truncateLocked(int64_t mint)
{
    uint32_t dropped = 0;
    auto keep = std::find_if(chunks_.begin(), chunks_.end(), [&](const ClosedChunk &c) { return c.maxTime >= mint; });
    dropped += uint32_t(keep - chunks_.begin());
    chunks_.erase(chunks_.begin(), keep);
    if (chunks_.empty() && chunks_.capacity() > 0) std::vector<ClosedChunk>().swap(chunks_);
    if (!head_.empty() && head_.maxTime() < mint) {
        head_.clear();
        tailHint_.store(nullptr, std::memory_order_relaxed);
        ++dropped;
    }
    if (ooo_) {
        auto &oc = ooo_->chunks;
        const auto before = oc.size();
        oc.erase(std::remove_if(oc.begin(), oc.end(), [&](const ClosedChunk &c) { return c.maxTime < mint; }),
                 oc.end());
        dropped += uint32_t(before - oc.size());
        auto &buf = ooo_->buffer;
        buf.erase(buf.begin(), std::lower_bound(buf.begin(), buf.end(), mint,
                                                [](const model::Sample &s, int64_t x) { return s.t < x; }));
        if (oc.empty() && buf.empty()) ooo_.reset();
    }
    return dropped;
}

bool MemSeries::emptyLocked() const { return chunks_.empty() && head_.empty() && !ooo_; }

void MemSeries::closedChunksBeforeLocked(int64_t t, std::vector<ClosedChunk> *inOrder,
                                         std::vector<ClosedChunk> *outOfOrder) const
{
    for (const auto &c : chunks_) {
        if (c.maxTime < t) inOrder->push_back(c);
    }
    if (ooo_) {
        for (const auto &c : ooo_->chunks) {
            if (c.maxTime < t) outOfOrder->push_back(c);
        }
    }
}

}  // namespace vigil::tsdb
