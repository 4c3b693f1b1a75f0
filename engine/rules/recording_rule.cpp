#include "rules/recording_rule.h"

#include <algorithm>

namespace vigil::rules {

Result<promql::Vector> RecordingRule::eval(int64_t tMs, const RuleQueryFunc &query, int64_t limit)
{
    auto r = query(*expr_, tMs);
    if (!r) return r.status();
    promql::Vector out = std::move(r).value();
    for (auto &s : out) {
        model::LabelsBuilder b(s.metric);
        b.set(model::kMetricName, spec_.name);
        for (const auto &l : spec_.labels) b.set(l.name, l.value);
        s.metric = b.labels();
        s.t = tMs;
    }
    std::vector<const model::Labels *> sorted;
    for (const auto &s : out) sorted.push_back(&s.metric);
    std::sort(sorted.begin(), sorted.end(), [](auto *a, auto *b) { return *a < *b; });
    for (size_t i = 1; i < sorted.size(); ++i) {
        if (*sorted[i] == *sorted[i - 1])
            return Status::invalidArgument("vector contains metrics with the same labelset after applying rule labels");
    }
    if (limit > 0 && int64_t(out.size()) > limit)
        return Status::resourceExhausted("exceeded limit of " + std::to_string(limit) + " with " +
                                         std::to_string(out.size()) + " series");
    return out;
}

}  // namespace vigil::rules
