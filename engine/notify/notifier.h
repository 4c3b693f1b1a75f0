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
// Threads: the Notifier lives on the thread that created it (or was moved
// to) and does all its work there, asynchronously; send() may be called from
// any thread (it queues to the Notifier's thread). The other methods must
// be called on the Notifier's thread, except silences(), which is
// thread-safe.
#pragma once

#include "core/status.h"
#include "model/alert.h"
#include "notify/alertmanager_forwarder.h"
#include "notify/delivery.h"
#include "notify/desktop_sink.h"
#include "notify/dispatcher.h"
#include "notify/notify_config.h"
#include "notify/silences.h"

#include <QObject>

#include <functional>
#include <memory>
#include <vector>

class QTimer;

namespace vigil::store { class AppStore; }

namespace vigil::notify {

class SecretStore;

class Notifier : public QObject {
    Q_OBJECT
public:
    struct Options {
        DeliveryOptions delivery;
        std::function<int64_t()> clock;  // ms since the epoch; system clock when empty
    };

    // `store` and `secrets` may be null (nothing persisted / no secret
    // references allowed); both must outlive the Notifier.
    Notifier(Options options, store::AppStore *store, SecretStore *secrets, QObject *parent = nullptr);
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

Q_SIGNALS:
    void desktopNotification(const vigil::notify::DesktopNotification &n);
    // After every delivery attempt (for the console's history view and tests).
    void deliveryAttempted(const QString &receiver, const QString &integration, int attempt, bool ok, bool willRetry,
                           const QString &error);

private:
    void scheduleNext();

    Options options_;
    store::AppStore *store_ = nullptr;
    SecretStore *secrets_ = nullptr;
    Silences silences_;
    std::shared_ptr<const NotifyConfig> config_;    // as written (routing)
    std::shared_ptr<const NotifyConfig> resolved_;  // secrets resolved (delivery)
    std::unique_ptr<Dispatcher> dispatcher_;
    Delivery *delivery_ = nullptr;
    AlertmanagerForwarder *forwarder_ = nullptr;
    QTimer *timer_ = nullptr;
    bool started_ = false;
};

// The configuration with every ${keychain:NAME} resolved from `secrets`.
Result<NotifyConfig> resolveSecrets(const NotifyConfig &config, SecretStore *secrets);

}  // namespace vigil::notify
