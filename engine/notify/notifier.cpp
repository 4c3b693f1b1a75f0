#include "notify/notifier.h"

#include "core/log.h"
#include "notify/secret_store.h"

#include <QDateTime>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <climits>

namespace vigil::notify {

namespace {

Status resolveOne(std::string *value, SecretStore *secrets, const std::string &where)
{
    if (value->find("${keychain:") == std::string::npos) return Status::ok();
    Result<std::string> r = resolveSecretRefs(*value, secrets);
    if (!r) return r.status().withContext(where);
    *value = std::move(*r);
    return Status::ok();
}

Status resolveHttp(HttpConfig *h, SecretStore *s, const std::string &where)
{
    if (h->basicAuth) VIGIL_RETURN_IF_ERROR(resolveOne(&h->basicAuth->password, s, where + " basic_auth.password"));
    if (h->authorization)
        VIGIL_RETURN_IF_ERROR(resolveOne(&h->authorization->credentials, s, where + " authorization.credentials"));
    return Status::ok();
}

}  // namespace

Result<NotifyConfig> resolveSecrets(const NotifyConfig &config, SecretStore *secrets)
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

Notifier::Notifier(Options options, store::AppStore *store, SecretStore *secrets, QObject *parent)
    : QObject(parent), options_(std::move(options)), store_(store), secrets_(secrets), silences_(store)
{
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
    dispatcher_->put(alerts, now());
    tick();
}

void Notifier::tick()
{
    const int64_t t = now();
    for (const Notification &n : dispatcher_->flushDue(t)) delivery_->deliver(n, resolved_);
    scheduleNext();
}

void Notifier::scheduleNext()
{
    if (!started_) return;
    const int64_t next = dispatcher_->nextFlushMs();
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
