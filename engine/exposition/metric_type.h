// MetricType: the TYPE of a metric family, covering both text formats.
//
// The Prometheus text format's "untyped" maps to Unknown, as in Prometheus.
// GaugeHistogram, StateSet and Info exist only in OpenMetrics.
#pragma once

#include <optional>
#include <string_view>

namespace vigil::exposition {

enum class MetricType {
    Unknown,
    Counter,
    Gauge,
    Histogram,
    GaugeHistogram,
    Summary,
    Info,
    StateSet,
};

// The OpenMetrics spelling: "unknown", "counter", "gauge", "histogram",
// "gaugehistogram", "summary", "info", "stateset".
std::string_view metricTypeName(MetricType t);

// Parses a TYPE word of the given grammar (lowercase only, as both specs
// write them). Text accepts counter, gauge, histogram, summary, untyped;
// OpenMetrics accepts the eight OpenMetrics names. nullopt if not valid.
std::optional<MetricType> parseTextMetricType(std::string_view word);
std::optional<MetricType> parseOpenMetricsMetricType(std::string_view word);

}  // namespace vigil::exposition
