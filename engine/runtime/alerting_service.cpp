#include "runtime/alerting_service.h"

#include "notify/label_matchers.h"
#include "notify/notifier.h"
#include "runtime/alert_history.h"
#include "runtime/engine.h"
#include "runtime/future_helpers.h"
#include "store/secret_store.h"

#include <QDateTime>
#include <QPromise>

namespace vigil::runtime {

namespace {

int64_t nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

Status notRunning() { return Status::failedPrecondition("the engine is not running"); }

Status writeSecrets(store::SecretStore *store, const std::vector<SecretWrite> &secrets)
{
    for (const auto &[name, value] : secrets) {
        if (Status s = store->writeBlocking(name, value); !s.isOk()) return s.withContext("keychain entry " + name);
    }
    return Status::ok();
}

}  // namespace

AlertingService::AlertingService(Engine *engine, store::SecretStore *secrets)
    : engine_(engine), secrets_(secrets ? secrets : engine->secrets())
{
}

AlertingService::~AlertingService() = default;

QFuture<AlertingSnapshot> AlertingService::snapshot()
{
    if (engine_->state() != Engine::State::Running || !engine_->rules()) {
        AlertingSnapshot s;
        s.status = notRunning();
        return ready(std::move(s));
    }
    rules::RuleManager *rules = engine_->rules();
    notify::Notifier *notifier = engine_->notifier();
    store::AppStore *store = engine_->appStore();
    return runOn<AlertingSnapshot>(*QThreadPool::globalInstance(), [rules, notifier, store] {
        AlertingSnapshot s;
        s.nowMs = nowMs();
        s.groups = rules->groups();
        if (notifier) s.silences = notifier->silences().list();
        if (auto docs = store->documents(kUntilResolvedDocKind); docs.isOk())
            for (const auto &d : *docs) s.untilResolved.push_back(d.name);
        return s;
    });
}

QFuture<AlertHistorySnapshot> AlertingService::history(int limit)
{
    if (engine_->state() != Engine::State::Running) return ready(AlertHistorySnapshot{notRunning(), {}, {}});
    store::AppStore *store = engine_->appStore();
    return runOn<AlertHistorySnapshot>(*QThreadPool::globalInstance(), [store, limit] {
        AlertHistorySnapshot h;
        auto events = store->alertEvents(limit);
        if (!events) return AlertHistorySnapshot{events.status(), {}, {}};
        h.events = std::move(*events);
        auto attempts = store->deliveryAttempts(limit);
        if (!attempts) return AlertHistorySnapshot{attempts.status(), {}, {}};
        h.attempts = std::move(*attempts);
        return h;
    });
}

QFuture<SilenceOutcome> AlertingService::createSilence(notify::Silence s, model::Labels alertLabels, bool untilResolved)
{
    if (engine_->state() != Engine::State::Running || !engine_->notifier())
        return ready(SilenceOutcome{notRunning(), {}});
    notify::Notifier *notifier = engine_->notifier();
    store::AppStore *store = engine_->appStore();
    AlertHistoryRecorder *history = engine_->alertHistory();
    return runOn<SilenceOutcome>(*QThreadPool::globalInstance(),
                                 [notifier, store, history, s = std::move(s), labels = std::move(alertLabels),
                                  untilResolved]() mutable {
                                     const int64_t now = nowMs();
                                     if (s.startsAtMs == 0) s.startsAtMs = now;
                                     if (untilResolved) s.endsAtMs = now + kUntilResolvedMs;
                                     const std::string comment = s.comment;
                                     auto id = notifier->silences().create(std::move(s), now);
                                     if (!id) return SilenceOutcome{id.status(), {}};
                                     if (untilResolved) {
                                         store::StoredDocument d{*id, "{}", now};
                                         if (Status st = store->putDocument(kUntilResolvedDocKind, d); !st.isOk())
                                             return SilenceOutcome{st, *id};
                                     }
                                     if (history) history->recordSilence("silenced", labels, comment, now);
                                     return SilenceOutcome{Status::ok(), *id};
                                 });
}

QFuture<Status> AlertingService::expireSilence(std::string id)
{
    if (engine_->state() != Engine::State::Running || !engine_->notifier()) return ready(notRunning());
    notify::Notifier *notifier = engine_->notifier();
    store::AppStore *store = engine_->appStore();
    AlertHistoryRecorder *history = engine_->alertHistory();
    return runOn<Status>(*QThreadPool::globalInstance(), [notifier, store, history, id = std::move(id)] {
        const int64_t now = nowMs();
        model::Labels labels;
        std::string comment;
        for (const auto &s : notifier->silences().list()) {
            if (s.id != id) continue;
            std::vector<model::Label> eq;
            for (const auto &m : s.matchers)
                if (m.type() == model::Matcher::Type::Equal) eq.push_back({m.name(), m.value()});
            labels = model::Labels::fromUnsorted(std::move(eq));
            comment = s.comment;
        }
        VIGIL_RETURN_IF_ERROR(notifier->silences().expire(id, now));
        (void)store->removeDocument(kUntilResolvedDocKind, id);
        if (history) history->recordSilence("silence expired", labels, comment, now);
        return Status::ok();
    });
}

QFuture<NotifySettingsOutcome> AlertingService::notifySettings()
{
    if (engine_->state() != Engine::State::Running) return ready(NotifySettingsOutcome{notRunning(), {}, false});
    store::AppStore *store = engine_->appStore();
    const bool file = !engine_->options().notifierConfigFile.empty();
    return runOn<NotifySettingsOutcome>(*QThreadPool::globalInstance(), [store, file] {
        NotifySettingsOutcome o;
        o.fileInUse = file;
        auto docs = store->documents(notify::kConsoleNotifyDocKind);
        if (!docs) return NotifySettingsOutcome{docs.status(), {}, file};
        for (const auto &d : *docs) {
            if (d.name != notify::kConsoleNotifyDocName) continue;
            auto c = notify::ConsoleNotifyConfig::fromJson(d.json);
            if (!c) return NotifySettingsOutcome{c.status(), {}, file};
            o.config = std::move(*c);
        }
        return o;
    });
}

QFuture<Status> AlertingService::saveNotifySettings(notify::ConsoleNotifyConfig config, std::vector<SecretWrite> secrets)
{
    if (engine_->state() != Engine::State::Running || !engine_->notifier()) return ready(notRunning());
    if (!engine_->options().notifierConfigFile.empty())
        return ready(Status::failedPrecondition(
            "notifications are configured by --notifier.config.file; the console's settings do not apply"));
    notify::Notifier *notifier = engine_->notifier();
    store::AppStore *store = engine_->appStore();
    store::SecretStore *keychain = secrets_;
    auto promise = std::make_shared<QPromise<Status>>();
    QFuture<Status> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([=, config = std::move(config), secrets = std::move(secrets)] {
        auto fail = [&](Status s) {
            promise->addResult(std::move(s));
            promise->finish();
        };
        if (Status s = writeSecrets(keychain, secrets); !s.isOk()) return fail(s);
        auto cfg = config.toNotifyConfig();
        if (!cfg) return fail(cfg.status());
        // Every reference must resolve before anything changes.
        if (auto resolved = notify::resolveSecrets(*cfg, keychain); !resolved) return fail(resolved.status());
        // Applied first (on the Notifier's thread), stored after (back on the
        // pool): settings the notifier refused are not kept.
        std::string json = config.toJson();
        QMetaObject::invokeMethod(notifier, [notifier, store, promise, json, cfg = std::move(*cfg)]() mutable {
            Status applied = notifier->applyConfig(std::move(cfg));
            if (!applied.isOk()) {
                promise->addResult(applied);
                promise->finish();
                return;
            }
            QThreadPool::globalInstance()->start([store, promise, json] {
                store::StoredDocument d{notify::kConsoleNotifyDocName, json, nowMs()};
                promise->addResult(store->putDocument(notify::kConsoleNotifyDocKind, d));
                promise->finish();
            });
        }, Qt::QueuedConnection);
    });
    return future;
}

QFuture<TestSendOutcome> AlertingService::sendTest(notify::ConsoleNotifyConfig config, notify::ConsoleTier tier,
                                                   std::vector<SecretWrite> secrets)
{
    if (engine_->state() != Engine::State::Running || !engine_->notifier())
        return ready(TestSendOutcome{notRunning(), {}});
    notify::Notifier *notifier = engine_->notifier();
    store::SecretStore *keychain = secrets_;
    auto promise = std::make_shared<QPromise<TestSendOutcome>>();
    QFuture<TestSendOutcome> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([=, config = std::move(config), secrets = std::move(secrets)] {
        auto fail = [&](Status s) {
            promise->addResult(TestSendOutcome{std::move(s), {}});
            promise->finish();
        };
        if (Status s = writeSecrets(keychain, secrets); !s.isOk()) return fail(s);
        auto cfg = config.toNotifyConfig();
        if (!cfg) return fail(cfg.status());
        auto resolved = notify::resolveSecrets(*cfg, keychain);
        if (!resolved) return fail(resolved.status());
        auto shared = std::make_shared<const notify::NotifyConfig>(std::move(*resolved));
        const std::string receiver = std::string("tier-") + notify::consoleTierName(tier);
        QMetaObject::invokeMethod(notifier, [notifier, promise, shared, receiver] {
            QFuture<std::vector<notify::TestSendResult>> f = notify::sendTestNotification(shared, receiver);
            f.then(notifier, [promise](std::vector<notify::TestSendResult> r) {
                promise->addResult(TestSendOutcome{Status::ok(), std::move(r)});
                promise->finish();
            });
        }, Qt::QueuedConnection);
    });
    return future;
}

}  // namespace vigil::runtime
