// ApiV1: the admin endpoints (/api/v1/admin/tsdb/...), behind
// --web.enable-admin-api as in Prometheus.
#include "web/api_params.h"
#include "web/api_v1.h"
#include "web/json_writer.h"

#include <QHttpServer>
#include <QHttpServerRequest>

#include <algorithm>
#include <iterator>

namespace vigil::web {

void ApiV1::registerAdminRoutes(QHttpServer *server)
{
    using M = QHttpServerRequest::Method;
    const std::pair<const char *, QHttpServerResponse (ApiV1::*)(const ApiParams &)> routes[] = {
        {"/api/v1/admin/tsdb/delete_series", &ApiV1::deleteSeries},
        {"/api/v1/admin/tsdb/clean_tombstones", &ApiV1::cleanTombstones},
        {"/api/v1/admin/tsdb/snapshot", &ApiV1::snapshot},
    };
    for (const auto &[path, fn] : routes) {
        server->route(QString::fromLatin1(path), M::Post | M::Put,
                      [this, fn = fn](const QHttpServerRequest &req) {
                          return runAsync([this, fn](const ApiParams &p) { return (this->*fn)(p); },
                                          ApiParams::fromRequest(req));
                      });
    }
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

namespace vigil::web {

QHttpServerResponse ApiV1::cleanTombstones(const ApiParams &)
{
    if (!sources_.options.enableAdminApi) return adminDisabled();
    if (!sources_.cleanTombstones)
        return error(ErrorType::Unavailable, "this storage cannot clean tombstones");
    const Status st = sources_.cleanTombstones();
    if (!st.isOk()) return error(ErrorType::Internal, st.message());
    return QHttpServerResponse(QHttpServerResponse::StatusCode::NoContent);
}

QHttpServerResponse ApiV1::snapshot(const ApiParams &p)
{
    if (!sources_.options.enableAdminApi) return adminDisabled();
    if (!sources_.snapshot) return error(ErrorType::Unavailable, "this storage cannot take snapshots");
    bool skipHead = false;
    if (p.has("skip_head")) {
        // Go's strconv.ParseBool.
        const std::string v = p.get("skip_head");
        static const char *const yes[] = {"1", "t", "T", "TRUE", "true", "True"};
        static const char *const no[] = {"0", "f", "F", "FALSE", "false", "False"};
        if (std::find(std::begin(yes), std::end(yes), v) != std::end(yes)) {
            skipHead = true;
        } else if (std::find(std::begin(no), std::end(no), v) == std::end(no)) {
            return error(ErrorType::BadData,
                         "invalid parameter \"skip_head\": unable to parse boolean: "
                         "strconv.ParseBool: parsing \"" +
                             v + "\": invalid syntax");
        }
    }
    auto name = sources_.snapshot(skipHead);
    if (!name.isOk()) return error(ErrorType::Internal, "create snapshot: " + name.status().message());
    JsonWriter w;
    w.beginObject().key("name").string(*name).endObject();
    return success(w.str());
}

}  // namespace vigil::web
