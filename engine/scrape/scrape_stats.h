// ScrapeStats: the scrape engine's figures for the status bar and
// self-metrics. ScrapeCounters are the live atomics (updated by the scrape
// loops on engine threads, read by anyone); ScrapeStats is a snapshot.
#pragma once

#include <atomic>
#include <cstdint>

namespace vigil::scrape {

struct ScrapeCounters {
    std::atomic<uint64_t> scrapesTotal{0};
    std::atomic<uint64_t> scrapeFailuresTotal{0};
    std::atomic<uint64_t> samplesAppendedTotal{0};  // post metric relabeling, excluding synthetic series
};

struct ScrapeStats {
    uint64_t targetsTotal = 0;
    uint64_t targetsUp = 0;
    uint64_t targetsDown = 0;  // the rest are not scraped yet (unknown)
    uint64_t scrapesTotal = 0;
    uint64_t scrapeFailuresTotal = 0;
    uint64_t samplesAppendedTotal = 0;
    // Steady-state ingestion rate: sum over up targets of their last sample
    // count divided by their interval.
    double samplesPerSecond = 0;
};

}  // namespace vigil::scrape
