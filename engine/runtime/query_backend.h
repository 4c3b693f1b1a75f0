// QueryBackend: what a console panel asks of a data source — instant and
// range queries, label names and values, metric metadata — whether the
// source is the in-process engine (QueryService) or a remote
// Prometheus-compatible server (RemoteQueryClient), so panels do not care
// which one answers.
//
// Contract shared by every implementation: each call returns at once with a
// QFuture that always finishes with exactly one result (errors inside it as
// a Status, never an exception or a future without a result). The optional
// CancelToken stops the work: the outcome then says Cancelled. Times are
// int64 ms since the epoch, [mint, maxt] inclusive. All methods may be called
// from any thread.
#pragma once

#include "core/status.h"
#include "exposition/metric_metadata.h"
#include "model/matcher.h"
#include "promql/cancellation_token.h"
#include "promql/value.h"

#include <QFuture>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace vigil::runtime {

using CancelToken = std::shared_ptr<promql::CancellationToken>;

struct QueryOutcome {
    Status status;               // Cancelled when the token stopped it
    promql::QueryResult result;  // valid when status is Ok
    int64_t elapsedMs = 0;       // wall time of the evaluation (remote: of the request)
};

struct StringsOutcome {
    Status status;
    std::vector<std::string> values;  // sorted, unique
};

// HELP/TYPE/UNIT by metric family name, merged over all targets (the first
// target's entry wins when targets disagree).
struct MetadataOutcome {
    Status status;
    std::map<std::string, exposition::MetricMetadata> metrics;
};

class QueryBackend {
public:
    virtual ~QueryBackend() = default;
    virtual QFuture<QueryOutcome> instantQuery(std::string query, int64_t timeMs, CancelToken cancel = {}) = 0;
    virtual QFuture<QueryOutcome> rangeQuery(std::string query, int64_t startMs, int64_t endMs, int64_t stepMs,
                                             CancelToken cancel = {}) = 0;
    // Label names of series matching `matchers` (all series when empty).
    virtual QFuture<StringsOutcome> labelNames(std::vector<model::Matcher> matchers, int64_t mint, int64_t maxt) = 0;
    // Values of label `name` among those series ("__name__": metric names).
    virtual QFuture<StringsOutcome> labelValues(std::string name, std::vector<model::Matcher> matchers, int64_t mint,
                                                int64_t maxt) = 0;
    virtual QFuture<MetadataOutcome> metadata() = 0;
};

}  // namespace vigil::runtime
