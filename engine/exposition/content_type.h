// Choosing the exposition format: from the HTTP Content-Type of a scrape
// response, or from the content of a file.
//
// All functions are pure and thread-safe.
#pragma once

#include "exposition/format.h"

#include <string_view>

namespace vigil::exposition {

// The Accept header Vigil sends when scraping (the one Prometheus 2.42 sends):
// OpenMetrics 1.0.0 preferred, then 0.0.1, then text 0.0.4, then anything.
inline constexpr std::string_view kScrapeAcceptHeader =
    "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
    "text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

// The format to parse a scrape response with. The media type (before any
// ';', case-insensitive, blanks ignored) "application/openmetrics-text"
// selects OpenMetrics whatever its version parameter; everything else,
// including "text/plain", an empty header or an unparsable one, selects the
// text format, as Prometheus falls back. Never returns Auto.
Format formatFromContentType(std::string_view contentType);

// Guesses the format of a file: OpenMetrics if the body has a "# EOF" line,
// a "# UNIT" line, a TYPE of gaugehistogram/stateset/info/unknown, or an
// exemplar (" # {" in a sample line); otherwise Text. Never returns Auto.
Format detectFormat(std::string_view body);

}  // namespace vigil::exposition
