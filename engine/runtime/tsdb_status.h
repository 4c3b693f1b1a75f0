// TsdbStatus: what /api/v1/status/tsdb reports, for the console's Status
// page — head figures (series, samples appended, chunks), WAL and block
// sizes, and the ten largest entries by cardinality: series per metric name,
// distinct values per label name, series per label pair.
//
// computeTsdbStatus() reads every series' labels through a querier over the
// head's recent window (no samples are decoded); it takes time proportional
// to the number of series, so callers on the GUI thread run it on a worker
// (the Status page does). Errors of the querier come back as its Status.
// Thread safety: the Db is thread-safe; the result is a plain value.
#pragma once

#include "core/status.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace vigil::tsdb { class Db; }

namespace vigil::runtime {

struct TsdbStatus {
    uint64_t headSeries = 0;
    uint64_t samplesAppended = 0;
    uint64_t headChunks = 0;
    uint64_t walBytes = 0;
    uint64_t blockBytes = 0;
    uint64_t blocks = 0;
    uint64_t labelPairs = 0;  // distinct name=value pairs
    using Counts = std::vector<std::pair<std::string, uint64_t>>;  // largest first, ties by name, at most 10
    Counts seriesByMetricName;
    Counts valuesByLabelName;
    Counts seriesByLabelPair;
};

Result<TsdbStatus> computeTsdbStatus(tsdb::Db *db, int64_t nowMs);

}  // namespace vigil::runtime
