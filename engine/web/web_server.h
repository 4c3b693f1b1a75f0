// WebServer: the engine's HTTP endpoint (Qt HttpServer), Prometheus-compatible
// paths. This class owns listening and the health/readiness/metrics endpoints;
// the query API registers its routes through routes() (see engine/web/api_*).
//
// Threading: a WebServer lives on its own QThread (the engine's "web" thread)
// and all handlers run there. Handlers must not block on engine locks for
// long; query handlers hand work to the query pool and answer with a QFuture.
//
// Security: binding a non-loopback address fails with FailedPrecondition unless
// allowNonLoopback is set; when it is, a warning is logged. With a web config
// file (web/web_config.h) listen() serves TLS and/or requires basic auth on
// every path (401 with `WWW-Authenticate: Basic` before any handler runs); a
// bad file makes listen() fail and nothing is served.
//
// Browser guard (web_server_security.cpp), after auth: on a loopback listener
// a request whose Host header names anything but a loopback address or
// localhost is refused (403), which stops DNS-rebinding pages from reading
// the API; on any listener a POST/PUT/DELETE that a browser marks as coming
// from another origin (Origin not equal to Host, or Sec-Fetch-Site
// cross-site/same-site) is refused, so a web page cannot reload, quit,
// delete series or write samples through the user's browser. Clients that
// are not browsers (Grafana's backend, curl, promtool) send neither header.
#pragma once

#include "core/status.h"

#include <QByteArray>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

class QHttpServer;
class QHttpServerRequest;

namespace vigil::runtime { class SelfMetrics; }

namespace vigil::web {

class BasicAuth;

class WebServer : public QObject {
    Q_OBJECT
public:
    struct Options {
        std::string listenAddress = "127.0.0.1:9090";
        bool allowNonLoopback = false;
        bool enableLifecycle = false;
        std::string webConfigFile;  // --web.config.file (empty: plain HTTP, no auth)
    };

    // `metrics` must outlive the server.
    WebServer(Options opts, runtime::SelfMetrics *metrics, QObject *parent = nullptr);
    ~WebServer() override;

    // Binds and starts serving. Call on the server's own thread.
    Status listen();
    // Port actually bound (useful with port 0), 0 before listen().
    uint16_t port() const { return port_.load(); }
    // True after listen() when the web config enabled TLS.
    bool isTls() const { return tls_.load(); }

    // Readiness as answered by /-/ready (503 until set). Thread-safe.
    void setReady(bool ready) { ready_.store(ready); }
    bool isReady() const { return ready_.load(); }

    // Where further routes are registered (on the server's thread).
    QHttpServer *server() const { return server_; }
    // Hook for the API (engine/web/api_v1.h): moves `owner` to the server's
    // thread, makes it a child of this server (deleted with it) and calls
    // `registerRoutes(server())` there. Call from the thread `owner` lives
    // on; blocks until the routes are registered.
    void addRoutes(QObject *owner, std::function<void(QHttpServer *)> registerRoutes);

Q_SIGNALS:
    // POST /-/reload and /-/quit with --web.enable-lifecycle.
    void reloadRequested();
    void quitRequested();

private:
    class AuthGuardRule;
    class BrowserGuardRule;
    void addCoreRoutes();
    // engine/web/web_server_security.cpp
    void addSecurityRoutes();
    Status applyWebConfig();
    void watchTlsHandshakes();
    // True when the request must be answered 401 (auth configured, and its
    // Authorization header does not name a user with the right password).
    bool rejects(const QHttpServerRequest &request) const;
    // Non-empty reason when the browser guard refuses the request (403).
    QByteArray browserRejection(const QHttpServerRequest &request) const;

    Options opts_;
    runtime::SelfMetrics *metrics_;
    QHttpServer *server_;  // child: moves with this object to the web thread
    std::atomic<uint16_t> port_{0};
    std::atomic<bool> tls_{false};
    bool loopbackListener_ = true;  // set by listen(): Host names must then be loopback
    int clientAuth_ = 0;  // TlsServerConfig::ClientAuth
    std::unique_ptr<BasicAuth> auth_;  // set by listen(), before serving
    std::vector<std::pair<QByteArray, QByteArray>> extraHeaders_;
    std::atomic<bool> ready_{false};
};

// True for 127.0.0.0/8, ::1 and "localhost".
bool isLoopbackHost(const std::string &host);
// The host of a Host header or an Origin's authority ("[::1]:9090" -> "::1",
// "localhost:9090" -> "localhost"), lower-cased; empty when malformed.
std::string hostOfAuthority(std::string_view authority);
// True for the names a loopback listener answers to: loopback addresses,
// "localhost" and names under ".localhost" (RFC 6761 keeps them on loopback).
bool isLoopbackHostName(std::string_view host);

}  // namespace vigil::web
