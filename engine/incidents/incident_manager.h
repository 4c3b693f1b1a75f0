// IncidentManager: turns the rule engine's alerts into incidents and keeps
// their timelines (grouping rule: incident_grouping.h).
//
// ingest() takes alerts as the AlertSink hands them over (firing ones again
// at every resend, resolved ones at every round for 15 minutes) and is
// idempotent for repeats: an alert already firing in an open incident adds
// nothing; a resolved alert only counts for the open incident where it was
// firing. When the last firing alert of an incident resolves, the incident is
// resolved at that alert's resolution time. Warning and unlabelled alerts are
// ignored.
//
// Timeline additions: timeline() merges the stored events with action runs
// (the notifier's delivery log, matched by alert fingerprint) and silences
// created during the incident whose matchers cover one of its alerts; those
// stay in the notifier's own tables and are not copied.
//
// Thread safety: none; the IncidentService calls it from one worker thread.
#pragma once

#include "incidents/incident_grouping.h"
#include "incidents/incident_store.h"
#include "model/alert.h"

#include <set>
#include <vector>

namespace vigil::incidents {

class IncidentManager {
public:
    explicit IncidentManager(store::AppStore *store, int64_t groupWindowMs = kDefaultGroupWindowMs)
        : store_(store), windowMs_(groupWindowMs)
    {
    }

    // Applies alerts; returns the ids of incidents created or changed.
    Result<std::set<int64_t>> ingest(const std::vector<model::Alert> &alerts);

    // Adds an event to an incident. An Acknowledged event also sets the
    // incident's acknowledgedAt/By when it is the first one. timeMs 0: now.
    Status recordEvent(IncidentEvent event);
    // Records an event for the open incidents holding the alert with this
    // fingerprint (hex); returns their ids (empty: no open incident has it).
    Result<std::set<int64_t>> recordAlertEvent(const std::string &fingerprint, EventKind kind, const std::string &author,
                                               const std::string &text, int64_t timeMs = 0);

    // Stored events plus action runs and silences (see the class comment),
    // oldest first.
    Result<std::vector<IncidentEvent>> timeline(int64_t incidentId);

    IncidentStore &store() { return store_; }

private:
    Status applyFiring(const model::Alert &a, std::vector<Incident> &open, std::set<int64_t> &changed);
    Status applyResolved(const model::Alert &a, std::vector<Incident> &open, std::set<int64_t> &changed);

    IncidentStore store_;
    int64_t windowMs_;
};

// The incident's view of an alert (fingerprint, expression from the
// generator URL's g0.expr, summary annotation).
IncidentAlert incidentAlertFrom(const model::Alert &a);

}  // namespace vigil::incidents
