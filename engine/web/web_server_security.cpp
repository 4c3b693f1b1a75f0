// WebServer: the web config file (TLS, basic auth, extra headers).
#include "web/basic_auth.h"
#include "web/web_config.h"
#include "web/web_server.h"
#include "web/web_tls.h"

#include "core/log.h"

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
