// traceTargetRelabel: a target's relabel_configs applied one rule at a time,
// for the console's relabel preview. Shows the discovered labels (what
// relabeling starts from: __address__, __scheme__, __metrics_path__, job,
// the interval and timeout labels, the extra labels), the label set after
// each rule, the rule that dropped the target if one did, and the final
// target labels as the scraper would build them (populateTargetLabels).
//
// Pure; thread-safe. Never fails: problems are reported in `status`.
#pragma once

#include "core/status.h"
#include "model/labels.h"
#include "scrape/scrape_config.h"

#include <string>
#include <vector>

namespace vigil::scrape {

struct RelabelStep {
    model::Labels labels;  // after this rule; empty when it dropped the target
    bool kept = true;      // false for the rule that dropped the target
};

struct RelabelTrace {
    model::Labels discovered;
    std::vector<RelabelStep> steps;  // one per rule, stopping at the one that drops
    bool kept = true;
    model::Labels final;  // the target's labels (internal ones removed), empty when dropped or invalid
    Status status;        // Ok, or why the target could not be built (e.g. "no address")
};

RelabelTrace traceTargetRelabel(const std::string &address, const model::Labels &extraLabels,
                                const ScrapeConfig &job);

}  // namespace vigil::scrape
