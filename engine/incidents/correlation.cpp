#include "incidents/correlation.h"

#include "incidents/scope.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace vigil::incidents {

namespace {

bool endsWith(const std::string &s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string durationText(int64_t ms)
{
    return std::to_string(std::max<int64_t>(1, ms / 1000)) + "s";
}

bool cancelled(const std::shared_ptr<const promql::CancellationToken> &c) { return c && c->isCancelled(); }

}  // namespace

double pearson(const std::vector<double> &x, const std::vector<double> &y)
{
    const size_t n = std::min(x.size(), y.size());
    if (n < 2) return std::nan("");
    double mx = 0, my = 0;
    for (size_t i = 0; i < n; ++i) {
        mx += x[i];
        my += y[i];
    }
    mx /= double(n);
    my /= double(n);
    double sxy = 0, sxx = 0, syy = 0;
    for (size_t i = 0; i < n; ++i) {
        const double dx = x[i] - mx, dy = y[i] - my;
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    // Relative to the values' size, a variance this small is rounding noise.
    const double eps = 1e-12;
    if (sxx <= eps * (1 + mx * mx) * double(n) || syy <= eps * (1 + my * my) * double(n)) return std::nan("");
    return std::clamp(sxy / std::sqrt(sxx * syy), -1.0, 1.0);
}

bool looksLikeCounter(const std::string &name)
{
    if (endsWith(name, "_created")) return false;
    return endsWith(name, "_total") || endsWith(name, "_count") || endsWith(name, "_sum");
}

Result<CorrelationResult> correlate(storage::Queryable &storage, const promql::Engine &engine,
                                    const CorrelationRequest &req,
                                    std::shared_ptr<const promql::CancellationToken> cancel)
{
    if (req.targetExpr.empty()) return Status::invalidArgument("correlation needs the alert's series expression");
    if (req.scopeLabel.empty() || req.scopeValue.empty())
        return Status::invalidArgument("correlation needs a scope label and value (instance or job)");
    if (req.endMs <= req.startMs || req.stepMs <= 0) return Status::invalidArgument("correlation needs a window and a step");

    promql::QueryOptions qo;
    qo.cancel = cancel;
    auto target = engine.rangeQuery(req.targetExpr, req.startMs, req.endMs, req.stepMs, qo);
    if (!target.isOk()) return target.status().withContext("target expression");
    const auto &tm = std::get<promql::Matrix>(target->value);
    if (tm.empty()) return Status::invalidArgument("the target expression gave no series in the window");

    CorrelationResult result;
    result.target = tm.front().metric;
    if (tm.size() > 1)
        result.note = "the target expression gave " + std::to_string(tm.size()) + " series; the first was used";
    std::map<int64_t, double> targetAt;
    for (const auto &p : tm.front().points) targetAt[p.t] = p.v;

    // Candidate metric names: every name with a series in scope in the window.
    auto matcher = model::Matcher::create(model::Matcher::Type::Equal, req.scopeLabel, req.scopeValue);
    if (!matcher.isOk()) return matcher.status();
    std::vector<std::string> names;
    {
        auto q = storage.querier(req.startMs, req.endMs);
        if (!q.isOk()) return q.status();
        auto v = (*q)->labelValues(std::string(model::kMetricName), {*matcher});
        if (!v.isOk()) return v.status();
        names = std::move(*v);
    }
    const std::vector<std::string> own = inputMetricNames(req.targetExpr);
    const std::string scope = req.scopeLabel + "=" + quoteLabelValue(req.scopeValue);
    size_t queried = 0;
    for (const auto &name : names) {
        if (cancelled(cancel)) return Status::cancelled("correlation was cancelled");
        if (endsWith(name, "_bucket") || name == "ALERTS" || name == "ALERTS_FOR_STATE") continue;
        if (std::find(own.begin(), own.end(), name) != own.end()) continue;
        if (++queried > req.maxMetrics) break;
        const std::string sel = "{__name__=" + quoteLabelValue(name) + ", " + scope + "}";
        const std::string expr = looksLikeCounter(name) ? "rate(" + sel + "[" + durationText(req.rateWindowMs) + "])" : sel;
        auto r = engine.rangeQuery(expr, req.startMs, req.endMs, req.stepMs, qo);
        if (!r.isOk()) {
            if (r.status().code() == Status::Code::Cancelled) return r.status();
            continue;  // one bad candidate (e.g. too many samples) does not stop the ranking
        }
        for (const auto &s : std::get<promql::Matrix>(r->value)) {
            std::vector<double> x, y;
            for (const auto &p : s.points) {
                auto it = targetAt.find(p.t);
                if (it == targetAt.end() || !std::isfinite(p.v) || !std::isfinite(it->second)) continue;
                x.push_back(it->second);
                y.push_back(p.v);
            }
            if (x.size() < req.minPoints) continue;
            ++result.candidates;
            const double c = pearson(x, y);
            if (std::isnan(c)) continue;
            model::Labels labels = s.metric;
            if (labels.metricName().empty()) {  // rate() drops the name; keep it for the reader
                std::vector<model::Label> v = labels.vector();
                v.push_back({std::string(model::kMetricName), name});
                labels = model::Labels::fromUnsorted(std::move(v));
            }
            result.ranked.push_back({std::move(labels), expr, c, x.size()});
        }
    }
    std::stable_sort(result.ranked.begin(), result.ranked.end(),
                     [](const CorrelatedSeries &a, const CorrelatedSeries &b) {
                         return std::abs(a.coefficient) > std::abs(b.coefficient);
                     });
    if (result.ranked.size() > req.topN) result.ranked.resize(req.topN);
    return result;
}

}  // namespace vigil::incidents
