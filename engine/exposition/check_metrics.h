// checkMetrics: the core of `vigil check metrics [--format=text|openmetrics] [FILE]`.
//
// Parses `body` to the end with the parser for `fmt` (Format::Auto detects it
// with detectFormat()) and returns Ok, or the first error: an
// InvalidArgument whose message is "<line>:<column>: <reason>". The caller
// prints status.message() and exits 1 on error, 0 on success.
//
// Pure and thread-safe; does not retain `body`.
#pragma once

#include "core/status.h"
#include "exposition/format.h"

#include <cstddef>
#include <string_view>

namespace vigil::exposition {

struct CheckMetricsStats {
    Format format = Format::Text;  // the format actually used
    size_t series = 0;             // sample lines
    size_t metadata = 0;           // HELP, TYPE and UNIT lines
};

Status checkMetrics(std::string_view body, Format fmt, CheckMetricsStats *stats = nullptr);

}  // namespace vigil::exposition
