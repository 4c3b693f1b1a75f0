#include "notify/delivery.h"

#include "core/log.h"
#include "notify/action_runner.h"
#include "notify/http_request.h"
#include "notify/payloads.h"
#include "notify/smtp_client.h"
#include "store/app_store.h"

#include <QDateTime>
#include <QFile>
#include <QPointer>
#include <QTimer>

#include <algorithm>

namespace vigil::notify {

namespace {

// *_file secrets are read at send time, so a rotated secret is picked up.
std::string readSecretFile(const std::string &path)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.readAll().trimmed().toStdString();
}

}  // namespace

struct Delivery::Task {
    Notification n;
    std::shared_ptr<const NotifyConfig> config;
    const Receiver *receiver = nullptr;
    int attempt = 0;
};

Delivery::Delivery(DeliveryOptions options, store::AppStore *store, QObject *parent)
    : QObject(parent), options_(std::move(options)), store_(store), nams_(new NamPool(this))
{
    qRegisterMetaType<vigil::notify::DesktopNotification>();
}

Delivery::~Delivery() = default;

void Delivery::deliver(const Notification &n, std::shared_ptr<const NotifyConfig> config)
{
    auto t = std::make_shared<Task>();
    t->n = n;
    t->config = std::move(config);
    t->receiver = t->config->findReceiver(n.receiver);
    if (!t->receiver) return;
    ++inFlight_;
    attempt(std::move(t));
}

void Delivery::attempt(std::shared_ptr<Task> t)
{
    ++t->attempt;
    QPointer<Delivery> self(this);
    runOnce(*t, [self, t](AttemptResult r) {
        if (!self) return;
        const bool retry = !r.ok && r.retryable && t->attempt < self->options_.maxAttempts;
        self->record(*t, r, retry);
        if (retry) {
            const int64_t backoff = std::min(self->options_.maxBackoffMs,
                                             self->options_.initialBackoffMs << std::min(t->attempt - 1, 20));
            QTimer::singleShot(std::chrono::milliseconds(backoff), self.data(), [self, t] {
                if (self) self->attempt(t);
            });
            return;
        }
        --self->inFlight_;
        if (!r.ok && self->gaveUp_) self->gaveUp_(t->n);
    });
}

void Delivery::runOnce(const Task &t, AttemptDone done)
{
    const Notification &n = t.n;
    const Receiver &rc = *t.receiver;
    const std::string &ext = options_.externalUrl;
    const int timeout = int(options_.httpTimeoutMs);
    switch (n.kind) {
    case IntegrationKind::Webhook: {
        const WebhookConfig &c = rc.webhookConfigs.at(n.index);
        HttpRequestSpec spec;
        spec.url = c.url;
        spec.body = webhookJson(n, ext, c.maxAlerts);
        spec.timeoutMs = timeout;
        sendHttp(nams_->get(c.http), spec, c.http, std::move(done));
        return;
    }
    case IntegrationKind::Slack: {
        const SlackConfig &c = rc.slackConfigs.at(n.index);
        HttpRequestSpec spec;
        spec.url = c.apiUrl.empty() ? readSecretFile(c.apiUrlFile) : c.apiUrl;
        spec.body = slackJson(n, c, ext);
        spec.timeoutMs = timeout;
        sendHttp(nams_->get(c.http), spec, c.http, std::move(done));
        return;
    }
    case IntegrationKind::Sms: {
        const SmsConfig &c = rc.smsConfigs.at(n.index);
        HttpRequestSpec spec;
        spec.method = QByteArray::fromStdString(c.method);
        spec.url = c.url;
        spec.contentType = QByteArray::fromStdString(c.contentType);
        const bool json = c.contentType.find("json") != std::string::npos;
        std::string to;
        for (const std::string &a : c.to) to += (to.empty() ? "" : ",") + a;
        std::string tmpl = c.body.empty() ? std::string(R"({"to": "{{to}}", "text": "[{{status}}] {{alertname}}: {{summary}}"})")
                                          : c.body;
        // {{to}} is the sms config's own placeholder.
        for (size_t p; (p = tmpl.find("{{to}}")) != std::string::npos;) tmpl.replace(p, 6, to);
        spec.body = QByteArray::fromStdString(expandText(tmpl, n, ext, json));
        spec.timeoutMs = timeout;
        sendHttp(nams_->get(c.http), spec, c.http, std::move(done));
        return;
    }
    case IntegrationKind::Email: {
        const EmailConfig &c = rc.emailConfigs.at(n.index);
        SmtpMessage m;
        m.smarthost = c.smarthost;
        m.hello = c.hello;
        m.from = c.from;
        m.to = splitAddresses(c.to);
        m.username = c.authUsername;
        m.password = c.authPasswordFile.empty() ? c.authPassword : readSecretFile(c.authPasswordFile);
        m.identity = c.authIdentity;
        m.requireTls = c.requireTls;
        m.tls = c.tls;
        m.headers = c.headers;
        m.headers.try_emplace("To", c.to);  // as written, like Alertmanager
        m.subject = emailSubject(n);
        m.text = c.text.empty() ? emailText(n, ext) : expandText(c.text, n, ext);
        m.timeoutMs = std::max(timeout, 30'000);
        (new SmtpClient(this))->send(std::move(m), std::move(done));
        return;
    }
    case IntegrationKind::Action: {
        const ActionConfig &c = rc.actionConfigs.at(n.index);
        if (!c.command.empty()) {
            runAction(this, c, n, ext, std::move(done));
            return;
        }
        HttpRequestSpec spec;
        spec.method = QByteArray::fromStdString(c.method);
        spec.url = c.url;
        spec.body = webhookJson(n, ext, 0);
        spec.timeoutMs = int(c.timeoutMs);
        sendHttp(nams_->get(c.http), spec, c.http, std::move(done));
        return;
    }
    case IntegrationKind::Desktop: {
        const DesktopConfig &c = rc.desktopConfigs.at(n.index);
        DesktopNotification d;
        d.groupKey = n.groupKey;
        d.receiver = n.receiver;
        d.title = emailSubject(n);
        d.body = expandText("{{alerts}}", n, ext);
        d.urgency = c.urgency;
        d.persistent = c.persistent;
        d.alertWindow = c.alertWindow;
        d.resolved = !n.firing();
        d.tier = n.tier();
        d.alerts = n.alerts;
        d.timeMs = n.timeMs;
        d.escalationStep = n.escalationStep;
        d.acknowledgedBy = n.acknowledgedBy;
        if (sink_) sink_->notify(d);
        Q_EMIT desktopNotification(d);
        done({true, false, {}, sink_ ? "delivered to the desktop sink" : "signalled (no desktop sink)"});
        return;
    }
    }
}

void Delivery::record(const Task &t, const AttemptResult &r, bool willRetry)
{
    const std::string integration = t.n.integrationName();
    if (r.ok) {
        qCDebug(lcNotify).noquote() << "notified" << QString::fromStdString(t.n.receiver) << QString::fromStdString(integration)
                                    << "attempt" << t.attempt;
    } else {
        qCWarning(lcNotify).noquote() << "notify" << QString::fromStdString(t.n.receiver)
                                      << QString::fromStdString(integration) << "attempt" << t.attempt
                                      << (willRetry ? "failed, will retry:" : "failed:") << QString::fromStdString(r.error);
    }
    if (store_ && store_->isOpen()) {
        store::DeliveryAttempt a;
        a.timeMs = QDateTime::currentMSecsSinceEpoch();
        a.receiver = t.n.receiver;
        a.integration = integration;
        a.groupKey = t.n.groupKey;
        for (const model::Alert &al : t.n.alerts) a.fingerprints += (a.fingerprints.empty() ? "" : ",") + fingerprintHex(al.fingerprint());
        a.attempt = t.attempt;
        a.status = r.ok ? "ok" : willRetry ? "retry" : "failed";
        a.error = r.error;
        a.detail = r.detail;
        if (Status s = store_->appendDeliveryAttempt(a); !s)
            qCWarning(lcNotify) << "cannot record delivery attempt:" << s.toString().c_str();
    }
    Q_EMIT attempted(QString::fromStdString(t.n.receiver), QString::fromStdString(integration), t.attempt, r.ok,
                     willRetry, QString::fromStdString(r.error));
    if (t.n.kind == IntegrationKind::Action) {
        Q_EMIT actionFinished(QString::fromStdString(t.n.groupKey), r.ok,
                              QString::fromStdString(r.detail.empty() ? r.error : r.detail));
    }
}

}  // namespace vigil::notify
