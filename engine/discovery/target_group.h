// TargetGroup: what a service discovery mechanism produces, in Prometheus's
// model (discovery/targetgroup): a source naming the group (unique within
// its discoverer, e.g. "<file>:<index>" or "<url>:<index>"), the targets'
// own labels (each holds at least __address__) and labels common to the
// group. A target's label wins over the group's label of the same name.
// A plain value.
#pragma once

#include "model/labels.h"

#include <string>
#include <vector>

namespace vigil::discovery {

struct TargetGroup {
    std::string source;
    std::vector<model::Labels> targets;
    model::Labels labels;
    friend bool operator==(const TargetGroup &, const TargetGroup &) = default;
};

// The labels of target `i` merged with the group's labels (the target wins),
// as Prometheus's targetsFromGroup does before relabeling.
model::Labels mergedTargetLabels(const TargetGroup &g, size_t i);

}  // namespace vigil::discovery
