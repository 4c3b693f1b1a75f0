// PositionRange: a half-open byte range [start, end) into the query text.
//
// Offsets are bytes, not characters, so a UI must convert them before
// underlining text that contains multi-byte UTF-8 sequences.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace vigil::promql {

struct PositionRange {
    size_t start = 0;
    size_t end = 0;
    friend bool operator==(const PositionRange &, const PositionRange &) = default;
};

// "line:column" of byte offset `pos` in `input`, both 1-based, as Prometheus
// prints it in front of parse errors ("1:5"). The column counts bytes since
// the last newline. Offsets past the end yield "invalid position:".
std::string lineColumn(std::string_view input, size_t pos);

}  // namespace vigil::promql
