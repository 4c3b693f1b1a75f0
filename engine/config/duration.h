// Prometheus-style durations: "15s", "1h30m", "2d", "1w", "1y", "500ms".
// Units y (365d), w, d, h, m, s, ms, each at most once, largest first, as
// Prometheus's model.ParseDuration accepts them. "0" is zero.
#pragma once

#include "core/status.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace vigil::config {

// Milliseconds, or InvalidArgument: `not a valid duration string: "<s>"`.
Result<int64_t> parseDuration(std::string_view s);
// The shortest canonical form Prometheus prints: 5400000 -> "1h30m", 0 -> "0s".
std::string formatDuration(int64_t ms);

}  // namespace vigil::config
