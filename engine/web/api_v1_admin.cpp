// ApiV1: the admin endpoints (/api/v1/admin/tsdb/...), behind
// --web.enable-admin-api as in Prometheus.
#include "web/api_params.h"
#include "web/api_v1.h"

#include <QHttpServer>
#include <QHttpServerRequest>

namespace vigil::web {

void ApiV1::registerAdminRoutes(QHttpServer *server)
{
    using M = QHttpServerRequest::Method;
    server->route(QStringLiteral("/api/v1/admin/tsdb/delete_series"), M::Post | M::Put,
                  [this](const QHttpServerRequest &req) {
                      return runAsync([this](const ApiParams &p) { return deleteSeries(p); },
                                      ApiParams::fromRequest(req));
                  });
}

namespace {

// Prometheus 2.42 answers errorType "unavailable" with status 500 here (its
// respondError has no case for it); scripts check for exactly that.
QHttpServerResponse adminDisabled()
{
    const QHttpServerResponse r = ApiV1::error(ApiV1::ErrorType::Unavailable, "admin APIs disabled");
    return QHttpServerResponse(r.mimeType(), r.data(), QHttpServerResponse::StatusCode::InternalServerError);
}

}  // namespace

QHttpServerResponse ApiV1::deleteSeries(const ApiParams &p)
{
    if (!sources_.options.enableAdminApi) return adminDisabled();
    if (!sources_.deleteSeries) return error(ErrorType::Unavailable, "this storage cannot delete series");
    if (!p.has("match[]")) return error(ErrorType::BadData, "no match[] parameter provided");
    auto start = timeParam(p, "start", kApiMinTimeMs);
    if (!start.isOk()) return error(ErrorType::BadData, start.status().message());
    auto end = timeParam(p, "end", kApiMaxTimeMs);
    if (!end.isOk()) return error(ErrorType::BadData, end.status().message());
    // All selectors are checked before anything is deleted.
    auto sets = parseMatchParams(p.all("match[]"));
    if (!sets.isOk()) return error(ErrorType::BadData, sets.status().message());
    for (const auto &set : *sets) {
        const Status st = sources_.deleteSeries(set, *start, *end);
        if (!st.isOk()) return error(ErrorType::Internal, st.message());
    }
    return QHttpServerResponse(QHttpServerResponse::StatusCode::NoContent);
}

}  // namespace vigil::web
