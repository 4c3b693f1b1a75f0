// MetricMetadata: what HELP, TYPE and UNIT lines said about one metric
// family. A plain value the scraper keeps per target (see MetadataCollector).
#pragma once

#include "exposition/metric_type.h"

#include <string>

namespace vigil::exposition {

struct MetricMetadata {
    MetricType type = MetricType::Unknown;  // Unknown without a TYPE line
    std::string help;                       // unescaped; empty without HELP
    std::string unit;                       // OpenMetrics only; empty without UNIT

    friend bool operator==(const MetricMetadata &, const MetricMetadata &) = default;
};

}  // namespace vigil::exposition
