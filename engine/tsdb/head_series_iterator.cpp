#include "tsdb/head_series_iterator.h"

namespace vigil::tsdb {

HeadSeriesIterator::HeadSeriesIterator(std::shared_ptr<const SeriesSnapshot> snapshot, int64_t mint, int64_t maxt)
    : snap_(std::move(snapshot)), mint_(mint), maxt_(maxt)
{
    singleChunks_.reserve(snap_->outOfOrder.size());
    for (const auto &c : snap_->outOfOrder) singleChunks_.push_back({c});
    streams_.reserve(1 + singleChunks_.size() + 1);
    if (!snap_->inOrder.empty()) streams_.emplace_back().chunks = &snap_->inOrder;
    for (const auto &chain : singleChunks_) streams_.emplace_back().chunks = &chain;
    if (!snap_->outOfOrderSamples.empty()) streams_.emplace_back().samples = &snap_->outOfOrderSamples;
}

HeadSeriesIterator::~HeadSeriesIterator() = default;

bool HeadSeriesIterator::advance(Stream &s)
{
    if (s.samples) {
        if (s.started) ++s.sampleIdx;
        s.started = true;
        s.valid = s.sampleIdx < s.samples->size();
        if (s.valid) {
            s.t = (*s.samples)[s.sampleIdx].t;
            s.v = (*s.samples)[s.sampleIdx].v;
        }
        return s.valid;
    }
    const auto &chunks = *s.chunks;
    if (!s.started) {
        s.started = true;
        s.chunkIdx = 0;
        if (chunks.empty()) return s.valid = false;
        s.it = XorIterator(chunks[0].data.get(), chunks[0].size);
    }
    for (;;) {
        if (s.it.next()) {
            s.t = s.it.t();
            s.v = s.it.v();
            return s.valid = true;
        }
        if (!s.it.status().isOk()) {
            status_ = s.it.status();
            return s.valid = false;
        }
        if (++s.chunkIdx >= chunks.size()) return s.valid = false;
        s.it = XorIterator(chunks[s.chunkIdx].data.get(), chunks[s.chunkIdx].size);
    }
}

bool HeadSeriesIterator::seekStream(Stream &s, int64_t t)
{
    if (s.started && (!s.valid || s.t >= t)) return s.valid;
    if (s.samples) {
        while (advance(s)) {
            if (s.t >= t) return true;
        }
        return false;
    }
    // Skip whole chunks that end before t without decoding them.
    const auto &chunks = *s.chunks;
    size_t idx = s.started ? s.chunkIdx : 0;
    while (idx < chunks.size() && chunks[idx].maxTime < t) ++idx;
    if (idx >= chunks.size()) {
        s.started = true;
        s.chunkIdx = idx;
        return s.valid = false;
    }
    if (!s.started || idx != s.chunkIdx) {
        s.started = true;
        s.chunkIdx = idx;
        s.it = XorIterator(chunks[idx].data.get(), chunks[idx].size);
    }
    while (advance(s)) {
        if (s.t >= t) return true;
    }
    return false;
}

bool HeadSeriesIterator::pick()
{
    Stream *best = nullptr;
    for (Stream &s : streams_) {
        if (s.valid && (!best || s.t < best->t)) best = &s;
    }
    if (!status_.isOk() || !best || best->t > maxt_) {
        done_ = true;
        return false;
    }
    cur_ = {best->t, best->v};
    return true;
}

bool HeadSeriesIterator::next()
{
    if (done_) return false;
    if (!started_) return seek(mint_);
    const int64_t t = cur_.t;
    for (Stream &s : streams_) {
        if (s.valid && s.t == t) advance(s);
    }
    return pick();
}

bool HeadSeriesIterator::seek(int64_t t)
{
    if (done_) return false;
    if (started_ && cur_.t >= t) return true;
    started_ = true;
    if (t < mint_) t = mint_;
    for (Stream &s : streams_) seekStream(s, t);
    return pick();
}

}  // namespace vigil::tsdb
