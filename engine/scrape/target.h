// Target: one scrape endpoint (a job and an address) with its labels before
// and after relabeling, its scrape URL, interval and timeout, and the health
// of its last scrape.
//
// Identity and configuration are immutable after construction. Health and
// metadata are updated by the scrape loop (engine thread) and read by anyone:
// those accessors are thread-safe and return copies (snapshots).
#pragma once

#include "exposition/metric_metadata.h"
#include "model/labels.h"
#include "scrape/target_health.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace vigil::scrape {

struct ScrapeConfig;

class Target {
public:
    using MetadataMap = std::map<std::string, exposition::MetricMetadata, std::less<>>;

    // `labels` are the final labels from populateTargetLabels() (they still
    // hold __address__, __scheme__, __metrics_path__, __param_* and the
    // __scrape_*__ labels); `discovered` the labels before relabeling.
    // Interval and timeout come from __scrape_interval__/__scrape_timeout__
    // (already validated), query parameters from the job and __param_*.
    Target(std::string jobName, model::Labels labels, model::Labels discovered, const ScrapeConfig &job);

    const std::string &jobName() const { return jobName_; }
    // All labels after relabeling, including the "__" internal ones.
    const model::Labels &internalLabels() const { return labels_; }
    // The labels attached to scraped series: internal "__" labels removed.
    const model::Labels &labels() const { return publicLabels_; }
    // The labels before relabeling.
    const model::Labels &discoveredLabels() const { return discovered_; }
    // scheme://address/path?params
    const std::string &url() const { return url_; }
    const std::string &address() const { return address_; }
    int64_t intervalMs() const { return intervalMs_; }
    int64_t timeoutMs() const { return timeoutMs_; }
    // Stable hash of labels and URL; spreads scrape start offsets.
    uint64_t hash() const { return hash_; }

    // Thread-safe snapshots.
    TargetHealth health() const;
    MetadataMap metadata() const;

    // Called by the scrape loop (any thread).
    void setHealth(TargetHealth h);
    void setMetadata(MetadataMap m);

private:
    const std::string jobName_;
    const model::Labels labels_;
    const model::Labels publicLabels_;
    const model::Labels discovered_;
    std::string url_;
    std::string address_;
    int64_t intervalMs_ = 0;
    int64_t timeoutMs_ = 0;
    uint64_t hash_ = 0;

    mutable std::mutex mutex_;
    TargetHealth health_;   // GUARDED_BY(mutex_)
    MetadataMap metadata_;  // GUARDED_BY(mutex_)
};

}  // namespace vigil::scrape
