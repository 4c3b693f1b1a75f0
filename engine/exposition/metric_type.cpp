#include "exposition/metric_type.h"

namespace vigil::exposition {

std::string_view metricTypeName(MetricType t)
{
    switch (t) {
        case MetricType::Unknown:
            return "unknown";
        case MetricType::Counter:
            return "counter";
        case MetricType::Gauge:
            return "gauge";
        case MetricType::Histogram:
            return "histogram";
        case MetricType::GaugeHistogram:
            return "gaugehistogram";
        case MetricType::Summary:
            return "summary";
        case MetricType::Info:
            return "info";
        case MetricType::StateSet:
            return "stateset";
    }
    return "unknown";
}

std::optional<MetricType> parseTextMetricType(std::string_view w)
{
    if (w == "counter") return MetricType::Counter;
    if (w == "gauge") return MetricType::Gauge;
    if (w == "histogram") return MetricType::Histogram;
    if (w == "summary") return MetricType::Summary;
    if (w == "untyped") return MetricType::Unknown;
    return std::nullopt;
}

std::optional<MetricType> parseOpenMetricsMetricType(std::string_view w)
{
    if (w == "counter") return MetricType::Counter;
    if (w == "gauge") return MetricType::Gauge;
    if (w == "histogram") return MetricType::Histogram;
    if (w == "gaugehistogram") return MetricType::GaugeHistogram;
    if (w == "summary") return MetricType::Summary;
    if (w == "info") return MetricType::Info;
    if (w == "stateset") return MetricType::StateSet;
    if (w == "unknown") return MetricType::Unknown;
    return std::nullopt;
}

}  // namespace vigil::exposition
