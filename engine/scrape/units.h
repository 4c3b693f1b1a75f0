// Prometheus configuration units: durations ("15s", "1h30m") and byte sizes
// ("10MB", "512KiB"), parsed as Prometheus's model.ParseDuration and
// units.ParseBase2Bytes accept them.
//
// These live in vigil_scrape (rather than using engine/config/duration.h of
// vigil_runtime) so that the scrape library does not depend on the runtime
// layer that sits above it.
//
// Pure functions; thread-safe.
#pragma once

#include "core/status.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace vigil::scrape {

// Milliseconds. Units y (365d), w, d, h, m, s, ms, each at most once, largest
// first; "0" is zero. InvalidArgument: `not a valid duration string: "<s>"`.
Result<int64_t> parseDuration(std::string_view s);

// The form Prometheus prints: 5400000 -> "1h30m", 0 -> "0s", 90 days -> "90d"
// (years and weeks only when exact).
std::string formatDuration(int64_t ms);

// Bytes. A sequence of <integer><unit> with units B, KB, MB, GB, TB, PB, EB
// and KiB..EiB (all powers of 1024, as Prometheus's body_size_limit); "0"
// alone is zero. InvalidArgument on anything else or on overflow.
Result<int64_t> parseByteSize(std::string_view s);

}  // namespace vigil::scrape
