// Evaluator: vector and matrix selectors, subqueries.
#include "promql/evaluator.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace vigil::promql {

namespace {

int64_t floorDiv(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

}  // namespace

namespace evalutil {

// Index of the first sample with t > x, searching forward from `hint` first.
size_t upperBoundFrom(const std::vector<model::Sample> &v, int64_t x, size_t hint)
{
    const size_t n = v.size();
    if (hint <= n && (hint == 0 || v[hint - 1].t <= x)) {
        for (size_t i = hint, end = std::min(n, hint + 8); i <= end; ++i)
            if (i == n || v[i].t > x) return i;
    }
    return size_t(
        std::upper_bound(v.begin(), v.end(), x, [](int64_t a, const model::Sample &s) { return a < s.t; }) -
        v.begin());
}

}  // namespace evalutil

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
        d.metric = makeLabels(series->labels());
        auto iter = series->iterator();
        if (iter->seek(r.mint)) {
            do {
                model::Sample s = iter->at();
                if (s.t > r.maxt) break;
                d.samples.push_back(s);
            } while (iter->next());
        }
        if (!iter->status().isOk()) throw EvalError{iter->status()};
        for (const auto &s : d.samples)
            if (model::isStaleNaN(s.v)) d.hasStale = true;
        if (d.hasStale)
            for (const auto &s : d.samples)
                if (!model::isStaleNaN(s.v)) d.live.push_back(s);
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
        const size_t idx = evalutil::upperBoundFrom(d.samples, ts, d.hintHi);
        d.hintHi = idx;
        if (idx == 0) continue;
        auto it = d.samples.begin() + std::ptrdiff_t(idx - 1);
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
        const std::vector<model::Sample> &src = d.hasStale ? d.live : d.samples;
        const size_t lo = evalutil::upperBoundFrom(src, mint, d.hintLo);
        const size_t hi = evalutil::upperBoundFrom(src, ts, std::max(lo, d.hintHi));
        d.hintLo = lo;
        d.hintHi = hi;
        if (lo >= hi) continue;
        EvalSeries s;
        s.borrowed = std::span<const model::Sample>(src.data() + lo, hi - lo);
        n += int64_t(hi - lo);
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
    std::unordered_map<const model::Labels *, std::pair<LabelsPtr, size_t>> byPtr;
    EvalMatrix out;
    const int64_t before = currentSamples_;
    int64_t held = 0;
    ++subqueryDepth_;
    struct DepthGuard {
        int &depth;
        ~DepthGuard() { --depth; }
    } guard{subqueryDepth_};
    for (int64_t u = start; u <= ts; u += interval) {
        currentSamples_ = before + held;
        EvalValue v = eval(*sq.expr, u);
        if (v.type == ValueType::Scalar) {
            if (out.empty()) out.push_back(EvalSeries{makeLabels({}), {}, {}, false});
            out[0].points.push_back({u, v.scalar});
            ++held;
            continue;
        }
        for (auto &s : v.vec) {
            auto pit = byPtr.find(s.metric.get());
            if (pit == byPtr.end()) {
                auto [it, inserted] = index.emplace(*s.metric, out.size());
                if (inserted) out.push_back(EvalSeries{s.metric, {}, {}, s.dropName});
                pit = byPtr.emplace(s.metric.get(), std::make_pair(s.metric, it->second)).first;
            }
            EvalSeries &series = out[pit->second.second];
            series.dropName = series.dropName || s.dropName;
            series.points.push_back({u, s.v});
            ++held;
        }
    }
    currentSamples_ = before;
    addSamples(held);
    std::sort(out.begin(), out.end(),
              [](const EvalSeries &a, const EvalSeries &b) { return *a.metric < *b.metric; });
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
