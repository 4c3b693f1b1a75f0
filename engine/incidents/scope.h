// Scope of an incident: the queries an operator looks at first — the alert's
// expression, its input series, and the affected node's CPU, memory, disk and
// network from node exporter metrics — as PromQL text, for the console's
// scope view and the report's graphs.
//
// Pure functions; thread-safe.
#pragma once

#include "incidents/incident.h"

#include <string>
#include <vector>

namespace vigil::incidents {

struct ScopeQuery {
    std::string title;  // plain English ("Alert expression", "CPU busy", ...); the console translates by `kind`
    std::string kind;   // "alert", "input", "cpu", "memory", "disk", "network"
    std::string expr;
};

// The vector selectors an expression reads, printed as PromQL (duplicates
// removed, in order of appearance). A parse error gives an empty list.
std::vector<std::string> inputSelectors(const std::string &expr);
// Metric names those selectors read (for excluding them from correlation).
std::vector<std::string> inputMetricNames(const std::string &expr);

// A string as a PromQL double-quoted literal.
std::string quoteLabelValue(const std::string &v);

// Scope queries for an incident: one "alert" query per distinct alert
// expression, one "input" per distinct input selector, and for every distinct
// `instance` of its alerts the node exporter's CPU busy ratio, memory in use,
// filesystem use and network bytes/s for that instance.
std::vector<ScopeQuery> scopeQueries(const Incident &incident);

}  // namespace vigil::incidents
