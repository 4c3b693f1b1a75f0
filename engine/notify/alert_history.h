// AlertHistory: what happened to alerts, for the console's Alerts page and
// incident timelines — fired, acknowledged, escalated, resolved, silenced —
// in app.db (table alert_history). One writer per kind: the Notifier writes
// acknowledged and escalated; fired, resolved and silenced come from the
// rule engine's history recorder (the Alerts page's side). query() reads all
// of them ("firing" rows are read as Fired). Delivery attempts are recorded separately by
// Delivery (table notification_attempts, AppStore::deliveryAttempts).
//
//   AlertHistory h(store);
//   h.record(HistoryEvent::Kind::Fired, alert, groupKey, now);
//   auto events = h.query({.fingerprint = fp, .limit = 100});   // newest first
//
// Engine::alertHistory() queries off the GUI thread.
//
// Thread safety: thread-safe (the AppStore serializes); record() and query()
// do SQLite I/O, so do not call them on the GUI thread. With a null store
// nothing is recorded and queries return nothing.
#pragma once

#include "core/status.h"
#include "model/alert.h"

#include <QMetaType>

#include <climits>
#include <cstdint>
#include <string>
#include <vector>

namespace vigil::store { class AppStore; }

namespace vigil::notify {

struct HistoryEvent {
    enum class Kind { Fired, Acknowledged, Escalated, Resolved, Silenced };
    Kind kind = Kind::Fired;
    int64_t timeMs = 0;
    uint64_t fingerprint = 0;
    model::Labels labels;
    std::string groupKey;
    std::string actor;     // acknowledged/silenced: who
    std::string receiver;  // escalated: the receiver the step notified
    std::string message;   // acknowledged: comment; escalated: "step 1 of 2 (after 15m)"; fired: summary

    std::string alertName() const { return std::string(labels.get("alertname")); }
};

const char *historyKindName(HistoryEvent::Kind k);  // "fired", "acknowledged", ...
bool historyKindFromName(std::string_view name, HistoryEvent::Kind *out);

struct HistoryFilter {
    int64_t fromMs = 0;  // [fromMs, toMs] inclusive
    int64_t toMs = INT64_MAX;
    uint64_t fingerprint = 0;  // 0: any
    std::string alertName;     // empty: any
    std::string groupKey;      // empty: any
    std::vector<HistoryEvent::Kind> kinds;  // empty: all
    int limit = 1000;
};

class AlertHistory {
public:
    explicit AlertHistory(store::AppStore *store) : store_(store) {}

    Status record(const HistoryEvent &e);
    // Convenience for an event about `alert`.
    Status record(HistoryEvent::Kind kind, const model::Alert &alert, const std::string &groupKey, int64_t timeMs,
                  const std::string &actor = {}, const std::string &receiver = {}, const std::string &message = {});
    // Newest first.
    Result<std::vector<HistoryEvent>> query(const HistoryFilter &filter) const;

private:
    store::AppStore *store_ = nullptr;
};

// Labels <-> the JSON object stored in alert_history.labels_json.
std::string labelsToJson(const model::Labels &labels);
model::Labels labelsFromJson(const std::string &json);

}  // namespace vigil::notify
Q_DECLARE_METATYPE(vigil::notify::HistoryEvent)
