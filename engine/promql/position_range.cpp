#include "promql/position_range.h"

namespace vigil::promql {

std::string lineColumn(std::string_view input, size_t pos)
{
    if (pos > input.size()) return "invalid position:";
    size_t line = 1;
    long lastBreak = -1;
    for (size_t i = 0; i < pos; ++i) {
        if (input[i] == '\n') {
            ++line;
            lastBreak = long(i);
        }
    }
    const long col = long(pos) - lastBreak;
    return std::to_string(line) + ":" + std::to_string(col);
}

}  // namespace vigil::promql
