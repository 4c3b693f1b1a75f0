#include "notify/http_request.h"

#include "net/http_client_setup.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

namespace vigil::notify {

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
    req.setTransferTimeout(spec.timeoutMs);
    // Auth headers and TLS as for scrapes (secret files read per request);
    // an unreadable secret, CA or key file fails the attempt with its path
    // instead of sending without credentials.
    if (Status st = net::applyHttpClientConfig(http, &req); !st) {
        done({false, true, what + ": " + st.message(), {}});  // the file may be being rewritten
        return;
    }
    QNetworkReply *reply = nam->sendCustomRequest(req, spec.method, spec.body);
    net::allowInsecureTls(http, reply);
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
