// AlertHistoryRecorder: writes the alert history of app.db (table
// alert_history) from the rule engine's alert stream — one "fired" row when
// an alert starts firing (per firing episode, keyed by fingerprint and
// startsAt) and one "resolved" row when it resolves, however often the rule
// engine re-sends the same alert. The console's Alerts page reads the rows
// (with the notification attempts) as the alert history.
//
// It is the only writer of fired / resolved / silenced rows; the notifier
// adds its own (acknowledged, escalated).
// Rows: time = startsAt (fired) or endsAt (resolved); alert_name, severity,
// labels as a JSON object, message = the summary annotation (else
// description). Silences created in the console are recorded with
// recordSilence() ("silenced", "silence expired"), so the history shows them
// next to the alerts they muted.
//
// A failed write is logged and dropped (history is not worth stopping the
// rule engine for). Thread safety: all methods are thread-safe (the rule
// groups' threads call record()). `store` is not owned, may be null (nothing
// is written) and must outlive the recorder.
#pragma once

#include "model/alert.h"

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace vigil::store { class AppStore; }

namespace vigil::runtime {

class AlertHistoryRecorder {
public:
    explicit AlertHistoryRecorder(store::AppStore *store) : store_(store) {}

    void record(const std::vector<model::Alert> &alerts);
    // Called (on the recording thread, outside the lock) once per resolved
    // episode, after its row is written: "until resolved" silences end there.
    void setResolvedHandler(std::function<void(const model::Alert &)> f);
    // state: "silenced" or "silence expired"; `labels` those of the alert (or
    // the silence's equality matchers) the silence was made for.
    void recordSilence(const std::string &state, const model::Labels &labels, const std::string &comment,
                       int64_t timeMs);

    // Labels as a JSON object {"name": "value", ...} (what labels_json holds).
    static std::string labelsJson(const model::Labels &labels);

private:
    struct Episode {
        int64_t startsAtMs = 0;
        bool resolved = false;
        int64_t seenMs = 0;
    };
    void append(int64_t timeMs, const model::Alert &a, const std::string &state);

    store::AppStore *store_;
    std::mutex mu_;
    std::map<uint64_t, Episode> episodes_;  // GUARDED_BY(mu_), by fingerprint
    std::function<void(const model::Alert &)> onResolved_;  // GUARDED_BY(mu_)
};

}  // namespace vigil::runtime
