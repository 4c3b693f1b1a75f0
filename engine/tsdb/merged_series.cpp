#include "tsdb/merged_series.h"

#include "tsdb/merged_series_iterator.h"

namespace vigil::tsdb {

std::unique_ptr<storage::SampleIterator> MergedSeries::iterator() const
{
    std::vector<std::unique_ptr<storage::SampleIterator>> its;
    its.reserve(parts_.size());
    for (const auto &p : parts_) its.push_back(p->iterator());
    return std::make_unique<MergedSeriesIterator>(std::move(its));
}

}  // namespace vigil::tsdb
