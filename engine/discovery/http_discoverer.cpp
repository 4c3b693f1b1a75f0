#include "discovery/http_discoverer.h"

#include "core/log.h"
#include "discovery/target_group_parser.h"
#include "net/http_client_setup.h"

#include <QNetworkReply>
#include <QRegularExpression>

namespace vigil::discovery {

HttpDiscoverer::HttpDiscoverer(HttpSdConfig config, QObject *parent)
    : Discoverer(parent), config_(std::move(config)), nam_(this), refreshTimer_(this)
{
    connect(&refreshTimer_, &QTimer::timeout, this, &HttpDiscoverer::refresh);
}

void HttpDiscoverer::start(Sink sink)
{
    sink_ = std::move(sink);
    if (config_.refreshIntervalMs > 0) {
        refreshTimer_.setInterval(std::chrono::milliseconds(config_.refreshIntervalMs));
        refreshTimer_.start();
    }
    refresh();
}

void HttpDiscoverer::refresh()
{
    if (inFlight_) return;  // the previous request is still running
    QNetworkRequest req(QUrl(QString::fromStdString(config_.url)));
    req.setRawHeader("Accept", "application/json");
    req.setRawHeader("X-Prometheus-Refresh-Interval-Seconds",
                     QByteArray::number(config_.refreshIntervalMs / 1000));
    req.setTransferTimeout(int(std::min<int64_t>(config_.refreshIntervalMs > 0 ? config_.refreshIntervalMs : 60'000, 60'000)));
    if (Status st = net::applyHttpClientConfig(config_.http, &req); !st) {
        // An unreadable secret or CA file: keep the last groups, show why.
        report(st.message());
        return;
    }
    QNetworkReply *reply = nam_.get(req);
    net::allowInsecureTls(config_.http, reply);
    inFlight_ = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        std::string error;
        std::vector<TargetGroup> groups;
        if (reply->error() != QNetworkReply::NoError && code == 0) {
            error = reply->errorString().toStdString();
        } else if (code != 200) {
            error = "server returned HTTP status " + std::to_string(code) + " " +
                    reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString().toStdString();
        } else {
            static const QRegularExpression kJson(QStringLiteral("^application/json(;.*)?$"));
            const QString ct = QString::fromUtf8(reply->rawHeader("Content-Type"));
            if (!kJson.match(ct).hasMatch()) {
                error = "unsupported content type \"" + ct.toStdString() + "\"";
            } else {
                const QByteArray body = reply->readAll();
                auto parsed = parseTargetGroupsJson(std::string_view(body.constData(), size_t(body.size())));
                if (!parsed)
                    error = parsed.status().message();
                else
                    groups = std::move(*parsed);
            }
        }
        if (!error.empty()) {
            report(error);
            return;
        }
        for (size_t i = 0; i < groups.size(); ++i) {
            groups[i].source = config_.url + ":" + std::to_string(i);
            model::LabelsBuilder b(groups[i].labels);
            b.set("__meta_url", config_.url);
            groups[i].labels = b.labels();
        }
        lastGood_ = groups;
        if (sink_) sink_(DiscoveryUpdate{std::move(groups), {}});
    });
}

void HttpDiscoverer::report(std::string error)
{
    // Never log a password given in the URL.
    const QString shown = QUrl(QString::fromStdString(config_.url)).toDisplayString(QUrl::RemovePassword);
    error = "http_sd " + shown.toStdString() + ": " + error;
    qCWarning(lcDiscovery).noquote() << QString::fromStdString(error);
    if (sink_) sink_(DiscoveryUpdate{lastGood_, std::move(error)});
}

}  // namespace vigil::discovery
