// Escalation ladders: Vigil's extension of the notifier configuration
// (top-level `escalations:` in the Alertmanager-format file; the format is
// documented in docs/escalation.md). A ladder applies to the firing alerts
// its matchers select (the first ladder that matches wins); each step names
// a receiver that is notified once the alert has stayed unacknowledged for
// `after` since it was first notified. Steps are sorted by `after`, strictly
// increasing, each > 0, and name defined receivers (checked by the parser).
// Plain values.
#pragma once

#include "notify/label_matchers.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vigil::notify {

struct EscalationStep {
    int64_t afterMs = 0;   // since the alert was first notified
    std::string receiver;  // notified when the step is reached
};

struct EscalationLadder {
    std::string name;
    LabelMatchers matchers;  // all must match; empty: every alert
    std::vector<EscalationStep> steps;
};

}  // namespace vigil::notify
