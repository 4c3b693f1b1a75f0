// Decoding of Prometheus HTTP API answers (/api/v1/query, query_range,
// labels, label/<name>/values, series, metadata) into the engine's own value
// types, for RemoteQueryClient. Pure functions, thread-safe.
//
// Errors: an {"status":"error"} answer becomes a Status by its errorType
// (bad_data, execution -> InvalidArgument; timeout -> DeadlineExceeded;
// canceled -> Cancelled; unavailable -> Unavailable; others Internal) with
// the server's message; a body that is not the API's JSON is Unavailable and
// names the HTTP status (a proxy's error page, a wrong URL).
#pragma once

#include "core/status.h"
#include "exposition/metric_metadata.h"
#include "promql/value.h"

#include <QByteArray>

#include <map>
#include <string>
#include <vector>

namespace vigil::runtime {

Result<promql::QueryResult> parseQueryResponse(const QByteArray &body, int httpStatus);
// labels, label values: a sorted, unique list.
Result<std::vector<std::string>> parseStringListResponse(const QByteArray &body, int httpStatus);
// series: label sets.
Result<std::vector<model::Labels>> parseSeriesResponse(const QByteArray &body, int httpStatus);
// metadata: the first entry of each family.
Result<std::map<std::string, exposition::MetricMetadata>> parseMetadataResponse(const QByteArray &body, int httpStatus);
// Sample values as the API writes them: "1.5", "1e+21", "NaN", "+Inf", "-Inf".
Result<double> parseApiValue(const QString &s);

}  // namespace vigil::runtime
