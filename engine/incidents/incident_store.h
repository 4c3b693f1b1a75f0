// IncidentStore: incidents, their alerts and timelines, and markers in app.db
// (tables of AppStore migration "incidents", see store/app_store.cpp), through
// AppStore::withDatabase().
//
// Errors: FailedPrecondition when the store is closed, NotFound for an
// unknown incident or marker id, InvalidArgument for empty required text,
// SQLite failures as IOError/Corruption/Internal. Nothing is half-written: a
// multi-row change runs in one transaction.
//
// Thread safety: every call is serialized by the AppStore's lock; the store
// pointer is not owned and must outlive this object.
#pragma once

#include "core/status.h"
#include "incidents/incident.h"

#include <vector>

namespace vigil::store { class AppStore; }

namespace vigil::incidents {

class IncidentStore {
public:
    explicit IncidentStore(store::AppStore *store) : store_(store) {}

    // Inserts the incident with its alerts and events (ids of the events are
    // ignored), in one transaction; returns the new id.
    Result<int64_t> create(const Incident &incident, const std::vector<IncidentEvent> &events);
    // Writes the incident's own columns (acknowledged, resolved, severity).
    Status update(const Incident &incident);
    // Inserts or replaces one alert of an incident.
    Status putAlert(int64_t incidentId, const IncidentAlert &alert);
    Result<int64_t> appendEvent(const IncidentEvent &event);

    // Newest first, with their alerts; openOnly: only unresolved ones.
    Result<std::vector<Incident>> incidents(bool openOnly, int limit = 500);
    Result<Incident> incident(int64_t id);
    // The stored timeline, oldest first (ties in insertion order).
    Result<std::vector<IncidentEvent>> events(int64_t incidentId);

    // Markers. addMarker ignores a marker identical in (source, time, text)
    // to a stored one and returns 0 then.
    Result<int64_t> addMarker(const Marker &marker);
    Status removeMarker(int64_t id);
    // Markers with fromMs <= time <= toMs, oldest first.
    Result<std::vector<Marker>> markers(int64_t fromMs, int64_t toMs);

    // Read-only views of the notifier's own tables for the timeline: action
    // deliveries (integration "action[...]") in [fromMs, toMs] with their
    // fingerprints and detail (exit code and output), and silences created
    // in [fromMs, toMs].
    struct ActionRun {
        int64_t timeMs = 0;
        std::string receiver;
        std::string fingerprints;  // comma-separated hex
        std::string status;
        std::string error;
        std::string detail;
    };
    Result<std::vector<ActionRun>> actionRuns(int64_t fromMs, int64_t toMs);
    struct SilenceRow {
        int64_t createdMs = 0;
        std::string matchers;
        std::string createdBy;
        std::string comment;
    };
    Result<std::vector<SilenceRow>> silencesCreated(int64_t fromMs, int64_t toMs);

private:
    store::AppStore *store_;
};

// Labels as a JSON object text and back (bad text gives empty labels).
std::string labelsToJson(const model::Labels &labels);
model::Labels labelsFromJson(const std::string &json);

}  // namespace vigil::incidents
