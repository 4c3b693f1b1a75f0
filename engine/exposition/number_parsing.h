// Number spellings of the two exposition formats. All functions are pure,
// locale-independent and allocation-free; they return false when `s` (the
// whole string) is not a valid spelling.
#pragma once

#include <cstdint>
#include <string_view>

namespace vigil::exposition {

// Prometheus text format value, as Go's strconv.ParseFloat accepts it:
// decimal [+-]digits[.digits][e[+-]digits] (".5" and "5." included),
// hexadecimal [+-]0x<hex>[.<hex>]p[+-]digits, and, case-insensitively,
// [+-]Inf, [+-]Infinity and NaN. Values beyond the double range are
// rejected; values below it round to (signed) zero.
bool parseTextFloat(std::string_view s, double *out);

// OpenMetrics "number": realnumber, or case-insensitively [+-]inf,
// [+-]infinity, nan.
bool parseOpenMetricsNumber(std::string_view s, double *out);

// OpenMetrics "realnumber" (finite decimal only; used for timestamps).
bool parseOpenMetricsRealNumber(std::string_view s, double *out);

// Prometheus text timestamp: [+-]digits fitting int64.
bool parseInt64(std::string_view s, int64_t *out);

}  // namespace vigil::exposition
