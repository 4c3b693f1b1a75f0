// The Engine's notification part: the Notifier (engine/notify) with
// --notifier.config.file or the built-in tier policy.
#include "runtime/engine.h"

#include "core/log.h"
#include "runtime/future_helpers.h"
#include "incidents/incident_service.h"
#include "notify/console_notify_config.h"
#include "notify/default_config.h"
#include "notify/notifier.h"
#include "notify/payloads.h"
#include "scrape/prometheus_config.h"
#include "store/app_store.h"

namespace vigil::runtime {

Status Engine::startNotifier()
{
    // The keychain (secrets_) is only asked when a configuration references
    // a secret (${keychain:NAME}), so machines without one run fine otherwise.
    notify::Notifier::Options o;
    o.delivery.externalUrl =
        options_.externalUrl.empty() ? "http://" + options_.listenAddress : options_.externalUrl;
    notifier_ = new notify::Notifier(o, store_.get(), secrets_, this);
    Status config = reloadNotifier();
    Status started = notifier_->start();
    alertNotifier_.store(notifier_);  // the rule engine's alerts reach it from now on
    // An acknowledgement (from a notification, a pop-up, the Alerts or the
    // Incidents page) also goes into the timeline of the alert's incident.
    // It is also a marker on graphs (source "acknowledgement").
    connect(notifier_, &notify::Notifier::acknowledged, this, [this](const notify::Acknowledgement &a) {
        if (!incidents_) return;
        incidents_->acknowledgeAlert(notify::fingerprintHex(a.fingerprint), a.owner, a.comment, a.timeMs);
        incidents::Marker m;
        m.timeMs = a.timeMs;
        m.text = "Acknowledged " + std::string(a.labels.get("alertname")) + " by " + a.owner;
        if (!a.comment.empty()) m.text += ": " + a.comment;
        m.labels = a.labels;
        m.source = "acknowledgement";
        incidents_->addMarker(std::move(m));
    });
    if (!started.isOk()) qCWarning(lcEngine).noquote() << "silences:" << started.message().c_str();
    return config;
}

std::optional<notify::ConsoleNotifyConfig> Engine::consoleNotifyConfig() const
{
    if (!store_) return std::nullopt;
    auto docs = store_->documents(notify::kConsoleNotifyDocKind);
    if (!docs) return std::nullopt;
    for (const auto &d : *docs) {
        if (d.name != notify::kConsoleNotifyDocName) continue;
        auto c = notify::ConsoleNotifyConfig::fromJson(d.json);
        if (c) return std::move(*c);
        qCWarning(lcEngine).noquote() << "stored notification settings:" << c.status().message().c_str();
    }
    return std::nullopt;
}

Status Engine::reloadNotifier()
{
    if (!notifier_) return Status::ok();
    // prometheus.yml's alerting section: forward to real Alertmanagers too.
    notify::AlertingConfig alerting;
    if (!options_.configFile.empty()) {
        auto prom = scrape::PrometheusConfig::loadFile(options_.configFile);
        if (!prom) return prom.status();
        if (auto it = prom->rawSections.find("alerting"); it != prom->rawSections.end()) {
            auto parsed = notify::AlertingConfig::parse(it->second, options_.configFile);
            if (!parsed) return parsed.status();
            alerting = std::move(*parsed);
        }
    }
    notifier_->setAlertmanagers(std::move(alerting));
    if (options_.notifierConfigFile.empty()) {
        // The console's channels and quiet hours (Rules page) when saved, else
        // desktop notifications for every tier.
        if (auto console = consoleNotifyConfig(); console.has_value()) {
            Result<notify::NotifyConfig> cfg = console->toNotifyConfig();
            if (!cfg) return cfg.status();
            return notifier_->applyConfig(std::move(*cfg));
        }
        Result<notify::NotifyConfig> cfg = notify::defaultConfig({});
        if (!cfg) return cfg.status();
        return notifier_->applyConfig(std::move(*cfg));
    }
    Status s = notifier_->loadConfigFile(options_.notifierConfigFile);
    if (s.isOk()) qCInfo(lcEngine) << "notification configuration loaded from" << options_.notifierConfigFile.c_str();
    return s;
}

QFuture<Engine::AckOpResult> Engine::acknowledge(const notify::AckTarget &target, const std::string &owner,
                                                 const std::string &comment)
{
    if (state_ != State::Running || !notifier_)
        return ready(AckOpResult{Status::failedPrecondition("the engine is not running"), {}});
    auto promise = std::make_shared<QPromise<AckOpResult>>();
    QFuture<AckOpResult> future = promise->future();
    promise->start();
    // Queued even on the notifier's own thread, so the caller never waits.
    QMetaObject::invokeMethod(
        notifier_,
        [n = notifier_, promise, target, owner, comment] {
            auto r = n->acknowledge(target, owner, comment);
            promise->addResult(r ? AckOpResult{Status::ok(), std::move(*r)} : AckOpResult{r.status(), {}});
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

QFuture<Engine::HistoryResult> Engine::alertHistory(const notify::HistoryFilter &filter)
{
    if (state_ != State::Running || !notifier_)
        return ready(HistoryResult{Status::failedPrecondition("the engine is not running"), {}});
    notify::AlertHistory history(store_.get());
    return runOn<HistoryResult>(workPool_, [history, filter] {
        auto r = history.query(filter);
        return r ? HistoryResult{Status::ok(), std::move(*r)} : HistoryResult{r.status(), {}};
    });
}

QFuture<Engine::AckOpResult> Engine::acknowledgements(int64_t fromMs, int64_t toMs)
{
    if (state_ != State::Running || !notifier_)
        return ready(AckOpResult{Status::failedPrecondition("the engine is not running"), {}});
    notify::Notifier *n = notifier_;
    return runOn<AckOpResult>(workPool_, [n, fromMs, toMs] {
        auto r = n->acknowledgements(fromMs, toMs);  // reads app.db only: safe off the notifier's thread
        return r ? AckOpResult{Status::ok(), std::move(*r)} : AckOpResult{r.status(), {}};
    });
}

}  // namespace vigil::runtime
