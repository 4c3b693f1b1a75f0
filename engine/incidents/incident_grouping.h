// Which incident a firing alert belongs to.
//
// Grouping rule: only critical and emergency alerts take part. A firing alert
// joins an open incident when
//   1. it shares a group key with one of the incident's alerts — the same
//      `instance`, the same `service`, or (an alert without `service`) the same
//      `job` label value — and
//   2. it started firing at most `windowMs` (default 10 min) after the newest
//      alert of that incident started firing ("fires together").
// Among several such incidents the one matching on the most specific key
// (instance, then service, then job) wins, then the most recently opened.
// Otherwise the alert opens a new incident. A resolved incident is never
// reopened: an alert firing again later opens a new one.
//
// Pure functions; thread-safe.
#pragma once

#include "incidents/incident.h"

#include <optional>
#include <string>
#include <vector>

namespace vigil::incidents {

inline constexpr int64_t kDefaultGroupWindowMs = 10 * 60 * 1000;

// "instance=<v>", "service=<v>", "job=<v>" (job only without a service), most
// specific first; empty when the alert has none of these labels.
std::vector<std::string> groupKeysOf(const model::Labels &labels);

// Index into `open` of the incident `alert` joins, or nullopt for a new one.
// `open` holds open incidents with their alerts.
std::optional<size_t> chooseIncident(const std::vector<Incident> &open, const IncidentAlert &alert,
                                     int64_t windowMs = kDefaultGroupWindowMs);

// "<alertname> on <instance>" / "<alertname> (<service or job>)" / "<alertname>".
std::string incidentTitle(const IncidentAlert &alert);

}  // namespace vigil::incidents
