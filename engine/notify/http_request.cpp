#include "notify/http_request.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QSslKey>
#include <QUrl>

namespace vigil::notify {

namespace {

std::string readSecretFile(const std::string &path)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.readAll().trimmed().toStdString();
}

}  // namespace

QNetworkAccessManager *NamPool::get(const HttpConfig &http)
{
    const scrape::TlsConfig &t = http.tls;
    const std::string key = t.caFile + '\x1f' + t.certFile + '\x1f' + t.keyFile + '\x1f' + t.serverName + '\x1f' +
                            (t.insecureSkipVerify ? "1" : "0");
    QNetworkAccessManager *&nam = nams_[key];
    if (!nam) nam = new QNetworkAccessManager(this);
    return nam;
}

std::string redactedUrl(const QUrl &url)
{
    if (!url.isValid()) return "<invalid URL>";
    const int port = url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
    return (url.scheme() + QStringLiteral("://") + url.host() + QLatin1Char(':') + QString::number(port)).toStdString();
}

AttemptResult classifyHttpStatus(int status, const std::string &what)
{
    AttemptResult r;
    r.detail = "HTTP " + std::to_string(status);
    if (status >= 200 && status < 300) {
        r.ok = true;
        return r;
    }
    r.error = what + ": unexpected status code " + std::to_string(status);
    r.retryable = status == 429 || status >= 500 || status < 200;
    return r;
}

void sendHttp(QNetworkAccessManager *nam, const HttpRequestSpec &spec, const HttpConfig &http, AttemptDone done)
{
    const QUrl url(QString::fromStdString(spec.url));
    const std::string what = spec.method.toStdString() + " " + redactedUrl(url);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        done({false, false, what + ": invalid URL", {}});
        return;
    }
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, spec.contentType);
    req.setRawHeader("User-Agent", "Vigil-Notifier");
    for (const auto &[k, v] : spec.headers) req.setRawHeader(k, v);
    if (http.basicAuth) {
        std::string pw = http.basicAuth->password;
        if (!http.basicAuth->passwordFile.empty()) pw = readSecretFile(http.basicAuth->passwordFile);
        req.setRawHeader("Authorization",
                         "Basic " + QByteArray::fromStdString(http.basicAuth->username + ":" + pw).toBase64());
    } else if (http.authorization) {
        std::string cred = http.authorization->credentials;
        if (!http.authorization->credentialsFile.empty()) cred = readSecretFile(http.authorization->credentialsFile);
        req.setRawHeader("Authorization", QByteArray::fromStdString(http.authorization->type + " " + cred));
    }
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     http.followRedirects ? QNetworkRequest::NoLessSafeRedirectPolicy
                                          : QNetworkRequest::ManualRedirectPolicy);
    req.setTransferTimeout(spec.timeoutMs);
    if (url.scheme() == QLatin1String("https")) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        // Integrations to one host may trust different CAs: a TLS session
        // resumed from another integration's handshake would skip this
        // one's verification, so sessions are not shared.
        ssl.setSslOption(QSsl::SslOptionDisableSessionSharing, true);
        ssl.setSslOption(QSsl::SslOptionDisableSessionPersistence, true);
        const scrape::TlsConfig &tls = http.tls;
        if (!tls.caFile.empty()) {
            ssl.setCaCertificates(QSslCertificate::fromPath(QString::fromStdString(tls.caFile)));
        }
        if (!tls.certFile.empty()) {
            const auto certs = QSslCertificate::fromPath(QString::fromStdString(tls.certFile));
            QFile kf(QString::fromStdString(tls.keyFile));
            if (!certs.isEmpty() && kf.open(QIODevice::ReadOnly)) {
                ssl.setLocalCertificate(certs.front());
                ssl.setPrivateKey(QSslKey(kf.readAll(), QSsl::Rsa));
            }
        }
        if (tls.insecureSkipVerify) ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        req.setSslConfiguration(ssl);
        if (!tls.serverName.empty()) req.setPeerVerifyName(QString::fromStdString(tls.serverName));
    }
    QNetworkReply *reply = nam->sendCustomRequest(req, spec.method, spec.body);
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, what, done = std::move(done)]() mutable {
        reply->deleteLater();
        const QVariant code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (code.isValid()) {
            AttemptResult r = classifyHttpStatus(code.toInt(), what);
            if (!r.ok) {
                // A short excerpt of the receiver's answer helps; it is the
                // peer's text, not ours, so it holds none of our secrets.
                const QByteArray body = reply->read(256).simplified();
                if (!body.isEmpty()) r.error += ": " + body.toStdString();
            }
            done(std::move(r));
            return;
        }
        const bool timeout = reply->error() == QNetworkReply::OperationCanceledError ||
                             reply->error() == QNetworkReply::TimeoutError;
        // Qt's messages can quote the full URL, which may carry a token.
        QString msg = reply->errorString();
        msg.replace(reply->url().toString(), QString::fromStdString(redactedUrl(reply->url())));
        done({false, true, what + ": " + (timeout ? std::string("timeout") : msg.toStdString()), {}});
    });
}

}  // namespace vigil::notify
