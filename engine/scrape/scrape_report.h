// ScrapeReport: the figures of one scrape that become the synthetic series
// (scrape_samples_scraped, scrape_samples_post_metric_relabeling,
// scrape_series_added) and the target's health. A plain value.
#pragma once

#include <cstdint>

namespace vigil::scrape {

struct ScrapeReport {
    uint64_t samplesScraped = 0;      // sample lines in the body
    uint64_t samplesPostRelabel = 0;  // samples left after metric_relabel_configs
    uint64_t seriesAdded = 0;         // series not seen by this target before
    uint64_t appendRejected = 0;      // out-of-order / duplicate / out-of-bounds samples skipped
};

}  // namespace vigil::scrape
