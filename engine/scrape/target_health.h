// TargetHealth: the outcome of a target's last scrape, as the UI and the
// /api/v1/targets endpoint show it. A plain value (a snapshot).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace vigil::scrape {

enum class HealthState {
    Unknown,  // not scraped yet
    Up,       // the last scrape succeeded
    Down,     // the last scrape failed: lastError says why
};

// "unknown", "up", "down" (the words of Prometheus's API).
inline std::string_view healthStateName(HealthState h)
{
    switch (h) {
        case HealthState::Up:
            return "up";
        case HealthState::Down:
            return "down";
        case HealthState::Unknown:
            break;
    }
    return "unknown";
}

struct TargetHealth {
    HealthState health = HealthState::Unknown;
    int64_t lastScrapeMs = 0;          // start of the last scrape, ms since epoch; 0 before the first
    int64_t lastScrapeDurationMs = 0;  // wall time of the last scrape
    uint64_t lastSamples = 0;          // samples appended by the last scrape (post metric relabeling)
    uint64_t lastSamplesScraped = 0;   // samples in the body (before metric relabeling)
    std::string lastError;             // empty when up or unknown
};

}  // namespace vigil::scrape
