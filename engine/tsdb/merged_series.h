// MergedSeries: one series whose samples come from several sources (e.g. a
// persisted block and the head). All parts must have the same labels; their
// iterators are merged by MergedSeriesIterator (first part wins on equal
// timestamps). Immutable; shares the parts, so it may outlive their queriers.
#pragma once

#include "storage/storage.h"

#include <vector>

namespace vigil::tsdb {

class MergedSeries : public storage::Series {
public:
    explicit MergedSeries(std::vector<storage::SeriesPtr> parts) : parts_(std::move(parts)) {}

    const model::Labels &labels() const override { return parts_.front()->labels(); }
    std::unique_ptr<storage::SampleIterator> iterator() const override;

private:
    std::vector<storage::SeriesPtr> parts_;  // non-empty
};

}  // namespace vigil::tsdb
