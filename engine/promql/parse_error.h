// ParseError: one error found while parsing or type checking a query.
//
// `range` is the byte range an editor should underline; `message` is the
// bare description ("unexpected <op:+>"). toString() renders the form
// Prometheus returns: "1:5: parse error: unexpected <op:+>".
#pragma once

#include "promql/position_range.h"

#include <string>
#include <string_view>

namespace vigil::promql {

struct ParseError {
    PositionRange range;
    std::string message;

    // "<line>:<col>: parse error: <message>" with line/col of range.start in `query`.
    std::string toString(std::string_view query) const
    {
        return lineColumn(query, range.start) + ": parse error: " + message;
    }
};

}  // namespace vigil::promql
