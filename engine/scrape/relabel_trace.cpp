#include "scrape/relabel_trace.h"

#include "scrape/relabel.h"
#include "scrape/target_labels.h"

namespace vigil::scrape {

RelabelTrace traceTargetRelabel(const std::string &address, const model::Labels &extraLabels,
                                const ScrapeConfig &job)
{
    RelabelTrace trace;
    model::LabelsBuilder base(extraLabels);
    base.set("__address__", address);
    const model::Labels baseLabels = base.labels();

    // The discovered set: populateTargetLabels without the rules.
    ScrapeConfig noRules = job;
    noRules.relabelConfigs.clear();
    auto discovered = populateTargetLabels(baseLabels, noRules);
    if (!discovered.isOk()) {
        trace.status = discovered.status();
        trace.kept = false;
        return trace;
    }
    trace.discovered = discovered->discovered;

    model::Labels current = trace.discovered;
    for (const RelabelConfig &rc : job.relabelConfigs) {
        model::LabelsBuilder lb(current);
        RelabelStep step;
        step.kept = relabel(&lb, std::span<const RelabelConfig>(&rc, 1));
        if (step.kept) {
            step.labels = lb.labels();
            current = step.labels;
        }
        trace.steps.push_back(std::move(step));
        if (!trace.steps.back().kept) {
            trace.kept = false;
            return trace;
        }
    }

    auto populated = populateTargetLabels(baseLabels, job);
    if (!populated.isOk()) {
        trace.status = populated.status();
        trace.kept = false;
        return trace;
    }
    trace.kept = !populated->labels.empty();
    // What the target is stored with: internal (__*) labels removed.
    model::LabelsBuilder visible(populated->labels);
    for (const auto &l : populated->labels) {
        if (l.name.rfind("__", 0) == 0) visible.del(l.name);
    }
    trace.final = visible.labels();
    return trace;
}

}  // namespace vigil::scrape
