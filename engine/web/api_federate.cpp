// GET /federate: the federation endpoint (web/federation.h). Errors are plain
// text as Go's http.Error writes them: 400 for a bad match[], 500 when the
// storage fails.
#include "web/api_v1.h"

#include "web/api_params.h"
#include "promql/parser.h"
#include "web/federation.h"

#include <QDateTime>

namespace vigil::web {

namespace {
QHttpServerResponse plainText(const std::string &body, QHttpServerResponse::StatusCode code)
{
    return QHttpServerResponse("text/plain; charset=utf-8", QByteArray::fromStdString(body + "\n"), code);
}
}  // namespace

QHttpServerResponse ApiV1::federate(const ApiParams &p)
{
    using S = QHttpServerResponse::StatusCode;
    std::vector<std::vector<model::Matcher>> sets;
    for (const std::string &v : p.all("match[]")) {
        auto ms = promql::parseMetricSelector(v);
        if (!ms.isOk()) return plainText(ms.status().message(), S::BadRequest);
        sets.push_back(std::move(*ms));
    }
    const int64_t now = QDateTime::currentMSecsSinceEpoch();
    const int64_t lookback = sources_.options.lookbackDeltaMs;
    auto querier = sources_.queryable->querier(now - lookback, now);
    if (!querier.isOk()) return plainText(querier.status().message(), S::InternalServerError);
    const model::Labels external = sources_.externalLabels ? sources_.externalLabels() : model::Labels();
    auto body = renderFederation(**querier, sets, now, lookback, external);
    if (!body.isOk()) return plainText(body.status().message(), S::InternalServerError);
    return QHttpServerResponse("text/plain; version=0.0.4; charset=utf-8", QByteArray::fromStdString(*body));
}

}  // namespace vigil::web
