#include "web/web_server.h"

#include "config/engine_options.h"
#include "core/log.h"
#include "runtime/self_metrics.h"
#include "web/basic_auth.h"
#include "web/http_metrics.h"

#include <QElapsedTimer>

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QThread>

namespace vigil::web {

bool isLoopbackHost(const std::string &host)
{
    if (host == "localhost") return true;
    QHostAddress a(QString::fromStdString(host));
    return !a.isNull() && a.isLoopback();
}

WebServer::WebServer(Options opts, runtime::SelfMetrics *metrics, QObject *parent)
    : QObject(parent), opts_(std::move(opts)), metrics_(metrics), server_(new QHttpServer(this))
{
    addSecurityRoutes();  // first: the auth guard must precede every route
    addCoreRoutes();
}

WebServer::~WebServer() = default;

void WebServer::addCoreRoutes()
{
    using Method = QHttpServerRequest::Method;
    server_->route(QStringLiteral("/-/healthy"), Method::Get | Method::Head, [] {
        return QHttpServerResponse("text/plain; charset=utf-8", QByteArrayLiteral("Vigil is Healthy.\n"));
    });
    server_->route(QStringLiteral("/-/ready"), Method::Get | Method::Head, [this] {
        if (ready_.load()) {
            return QHttpServerResponse("text/plain; charset=utf-8", QByteArrayLiteral("Vigil is Ready.\n"));
        }
        return QHttpServerResponse("text/plain; charset=utf-8", QByteArrayLiteral("Service Unavailable"),
                                   QHttpServerResponse::StatusCode::ServiceUnavailable);
    });
    server_->route(QStringLiteral("/metrics"), Method::Get, [this] {
        QElapsedTimer t;
        t.start();
        QHttpServerResponse r("text/plain; version=0.0.4; charset=utf-8", QByteArray::fromStdString(metrics_->render()));
        HttpMetrics::global().observe("/metrics", 200, double(t.nsecsElapsed()) / 1e9);
        return r;
    });
    server_->route(QStringLiteral("/-/reload"), Method::Post | Method::Put, [this] {
        if (!opts_.enableLifecycle) {
            return QHttpServerResponse("text/plain; charset=utf-8",
                                       QByteArrayLiteral("Lifecycle API is not enabled."),
                                       QHttpServerResponse::StatusCode::Forbidden);
        }
        Q_EMIT reloadRequested();
        return QHttpServerResponse(QHttpServerResponse::StatusCode::Ok);
    });
    server_->route(QStringLiteral("/-/quit"), Method::Post | Method::Put, [this] {
        if (!opts_.enableLifecycle) {
            return QHttpServerResponse("text/plain; charset=utf-8",
                                       QByteArrayLiteral("Lifecycle API is not enabled."),
                                       QHttpServerResponse::StatusCode::Forbidden);
        }
        Q_EMIT quitRequested();
        return QHttpServerResponse("text/plain; charset=utf-8", QByteArrayLiteral("Requesting termination... Goodbye!"));
    });
}

void WebServer::addRoutes(QObject *owner, std::function<void(QHttpServer *)> registerRoutes)
{
    owner->moveToThread(thread());
    const auto type = thread() == QThread::currentThread() ? Qt::DirectConnection : Qt::BlockingQueuedConnection;
    QMetaObject::invokeMethod(
        this,
        [this, owner, &registerRoutes] {
            owner->setParent(this);
            registerRoutes(server_);
        },
        type);
}

Status WebServer::listen()
{
    std::string host;
    uint16_t port = 0;
    VIGIL_RETURN_IF_ERROR(config::splitHostPort(opts_.listenAddress, host, port));
    QHostAddress address;
    if (host.empty()) {
        address = QHostAddress::Any;
    } else if (host == "localhost") {
        address = QHostAddress::LocalHost;
    } else if (!address.setAddress(QString::fromStdString(host))) {
        return Status::invalidArgument("listen address \"" + host + "\" is not an IP address");
    }
    VIGIL_RETURN_IF_ERROR(applyWebConfig());
    const bool loopback = !host.empty() && isLoopbackHost(host);
    loopbackListener_ = loopback;
    if (!loopback) {
        if (!opts_.allowNonLoopback) {
            return Status::failedPrecondition("refusing to listen on non-loopback address " + opts_.listenAddress +
                                              " without --web.allow-non-loopback");
        }
        if (auth_) {
            qCWarning(lcWeb) << "the HTTP API listens on" << opts_.listenAddress.c_str()
                             << "and is reachable from other machines (basic auth required)";
        } else {
            qCWarning(lcWeb) << "the HTTP API listens on" << opts_.listenAddress.c_str()
                             << "and is reachable from other machines; it has no authentication";
        }
    }
    const quint16 bound = server_->listen(address, port);
    if (bound == 0) {
        return Status::ioError("cannot listen on " + opts_.listenAddress + ": address in use or not permitted");
    }
    watchTlsHandshakes();
    port_.store(bound);
    qCInfo(lcWeb) << "listening on" << QString::fromStdString(host).toUtf8().constData() << bound;
    return {};
}

}  // namespace vigil::web
