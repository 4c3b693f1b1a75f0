#include "tsdb/block_series.h"

#include "tsdb/value_column.h"
#include "tsdb/vector_sample_iterator.h"

namespace vigil::tsdb {

std::unique_ptr<storage::SampleIterator> BlockSeries::iterator() const
{
    const Block::SeriesEntry &e = block_->series()[index_];
    auto frame = block_->frame(e.frame);
    if (!frame) return std::make_unique<VectorSampleIterator>(frame.status());
    const char *p = (*frame)->data() + e.valueOffset;
    std::vector<double> values;
    const Status st = value_column::decode(p, p + e.valueLength, e.numSamples, &values);
    if (!st.isOk()) return std::make_unique<VectorSampleIterator>(st.withContext(block_->path()));
    return std::make_unique<VectorSampleIterator>(block_, &block_->timeColumn(e.timeColumn), std::move(values),
                                                  mint_, maxt_);
}

}  // namespace vigil::tsdb
