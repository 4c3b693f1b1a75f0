// Durations in PromQL text: "1h30m", "5m", "1d", "2w", "1y", "100ms".
//
// parseDuration follows Prometheus's model.ParseDuration: units must appear in
// the order y w d h m s ms, each at most once, integers only; "0" is allowed.
// 1y = 365d, 1w = 7d. formatDuration is model.Duration.String(): "0s" for zero,
// years and weeks only when they divide the value exactly.
//
// Thread safety: pure functions.
#pragma once

#include "core/status.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace vigil::promql {

// Milliseconds. InvalidArgument with Prometheus's messages: "unknown unit \"x\" in
// duration \"5x\"", "not a valid duration string: \"5m1h\"" (bad order or
// syntax), "empty duration string", "duration out of range".
Result<int64_t> parseDuration(std::string_view s);

// `ms` must be >= 0; negative values are printed with a leading '-'.
std::string formatDuration(int64_t ms);

}  // namespace vigil::promql
