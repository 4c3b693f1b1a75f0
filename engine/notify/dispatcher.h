// Dispatcher: Alertmanager's dispatch and notification pipeline, as pure
// logic driven by explicit times (no timers, no threads), so tests control
// the clock completely.
//
//   Dispatcher d(config, &silences);
//   d.put(alerts, now);                         // every evaluation
//   for (Notification &n : d.flushDue(now)) deliver(n);
//   schedule the next call at d.nextFlushMs();
//
// What it does, as Alertmanager 0.25:
// - Alerts are stored by fingerprint; pending and inactive ones are ignored. A firing alert without endsAt expires
//   resolve_timeout after it was last received; one with endsAt <= now is
//   resolved. startsAt keeps the earliest value seen.
// - Each alert is routed through the route tree (first matching child unless
//   `continue`), and put into the aggregation group of (route, group_by
//   labels). A new group flushes group_wait after its first alert (at once if
//   that alert started more than group_wait ago), then every group_interval.
// - At a flush: inhibited and silenced alerts are dropped; outside a route's
//   active_time_intervals or inside its mute_time_intervals nothing is sent —
//   except emergency alerts, which Vigil never mutes by time. Then, per
//   integration, the notification log decides: send when a firing alert is
//   new since the last notification, when all alerts resolved after a
//   notification with firing ones, when send_resolved and a resolved alert is
//   new, or when repeat_interval passed since the last notification.
//   Resolved alerts leave the group after the flush that reported them.
// - deliveryFailed() forgets the log entry so the next flush sends again.
//
// Thread safety: none; one owner thread (the Notifier's).
#pragma once

#include "notify/notification.h"
#include "notify/notify_config.h"
#include "notify/silences.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace vigil::notify {

class Dispatcher {
public:
    // `silences` may be null (no silencing); it must outlive the dispatcher.
    Dispatcher(std::shared_ptr<const NotifyConfig> config, const Silences *silences);

    // Replaces the configuration: groups are rebuilt from the stored alerts
    // (their timers restart), the notification log is kept.
    void setConfig(std::shared_ptr<const NotifyConfig> config, int64_t nowMs);
    const NotifyConfig &config() const { return *config_; }

    void put(const std::vector<model::Alert> &alerts, int64_t nowMs);
    // Flushes every group due at or before nowMs.
    std::vector<Notification> flushDue(int64_t nowMs);
    // Earliest next flush; INT64_MAX when there are no groups.
    int64_t nextFlushMs() const;

    void deliveryFailed(const Notification &n);

    // Status of a stored alert for the API and the console.
    struct AlertStatus {
        model::Alert alert;  // state Firing or Resolved as of nowMs
        std::vector<std::string> silencedBy;
        std::vector<uint64_t> inhibitedBy;  // fingerprints of the inhibiting alerts
        std::vector<std::string> receivers;
    };
    std::vector<AlertStatus> alerts(int64_t nowMs) const;
    // The stored alert with `fingerprint` if it is firing as of nowMs.
    std::optional<model::Alert> firingAlert(uint64_t fingerprint, int64_t nowMs) const;
    size_t groupCount() const { return groups_.size(); }

    // The routes an alert with `labels` goes to (Alertmanager's Route.Match).
    static std::vector<const Route *> matchRoutes(const Route &root, const model::Labels &labels);

private:
    struct Stored {
        model::Alert alert;
        int64_t expiresMs = 0;  // endsAt, or last received + resolve_timeout
        int64_t updatedMs = 0;
    };
    struct Group {
        const Route *route = nullptr;
        std::string key;  // Alertmanager group key
        model::Labels groupLabels;
        std::map<uint64_t, Stored> alerts;
        int64_t nextFlushMs = 0;
        bool flushed = false;
    };
    struct LogEntry {
        std::set<uint64_t> firing;
        std::set<uint64_t> resolved;
        int64_t timeMs = 0;
    };

    void route(const Stored &s, int64_t nowMs);
    void flush(Group &g, int64_t nowMs, std::vector<Notification> *out);
    std::vector<uint64_t> inhibitors(const model::Labels &target, uint64_t fp, int64_t nowMs) const;
    bool timeMuted(const Route &r, int64_t nowMs) const;
    static bool needsUpdate(const LogEntry *e, const std::set<uint64_t> &firing, const std::set<uint64_t> &resolved,
                            bool sendResolved, int64_t repeatMs, int64_t nowMs);

    std::shared_ptr<const NotifyConfig> config_;
    const Silences *silences_ = nullptr;
    std::map<uint64_t, Stored> alerts_;
    std::map<std::string, Group> groups_;  // by route id + group labels
    std::map<std::string, LogEntry> log_;  // by group key + receiver + integration
};

}  // namespace vigil::notify
