// StaticConfig: one entry of static_configs: target addresses ("host:port")
// and labels common to them. A plain value.
#pragma once

#include "model/labels.h"

#include <string>
#include <vector>

namespace vigil::scrape {

struct StaticConfig {
    std::vector<std::string> targets;  // each becomes __address__
    model::Labels labels;
    friend bool operator==(const StaticConfig &, const StaticConfig &) = default;
};

}  // namespace vigil::scrape
