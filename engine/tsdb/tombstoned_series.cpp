#include "tsdb/tombstoned_series.h"

#include <algorithm>

namespace vigil::tsdb {

namespace {

class TombstonedIterator : public storage::SampleIterator {
public:
    TombstonedIterator(std::unique_ptr<storage::SampleIterator> inner,
                       std::shared_ptr<const Intervals> deleted)
        : inner_(std::move(inner)), deleted_(std::move(deleted))
    {
    }

    bool next() override
    {
        if (!inner_->next()) return false;
        return skipDeleted();
    }
    bool seek(int64_t t) override
    {
        if (!inner_->seek(t)) return false;
        return skipDeleted();
    }
    model::Sample at() const override { return inner_->at(); }
    Status status() const override { return inner_->status(); }

private:
    // Moves past the deleted range holding the current sample, if any.
    bool skipDeleted()
    {
        for (;;) {
            const int64_t t = inner_->at().t;
            auto it = std::upper_bound(deleted_->begin(), deleted_->end(), t,
                                       [](int64_t x, const Interval &i) { return x < i.mint; });
            if (it == deleted_->begin() || std::prev(it)->maxt < t) return true;
            const int64_t maxt = std::prev(it)->maxt;
            if (maxt == INT64_MAX || !inner_->seek(maxt + 1)) return false;
        }
    }

    std::unique_ptr<storage::SampleIterator> inner_;
    std::shared_ptr<const Intervals> deleted_;
};

}  // namespace

std::unique_ptr<storage::SampleIterator> TombstonedSeries::iterator() const
{
    return std::make_unique<TombstonedIterator>(inner_->iterator(), deleted_);
}

Result<storage::SeriesSet> applyTombstones(storage::SeriesSet set, const Tombstones &tombstones)
{
    if (tombstones.empty()) return set;
    storage::SeriesSet out;
    out.reserve(set.size());
    for (auto &s : set) {
        Intervals deleted = tombstones.lookup(s->labels());
        if (deleted.empty()) {
            out.push_back(std::move(s));
            continue;
        }
        auto wrapped = std::make_shared<const TombstonedSeries>(std::move(s), std::move(deleted));
        auto it = wrapped->iterator();
        const bool any = it->next();
        if (!it->status().isOk()) return it->status();
        if (any) out.push_back(std::move(wrapped));
    }
    return out;
}

}  // namespace vigil::tsdb
