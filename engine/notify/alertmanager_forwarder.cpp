#include "notify/alertmanager_forwarder.h"

#include "core/log.h"
#include "notify/http_request.h"
#include "notify/notify_config_parser.h"
#include "notify/payloads.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QThread>

#include <memory>

namespace vigil::notify {

namespace {

constexpr int64_t kDefaultValidityMs = 4 * 60'000;

QJsonObject labelsObject(const model::Labels &ls)
{
    QJsonObject o;
    for (const model::Label &l : ls) o.insert(QString::fromStdString(l.name), QString::fromStdString(l.value));
    return o;
}

}  // namespace

Result<AlertingConfig> AlertingConfig::parse(const std::string &yaml, const std::string &fileName)
{
    const std::string dir = QFileInfo(QString::fromStdString(fileName)).absolutePath().toStdString();
    NotifyConfigParser p(fileName + " (alerting section)", dir);
    YamlReader &r = p.reader();
    AlertingConfig out;
    Status st = r.guard([&]() -> Status {
        const YAML::Node root = YAML::Load(yaml);
        if (!root.IsDefined() || root.IsNull()) return Status::ok();
        VIGIL_RETURN_IF_ERROR(r.checkMap(root, "alerting", {"alertmanagers", "alert_relabel_configs"}, "config.AlertingConfig"));
        if (root["alert_relabel_configs"].IsDefined()) out.warnings.push_back("alert_relabel_configs is not applied by Vigil");
        const YAML::Node ams = root["alertmanagers"];
        if (!ams.IsDefined()) return Status::ok();
        VIGIL_RETURN_IF_ERROR(r.checkSequence(ams, "alerting.alertmanagers"));
        for (size_t i = 0; i < ams.size(); ++i) {
            const YAML::Node n = ams[i];
            const std::string path = indexPath("alerting.alertmanagers", i);
            VIGIL_RETURN_IF_ERROR(r.checkMap(n, path, {}, "config.AlertmanagerConfig"));
            AlertmanagerTarget t;
            YAML::Node http(YAML::NodeType::Map);
            for (const auto &kv : n) {
                const std::string key = kv.first.Scalar();
                const std::string kp = joinPath(path, key);
                if (key == "scheme") {
                    VIGIL_RETURN_IF_ERROR(r.readString(kv.second, kp, &t.scheme));
                    if (t.scheme != "http" && t.scheme != "https")
                        return r.error(kv.second, kp, "unknown scheme \"" + t.scheme + "\"");
                } else if (key == "path_prefix") {
                    VIGIL_RETURN_IF_ERROR(r.readString(kv.second, kp, &t.pathPrefix));
                    while (!t.pathPrefix.empty() && t.pathPrefix.back() == '/') t.pathPrefix.pop_back();
                    if (!t.pathPrefix.empty() && t.pathPrefix[0] != '/') t.pathPrefix.insert(0, "/");
                } else if (key == "api_version") {
                    std::string v;
                    VIGIL_RETURN_IF_ERROR(r.readString(kv.second, kp, &v));
                    if (v != "v2") return r.error(kv.second, kp, "expected Alertmanager api version to be v2, got \"" + v + "\"");
                } else if (key == "timeout") {
                    VIGIL_RETURN_IF_ERROR(r.readDuration(kv.second, kp, &t.timeoutMs));
                } else if (key == "static_configs") {
                    VIGIL_RETURN_IF_ERROR(r.checkSequence(kv.second, kp));
                    for (size_t j = 0; j < kv.second.size(); ++j) {
                        const std::string sp = indexPath(kp, j);
                        VIGIL_RETURN_IF_ERROR(r.checkMap(kv.second[j], sp, {"targets", "labels"}, "targetgroup.Group"));
                        std::vector<std::string> targets;
                        VIGIL_RETURN_IF_ERROR(r.readStringList(kv.second[j]["targets"], joinPath(sp, "targets"), &targets));
                        t.targets.insert(t.targets.end(), targets.begin(), targets.end());
                    }
                } else if (key == "basic_auth" || key == "authorization" || key == "bearer_token" ||
                           key == "bearer_token_file" || key == "tls_config" || key == "follow_redirects" ||
                           key == "proxy_url" || key == "enable_http2" || key == "oauth2") {
                    http[key] = kv.second;
                } else if (key == "relabel_configs" || key.size() > 11 && key.compare(key.size() - 11, 11, "_sd_configs") == 0) {
                    out.warnings.push_back(path + "." + key + " is not applied by Vigil");
                } else {
                    return r.error(kv.first, path, "field " + key + " not found in type config.AlertmanagerConfig");
                }
            }
            VIGIL_RETURN_IF_ERROR(p.parseHttpConfig(http, path, &t.http));
            out.alertmanagers.push_back(std::move(t));
        }
        return Status::ok();
    });
    if (!st) return st;
    return out;
}

QByteArray postableAlertsJson(const std::vector<model::Alert> &alerts, int64_t nowMs)
{
    QJsonArray arr;
    for (const model::Alert &a : alerts) {
        const bool resolved = a.state == model::AlertState::Resolved || a.endsAtMs != 0;
        const int64_t ends = a.endsAtMs != 0 ? a.endsAtMs : resolved ? nowMs : nowMs + kDefaultValidityMs;
        QJsonObject o{{"labels", labelsObject(a.labels)},
                      {"annotations", labelsObject(a.annotations)},
                      {"endsAt", QString::fromStdString(rfc3339(ends))},
                      {"generatorURL", QString::fromStdString(a.generatorUrl)}};
        if (a.startsAtMs != 0) o.insert("startsAt", QString::fromStdString(rfc3339(a.startsAtMs)));
        arr.append(o);
    }
    return QJsonDocument(arr).toJson(QJsonDocument::Compact);
}

AlertmanagerForwarder::AlertmanagerForwarder(QObject *parent)
    : QObject(parent), nams_(new NamPool(this))
{
}

void AlertmanagerForwarder::setConfig(AlertingConfig config)
{
    for (const std::string &w : config.warnings) qCWarning(lcNotify).noquote() << QString::fromStdString(w);
    config_ = std::move(config);
}

void AlertmanagerForwarder::send(std::vector<model::Alert> alerts)
{
    if (QThread::currentThread() != thread()) {
        QMetaObject::invokeMethod(this, [this, a = std::move(alerts)]() mutable { send(std::move(a)); },
                                  Qt::QueuedConnection);
        return;
    }
    if (config_.empty()) return;
    for (model::Alert &a : alerts) {
        if (queue_.size() >= kQueueCapacity) {
            queue_.pop_front();
            ++dropped_;
        }
        queue_.push_back(std::move(a));
    }
    if (!sending_) sendNextBatch();
}

void AlertmanagerForwarder::sendNextBatch()
{
    if (queue_.empty() || config_.empty()) {
        sending_ = false;
        return;
    }
    sending_ = true;
    const size_t n = std::min(queue_.size(), kMaxBatch);
    std::vector<model::Alert> batch(queue_.begin(), queue_.begin() + long(n));
    queue_.erase(queue_.begin(), queue_.begin() + long(n));
    const QByteArray body = postableAlertsJson(batch, QDateTime::currentMSecsSinceEpoch());

    struct Pending {
        int left = 0;
        bool anyOk = false;
    };
    auto pending = std::make_shared<Pending>();
    for (const AlertmanagerTarget &am : config_.alertmanagers) pending->left += int(am.targets.size());
    if (pending->left == 0) {
        sending_ = false;
        return;
    }
    ++batches_;
    for (const AlertmanagerTarget &am : config_.alertmanagers) {
        for (const std::string &target : am.targets) {
            HttpRequestSpec spec;
            spec.url = am.scheme + "://" + target + am.pathPrefix + "/api/v2/alerts";
            spec.body = body;
            spec.timeoutMs = int(am.timeoutMs);
            sendHttp(nams_->get(am.http), spec, am.http, [this, pending, n, target](AttemptResult r) {
                if (r.ok) pending->anyOk = true;
                else qCWarning(lcNotify).noquote() << "sending alerts to Alertmanager" << QString::fromStdString(target)
                                                   << "failed:" << QString::fromStdString(r.error);
                if (--pending->left > 0) return;
                if (pending->anyOk) sent_ += n;
                else ++failedBatches_;
                Q_EMIT batchSent(int(n), pending->anyOk);
                sendNextBatch();
            });
        }
    }
}

}  // namespace vigil::notify
