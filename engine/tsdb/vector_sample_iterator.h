// VectorSampleIterator: iterates decoded samples (timestamps shared with
// their owner, values owned) restricted to [mint, maxt] inclusive, or
// reports a fixed error. Timestamps must be strictly increasing.
//
// Ownership: keeps `owner` alive while it reads `*ts`. Thread safety: one
// thread at a time.
#pragma once

#include "storage/storage.h"

#include <algorithm>
#include <memory>
#include <vector>

namespace vigil::tsdb {

class VectorSampleIterator : public storage::SampleIterator {
public:
    VectorSampleIterator(std::shared_ptr<const void> owner, const std::vector<int64_t> *ts, std::vector<double> vs,
                         int64_t mint, int64_t maxt)
        : owner_(std::move(owner)), ts_(ts), vs_(std::move(vs))
    {
        pos_ = size_t(std::lower_bound(ts_->begin(), ts_->end(), mint) - ts_->begin());
        end_ = size_t(std::upper_bound(ts_->begin(), ts_->end(), maxt) - ts_->begin());
        if (end_ < pos_) end_ = pos_;
    }
    explicit VectorSampleIterator(Status error) : status_(std::move(error)) {}

    bool next() override
    {
        if (!ts_) return false;
        if (started_) ++pos_;
        started_ = true;
        return pos_ < end_;
    }
    bool seek(int64_t t) override
    {
        if (!ts_) return false;
        if (!started_) started_ = true;
        if (pos_ >= end_) return false;
        if ((*ts_)[pos_] >= t) return true;
        pos_ = size_t(std::lower_bound(ts_->begin() + long(pos_), ts_->begin() + long(end_), t) - ts_->begin());
        return pos_ < end_;
    }
    model::Sample at() const override { return {(*ts_)[pos_], vs_[pos_]}; }
    Status status() const override { return status_; }

private:
    std::shared_ptr<const void> owner_;
    const std::vector<int64_t> *ts_ = nullptr;
    std::vector<double> vs_;
    size_t pos_ = 0, end_ = 0;
    bool started_ = false;
    Status status_;
};

}  // namespace vigil::tsdb
