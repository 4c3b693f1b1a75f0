#include "exposition/content_type.h"

namespace vigil::exposition {
namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view lowerB)
{
    if (a.size() != lowerB.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        if (c != lowerB[i]) return false;
    }
    return true;
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool startsWith(std::string_view s, std::string_view p)
{
    return s.substr(0, p.size()) == p;
}

}  // namespace

Format formatFromContentType(std::string_view contentType)
{
    const std::string_view mediaType = trim(contentType.substr(0, contentType.find(';')));
    if (equalsIgnoreCase(mediaType, "application/openmetrics-text")) return Format::OpenMetrics;
    return Format::Text;
}

Format detectFormat(std::string_view body)
{
    size_t pos = 0;
    while (pos < body.size()) {
        size_t nl = body.find('\n', pos);
        if (nl == std::string_view::npos) nl = body.size();
        const std::string_view line = body.substr(pos, nl - pos);
        pos = nl + 1;
        if (line.empty()) continue;
        if (line[0] == '#') {
            if (line == "# EOF" || startsWith(line, "# UNIT ")) return Format::OpenMetrics;
            if (startsWith(line, "# TYPE ")) {
                const std::string_view rest = line.substr(7);
                const size_t sp = rest.find(' ');
                if (sp != std::string_view::npos) {
                    const std::string_view type = rest.substr(sp + 1);
                    if (type == "gaugehistogram" || type == "stateset" || type == "info" || type == "unknown")
                        return Format::OpenMetrics;
                }
            }
            continue;
        }
        // An exemplar (a label value containing " # {" fools this heuristic).
        if (line.find(" # {") != std::string_view::npos) return Format::OpenMetrics;
    }
    return Format::Text;
}

}  // namespace vigil::exposition
