// HeadSeries: one series of a head query result: the series' labels and an
// immutable snapshot of its data within the querier's [mint, maxt].
//
// Ownership: shares the MemSeries (only its immutable labels are read) and
// the snapshot, so it may outlive the querier and the head. Thread safety:
// immutable; iterator() may be called from any thread.
#pragma once

#include "tsdb/mem_series.h"
#include "tsdb/series_snapshot.h"

#include "storage/storage.h"

#include <memory>

namespace vigil::tsdb {

class HeadSeries : public storage::Series {
public:
    HeadSeries(std::shared_ptr<const MemSeries> series, std::shared_ptr<const SeriesSnapshot> snapshot,
               int64_t mint, int64_t maxt)
        : series_(std::move(series)), snapshot_(std::move(snapshot)), mint_(mint), maxt_(maxt)
    {
    }

    const model::Labels &labels() const override { return series_->labels(); }
    std::unique_ptr<storage::SampleIterator> iterator() const override;

private:
    std::shared_ptr<const MemSeries> series_;
    std::shared_ptr<const SeriesSnapshot> snapshot_;
    int64_t mint_, maxt_;
};

}  // namespace vigil::tsdb
