// Delivery: sends Notifications through their integrations, each on its own
// (asynchronous requests, processes and SMTP sessions: a slow or failing
// channel never holds up another), retrying failed attempts with
// exponential backoff (initial, doubling, capped; no retry on permanent
// failures such as HTTP 4xx other than 429). Every attempt is recorded in
// the app store's notification_attempts table and logged without secrets.
//
// Lives on one thread (the Notifier's); not thread-safe. The configuration
// passed in has its secret references already resolved; each delivery keeps
// the configuration it started with (a reload does not disturb it).
#pragma once

#include "notify/attempt_result.h"
#include "notify/desktop_sink.h"
#include "notify/notification.h"
#include "notify/notify_config.h"

#include <QObject>

#include <functional>
#include <memory>


namespace vigil::store { class AppStore; }

namespace vigil::notify {

struct DeliveryOptions {
    int64_t initialBackoffMs = 1000;
    int64_t maxBackoffMs = 60'000;
    int maxAttempts = 6;
    int64_t httpTimeoutMs = 10'000;
    std::string externalUrl;  // Alertmanager's externalURL in payloads
};

class Delivery : public QObject {
    Q_OBJECT
public:
    Delivery(DeliveryOptions options, store::AppStore *store, QObject *parent = nullptr);
    ~Delivery() override;

    void setDesktopSink(DesktopSink *sink) { sink_ = sink; }
    // Called once a notification has failed for good (the Notifier tells the
    // Dispatcher, so the next group flush tries again).
    void setGaveUpHandler(std::function<void(const Notification &)> f) { gaveUp_ = std::move(f); }

    void deliver(const Notification &n, std::shared_ptr<const NotifyConfig> config);
    // Deliveries started and not yet finished (including waits between retries).
    int inFlight() const { return inFlight_; }

Q_SIGNALS:
    // After every attempt.
    void attempted(const QString &receiver, const QString &integration, int attempt, bool ok, bool willRetry,
                   const QString &error);
    void desktopNotification(const vigil::notify::DesktopNotification &n);
    // After every attempt of an action integration: its output (exit code,
    // stdout/stderr or HTTP status), for the emergency alert window.
    void actionFinished(const QString &groupKey, bool ok, const QString &detail);

private:
    struct Task;
    void attempt(std::shared_ptr<Task> t);
    void runOnce(const Task &t, AttemptDone done);
    void record(const Task &t, const AttemptResult &r, bool willRetry);

    DeliveryOptions options_;
    store::AppStore *store_ = nullptr;
    DesktopSink *sink_ = nullptr;
    std::function<void(const Notification &)> gaveUp_;
    class NamPool *nams_ = nullptr;
    int inFlight_ = 0;
};

}  // namespace vigil::notify
