// Building targets from a job: Prometheus's PopulateLabels and
// TargetsFromGroup for static_configs.
//
// populateTargetLabels(base, job):
//   1. sets job, __scrape_interval__, __scrape_timeout__, __metrics_path__,
//      __scheme__ when `base` lacks them, and __param_<k> (first value) for
//      every job parameter;
//   2. applies the job's relabel_configs (the result before this step is the
//      "discovered" label set);
//   3. a dropped target yields an empty `labels`; otherwise checks
//      __address__ (required; gets port 80/443 by scheme when it has none;
//      must not contain '/'), the interval and timeout labels (valid, > 0,
//      timeout <= interval), deletes __meta_* labels, defaults instance to
//      __address__ and checks every value is valid UTF-8.
// Errors are InvalidArgument with Prometheus's wording ("no address",
// "scrape timeout cannot be greater than scrape interval (...)").
//
// Pure functions; thread-safe.
#pragma once

#include "core/status.h"
#include "discovery/target_group.h"
#include "model/labels.h"
#include "scrape/scrape_config.h"
#include "scrape/target.h"

#include <memory>
#include <vector>

namespace vigil::scrape {

struct PopulatedLabels {
    model::Labels labels;      // empty when relabeling dropped the target
    model::Labels discovered;  // before relabeling
};

Result<PopulatedLabels> populateTargetLabels(const model::Labels &base, const ScrapeConfig &job);

struct InvalidTarget {
    model::Labels labels;  // as discovered (group and target labels), before job defaults
    Status error;
};

struct JobTargets {
    std::vector<std::shared_ptr<Target>> active;
    std::vector<model::Labels> dropped;  // discovered labels of dropped targets
    std::vector<Status> errors;          // one per target that could not be built
    std::vector<InvalidTarget> invalid;  // the same targets, with their labels
};

// Targets of every static_configs entry of `job` (addresses deduplicated by
// final labels, as Prometheus's scrape pool does).
JobTargets targetsFromStaticConfigs(const ScrapeConfig &job);

// The static_configs of `job` as target groups (sources "0", "1", ...), as
// Prometheus's static discoverer presents them.
std::vector<discovery::TargetGroup> staticTargetGroups(const ScrapeConfig &job);

// Targets of discovered groups (Prometheus's TargetsFromGroup for each
// group, deduplicated by final labels across groups).
JobTargets targetsFromGroups(const ScrapeConfig &job, const std::vector<discovery::TargetGroup> &groups);

}  // namespace vigil::scrape
