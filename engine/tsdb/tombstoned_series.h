// TombstonedSeries: a series seen through its deleted ranges — its iterator
// skips every sample inside one of the intervals (tsdb/tombstones.h).
//
// applyTombstones() wraps the series of a query result that have tombstones
// and drops those left without any sample, as Prometheus's queriers do.
//
// Ownership: shares the wrapped series. Thread safety: immutable; iterators
// are single-threaded.
#pragma once

#include "tsdb/tombstones.h"

#include "storage/storage.h"

#include <memory>

namespace vigil::tsdb {

class TombstonedSeries : public storage::Series {
public:
    TombstonedSeries(storage::SeriesPtr inner, Intervals deleted)
        : inner_(std::move(inner)), deleted_(std::make_shared<const Intervals>(std::move(deleted)))
    {
    }
    const model::Labels &labels() const override { return inner_->labels(); }
    std::unique_ptr<storage::SampleIterator> iterator() const override;

private:
    storage::SeriesPtr inner_;
    std::shared_ptr<const Intervals> deleted_;  // shared with the iterators
};

// Returns `set` (sorted) with `tombstones` applied.
Result<storage::SeriesSet> applyTombstones(storage::SeriesSet set, const Tombstones &tombstones);

}  // namespace vigil::tsdb
