#include "promql/engine.h"

#include "promql/evaluator.h"
#include "promql/parser.h"

#include <algorithm>
#include <climits>
#include <map>
#include <unordered_map>

namespace vigil::promql {

namespace {

Status checkUnique(const Vector &v)
{
    std::vector<const model::Labels *> ls;
    ls.reserve(v.size());
    for (const auto &s : v) ls.push_back(&s.metric);
    std::sort(ls.begin(), ls.end(), [](const model::Labels *a, const model::Labels *b) { return *a < *b; });
    for (size_t i = 1; i < ls.size(); ++i)
        if (*ls[i] == *ls[i - 1])
            return Status::invalidArgument("vector cannot contain metrics with the same labelset");
    return Status::ok();
}

Vector finalVector(EvalVector &&in, int64_t t)
{
    Vector out;
    out.reserve(in.size());
    for (auto &s : in) out.push_back(VectorSample{evalutil::finalLabels(*s.metric, s.dropName), t, s.v});
    return out;
}

}  // namespace

Engine::Engine(storage::Queryable &storage, EngineOptions options) : storage_(storage), options_(options) {}

Result<QueryResult> Engine::instantQuery(std::string_view query, int64_t timeMs, const QueryOptions &qo) const
{
    ParseOptions po;
    po.enableExperimentalFunctions = options_.enableExperimentalFunctions;
    auto expr = parseExpr(query, po);
    if (!expr.isOk()) return expr.status();
    return run(**expr, timeMs, timeMs, 0, true, qo, query);
}

Result<QueryResult> Engine::rangeQuery(std::string_view query, int64_t startMs, int64_t endMs, int64_t stepMs,
                                       const QueryOptions &qo) const
{
    ParseOptions po;
    po.enableExperimentalFunctions = options_.enableExperimentalFunctions;
    auto expr = parseExpr(query, po);
    if (!expr.isOk()) return expr.status();
    return rangeQueryImpl(**expr, startMs, endMs, stepMs, qo, query);
}

Result<QueryResult> Engine::instantQuery(const Expr &expr, int64_t timeMs, const QueryOptions &qo) const
{
    return run(expr, timeMs, timeMs, 0, true, qo, {});
}

Result<QueryResult> Engine::rangeQuery(const Expr &expr, int64_t startMs, int64_t endMs, int64_t stepMs,
                                       const QueryOptions &qo) const
{
    return rangeQueryImpl(expr, startMs, endMs, stepMs, qo, {});
}

Result<QueryResult> Engine::rangeQueryImpl(const Expr &expr, int64_t startMs, int64_t endMs, int64_t stepMs,
                                           const QueryOptions &qo, std::string_view query) const
{
    if (stepMs <= 0)
        return Status::invalidArgument(
            "zero or negative query resolution step widths are not accepted. Try a positive integer");
    if (endMs < startMs) return Status::invalidArgument("end timestamp must not be before start time");
    if ((endMs - startMs) / stepMs > 11000)
        return Status::invalidArgument(
            "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query "
            "resolution (?step=XX)");
    ValueType t = expr.type();
    if (t != ValueType::Scalar && t != ValueType::Vector)
        return Status::invalidArgument(std::string("invalid expression type \"") + documentedTypeName(t) +
                                       "\" for range query, must be Scalar or instant Vector");
    return run(expr, startMs, endMs, stepMs, false, qo, query);
}

Result<QueryResult> Engine::run(const Expr &expr, int64_t startMs, int64_t endMs, int64_t stepMs,
                                bool instant, const QueryOptions &qo, std::string_view query) const
{
    EvaluatorParams p;
    p.stepMs = stepMs;
    p.rangeQuery = !instant;
    p.query = query;
    p.startMs = startMs;
    p.endMs = endMs;
    p.lookbackMs =
        qo.lookbackDeltaMs && *qo.lookbackDeltaMs > 0 ? *qo.lookbackDeltaMs : options_.lookbackDeltaMs;
    p.maxSamples = options_.maxSamples;
    p.defaultSubqueryStepMs = options_.defaultSubqueryStepMs > 0 ? options_.defaultSubqueryStepMs : 60000;
    if (qo.deadline)
        p.deadline = qo.deadline;
    else if (options_.timeoutMs > 0)
        p.deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.timeoutMs);
    p.cancel = qo.cancel;
    if (p.cancel && p.cancel->isCancelled())
        return Status::cancelled("query was canceled in expression evaluation");
    if (p.deadline && std::chrono::steady_clock::now() > *p.deadline)
        return Status::deadlineExceeded("query timed out in expression evaluation");

    Evaluator::RangeMap ranges = Evaluator::selectorRanges(expr, p);
    int64_t mint = startMs, maxt = endMs;
    for (const auto &[vs, r] : ranges) {
        mint = std::min(mint, r.mint);
        maxt = std::max(maxt, r.maxt);
    }
    auto querier = storage_.querier(mint, maxt);
    if (!querier.isOk()) return querier.status();
    Evaluator ev(**querier, p, std::move(ranges));

    QueryResult result;
    try {
        if (instant) {
            EvalValue v = ev.eval(expr, startMs);
            switch (v.type) {
                case ValueType::Scalar:
                    result.value = Scalar{startMs, v.scalar};
                    break;
                case ValueType::String:
                    result.value = String{startMs, v.str};
                    break;
                case ValueType::Matrix: {
                    Matrix m;
                    for (auto &s : v.mat) {
                        MatrixSeries ms{evalutil::finalLabels(*s.metric, s.dropName), {}};
                        for (const auto &pt : s.samples()) ms.points.push_back({pt.t, pt.v});
                        m.push_back(std::move(ms));
                    }
                    std::sort(m.begin(), m.end(), [](const MatrixSeries &a, const MatrixSeries &b) {
                        return a.metric < b.metric;
                    });
                    for (size_t i = 1; i < m.size(); ++i)
                        if (m[i].metric == m[i - 1].metric)
                            return Status::invalidArgument(
                                "vector cannot contain metrics with the same labelset");
                    result.value = std::move(m);
                    break;
                }
                default: {
                    Vector vec = finalVector(std::move(v.vec), startMs);
                    VIGIL_RETURN_IF_ERROR(checkUnique(vec));
                    result.value = std::move(vec);
                }
            }
        } else {
            // Output series by final label set; label sets seen before are
            // found by pointer (and pending name drop) without comparing labels.
            std::map<model::Labels, size_t> byLabels;
            std::unordered_map<const model::Labels *, std::pair<LabelsPtr, size_t>> byPtr[2];
            std::vector<std::vector<Point>> points;
            std::vector<int64_t> lastT;
            int64_t held = 0;
            auto seriesFor = [&](const LabelsPtr &l, bool dropName) {
                auto &cache = byPtr[dropName ? 1 : 0];
                auto it = cache.find(l.get());
                if (it != cache.end()) return it->second.second;
                auto [bit, inserted] = byLabels.emplace(evalutil::finalLabels(*l, dropName), points.size());
                if (inserted) {
                    points.emplace_back();
                    lastT.push_back(INT64_MIN);
                }
                cache.emplace(l.get(), std::make_pair(l, bit->second));
                return bit->second;
            };
            const LabelsPtr empty = makeLabels({});
            for (int64_t t = startMs; t <= endMs; t += stepMs) {
                ev.setSamples(held);
                EvalValue v = ev.eval(expr, t);
                if (v.type == ValueType::Scalar) {
                    points[seriesFor(empty, false)].push_back({t, v.scalar});
                    ++held;
                    continue;
                }
                for (const auto &s : v.vec) {
                    size_t idx = seriesFor(s.metric, s.dropName);
                    if (lastT[idx] == t)
                        return Status::invalidArgument(
                            "vector cannot contain metrics with the same labelset");
                    lastT[idx] = t;
                    points[idx].push_back({t, s.v});
                }
                held += int64_t(v.vec.size());
                ev.setSamples(held);
                ev.addSamples(0);
            }
            Matrix m;
            m.reserve(byLabels.size());
            for (auto &[l, idx] : byLabels) m.push_back(MatrixSeries{l, std::move(points[idx])});
            result.value = std::move(m);
        }
    } catch (const EvalError &e) {
        return e.status;
    }
    result.warnings = ev.warnings();
    result.infos = ev.infos();
    result.peakSamples = ev.peakSamples();
    return result;
}

}  // namespace vigil::promql
