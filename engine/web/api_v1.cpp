#include "web/api_v1.h"
#include "web/http_metrics.h"

#include "core/log.h"
#include "core/thread_handoff.h"
#include "web/api_params.h"
#include "web/json_writer.h"

#include <QElapsedTimer>
#include <QFutureInterface>
#include <QHttpServer>
#include <QHttpServerRequest>

#include <algorithm>
#include <mutex>

namespace vigil::web {

namespace {
const QByteArray kJson = QByteArrayLiteral("application/json");
}  // namespace

ApiV1::ApiV1(Sources sources, QObject *parent) : QObject(parent), sources_(std::move(sources)), pool_(this)
{
    pool_.setMaxThreadCount(std::max(1, sources_.options.queryMaxConcurrency));
    pool_.setObjectName(QStringLiteral("vigil-api"));
}

ApiV1::~ApiV1()
{
    close();
}

void ApiV1::close()
{
    {
        std::unique_lock lock(closeMu_);  // waits for handlers holding the shared lock
        closed_ = true;
    }
    pool_.waitForDone();
}

const char *ApiV1::errorTypeName(ErrorType t)
{
    switch (t) {
        case ErrorType::BadData:
            return "bad_data";
        case ErrorType::Execution:
            return "execution";
        case ErrorType::Canceled:
            return "canceled";
        case ErrorType::Timeout:
            return "timeout";
        case ErrorType::Unavailable:
            return "unavailable";
        case ErrorType::Internal:
            return "internal";
        case ErrorType::NotFound:
            return "not_found";
    }
    return "internal";
}

QHttpServerResponse::StatusCode ApiV1::errorStatus(ErrorType t)
{
    using S = QHttpServerResponse::StatusCode;
    switch (t) {
        case ErrorType::BadData:
            return S::BadRequest;
        case ErrorType::Execution:
            return S::UnprocessableEntity;
        case ErrorType::Canceled:
        case ErrorType::Timeout:
        case ErrorType::Unavailable:
            return S::ServiceUnavailable;
        case ErrorType::Internal:
            return S::InternalServerError;
        case ErrorType::NotFound:
            return S::NotFound;
    }
    return S::InternalServerError;
}

ApiV1::ErrorType ApiV1::errorTypeFor(const Status &s)
{
    using C = Status::Code;
    switch (s.code()) {
        case C::InvalidArgument:
        case C::ResourceExhausted:
            return ErrorType::Execution;
        case C::Cancelled:
            return ErrorType::Canceled;
        case C::DeadlineExceeded:
            return ErrorType::Timeout;
        case C::Unavailable:
        case C::FailedPrecondition:
            return ErrorType::Unavailable;
        case C::NotFound:
            return ErrorType::NotFound;
        default:
            return ErrorType::Internal;
    }
}

QHttpServerResponse ApiV1::success(const std::string &dataJson, const std::vector<std::string> &warnings,
                                   const std::vector<std::string> &infos)
{
    JsonWriter w;
    w.beginObject().key("status").string("success").key("data").raw(dataJson);
    if (!warnings.empty()) w.key("warnings").stringArray(warnings);
    if (!infos.empty()) w.key("infos").stringArray(infos);
    w.endObject();
    return QHttpServerResponse(kJson, QByteArray::fromStdString(w.str()));
}

QHttpServerResponse ApiV1::error(ErrorType type, const std::string &message)
{
    JsonWriter w;
    w.beginObject()
        .key("status")
        .string("error")
        .key("errorType")
        .string(errorTypeName(type))
        .key("error")
        .string(message)
        .endObject();
    return QHttpServerResponse(kJson, QByteArray::fromStdString(w.str()), errorStatus(type));
}

QHttpServerResponse ApiV1::runGuarded(const Handler &h, const ApiParams &params)
{
    std::shared_lock lock(closeMu_);
    if (closed_) return error(ErrorType::Unavailable, "the engine is shutting down");
    return h(params);
}

// The futures are driven through QFutureInterface (as QtConcurrent does):
// Qt 6.4's QPromise destructor runs the continuation again, which crashes
// QHttpServer's. The work starts from a queued call, i.e. only after the
// server attached its continuation to the returned future.
QFuture<QHttpServerResponse> ApiV1::runAsync(Handler h, ApiParams params)
{
    QFutureInterface<QHttpServerResponse> fi;
    fi.reportStarted();
    QMetaObject::invokeMethod(
        this,
        [this, fi, h = std::move(h), params = std::move(params)]() mutable {
            startPoolTask(pool_, [this, fi, h = std::move(h), params = std::move(params)]() mutable {
                fi.reportAndMoveResult(runGuarded(h, params));
                fi.reportFinished();
            });
        },
        Qt::QueuedConnection);
    return fi.future();
}

QFuture<QHttpServerResponse> ApiV1::runDeferred(Handler h, ApiParams params)
{
    QFutureInterface<QHttpServerResponse> fi;
    fi.reportStarted();
    QMetaObject::invokeMethod(
        this,
        [this, fi, h = std::move(h), params = std::move(params)]() mutable {
            fi.reportAndMoveResult(runGuarded(h, params));
            fi.reportFinished();
        },
        Qt::QueuedConnection);
    return fi.future();
}

// Counts the request and observes the handler's time into vigil_http_* (http_metrics.h).
ApiV1::Handler ApiV1::timed(std::string path, Handler handler)
{
    return [path = std::move(path), handler = std::move(handler)](const ApiParams &p) {
        QElapsedTimer t;
        t.start();
        QHttpServerResponse r = handler(p);
        HttpMetrics::global().observe(path, int(r.statusCode()), double(t.nsecsElapsed()) / 1e9);
        return r;
    };
}

void ApiV1::addRoute(QHttpServer *server, const QString &path, bool async, Handler handler, bool allowPost)
{
    using M = QHttpServerRequest::Method;
    const QHttpServerRequest::Methods methods =
        allowPost ? (M::Get | M::Post) : QHttpServerRequest::Methods(M::Get);
    server->route(path, methods, [this, async, handler = timed(path.toStdString(), handler)](const QHttpServerRequest &req) {
        ApiParams params = ApiParams::fromRequest(req);
        return async ? runAsync(handler, std::move(params)) : runDeferred(handler, std::move(params));
    });
}

void ApiV1::registerRoutes(QHttpServer *server)
{
    auto bind = [this](QHttpServerResponse (ApiV1::*fn)(const ApiParams &)) {
        return [this, fn](const ApiParams &p) { return (this->*fn)(p); };
    };
    const QString base = QStringLiteral("/api/v1/");
    addRoute(server, base + QStringLiteral("query"), true, bind(&ApiV1::query));
    addRoute(server, base + QStringLiteral("query_range"), true, bind(&ApiV1::queryRange));
    addRoute(server, base + QStringLiteral("query_exemplars"), false, bind(&ApiV1::queryExemplars));
    addRoute(server, base + QStringLiteral("format_query"), false, bind(&ApiV1::formatQuery));
    addRoute(server, base + QStringLiteral("parse_query"), false, bind(&ApiV1::parseQuery));
    addRoute(server, base + QStringLiteral("series"), true, bind(&ApiV1::series));
    addRoute(server, base + QStringLiteral("labels"), true, bind(&ApiV1::labelNames));
    server->route(base + QStringLiteral("label/<arg>/values"), QHttpServerRequest::Method::Get,
                  [this](const QString &name, const QHttpServerRequest &req) {
                      const std::string n = name.toStdString();
                      return runAsync(timed("/api/v1/label/:name/values",
                                            [this, n](const ApiParams &p) { return labelValues(n, p); }),
                                      ApiParams::fromRequest(req));
                  });
    addRoute(server, base + QStringLiteral("metadata"), false, bind(&ApiV1::metricMetadata), false);
    addRoute(server, base + QStringLiteral("targets/metadata"), false, bind(&ApiV1::targetsMetadata), false);
    addRoute(server, base + QStringLiteral("targets"), false, bind(&ApiV1::targets), false);
    addRoute(server, base + QStringLiteral("rules"), false, bind(&ApiV1::rules), false);
    addRoute(server, base + QStringLiteral("alerts"), false, bind(&ApiV1::alerts), false);
    addRoute(server, base + QStringLiteral("status/buildinfo"), false, bind(&ApiV1::buildInfo), false);
    addRoute(server, base + QStringLiteral("status/config"), false, bind(&ApiV1::configStatus), false);
    addRoute(server, base + QStringLiteral("status/flags"), false, bind(&ApiV1::flags), false);
    addRoute(server, base + QStringLiteral("status/runtimeinfo"), false, bind(&ApiV1::runtimeInfo), false);
    addRoute(server, base + QStringLiteral("status/tsdb"), true, bind(&ApiV1::tsdbStatus), false);
    registerAdminRoutes(server);
    addRoute(server, QStringLiteral("/federate"), true, bind(&ApiV1::federate), false);
    server->route(base + QStringLiteral("write"), QHttpServerRequest::Method::Post,
                  [this](const QHttpServerRequest &req) {
                      return runAsync([this, body = req.body()](const ApiParams &) { return remoteWrite(body); },
                                      ApiParams());
                  });
}

}  // namespace vigil::web
