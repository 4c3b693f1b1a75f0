// GlobalConfig: the `global` section of prometheus.yml with Prometheus's
// defaults (scrape_interval 1m, scrape_timeout 10s or the interval if that is
// shorter, evaluation_interval 1m). Durations in milliseconds. A plain value.
#pragma once

#include "model/labels.h"
#include "scrape/scrape_config.h"

#include <cstdint>
#include <string>

namespace vigil::scrape {

struct GlobalConfig {
    int64_t scrapeIntervalMs = kPrometheusDefaultScrapeIntervalMs;
    int64_t scrapeTimeoutMs = kDefaultScrapeTimeoutMs;
    int64_t evaluationIntervalMs = 60'000;
    model::Labels externalLabels;
    std::string queryLogFile;
    friend bool operator==(const GlobalConfig &, const GlobalConfig &) = default;
};

}  // namespace vigil::scrape
