#include "tsdb/head_series.h"

#include "tsdb/head_series_iterator.h"

namespace vigil::tsdb {

std::unique_ptr<storage::SampleIterator> HeadSeries::iterator() const
{
    return std::make_unique<HeadSeriesIterator>(snapshot_, mint_, maxt_);
}

}  // namespace vigil::tsdb
