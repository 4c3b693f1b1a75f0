// EscalationTracker: where each notified, firing alert stands on its
// escalation ladder, as pure logic on explicit times (the Notifier drives
// it with its injectable clock).
//
//   tracker.notified(alert, groupKey, now);   // a group flush notified it
//   for (auto &d : tracker.takeDue(config, now, hold)) deliver to d.step.receiver;
//   tracker.acknowledge({.fingerprint = fp}, owner, now);   // stops the climb
//   tracker.resolve(fp);                                    // resets it
//
// Rules: an alert is tracked from the first time a group flush notifies it
// firing (silenced or inhibited alerts are never notified, so they do not
// climb); step i is due once now >= since + steps[i].after and the alert is
// not acknowledged; `hold` may keep a due step back (the Notifier holds
// silenced alerts) and it is taken at the first call where it is not held.
// Steps missed (e.g. while Vigil was not running) are taken one per call, in
// order. Acknowledged alerts stay tracked (so the acknowledgement shows)
// until they resolve. The ladder is looked up in the configuration at each
// call, so a reload applies to alerts already climbing (steps already taken
// are kept by count).
//
// Persistence: with a store, every change is written through (table
// escalation_state) and load() restores the entries as "unconfirmed": they
// keep their step and acknowledgement when the alert shows up firing again
// (confirm()), and dropUnconfirmed() forgets those that do not.
//
// Thread safety: none; the Notifier's thread.
#pragma once

#include "core/status.h"
#include "model/alert.h"
#include "notify/acknowledgement.h"
#include "notify/notify_config.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace vigil::store { class AppStore; }

namespace vigil::notify {

class EscalationTracker {
public:
    struct Entry {
        model::Alert alert;  // latest seen (labels only for entries restored and not yet confirmed)
        std::string groupKey;
        int64_t sinceMs = 0;  // first notified firing
        int step = 0;         // steps taken so far
        int64_t ackedMs = 0;  // 0: not acknowledged
        std::string ackOwner;
        bool confirmed = true;  // false: restored from the store, not seen firing since
    };
    struct Due {
        model::Alert alert;
        std::string groupKey;
        std::string ladder;
        int stepIndex = 0;  // 0-based index into the ladder's steps
        int stepCount = 0;
        EscalationStep step;
    };

    explicit EscalationTracker(store::AppStore *store = nullptr) : store_(store) {}

    Status load();
    void notified(const model::Alert &alert, const std::string &groupKey, int64_t nowMs);
    // The alert was received firing: refreshes its data; confirms a restored entry.
    void confirm(const model::Alert &alert);
    // Stops tracking; true when it was tracked.
    bool resolve(uint64_t fingerprint);
    std::vector<Due> takeDue(const NotifyConfig &config, int64_t nowMs,
                             const std::function<bool(const model::Alert &)> &hold = {});
    // Earliest time a step becomes due (INT64_MAX: none).
    int64_t nextDueMs(const NotifyConfig &config) const;
    // Marks the target's unacknowledged entries acknowledged; returns them
    // (empty when the target matches no tracked, unacknowledged alert).
    std::vector<Entry> acknowledge(const AckTarget &target, const std::string &owner, int64_t nowMs);
    // Starts tracking an alert acknowledged before any notification reached it.
    Entry acknowledgeUntracked(const model::Alert &alert, const std::string &groupKey, const std::string &owner,
                               int64_t nowMs);
    // Forgets entries still unconfirmed; returns their fingerprints.
    std::vector<uint64_t> dropUnconfirmed();

    const Entry *find(uint64_t fingerprint) const;
    const std::map<uint64_t, Entry> &entries() const { return entries_; }

private:
    void persist(const Entry &e);

    store::AppStore *store_ = nullptr;
    std::map<uint64_t, Entry> entries_;
};

}  // namespace vigil::notify
