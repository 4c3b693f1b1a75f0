// An alert as the rule engine hands it to notification (and as Alertmanager's
// API v2 "postableAlert" carries it): the contract between engine/rules
// (which produces alerts) and engine/notify (which routes, groups, inhibits,
// silences and delivers them).
//
// The rule engine re-sends a firing alert at most once per resend delay
// (--rules.alert.resend-delay, default 1m), as Prometheus re-sends to
// Alertmanager; a resolved alert is sent with endsAtMs set to the resolution
// time and state Resolved until it is forgotten 15 minutes later. Pending
// alerts are not sent. Identity is the label set (labels.hash()).
//
// Thread safety: a value type.
#pragma once

#include "model/labels.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::model {

enum class AlertState { Inactive, Pending, Firing, Resolved };

// The tier comes from the "severity" label; anything else is Unknown and is
// routed like warning by the default policy.
enum class AlertTier { Unknown = 0, Warning = 1, Critical = 2, Emergency = 3 };

inline AlertTier alertTierFromSeverity(std::string_view severity)
{
    if (severity == "warning") return AlertTier::Warning;
    if (severity == "critical") return AlertTier::Critical;
    if (severity == "emergency") return AlertTier::Emergency;
    return AlertTier::Unknown;
}

struct Alert {
    Labels labels;        // includes alertname and the rule's labels (severity, ...)
    Labels annotations;   // templated summary, description, runbook_url, ...
    AlertState state = AlertState::Firing;
    int64_t activeAtMs = 0;   // when the alert became pending
    int64_t startsAtMs = 0;   // when it started firing
    int64_t endsAtMs = 0;     // 0 while firing; resolution time once resolved
    double value = 0;         // the expression's value at the last evaluation
    std::string generatorUrl; // link back to the expression graph

    AlertTier tier() const { return alertTierFromSeverity(labels.get("severity")); }
    uint64_t fingerprint() const { return labels.hash(); }
};

}  // namespace vigil::model
