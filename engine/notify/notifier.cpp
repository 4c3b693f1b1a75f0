#include "notify/notifier.h"

#include "core/log.h"
#include "notify/payloads.h"
#include "notify/secret_refs.h"
#include "store/app_store.h"

#include <QDateTime>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <tuple>

namespace vigil::notify {

namespace {

Status resolveOne(std::string *value, store::SecretStore *secrets, const std::string &where)
{
    if (value->find("${keychain:") == std::string::npos) return Status::ok();
    Result<std::string> r = resolveSecretRefs(*value, secrets);
    if (!r) return r.status().withContext(where);
    *value = std::move(*r);
    return Status::ok();
}

Status resolveHttp(HttpConfig *h, store::SecretStore *s, const std::string &where)
{
    if (h->basicAuth) VIGIL_RETURN_IF_ERROR(resolveOne(&h->basicAuth->password, s, where + " basic_auth.password"));
    if (h->authorization)
        VIGIL_RETURN_IF_ERROR(resolveOne(&h->authorization->credentials, s, where + " authorization.credentials"));
    return Status::ok();
}

}  // namespace

Result<NotifyConfig> resolveSecrets(const NotifyConfig &config, store::SecretStore *secrets)
{
    NotifyConfig c = config;
    for (Receiver &r : c.receivers) {
        const std::string w = "receiver " + r.name;
        for (WebhookConfig &x : r.webhookConfigs) {
            VIGIL_RETURN_IF_ERROR(resolveOne(&x.url, secrets, w + " webhook url"));
            VIGIL_RETURN_IF_ERROR(resolveHttp(&x.http, secrets, w + " webhook"));
        }
        for (SlackConfig &x : r.slackConfigs) {
            VIGIL_RETURN_IF_ERROR(resolveOne(&x.apiUrl, secrets, w + " slack api_url"));
            VIGIL_RETURN_IF_ERROR(resolveHttp(&x.http, secrets, w + " slack"));
        }
        for (EmailConfig &x : r.emailConfigs) VIGIL_RETURN_IF_ERROR(resolveOne(&x.authPassword, secrets, w + " email auth_password"));
        for (SmsConfig &x : r.smsConfigs) {
            VIGIL_RETURN_IF_ERROR(resolveOne(&x.url, secrets, w + " sms url"));
            VIGIL_RETURN_IF_ERROR(resolveHttp(&x.http, secrets, w + " sms"));
        }
        for (ActionConfig &x : r.actionConfigs) {
            VIGIL_RETURN_IF_ERROR(resolveOne(&x.url, secrets, w + " action url"));
            VIGIL_RETURN_IF_ERROR(resolveHttp(&x.http, secrets, w + " action"));
        }
    }
    return c;
}

Notifier::Notifier(Options options, store::AppStore *store, store::SecretStore *secrets, QObject *parent)
    : QObject(parent), options_(std::move(options)), store_(store), secrets_(secrets), silences_(store),
      history_(store), tracker_(store)
{
    qRegisterMetaType<vigil::notify::Acknowledgement>();
    qRegisterMetaType<vigil::notify::HistoryEvent>();
    // An empty configuration until one is applied: everything goes to a
    // receiver without integrations.
    auto empty = std::make_shared<NotifyConfig>();
    empty->route.receiver = "none";
    empty->receivers.push_back(Receiver{"none", {}, {}, {}, {}, {}, {}});
    config_ = resolved_ = empty;
    dispatcher_ = std::make_unique<Dispatcher>(config_, &silences_);
    delivery_ = new Delivery(options_.delivery, store_, this);
    delivery_->setGaveUpHandler([this](const Notification &n) { dispatcher_->deliveryFailed(n); });
    connect(delivery_, &Delivery::desktopNotification, this, &Notifier::desktopNotification);
    connect(delivery_, &Delivery::attempted, this, &Notifier::deliveryAttempted);
    connect(delivery_, &Delivery::actionFinished, this, &Notifier::actionFinished);
    forwarder_ = new AlertmanagerForwarder(this);
    timer_ = new QTimer(this);
    timer_->setSingleShot(true);
    connect(timer_, &QTimer::timeout, this, &Notifier::tick);
}

Notifier::~Notifier() = default;

int64_t Notifier::now() const
{
    return options_.clock ? options_.clock() : QDateTime::currentMSecsSinceEpoch();
}

Status Notifier::applyConfig(NotifyConfig config)
{
    Result<NotifyConfig> resolved = resolveSecrets(config, secrets_);
    if (!resolved) return resolved.status();
    config_ = std::make_shared<const NotifyConfig>(std::move(config));
    resolved_ = std::make_shared<const NotifyConfig>(std::move(*resolved));
    dispatcher_->setConfig(config_, now());
    scheduleNext();
    qCInfo(lcNotify).noquote() << "notification configuration applied:" << config_->receivers.size() << "receivers,"
                               << config_->inhibitRules.size() << "inhibit rules";
    return Status::ok();
}

Status Notifier::loadConfigFile(const std::string &path)
{
    Result<NotifyConfig> cfg = NotifyConfig::loadFile(path);
    if (!cfg) return cfg.status();
    return applyConfig(std::move(*cfg));
}

Status Notifier::start()
{
    Status st = silences_.load();
    if (Status t = tracker_.load(); !t) {
        qCWarning(lcNotify) << "cannot load escalation state:" << t.toString().c_str();
        if (st) st = t;
    }
    startedMs_ = now();
    started_ = true;
    scheduleNext();
    return st;
}

void Notifier::stop()
{
    started_ = false;
    timer_->stop();
}

void Notifier::send(std::vector<model::Alert> alerts)
{
    if (QThread::currentThread() != thread()) {
        QMetaObject::invokeMethod(this, [this, a = std::move(alerts)]() mutable { send(std::move(a)); },
                                  Qt::QueuedConnection);
        return;
    }
    forwarder_->send(alerts);
    const int64_t t = now();
    for (const model::Alert &a : alerts) {
        if (a.labels.empty() || a.state == model::AlertState::Pending || a.state == model::AlertState::Inactive)
            continue;
        const uint64_t fp = a.fingerprint();
        // Fired/resolved rows are the rule engine's history recorder's (one
        // writer per event kind); here resolution only resets the ladder.
        if (a.state == model::AlertState::Resolved || a.endsAtMs != 0) {
            firing_.erase(fp);
            tracker_.resolve(fp);
            continue;
        }
        firing_[fp] = a;
        tracker_.confirm(a);
    }
    dispatcher_->put(alerts, t);
    tick();
}

void Notifier::tick()
{
    const int64_t t = now();
    for (Notification &n : dispatcher_->flushDue(t)) {
        for (const model::Alert &a : n.alerts)
            if (a.state == model::AlertState::Firing) tracker_.notified(a, n.groupKey, t);
        markAcknowledged(&n);
        delivery_->deliver(n, resolved_);
    }
    resolveExpired(t);
    escalate(t);
    scheduleNext();
}

void Notifier::markAcknowledged(Notification *n) const
{
    std::string owner;
    for (const model::Alert &a : n->alerts) {
        if (a.state != model::AlertState::Firing) continue;
        const EscalationTracker::Entry *e = tracker_.find(a.fingerprint());
        if (!e || e->ackedMs == 0) return;
        if (owner.empty()) owner = e->ackOwner.empty() ? std::string("?") : e->ackOwner;
    }
    n->acknowledgedBy = owner;
}

void Notifier::resolveExpired(int64_t nowMs)
{
    // Firing alerts the rule engine stopped re-sending expire after
    // resolve_timeout (the Dispatcher's rule): that resolves them too.
    for (auto it = firing_.begin(); it != firing_.end();) {
        if (dispatcher_->firingAlert(it->first, nowMs)) {
            ++it;
            continue;
        }
        tracker_.resolve(it->first);
        it = firing_.erase(it);
    }
    // Entries restored at start whose alert never came back within one
    // resolve_timeout resolved while Vigil was not running.
    if (startedMs_ != 0 && nowMs >= startedMs_ + config_->global.resolveTimeoutMs) {
        tracker_.dropUnconfirmed();
        startedMs_ = 0;
    }
}

void Notifier::escalate(int64_t nowMs)
{
    auto held = [this, nowMs](const model::Alert &a) { return !silences_.mutedBy(a.labels, nowMs).empty(); };
    const std::vector<EscalationTracker::Due> due = tracker_.takeDue(*config_, nowMs, held);
    if (due.empty()) return;
    // One notification per (group, receiver, step) and integration.
    std::map<std::tuple<std::string, std::string, int>, std::vector<const EscalationTracker::Due *>> batches;
    for (const EscalationTracker::Due &d : due) batches[{d.groupKey, d.step.receiver, d.stepIndex}].push_back(&d);
    for (const auto &[key, items] : batches) {
        const auto &[groupKey, receiverName, stepIndex] = key;
        const Receiver *receiver = resolved_->findReceiver(receiverName);
        Notification n;
        n.groupKey = groupKey;
        n.receiver = receiverName;
        n.timeMs = nowMs;
        n.escalationStep = stepIndex + 1;
        for (const EscalationTracker::Due *d : items) {
            model::Alert a = d->alert;
            a.state = model::AlertState::Firing;
            a.endsAtMs = 0;
            n.alerts.push_back(std::move(a));
            record(HistoryEvent::Kind::Escalated, d->alert, groupKey, nowMs, {}, receiverName,
                   "step " + std::to_string(d->stepIndex + 1) + " of " + std::to_string(d->stepCount) + " (" +
                       d->ladder + ")");
        }
        std::sort(n.alerts.begin(), n.alerts.end(),
                  [](const model::Alert &a, const model::Alert &b) { return a.labels < b.labels; });
        n.groupLabels = n.commonLabels();
        if (!receiver) continue;  // checked by the parser; a reload may race
        auto send = [&](IntegrationKind kind, size_t count) {
            for (size_t i = 0; i < count; ++i) {
                Notification x = n;
                x.kind = kind;
                x.index = i;
                delivery_->deliver(x, resolved_);
            }
        };
        send(IntegrationKind::Webhook, receiver->webhookConfigs.size());
        send(IntegrationKind::Slack, receiver->slackConfigs.size());
        send(IntegrationKind::Email, receiver->emailConfigs.size());
        send(IntegrationKind::Desktop, receiver->desktopConfigs.size());
        send(IntegrationKind::Sms, receiver->smsConfigs.size());
        send(IntegrationKind::Action, receiver->actionConfigs.size());
        qCInfo(lcNotify).noquote() << "escalated" << items.size() << "alert(s) of" << QString::fromStdString(groupKey)
                                   << "to" << QString::fromStdString(receiverName)
                                   << QStringLiteral("(step %1)").arg(stepIndex + 1);
    }
}

void Notifier::record(HistoryEvent::Kind kind, const model::Alert &alert, const std::string &groupKey, int64_t timeMs,
                      const std::string &actor, const std::string &receiver, const std::string &message)
{
    HistoryEvent e;
    e.kind = kind;
    e.timeMs = timeMs;
    e.fingerprint = alert.fingerprint();
    e.labels = alert.labels;
    e.groupKey = groupKey;
    e.actor = actor;
    e.receiver = receiver;
    e.message = message;
    if (Status s = history_.record(e); !s)
        qCWarning(lcNotify) << "cannot record alert history:" << s.toString().c_str();
    Q_EMIT historyRecorded(e);
}

Result<std::vector<Acknowledgement>> Notifier::acknowledge(const AckTarget &target, const std::string &owner,
                                                            const std::string &comment, int64_t timeMs)
{
    if (owner.empty()) return Status::invalidArgument("an acknowledgement needs an owner");
    if (target.fingerprint == 0 && target.groupKey.empty())
        return Status::invalidArgument("an acknowledgement needs an alert fingerprint or a group key");
    const int64_t t = timeMs ? timeMs : now();
    std::vector<EscalationTracker::Entry> acked = tracker_.acknowledge(target, owner, t);
    if (acked.empty()) {
        const EscalationTracker::Entry *known = target.fingerprint ? tracker_.find(target.fingerprint) : nullptr;
        bool anyAcked = known && known->ackedMs != 0;
        for (const auto &[fp, e] : tracker_.entries())
            anyAcked |= !target.groupKey.empty() && e.groupKey == target.groupKey && e.ackedMs != 0;
        if (anyAcked) return Status::failedPrecondition("already acknowledged");
        // Firing but not notified yet (e.g. still in group_wait): acknowledge it all the same.
        std::optional<model::Alert> a = target.fingerprint ? dispatcher_->firingAlert(target.fingerprint, t)
                                                           : std::nullopt;
        if (!a) {
            return Status::notFound(target.fingerprint
                                        ? "no firing alert with fingerprint " + fingerprintHex(target.fingerprint)
                                        : "no firing alert in group " + target.groupKey);
        }
        acked.push_back(tracker_.acknowledgeUntracked(*a, {}, owner, t));
    }
    std::vector<Acknowledgement> out;
    for (const EscalationTracker::Entry &e : acked) {
        Acknowledgement ack;
        ack.fingerprint = e.alert.fingerprint();
        ack.groupKey = e.groupKey;
        ack.labels = e.alert.labels;
        ack.owner = owner;
        ack.comment = comment;
        ack.timeMs = t;
        ack.startsAtMs = e.alert.startsAtMs;
        if (store_ && store_->isOpen()) {
            store::StoredAcknowledgement row{0, fingerprintHex(ack.fingerprint), ack.groupKey, labelsToJson(ack.labels),
                                             owner, comment, t, ack.startsAtMs};
            Result<int64_t> id = store_->appendAcknowledgement(row);
            if (!id) qCWarning(lcNotify) << "cannot store acknowledgement:" << id.status().toString().c_str();
            else ack.id = *id;
        }
        record(HistoryEvent::Kind::Acknowledged, e.alert, e.groupKey, t, owner, {}, comment);
        out.push_back(ack);
        Q_EMIT acknowledged(ack);
    }
    scheduleNext();
    return out;
}

std::vector<Acknowledgement> Notifier::activeAcknowledgements() const
{
    std::vector<Acknowledgement> out;
    for (const auto &[fp, e] : tracker_.entries()) {
        if (e.ackedMs == 0) continue;
        Acknowledgement a;
        a.fingerprint = fp;
        a.groupKey = e.groupKey;
        a.labels = e.alert.labels;
        a.owner = e.ackOwner;
        a.timeMs = e.ackedMs;
        a.startsAtMs = e.alert.startsAtMs;
        out.push_back(std::move(a));
    }
    return out;
}

Result<std::vector<Acknowledgement>> Notifier::acknowledgements(int64_t fromMs, int64_t toMs, uint64_t fingerprint) const
{
    if (!store_ || !store_->isOpen()) return std::vector<Acknowledgement>{};
    auto rows = store_->acknowledgements(fromMs, toMs, fingerprint ? fingerprintHex(fingerprint) : std::string());
    if (!rows) return rows.status();
    std::vector<Acknowledgement> out;
    for (const store::StoredAcknowledgement &r : *rows) {
        Acknowledgement a;
        a.id = r.id;
        a.fingerprint = std::strtoull(r.fingerprint.c_str(), nullptr, 16);
        a.groupKey = r.groupKey;
        a.labels = labelsFromJson(r.labels);
        a.owner = r.owner;
        a.comment = r.comment;
        a.timeMs = r.timeMs;
        a.startsAtMs = r.startsAtMs;
        out.push_back(std::move(a));
    }
    return out;
}

void Notifier::scheduleNext()
{
    if (!started_) return;
    const int64_t next = std::min(dispatcher_->nextFlushMs(), tracker_.nextDueMs(*config_));
    // At least every second: a manual clock in tests, or a system clock
    // change, is then noticed soon.
    const int64_t wait = next == INT64_MAX ? 1000 : std::clamp<int64_t>(next - now(), 0, 1000);
    timer_->start(int(wait));
}

std::vector<Dispatcher::AlertStatus> Notifier::alerts() const
{
    return dispatcher_->alerts(now());
}

}  // namespace vigil::notify
