// Evaluator: vector and matrix selectors, subqueries.
#include "promql/evaluator.h"

#include <algorithm>
#include <map>

namespace vigil::promql {

namespace {

int64_t floorDiv(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

}  // namespace

int64_t Evaluator::selectorTime(std::optional<int64_t> at, AtModifier se, int64_t offset, int64_t t) const
{
    int64_t base = t;
    if (at)
        base = *at;
    else if (se == AtModifier::Start)
        base = p_.startMs;
    else if (se == AtModifier::End)
        base = p_.endMs;
    return base - offset;
}

const std::vector<Evaluator::SeriesData> &Evaluator::load(const VectorSelector &vs)
{
    auto it = data_.find(&vs);
    if (it != data_.end()) return it->second;
    std::vector<SeriesData> out;
    auto rit = ranges_.find(&vs);
    if (rit == ranges_.end()) fail("internal error: selector without a time range");
    const TimeRange r = rit->second;
    auto set = querier_.select(vs.matchers);
    if (!set.isOk()) throw EvalError{set.status()};
    for (const auto &series : *set) {
        checkInterrupt();
        SeriesData d;
        d.metric = series->labels();
        auto iter = series->iterator();
        if (iter->seek(r.mint)) {
            do {
                model::Sample s = iter->at();
                if (s.t > r.maxt) break;
                d.samples.push_back(s);
            } while (iter->next());
        }
        if (!iter->status().isOk()) throw EvalError{iter->status()};
        if (!d.samples.empty()) out.push_back(std::move(d));
    }
    return data_.emplace(&vs, std::move(out)).first->second;
}

EvalVector Evaluator::evalVectorSelector(const VectorSelector &vs, int64_t t, bool)
{
    const auto &data = load(vs);
    const int64_t ts = selectorTime(vs.timestampMs, vs.startOrEnd, vs.originalOffsetMs, t);
    EvalVector out;
    for (const auto &d : data) {
        checkInterrupt();
        // Last sample with time <= ts.
        auto it = std::upper_bound(d.samples.begin(), d.samples.end(), ts,
                                   [](int64_t x, const model::Sample &s) { return x < s.t; });
        if (it == d.samples.begin()) continue;
        --it;
        if (it->t <= ts - p_.lookbackMs) continue;
        if (model::isStaleNaN(it->v)) continue;
        out.push_back(EvalSample{d.metric, it->v, it->t, false});
    }
    addSamples(int64_t(out.size()));
    return out;
}

EvalMatrix Evaluator::evalMatrixSelector(const MatrixSelector &ms, int64_t t)
{
    const VectorSelector &vs = *ms.vectorSelector;
    const auto &data = load(vs);
    const int64_t ts = selectorTime(vs.timestampMs, vs.startOrEnd, vs.originalOffsetMs, t);
    const int64_t mint = ts - ms.rangeMs;
    EvalMatrix out;
    int64_t n = 0;
    for (const auto &d : data) {
        checkInterrupt();
        auto lo = std::upper_bound(d.samples.begin(), d.samples.end(), mint,
                                   [](int64_t x, const model::Sample &s) { return x < s.t; });
        auto hi = std::upper_bound(lo, d.samples.end(), ts,
                                   [](int64_t x, const model::Sample &s) { return x < s.t; });
        EvalSeries s;
        for (auto p = lo; p != hi; ++p)
            if (!model::isStaleNaN(p->v)) s.points.push_back(*p);
        if (s.points.empty()) continue;
        n += int64_t(s.points.size());
        s.metric = d.metric;
        out.push_back(std::move(s));
    }
    addSamples(n);
    return out;
}

EvalMatrix Evaluator::evalSubquery(const SubqueryExpr &sq, int64_t t)
{
    const int64_t ts = selectorTime(sq.timestampMs, sq.startOrEnd, sq.originalOffsetMs, t);
    const int64_t interval = sq.stepMs > 0 ? sq.stepMs : p_.defaultSubqueryStepMs;
    const int64_t x = ts - sq.rangeMs;
    int64_t start = floorDiv(x, interval) * interval;
    if (start <= x) start += interval;

    std::map<model::Labels, size_t> index;
    EvalMatrix out;
    const int64_t before = currentSamples_;
    int64_t held = 0;
    for (int64_t u = start; u <= ts; u += interval) {
        currentSamples_ = before + held;
        EvalValue v = eval(*sq.expr, u);
        if (v.type == ValueType::Scalar) {
            if (out.empty()) out.push_back(EvalSeries{});
            out[0].points.push_back({u, v.scalar});
            ++held;
            continue;
        }
        for (auto &s : v.vec) {
            auto [it, inserted] = index.emplace(s.metric, out.size());
            if (inserted) out.push_back(EvalSeries{s.metric, {}, s.dropName});
            EvalSeries &series = out[it->second];
            series.dropName = series.dropName || s.dropName;
            series.points.push_back({u, s.v});
            ++held;
        }
    }
    currentSamples_ = before;
    addSamples(held);
    std::sort(out.begin(), out.end(), [](const EvalSeries &a, const EvalSeries &b) { return a.metric < b.metric; });
    return out;
}

EvalMatrix Evaluator::evalRangeArg(const Expr &e, int64_t t, int64_t *rangeEnd, int64_t *rangeMs)
{
    const Expr *x = &e;
    while (auto *p = x->as<ParenExpr>()) x = p->expr.get();
    if (auto *ms = x->as<MatrixSelector>()) {
        const VectorSelector &vs = *ms->vectorSelector;
        *rangeEnd = selectorTime(vs.timestampMs, vs.startOrEnd, vs.originalOffsetMs, t);
        *rangeMs = ms->rangeMs;
        return evalMatrixSelector(*ms, t);
    }
    if (auto *sq = x->as<SubqueryExpr>()) {
        *rangeEnd = selectorTime(sq->timestampMs, sq->startOrEnd, sq->originalOffsetMs, t);
        *rangeMs = sq->rangeMs;
        return evalSubquery(*sq, t);
    }
    fail("expected a range vector argument");
}

}  // namespace vigil::promql
