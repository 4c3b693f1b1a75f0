// ApiV1: Prometheus's HTTP API (/api/v1/...) over Vigil's engine.
//
// Same paths, parameters, JSON shapes and status codes as Prometheus 2.42:
//   {"status":"success","data":<data>[,"warnings":[...]][,"infos":[...]]}
//   {"status":"error","errorType":"bad_data","error":"..."}
// with bad_data 400, execution 422, canceled/timeout/unavailable 503,
// internal 500, not_found 404. Endpoints: query, query_range, series, labels,
// label/<name>/values, metadata, targets, targets/metadata, status/buildinfo,
// status/config, status/flags, status/runtimeinfo, status/tsdb,
// format_query, parse_query, rules, alerts, query_exemplars (always empty: no exemplar
// storage), and /federate (federation.h). GET and POST (form-encoded) both work where
// Prometheus accepts both. Admin (POST/PUT, with --web.enable-admin-api, else
// 500 "admin APIs disabled" as Prometheus 2.42): admin/tsdb/delete_series,
// admin/tsdb/clean_tombstones, admin/tsdb/snapshot.
//
// Sources: the API sees the engine only through ApiV1::Sources — plain
// pointers and functions — so tests can serve it from any storage. See
// engineApiSources() for the Engine's.
//
// Threading: construct anywhere, then registerRoutes() on the thread the
// QHttpServer lives on (the web thread); handlers run there. Anything that
// reads storage or evaluates PromQL runs on the API's own QThreadPool
// (query.max-concurrency threads) and is answered through a
// QFuture<QHttpServerResponse>, so a slow query never blocks the web thread.
// close() (thread-safe, blocking) waits for running handlers and makes later
// requests answer 503 "unavailable"; call it before the sources go away.
// Ownership: the API owns nothing it is given; the sources must stay valid
// until close() returned.
#pragma once

#include "config/engine_options.h"
#include "core/status.h"
#include "exposition/metric_metadata.h"
#include "model/labels.h"
#include "promql/value.h"
#include "rules/rule_manager.h"
#include "scrape/target_snapshot.h"
#include "storage/storage.h"

#include <QFuture>
#include <QHttpServerResponse>
#include <QObject>
#include <QThreadPool>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <vector>

class QHttpServer;
class QHttpServerRequest;

namespace vigil::web {

class ApiParams;
class JsonWriter;

struct BuildInfo {
    std::string version;
    std::string revision;
    std::string branch;
    std::string buildUser;
    std::string buildDate;
    std::string goVersion;  // Prometheus's field; Vigil reports its compiler
};

// One PromQL evaluation request handed to Sources::query.
struct QueryRequest {
    std::string query;
    bool instant = true;
    int64_t startMs = 0;  // the evaluation time of an instant query
    int64_t endMs = 0;
    int64_t stepMs = 0;
    std::chrono::steady_clock::time_point deadline;
};

// Head figures for /api/v1/status/tsdb (Prometheus's headStats).
struct HeadStatsInfo {
    uint64_t numSeries = 0;
    uint64_t chunkCount = 0;
    int64_t minTimeMs = 0;
    int64_t maxTimeMs = 0;
};

class ApiV1 : public QObject {
    Q_OBJECT
public:
    // Metadata of one target's last scrape, keyed by metric family name.
    using TargetMetadata = std::map<std::string, exposition::MetricMetadata, std::less<>>;
    struct Sources {
        storage::Queryable *queryable = nullptr;  // required
        // Where POST /api/v1/write appends (Remote-Write 1.0 receiver). Null:
        // the endpoint answers 404 as Prometheus does without
        // --web.enable-remote-write-receiver (api_v1_write.cpp).
        storage::Appendable *remoteWriteAppendable = nullptr;
        // Evaluates PromQL (thread-safe; runs on the API's pool). Null: the
        // query endpoints answer 503 unavailable.
        std::function<Result<promql::QueryResult>(const QueryRequest &)> query;
        std::function<std::vector<scrape::TargetSnapshot>()> targets;
        std::function<std::vector<model::Labels>()> droppedTargets;
        // By target URL (TargetSnapshot::url).
        std::function<std::map<std::string, TargetMetadata>()> metadata;
        std::function<std::string()> configYaml;
        std::function<HeadStatsInfo()> headStats;
        // global.external_labels for /federate (null: none).
        std::function<model::Labels()> externalLabels;
        // Rule groups for /api/v1/rules and /api/v1/alerts (thread-safe;
        // null: no rules).
        std::function<std::vector<rules::GroupSnapshot>()> ruleGroups;
        // admin/tsdb/delete_series: one call per match[] set, [mint, maxt] ms
        // inclusive. Null: the endpoint answers 503 unavailable.
        std::function<Status(const std::vector<model::Matcher> &, int64_t mint, int64_t maxt)> deleteSeries;
        // admin/tsdb/clean_tombstones and admin/tsdb/snapshot (returns the
        // snapshot's name, a directory under <data>/snapshots/).
        std::function<Status()> cleanTombstones;
        std::function<Result<std::string>(bool skipHead)> snapshot;
        config::EngineOptions options;
        BuildInfo buildInfo;
        int64_t startTimeMs = 0;
        std::string workingDirectory;
    };

    explicit ApiV1(Sources sources, QObject *parent = nullptr);
    ~ApiV1() override;  // close()

    // Adds the /api/v1 routes. Call once, on `server`'s thread.
    void registerRoutes(QHttpServer *server);
    // See the threading notes above. Idempotent.
    void close();

    // Prometheus's errorType words.
    enum class ErrorType { BadData, Execution, Canceled, Timeout, Unavailable, Internal, NotFound };
    static const char *errorTypeName(ErrorType t);
    static QHttpServerResponse::StatusCode errorStatus(ErrorType t);
    // How a failed engine Status maps onto an error type.
    static ErrorType errorTypeFor(const Status &s);

    // Response builders (JSON, Content-Type application/json).
    static QHttpServerResponse success(const std::string &dataJson,
                                       const std::vector<std::string> &warnings = {},
                                       const std::vector<std::string> &infos = {});
    static QHttpServerResponse error(ErrorType type, const std::string &message);

private:
    using Handler = std::function<QHttpServerResponse(const ApiParams &)>;
    // GET and POST on `path`; `async` handlers run on the pool.
    static Handler timed(std::string path, Handler handler);
    void addRoute(QHttpServer *server, const QString &path, bool async, Handler handler,
                  bool allowPost = true);
    // Runs `h` on the pool under the sources lock.
    QFuture<QHttpServerResponse> runAsync(Handler h, ApiParams params);
    // Runs `h` on this object's (the web) thread from a queued call.
    QFuture<QHttpServerResponse> runDeferred(Handler h, ApiParams params);
    QHttpServerResponse runGuarded(const Handler &h, const ApiParams &params);

    // api_v1_query.cpp
    QHttpServerResponse query(const ApiParams &p);
    QHttpServerResponse queryRange(const ApiParams &p);
    QHttpServerResponse queryExemplars(const ApiParams &p);
    QHttpServerResponse formatQuery(const ApiParams &p);
    QHttpServerResponse parseQuery(const ApiParams &p);
    QHttpServerResponse runQuery(QueryRequest req);
    Result<std::chrono::steady_clock::time_point> deadlineFrom(const ApiParams &p) const;
    // api_v1_metadata.cpp
    QHttpServerResponse series(const ApiParams &p);
    QHttpServerResponse labelNames(const ApiParams &p);
    QHttpServerResponse labelValues(const std::string &name, const ApiParams &p);
    QHttpServerResponse metricMetadata(const ApiParams &p);
    QHttpServerResponse targets(const ApiParams &p);
    QHttpServerResponse targetsMetadata(const ApiParams &p);
    // api_v1_rules.cpp
    QHttpServerResponse rules(const ApiParams &p);
    QHttpServerResponse alerts(const ApiParams &p);
    // api_v1_write.cpp
    QHttpServerResponse remoteWrite(const QByteArray &body);
    // api_federate.cpp: GET /federate (web/federation.h)
    QHttpServerResponse federate(const ApiParams &p);
    // api_v1_status.cpp
    QHttpServerResponse buildInfo(const ApiParams &p);
    QHttpServerResponse configStatus(const ApiParams &p);
    QHttpServerResponse flags(const ApiParams &p);
    QHttpServerResponse runtimeInfo(const ApiParams &p);
    QHttpServerResponse tsdbStatus(const ApiParams &p);
    // api_v1_admin.cpp
    void registerAdminRoutes(QHttpServer *server);
    QHttpServerResponse deleteSeries(const ApiParams &p);
    QHttpServerResponse cleanTombstones(const ApiParams &p);
    QHttpServerResponse snapshot(const ApiParams &p);

    Sources sources_;
    QThreadPool pool_;
    std::shared_mutex closeMu_;
    bool closed_ = false;  // GUARDED_BY(closeMu_)
};

}  // namespace vigil::web
