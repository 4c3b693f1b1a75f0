// Incident values: an incident (alerts that fired together), its alerts and
// its timeline, and deploy/change markers. Plain values owned by the caller;
// the engine (IncidentStore, IncidentManager) persists them in app.db.
//
// Units: int64 milliseconds since the epoch; 0 means "not yet" (an incident
// not acknowledged or not resolved). Fingerprints are the alerts' label-set
// hashes as 16 lower-case hex digits (as notify's delivery log writes them).
//
// Thread safety: value types.
#pragma once

#include "model/labels.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::incidents {

// What happened on an incident's timeline. Stored by name (kindName()).
enum class EventKind {
    Fired,          // an alert of the incident started firing
    Acknowledged,   // an operator took the incident (author = owner, text = comment)
    Note,           // free text typed by an operator
    Silence,        // a silence covering an alert was created (text = matchers, comment)
    Action,         // an action ran (text = command and its output)
    AlertResolved,  // one alert resolved, others still firing
    Resolved,       // every alert resolved: the incident is over
};

std::string_view kindName(EventKind k);
std::optional<EventKind> kindFromName(std::string_view name);

struct IncidentEvent {
    int64_t id = 0;  // 0 before it is stored
    int64_t incidentId = 0;
    int64_t timeMs = 0;
    EventKind kind = EventKind::Note;
    std::string author;       // who (acknowledged by, note author); may be empty
    std::string text;         // note text, comment, action output, alert summary
    std::string fingerprint;  // the alert concerned, empty for incident-wide events
};

struct IncidentAlert {
    std::string fingerprint;
    std::string alertName;
    std::string severity;
    model::Labels labels;
    std::string summary;  // the summary annotation, else the description
    std::string expr;     // the rule's expression (from the generator URL)
    int64_t activeAtMs = 0;  // the condition first held (pending)
    int64_t startsAtMs = 0;  // firing
    int64_t endsAtMs = 0;    // resolved, 0 while firing
};

struct Incident {
    int64_t id = 0;
    std::string title;     // "<alertname> on <instance|job>"
    std::string severity;  // the highest tier among its alerts
    std::string groupKey;  // what grouped its alerts: "instance=host:9100", "service=api" or "job=api"
    int64_t detectedAtMs = 0;      // earliest activeAt of its alerts (condition true)
    int64_t openedAtMs = 0;        // first alert firing
    int64_t acknowledgedAtMs = 0;  // first acknowledgement
    std::string acknowledgedBy;
    int64_t resolvedAtMs = 0;  // all alerts resolved
    std::vector<IncidentAlert> alerts;  // filled by IncidentStore::incident()

    bool isOpen() const { return resolvedAtMs == 0; }
    // The durations the report shows (ms; -1 when not applicable yet):
    // detect = openedAt - detectedAt (condition true until the alert fired),
    // acknowledge = acknowledgedAt - openedAt, resolve = resolvedAt - openedAt.
    int64_t timeToDetectMs() const { return detectedAtMs > 0 ? openedAtMs - detectedAtMs : -1; }
    int64_t timeToAcknowledgeMs() const { return acknowledgedAtMs > 0 ? acknowledgedAtMs - openedAtMs : -1; }
    int64_t timeToResolveMs() const { return resolvedAtMs > 0 ? resolvedAtMs - openedAtMs : -1; }
};

// A deploy or change marker: drawn as a vertical line on every graph.
struct Marker {
    int64_t id = 0;
    int64_t timeMs = 0;
    std::string text;
    model::Labels labels;  // e.g. {service="api", version="1.4"}
    std::string source;    // "manual", or "auto:<expression>" for change markers
};

}  // namespace vigil::incidents
