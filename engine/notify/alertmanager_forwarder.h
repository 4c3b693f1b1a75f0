// AlertmanagerForwarder: sends alerts to real Alertmanagers as Prometheus
// does, from prometheus.yml's `alerting:` section:
//
//   alerting:
//     alertmanagers:
//     - scheme: http            # or https
//       path_prefix: /am        # prepended to /api/v2/alerts
//       api_version: v2         # v1 was removed in Alertmanager 0.27; only v2 here
//       timeout: 10s
//       basic_auth / authorization / bearer_token / tls_config / follow_redirects
//       static_configs:
//       - targets: ['127.0.0.1:9093']
//
// Alerts wait in a queue (capacity 10000; when full the oldest are dropped,
// as Prometheus's --alertmanager.notification-queue-capacity), and go out in
// batches of at most 64 as a JSON array of postable alerts (labels,
// annotations, startsAt, endsAt, generatorURL) to POST
// <scheme>://<target><path_prefix>/api/v2/alerts on every Alertmanager at
// once. A batch counts as sent when at least one Alertmanager took it;
// failed batches are not retried (the rule engine re-sends active alerts at
// every evaluation). A firing alert without endsAt is sent with
// endsAt = now + 4 minutes (Prometheus's 4 × resend delay), so Alertmanager
// resolves it if Vigil stops sending.
// Sections Vigil does not use (alert_relabel_configs, relabel_configs,
// *_sd_configs) are accepted and ignored with a warning.
//
// Lives on one thread; send() may be called from any thread.
#pragma once

#include "core/status.h"
#include "model/alert.h"
#include "notify/receiver_config.h"

#include <QObject>

#include <deque>
#include <string>
#include <vector>


namespace vigil::notify {

struct AlertmanagerTarget {
    std::string scheme = "http";
    std::string pathPrefix;
    int64_t timeoutMs = 10'000;
    HttpConfig http;
    std::vector<std::string> targets;  // host:port
};

struct AlertingConfig {
    std::vector<AlertmanagerTarget> alertmanagers;
    std::vector<std::string> warnings;  // ignored sections
    bool empty() const { return alertmanagers.empty(); }

    // `yaml` is the text of the `alerting:` section's value (as
    // PrometheusConfig::rawSections keeps it); `fileName` prefixes errors.
    static Result<AlertingConfig> parse(const std::string &yaml, const std::string &fileName);
};

class AlertmanagerForwarder : public QObject {
    Q_OBJECT
public:
    static constexpr size_t kQueueCapacity = 10'000;
    static constexpr size_t kMaxBatch = 64;

    explicit AlertmanagerForwarder(QObject *parent = nullptr);
    void setConfig(AlertingConfig config);
    void send(std::vector<model::Alert> alerts);  // thread-safe

    uint64_t sentAlerts() const { return sent_; }
    uint64_t droppedAlerts() const { return dropped_; }
    uint64_t failedBatches() const { return failedBatches_; }
    uint64_t batches() const { return batches_; }
    size_t queueLength() const { return queue_.size(); }

Q_SIGNALS:
    // After each batch: how many alerts, and whether any Alertmanager took it.
    void batchSent(int alerts, bool ok);

private:
    void sendNextBatch();

    AlertingConfig config_;
    class NamPool *nams_ = nullptr;
    std::deque<model::Alert> queue_;
    bool sending_ = false;
    uint64_t sent_ = 0, dropped_ = 0, failedBatches_ = 0, batches_ = 0;
};

// Prometheus's postable-alert JSON array for `alerts` (endsAt defaulted as above).
QByteArray postableAlertsJson(const std::vector<model::Alert> &alerts, int64_t nowMs);

}  // namespace vigil::notify
