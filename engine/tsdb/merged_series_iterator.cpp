#include "tsdb/merged_series_iterator.h"

#include <climits>

namespace vigil::tsdb {

MergedSeriesIterator::MergedSeriesIterator(std::vector<std::unique_ptr<storage::SampleIterator>> its)
{
    inputs_.reserve(its.size());
    for (auto &it : its) inputs_.push_back({std::move(it), false});
}

bool MergedSeriesIterator::checkError(const Input &in)
{
    if (in.valid) return false;
    Status st = in.it->status();
    if (st.isOk()) return false;
    status_ = std::move(st);
    done_ = true;
    return true;
}

// Chooses the smallest current timestamp (first input wins ties) and
// advances every other input sitting on the same timestamp.
bool MergedSeriesIterator::pick()
{
    const Input *best = nullptr;
    for (const Input &in : inputs_) {
        if (in.valid && (!best || in.it->at().t < best->it->at().t)) best = &in;
    }
    if (!best) {
        done_ = true;
        return false;
    }
    cur_ = best->it->at();
    return true;
}

bool MergedSeriesIterator::next()
{
    if (done_) return false;
    if (!started_) {
        started_ = true;
        for (Input &in : inputs_) {
            in.valid = in.it->next();
            if (checkError(in)) return false;
        }
        return pick();
    }
    // Advance every input positioned at the current timestamp.
    for (Input &in : inputs_) {
        if (in.valid && in.it->at().t == cur_.t) {
            in.valid = in.it->next();
            if (checkError(in)) return false;
        }
    }
    return pick();
}

bool MergedSeriesIterator::seek(int64_t t)
{
    if (done_) return false;
    if (started_ && cur_.t >= t) return true;
    started_ = true;
    for (Input &in : inputs_) {
        if (in.valid && in.it->at().t >= t) continue;
        in.valid = in.it->seek(t);
        if (checkError(in)) return false;
    }
    return pick();
}

}  // namespace vigil::tsdb
