// DbWalSink: the head's WalSink writing to a wal::Wal (forwards logSeries
// and logSamples). Thread-safe because Wal is. The Wal is not owned and must
// outlive the sink's use by the head.
#pragma once

#include "tsdb/head.h"
#include "tsdb/wal/wal.h"

namespace vigil::tsdb {

class DbWalSink : public WalSink {
public:
    explicit DbWalSink(wal::Wal &wal) : wal_(wal) {}
    Status logSeries(const std::vector<std::pair<uint64_t, model::Labels>> &series) override
    {
        return wal_.logSeries(series);
    }
    Status logSamples(const std::vector<RefSample> &samples) override { return wal_.logSamples(samples); }

private:
    wal::Wal &wal_;
};

}  // namespace vigil::tsdb
