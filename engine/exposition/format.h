// Format: which exposition text grammar a body is parsed with.
//
// Auto means "decide from the content" (see detectFormat() in
// content_type.h); parsers themselves are always Text or OpenMetrics.
#pragma once

#include <string_view>

namespace vigil::exposition {

enum class Format {
    Auto,         // detect from the body (files) or the Content-Type (scrapes)
    Text,         // Prometheus text exposition format 0.0.4
    OpenMetrics,  // OpenMetrics 1.0.0 text format
};

// "auto", "text", "openmetrics".
std::string_view formatName(Format f);

}  // namespace vigil::exposition
