// WebServer: the web config file (TLS, basic auth, extra headers).
#include "web/basic_auth.h"
#include "web/web_config.h"
#include "web/web_server.h"
#include "web/web_tls.h"

#include "core/log.h"

#include <cctype>

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QHttpServerRouterRule>
#include <QSslServer>
#include <QSslSocket>

namespace vigil::web {

// The first rule of the router: it matches any request that must be refused
// for want of credentials, so no other handler (nor the 404 handler) runs.
class WebServer::AuthGuardRule : public QHttpServerRouterRule {
public:
    AuthGuardRule(const WebServer *server, const QString &pattern, QHttpServerRequest::Methods methods,
                  RouterHandler handler)
        : QHttpServerRouterRule(pattern, methods, std::move(handler)), server_(server)
    {
    }

protected:
    bool matches(const QHttpServerRequest &request, QRegularExpressionMatch *) const override
    {
        return server_->rejects(request);
    }

private:
    const WebServer *server_;
};

// The second rule: requests a browser may have been tricked into sending.
class WebServer::BrowserGuardRule : public QHttpServerRouterRule {
public:
    BrowserGuardRule(const WebServer *server, const QString &pattern, QHttpServerRequest::Methods methods,
                     RouterHandler handler)
        : QHttpServerRouterRule(pattern, methods, std::move(handler)), server_(server)
    {
    }

protected:
    bool matches(const QHttpServerRequest &request, QRegularExpressionMatch *) const override
    {
        return !server_->browserRejection(request).isEmpty();
    }

private:
    const WebServer *server_;
};

std::string hostOfAuthority(std::string_view a)
{
    std::string host;
    if (!a.empty() && a.front() == '[') {
        const size_t end = a.find(']');
        if (end == std::string_view::npos) return {};
        host = std::string(a.substr(1, end - 1));
        const std::string_view rest = a.substr(end + 1);
        if (!rest.empty() && rest.front() != ':') return {};
    } else {
        const size_t colon = a.find(':');
        if (colon != std::string_view::npos && a.find(':', colon + 1) != std::string_view::npos) return {};
        host = std::string(a.substr(0, colon));
    }
    for (char &c : host) c = char(std::tolower(static_cast<unsigned char>(c)));
    return host;
}

bool isLoopbackHostName(std::string_view host)
{
    if (host.empty()) return false;
    if (host.back() == '.') host.remove_suffix(1);  // "localhost." is the same name
    if (host == "localhost" || (host.size() > 10 && host.substr(host.size() - 10) == ".localhost")) return true;
    return isLoopbackHost(std::string(host));
}

namespace {

QByteArray header(const QHttpServerRequest &request, const char *name)
{
    for (const auto &[n, v] : request.headers()) {
        if (n.compare(name, Qt::CaseInsensitive) == 0) return v.trimmed();
    }
    return {};
}

bool isSafeMethod(QHttpServerRequest::Method m)
{
    using Method = QHttpServerRequest::Method;
    return m == Method::Get || m == Method::Head || m == Method::Options;
}

}  // namespace

QByteArray WebServer::browserRejection(const QHttpServerRequest &request) const
{
    const QByteArray host = header(request, "host");
    // HTTP/1.0 clients may leave Host out; browsers always send it.
    if (loopbackListener_ && !host.isEmpty() && !isLoopbackHostName(hostOfAuthority(host.toStdString())))
        return QByteArrayLiteral("Forbidden: this API listens on loopback and answers only to loopback Host names\n");
    if (isSafeMethod(request.method())) return {};
    const QByteArray fetchSite = header(request, "sec-fetch-site").toLower();
    if (fetchSite == "cross-site" || fetchSite == "same-site")
        return QByteArrayLiteral("Forbidden: cross-origin request\n");
    const QByteArray origin = header(request, "origin");
    if (origin.isEmpty()) return {};
    // Same origin: the Origin's authority is the Host the request was sent to.
    const qsizetype scheme = origin.indexOf("://");
    if (origin == "null" || scheme < 0 || origin.mid(scheme + 3).toLower() != host.toLower())
        return QByteArrayLiteral("Forbidden: cross-origin request\n");
    return {};
}

void WebServer::addSecurityRoutes()
{
    using Method = QHttpServerRequest::Method;
    server_->route<AuthGuardRule>(this, QStringLiteral("/"), Method::AnyKnown, [] {
        // As exporter-toolkit answers (Go's http.Error).
        QHttpServerResponse r("text/plain; charset=utf-8", QByteArrayLiteral("Unauthorized\n"),
                              QHttpServerResponse::StatusCode::Unauthorized);
        r.setHeader(QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Basic"));
        r.setHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
        return r;
    });
    server_->route<BrowserGuardRule>(this, QStringLiteral("/"), Method::AnyKnown,
                                     [this](const QHttpServerRequest &request) {
                                         QHttpServerResponse r("text/plain; charset=utf-8",
                                                               browserRejection(request),
                                                               QHttpServerResponse::StatusCode::Forbidden);
                                         r.setHeader(QByteArrayLiteral("X-Content-Type-Options"),
                                                     QByteArrayLiteral("nosniff"));
                                         return r;
                                     });
    server_->afterRequest([this](QHttpServerResponse &&r) {
        for (const auto &[name, value] : extraHeaders_) r.setHeader(name, value);
        return std::move(r);
    });
}

bool WebServer::rejects(const QHttpServerRequest &request) const
{
    if (!auth_) return false;
    for (const auto &[name, value] : request.headers()) {
        if (name.compare("authorization", Qt::CaseInsensitive) == 0) return !auth_->check(value);
    }
    return true;
}

Status WebServer::applyWebConfig()
{
    if (opts_.webConfigFile.empty()) return {};
    auto cfg = loadWebConfigFile(opts_.webConfigFile);
    if (!cfg.isOk()) return cfg.status();
    if (cfg->tls.enabled()) {
        auto ssl = makeServerTlsConfiguration(cfg->tls);
        if (!ssl.isOk()) return ssl.status().withContext(opts_.webConfigFile);
        server_->sslSetup(*ssl);
        tls_.store(true);
    }
    if (!cfg->basicAuthUsers.empty()) auth_ = std::make_unique<BasicAuth>(cfg->basicAuthUsers);
    for (const auto &[name, value] : cfg->headers)
        extraHeaders_.emplace_back(QByteArray::fromStdString(name), QByteArray::fromStdString(value));
    clientAuth_ = int(cfg->tls.clientAuth);
    qCInfo(lcWeb).noquote() << QStringLiteral("web config %1: TLS %2, %3 basic auth user(s)")
                                   .arg(QString::fromStdString(opts_.webConfigFile),
                                        tls_.load() ? QStringLiteral("on") : QStringLiteral("off"))
                                   .arg(cfg->basicAuthUsers.size());
    return {};
}

void WebServer::watchTlsHandshakes()
{
    const auto auth = TlsServerConfig::ClientAuth(clientAuth_);
    for (QTcpServer *s : server_->servers()) {
        auto *ssl = qobject_cast<QSslServer *>(s);
        if (!ssl) continue;
        // Direct: ignoreSslErrors() only helps while the handshake waits in
        // this signal.
        connect(
            ssl, &QSslServer::sslErrors, this,
            [auth](QSslSocket *socket, const QList<QSslError> &errors) {
                const QList<QSslError> ok = tolerableClientCertErrors(auth, errors);
                if (ok.size() == errors.size()) {
                    socket->ignoreSslErrors(errors);
                } else {
                    qCDebug(lcWeb) << "TLS handshake refused:" << errors.first().errorString();
                }
            },
            Qt::DirectConnection);
    }
}

}  // namespace vigil::web
