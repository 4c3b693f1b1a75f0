// Series descriptions: the "metric{labels} values" lines of PromQL test
// scripts (promqltest "load" blocks) and of promtool rule tests.
//
//   http_requests{job="api", instance="0"} 0+10x5 _ stale 3x2 -1-1x2 Inf
//
// Values, separated by blanks:
//   n         one value (decimal, exponent, Inf, NaN, optional sign)
//   _         one omitted sample
//   stale     a staleness marker (model::staleNaN())
//   nxK       K+1 copies of n
//   n+dxK     K+1 values n, n+d, n+2d, ...   (n-dxK counts down)
//   _xK       K omitted samples
// The metric part follows selector syntax without operators: a name and/or
// {name="value", "quoted.name"="v", "metric.name"}. Labels with empty values
// are dropped (as in model::Labels).
//
// At most 1,000,000 values per series ("too many values in series").
// Native histogram samples ({{...}}) are not supported and are rejected with
// InvalidArgument "native histograms are not supported".
// Errors carry "<line>:<col>: parse error: " like parseExpr; `error` (when non-null)
// receives the byte range and bare message.
//
// Thread safety: pure function.
#pragma once

#include "core/status.h"
#include "model/labels.h"
#include "promql/parse_error.h"

#include <string_view>
#include <vector>

namespace vigil::promql {

struct SequenceValue {
    double value = 0;      // model::staleNaN() for "stale"
    bool omitted = false;  // "_": no sample at this step
};

struct SeriesDescription {
    model::Labels labels;
    std::vector<SequenceValue> values;
};

Result<SeriesDescription> parseSeriesDescription(std::string_view input, ParseError *error = nullptr);

}  // namespace vigil::promql
