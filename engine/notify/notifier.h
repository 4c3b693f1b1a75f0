// Notifier: the notification half of alerting, what the rule engine's
// alerts are sent to (as Prometheus sends to Alertmanager).
//
//   Notifier n(options, appStore, secretStore);
//   n.applyConfig(*NotifyConfig::loadFile(path));   // or defaultConfig(...)
//   n.start();
//   n.send(alerts);     // after every rule evaluation, from any thread
//   connect(&n, &Notifier::desktopNotification, ...);
//
// It owns a Dispatcher (routing, grouping, inhibition, silences, time
// intervals, notification log), a Delivery (integrations with retries) and
// the Silences (persisted in the app store). Time comes from the clock in
// Options (the system clock when unset); while started, a timer runs
// tick() whenever a group is due (at least every second). Tests use a manual
// clock and call tick() themselves.
//
// Escalation and acknowledgement (Vigil): a firing alert that a group flush
// notified is tracked on the escalation ladder its labels select
// (NotifyConfig::escalations, escalation_tracker.h); each step due on the
// clock sends the alert to the step's receiver (Notification::escalationStep
// set, group key kept so a desktop notification is replaced, not stacked).
// acknowledge() stops the climb; resolution (a resolved alert, or a firing
// one not re-sent within resolve_timeout) resets it. Silenced alerts hold
// their step. The notification-side events — acknowledged and escalated —
// go to history() (app.db) and historyRecorded(); fired, resolved and
// silenced rows are written by the rule engine's history recorder (one
// writer per kind), and history() reads them all.
//
// Threads: the Notifier lives on the thread that created it (or was moved
// to) and does all its work there, asynchronously; send() may be called from
// any thread (it queues to the Notifier's thread). The other methods must
// be called on the Notifier's thread, except silences(), which is
// thread-safe.
#pragma once

#include "core/status.h"
#include "model/alert.h"
#include "notify/acknowledgement.h"
#include "notify/alert_history.h"
#include "notify/alertmanager_forwarder.h"
#include "notify/delivery.h"
#include "notify/desktop_sink.h"
#include "notify/dispatcher.h"
#include "notify/escalation_tracker.h"
#include "notify/notify_config.h"
#include "notify/silences.h"

#include <QObject>

#include <functional>
#include <map>
#include <memory>
#include <vector>

class QTimer;

namespace vigil::store { class AppStore; class SecretStore; }

namespace vigil::notify {

class Notifier : public QObject {
    Q_OBJECT
public:
    struct Options {
        DeliveryOptions delivery;
        std::function<int64_t()> clock;  // ms since the epoch; system clock when empty
    };

    // `store` and `secrets` may be null (nothing persisted / no secret
    // references allowed); both must outlive the Notifier.
    Notifier(Options options, store::AppStore *store, store::SecretStore *secrets, QObject *parent = nullptr);
    ~Notifier() override;

    // Resolves ${keychain:NAME} references and switches to `config`; on error
    // the previous configuration stays. Groups restart, the notification log
    // is kept (as Alertmanager's reload).
    Status applyConfig(NotifyConfig config);
    // Reads a file and applies it.
    Status loadConfigFile(const std::string &path);
    const NotifyConfig &config() const { return *config_; }

    // Loads the stored silences and starts the flush timer.
    Status start();
    void stop();

    // Thread-safe. Alerts as the rule engine sends them (active ones again at
    // every evaluation, resolved ones with endsAt).
    void send(std::vector<model::Alert> alerts);
    // Flushes what is due now. Called by the timer; tests call it directly.
    void tick();

    // Alertmanagers from prometheus.yml's alerting section: every alert
    // passed to send() is also forwarded there (an empty config stops it).
    void setAlertmanagers(AlertingConfig config) { forwarder_->setConfig(std::move(config)); }
    AlertmanagerForwarder *forwarder() { return forwarder_; }

    Silences &silences() { return silences_; }
    std::vector<Dispatcher::AlertStatus> alerts() const;
    void setDesktopSink(DesktopSink *sink) { delivery_->setDesktopSink(sink); }
    Delivery *delivery() { return delivery_; }
    int64_t now() const;

    // Acknowledges the firing alert(s) of `target`: stops their escalation,
    // stores the acknowledgement (app.db) and a history event, emits
    // acknowledged() for each. InvalidArgument without an owner or target;
    // NotFound when no firing alert matches; already acknowledged alerts are
    // left as they were (FailedPrecondition if that is all of them).
    // timeMs 0: now().
    Result<std::vector<Acknowledgement>> acknowledge(const AckTarget &target, const std::string &owner,
                                                     const std::string &comment, int64_t timeMs = 0);
    // Acknowledgements of alerts still firing (one per alert).
    std::vector<Acknowledgement> activeAcknowledgements() const;
    // Stored acknowledgements in [fromMs, toMs] (all of them when fingerprint
    // is 0), oldest first. Reads app.db: thread-safe, but not for the GUI thread.
    Result<std::vector<Acknowledgement>> acknowledgements(int64_t fromMs, int64_t toMs, uint64_t fingerprint = 0) const;
    // Alert events (thread-safe; its queries read app.db).
    AlertHistory &history() { return history_; }
    // Where tracked alerts stand on their ladders (for the console).
    const EscalationTracker &escalation() const { return tracker_; }

Q_SIGNALS:
    void desktopNotification(const vigil::notify::DesktopNotification &n);
    // After every delivery attempt (for the console's history view and tests).
    void deliveryAttempted(const QString &receiver, const QString &integration, int attempt, bool ok, bool willRetry,
                           const QString &error);
    // Output of an action integration's attempt (see Delivery::actionFinished).
    void actionFinished(const QString &groupKey, bool ok, const QString &detail);
    void acknowledged(const vigil::notify::Acknowledgement &ack);
    // Every event recorded in history() by the Notifier.
    void historyRecorded(const vigil::notify::HistoryEvent &event);

private:
    void scheduleNext();
    void record(HistoryEvent::Kind kind, const model::Alert &alert, const std::string &groupKey, int64_t timeMs,
                const std::string &actor = {}, const std::string &receiver = {}, const std::string &message = {});
    void resolveExpired(int64_t nowMs);
    void escalate(int64_t nowMs);
    void markAcknowledged(Notification *n) const;

    Options options_;
    store::AppStore *store_ = nullptr;
    store::SecretStore *secrets_ = nullptr;
    Silences silences_;
    AlertHistory history_;
    EscalationTracker tracker_;
    // Alerts received firing and not yet resolved (to notice resolve_timeout expiry).
    std::map<uint64_t, model::Alert> firing_;
    int64_t startedMs_ = 0;
    std::shared_ptr<const NotifyConfig> config_;    // as written (routing)
    std::shared_ptr<const NotifyConfig> resolved_;  // secrets resolved (delivery)
    std::unique_ptr<Dispatcher> dispatcher_;
    Delivery *delivery_ = nullptr;
    AlertmanagerForwarder *forwarder_ = nullptr;
    QTimer *timer_ = nullptr;
    bool started_ = false;
};

// The configuration with every ${keychain:NAME} resolved from `secrets`.
// Blocks on the keychain (store::SecretStore::readBlocking): off the GUI thread.
Result<NotifyConfig> resolveSecrets(const NotifyConfig &config, store::SecretStore *secrets);

}  // namespace vigil::notify
