// TestScrapeResult: the outcome of ScrapeManager::testScrape() (the
// console's "Test" button): one scrape of one target, parsed, relabeled and
// limit-checked like a real scrape, but appended nowhere. A plain value.
#pragma once

#include "core/status.h"
#include "model/labels.h"

#include <cstdint>
#include <string>

namespace vigil::scrape {

struct TestScrapeResult {
    Status status;               // Ok, or the exact error a scrape would record
    std::string url;             // the URL that was scraped (empty if the target was invalid)
    model::Labels targetLabels;  // after relabeling (empty if dropped or invalid)
    std::string contentType;
    uint64_t samplesScraped = 0;
    uint64_t samplesPostRelabel = 0;
    int64_t durationMs = 0;
    // The body checked as `vigil check metrics` does (exposition::checkMetrics,
    // format from the Content-Type): Ok, or the first problem as
    // "<line>:<column>: <reason>". Ok and zero counts when nothing was received.
    Status lint;
    uint64_t lintSeries = 0;
    uint64_t lintMetadata = 0;
};

}  // namespace vigil::scrape
