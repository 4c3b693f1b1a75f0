#include "rules/backtest.h"

#include "rules/alerting_rule.h"
#include "rules/rule.h"

#include <algorithm>
#include <map>

namespace vigil::rules {

namespace {

// The first multiple of `step` at or after `t` (t may be negative).
int64_t alignUp(int64_t t, int64_t step)
{
    int64_t q = t / step;
    if (q * step < t) ++q;
    return q * step;
}

// Each step's instant vector out of one range query's matrix.
std::vector<promql::Vector> slice(const promql::Matrix &m, int64_t first, int64_t step, size_t count)
{
    std::vector<promql::Vector> out(count);
    for (const auto &s : m) {
        for (const auto &p : s.points) {
            const int64_t i = (p.t - first) / step;
            if (i < 0 || size_t(i) >= count || first + i * step != p.t) continue;
            out[size_t(i)].push_back({s.metric, p.t, p.v});
        }
    }
    return out;
}

}  // namespace

Result<BacktestResult> backtestRule(const promql::Engine &engine, const BacktestRequest &req,
                                    const promql::QueryOptions &options)
{
    if (req.rule.kind != RuleSpec::Kind::Alerting)
        return Status::invalidArgument("only alerting rules can be backtested");
    if (req.intervalMs <= 0) return Status::invalidArgument("the evaluation interval must be positive");
    if (req.endMs < req.startMs) return Status::invalidArgument("the end of the backtest is before its start");
    BacktestResult result;
    const int64_t first = alignUp(req.startMs, req.intervalMs);
    if (first > req.endMs) return result;
    const int64_t total = (req.endMs - first) / req.intervalMs + 1;
    if (total > kMaxBacktestTotalSteps)
        return Status::invalidArgument("the backtest would take " + std::to_string(total) +
                                       " evaluation steps (at most " + std::to_string(kMaxBacktestTotalSteps) +
                                       "); choose a shorter range or a longer interval");

    auto created = Rule::create(req.rule, req.externalLabels, "");
    if (!created) return created.status();
    auto *rule = dynamic_cast<AlertingRule *>(created->get());
    if (!rule) return Status::internal("alerting rule expected");

    // The rule asks for its expression at each step: answer from the range
    // query's slice; anything else (template queries) runs as asked.
    const promql::Vector *current = nullptr;
    RuleQueryFunc query = [&](const promql::Expr &e, int64_t t) -> Result<promql::Vector> {
        if (&e == &rule->expr() && current) return *current;
        auto r = engine.instantQuery(e, t, options);
        if (!r) return r.status();
        if (auto *v = std::get_if<promql::Vector>(&r->value)) return std::move(*v);
        if (auto *s = std::get_if<promql::Scalar>(&r->value)) return promql::Vector{{model::Labels{}, t, s->v}};
        return Status::invalidArgument("rule result is not a vector or scalar");
    };

    struct Track {
        BacktestSeries series;
        model::AlertState lastState = model::AlertState::Inactive;
        int64_t lastStepMs = 0;
    };
    std::map<model::Labels, Track> tracks;
    for (int64_t done = 0; done < total; done += kMaxBacktestSteps) {
        const int64_t count = std::min(kMaxBacktestSteps, total - done);
        const int64_t chunkStart = first + done * req.intervalMs;
        const int64_t chunkEnd = chunkStart + (count - 1) * req.intervalMs;
        auto r = engine.rangeQuery(rule->expr(), chunkStart, chunkEnd, req.intervalMs, options);
        if (!r) return r.status();
        for (auto &w : r->warnings)
            if (std::find(result.warnings.begin(), result.warnings.end(), w) == result.warnings.end())
                result.warnings.push_back(std::move(w));
        const auto *matrix = std::get_if<promql::Matrix>(&r->value);
        if (!matrix) return Status::internal("range query returned no matrix");
        const std::vector<promql::Vector> steps = slice(*matrix, chunkStart, req.intervalMs, size_t(count));

        for (int64_t i = 0; i < count; ++i) {
            const int64_t t = chunkStart + i * req.intervalMs;
            current = &steps[size_t(i)];
            auto evaluated = rule->eval(t, query, 0);
            current = nullptr;
            if (!evaluated)
                return evaluated.status().withContext("evaluation at " + std::to_string(t) + " ms");
            result.steps.push_back(t);
            for (const auto &a : rule->activeAlerts()) {
                Track &tr = tracks[a.labels];
                tr.series.labels = a.labels;
                auto &list = a.state == model::AlertState::Firing ? tr.series.firing : tr.series.pending;
                const bool continues = tr.lastState == a.state && tr.lastStepMs == t - req.intervalMs && !list.empty();
                if (continues) list.back().endMs = t;
                else list.push_back({t, t, false});
                tr.lastState = a.state;
                tr.lastStepMs = t;
            }
        }
    }
    const int64_t last = result.steps.empty() ? 0 : result.steps.back();
    for (auto &[labels, tr] : tracks) {
        for (auto *list : {&tr.series.pending, &tr.series.firing})
            if (!list->empty() && list->back().endMs == last && tr.lastStepMs == last) list->back().open = true;
        result.series.push_back(std::move(tr.series));
    }
    return result;
}

}  // namespace vigil::rules
