// Evaluator: functions over range vectors (rate, increase, delta, irate,
// idelta, deriv, predict_linear, resets, changes, the *_over_time family,
// double_exponential_smoothing, absent_over_time).
#include "promql/evaluator.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace vigil::promql {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
using Points = std::span<const model::Sample>;

bool endsWith(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Prometheus's extrapolatedRate over (rangeEnd - rangeMs, rangeEnd].
bool extrapolatedRate(const Points &pts, int64_t rangeEnd, int64_t rangeMs, bool isCounter, bool isRate,
                      double *out)
{
    if (pts.size() < 2) return false;
    const int64_t rangeStart = rangeEnd - rangeMs;
    const size_t n1 = pts.size() - 1;
    double result = pts[n1].v - pts[0].v;
    if (isCounter) {
        double prev = pts[0].v;
        for (size_t i = 1; i < pts.size(); ++i) {
            if (pts[i].v < prev) result += prev;
            prev = pts[i].v;
        }
    }
    double durationToStart = double(pts[0].t - rangeStart) / 1000.0;
    double durationToEnd = double(rangeEnd - pts[n1].t) / 1000.0;
    double sampledInterval = double(pts[n1].t - pts[0].t) / 1000.0;
    double avg = sampledInterval / double(n1);
    double threshold = avg * 1.1;
    if (durationToStart >= threshold) durationToStart = avg / 2;
    if (isCounter && result > 0 && pts[0].v >= 0) {
        double durationToZero = sampledInterval * (pts[0].v / result);
        if (durationToZero < durationToStart) durationToStart = durationToZero;
    }
    if (durationToEnd >= threshold) durationToEnd = avg / 2;
    double factor = (sampledInterval + durationToStart + durationToEnd) / sampledInterval;
    if (isRate) factor /= double(rangeMs) / 1000.0;
    *out = result * factor;
    return true;
}

void linearRegression(const Points &pts, int64_t interceptTime, double *slope, double *intercept)
{
    double n = 0, sumX = 0, cX = 0, sumY = 0, cY = 0, sumXY = 0, cXY = 0, sumX2 = 0, cX2 = 0;
    const double initY = pts[0].v;
    bool constY = true;
    for (size_t i = 0; i < pts.size(); ++i) {
        if (constY && i > 0 && pts[i].v != initY) constY = false;
        n += 1;
        double x = double(pts[i].t - interceptTime) / 1e3;
        sumX = evalutil::kahanSumInc(x, sumX, &cX);
        sumY = evalutil::kahanSumInc(pts[i].v, sumY, &cY);
        sumXY = evalutil::kahanSumInc(x * pts[i].v, sumXY, &cXY);
        sumX2 = evalutil::kahanSumInc(x * x, sumX2, &cX2);
    }
    if (constY) {
        if (std::isinf(initY)) {
            *slope = kNaN;
            *intercept = kNaN;
        } else {
            *slope = 0;
            *intercept = initY;
        }
        return;
    }
    sumX += cX;
    sumY += cY;
    sumXY += cXY;
    sumX2 += cX2;
    double covXY = sumXY - sumX * sumY / n;
    double varX = sumX2 - sumX * sumX / n;
    *slope = covXY / varX;
    *intercept = sumY / n - *slope * sumX / n;
}

double avgOverTime(const Points &pts)
{
    double sum = 0, mean = 0, count = 0, c = 0;
    bool incremental = false;
    for (const auto &p : pts) {
        count += 1;
        if (!incremental) {
            double nc = c;
            double ns = evalutil::kahanSumInc(p.v, sum, &nc);
            if (count == 1 || !std::isinf(ns)) {
                sum = ns;
                c = nc;
                continue;
            }
            incremental = true;
            mean = sum / (count - 1);
            c /= count - 1;
        }
        if (std::isinf(mean)) {
            if (std::isinf(p.v) && (mean > 0) == (p.v > 0)) continue;
            if (!std::isinf(p.v) && !std::isnan(p.v)) continue;
        }
        double corrected = mean + c;
        mean = evalutil::kahanSumInc(p.v / count - corrected / count, mean, &c);
    }
    return incremental ? mean + c : (sum + c) / count;
}

double stdvarOverTime(const Points &pts)
{
    double count = 0, mean = 0, cMean = 0, aux = 0, cAux = 0;
    for (const auto &p : pts) {
        count += 1;
        double delta = p.v - (mean + cMean);
        mean = evalutil::kahanSumInc(delta / count, mean, &cMean);
        aux = evalutil::kahanSumInc(delta * (p.v - (mean + cMean)), aux, &cAux);
    }
    return (aux + cAux) / count;
}

double median(std::vector<double> v)
{
    return evalutil::quantile(0.5, v);
}

std::string goF(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%f", v);
    return buf;
}

}  // namespace

EvalVector Evaluator::evalRangeFunction(const Call &c, int64_t t)
{
    const std::string_view name = c.func->name;
    // Scalar arguments and the position of the range-vector one.
    std::vector<double> scalars;
    size_t matrixArg = 0;
    for (size_t i = 0; i < c.args.size(); ++i) {
        if (c.func->argType(i) == ValueType::Matrix)
            matrixArg = i;
        else
            scalars.push_back(eval(*c.args[i], t).scalar);
    }
    int64_t rangeEnd = 0, rangeMs = 0;
    EvalMatrix mat = evalRangeArg(*c.args[matrixArg], t, &rangeEnd, &rangeMs);

    EvalVector out;
    if (name == "absent_over_time") {
        if (mat.empty()) out.push_back(EvalSample{makeLabels({}), 1, t, false});
        if (!out.empty()) {
            const Expr *x = c.args[0].get();
            while (auto *p = x->as<ParenExpr>()) x = p->expr.get();
            if (auto *ms = x->as<MatrixSelector>()) {
                model::LabelsBuilder b;
                std::vector<std::string> seen;
                for (const auto &m : ms->vectorSelector->matchers) {
                    if (m.name() == model::kMetricName) continue;
                    bool has = std::find(seen.begin(), seen.end(), m.name()) != seen.end();
                    if (m.type() == model::Matcher::Type::Equal && !has) {
                        b.set(m.name(), m.value());
                        seen.push_back(m.name());
                    } else {
                        b.del(m.name());
                    }
                }
                out[0].metric = makeLabels(b.labels());
            }
        }
        return out;
    }
    if (name == "quantile_over_time") {
        double q = scalars[0];
        if (std::isnan(q) || q < 0 || q > 1)
            warn("quantile value should be between 0 and 1, got " + evalutil::formatG(q), c.args[0].get());
    }
    if (name == "double_exponential_smoothing") {
        if (scalars[0] <= 0 || scalars[0] >= 1)
            fail("invalid smoothing factor. Expected: 0 < sf < 1, got: " + goF(scalars[0]));
        if (scalars[1] <= 0 || scalars[1] >= 1)
            fail("invalid trend factor. Expected: 0 < tf < 1, got: " + goF(scalars[1]));
    }

    // Series-major fast path: a range function directly over a selector in a
    // range query (outside subqueries) is computed for all steps at once on
    // first use, which keeps each series' samples in cache.
    const Expr *arg = c.args[matrixArg].get();
    while (auto *p = arg->as<ParenExpr>()) arg = p->expr.get();
    const MatrixSelector *msel = arg->as<MatrixSelector>();
    bool constantArgs = true;
    for (size_t i = 0; i < c.args.size(); ++i) {
        const Expr *x = c.args[i].get();
        while (auto *p = x->as<ParenExpr>()) x = p->expr.get();
        if (i != matrixArg && !x->as<NumberLiteral>()) constantArgs = false;
    }
    if (msel && constantArgs && p_.rangeQuery && subqueryDepth_ == 0 && p_.stepMs > 0 && t >= p_.startMs &&
        t <= p_.endMs && (t - p_.startMs) % p_.stepMs == 0) {
        const RangeTable &table = rangeTable(c, *msel, scalars);
        const size_t k = size_t((t - p_.startMs) / p_.stepMs);
        for (size_t i = 0; i < table.metrics.size(); ++i)
            if (table.present[i][k])
                out.push_back(EvalSample{table.metrics[i], table.values[i][k], t, !table.keepName});
        addSamples(int64_t(out.size()));
        return out;
    }

    for (auto &series : mat) {
        checkInterrupt();
        double v = 0;
        bool keepName = false;
        if (!rangeFunctionValue(c, series.metric, series.samples(), rangeEnd, rangeMs, scalars, t, &v,
                                &keepName))
            continue;
        out.push_back(EvalSample{std::move(series.metric), v, t, keepName ? series.dropName : true});
    }
    return out;
}

bool Evaluator::rangeFunctionValue(const Call &c, const LabelsPtr &metric, std::span<const model::Sample> pts,
                                   int64_t rangeEnd, int64_t rangeMs, const std::vector<double> &scalars,
                                   int64_t t, double *out, bool *keepNameOut)
{
    const std::string_view name = c.func->name;
    const size_t matrixArg = c.func->argType(0) == ValueType::Matrix ? 0 : 1;
    double v = 0;
    bool keepName = false;
    if (name == "rate" || name == "increase" || name == "delta") {
        if ((name == "rate" || name == "increase")) {
            std::string_view mn = metric->metricName();
            if (!mn.empty() && !endsWith(mn, "_total") && !endsWith(mn, "_sum") && !endsWith(mn, "_count") &&
                !endsWith(mn, "_bucket"))
                info("metric might not be a counter, name does not end in _total/_sum/_count/_bucket: \"" +
                         std::string(mn) + "\"",
                     c.args[matrixArg].get());
        }
        if (!extrapolatedRate(pts, rangeEnd, rangeMs, name != "delta", name == "rate", &v)) return false;
    } else if (name == "irate" || name == "idelta") {
        if (pts.size() < 2) return false;
        const auto &last = pts[pts.size() - 1], &prev = pts[pts.size() - 2];
        if (name == "idelta") {
            v = last.v - prev.v;
        } else {
            v = last.v < prev.v ? last.v : last.v - prev.v;
            double dt = double(last.t - prev.t) / 1000.0;
            if (dt == 0) return false;
            v /= dt;
        }
    } else if (name == "deriv") {
        if (pts.size() < 2) return false;
        double intercept;
        linearRegression(pts, pts[0].t, &v, &intercept);
    } else if (name == "predict_linear") {
        if (pts.size() < 2) return false;
        double slope, intercept;
        linearRegression(pts, t, &slope, &intercept);
        v = slope * scalars[0] + intercept;
    } else if (name == "resets") {
        double prev = pts[0].v;
        for (size_t i = 1; i < pts.size(); ++i) {
            if (pts[i].v < prev) v += 1;
            prev = pts[i].v;
        }
    } else if (name == "changes") {
        double prev = pts[0].v;
        for (size_t i = 1; i < pts.size(); ++i) {
            double cur = pts[i].v;
            if (!(cur == prev || (std::isnan(cur) && std::isnan(prev)))) v += 1;
            prev = cur;
        }
    } else if (name == "avg_over_time") {
        v = avgOverTime(pts);
    } else if (name == "sum_over_time") {
        double s = 0, comp = 0;
        for (const auto &p : pts) s = evalutil::kahanSumInc(p.v, s, &comp);
        v = s + comp;
    } else if (name == "count_over_time") {
        v = double(pts.size());
    } else if (name == "min_over_time" || name == "max_over_time") {
        const bool isMax = name == "max_over_time";
        v = pts[0].v;
        for (const auto &p : pts)
            if ((isMax ? p.v > v : p.v < v) || std::isnan(v)) v = p.v;
    } else if (name == "stddev_over_time") {
        v = std::sqrt(stdvarOverTime(pts));
    } else if (name == "stdvar_over_time") {
        v = stdvarOverTime(pts);
    } else if (name == "quantile_over_time") {
        std::vector<double> vals;
        for (const auto &p : pts) vals.push_back(p.v);
        v = evalutil::quantile(scalars[0], vals);
    } else if (name == "mad_over_time") {
        std::vector<double> vals;
        bool nan = false;
        for (const auto &p : pts) {
            vals.push_back(p.v);
            nan = nan || std::isnan(p.v);
        }
        if (nan) {
            v = kNaN;
        } else {
            double med = median(vals);
            std::vector<double> dev;
            for (const auto &p : pts) dev.push_back(std::fabs(p.v - med));
            v = median(dev);
        }
    } else if (name == "last_over_time") {
        v = pts.back().v;
        keepName = true;
    } else if (name == "first_over_time") {
        v = pts.front().v;
        keepName = true;
    } else if (name == "ts_of_last_over_time") {
        v = double(pts.back().t) / 1000.0;
    } else if (name == "ts_of_first_over_time") {
        v = double(pts.front().t) / 1000.0;
    } else if (name == "ts_of_max_over_time" || name == "ts_of_min_over_time") {
        const bool isMax = name == "ts_of_max_over_time";
        double best = pts[0].v;
        int64_t bt = pts[0].t;
        for (const auto &p : pts)
            if ((isMax ? p.v >= best : p.v <= best) || std::isnan(best)) {
                best = p.v;
                bt = p.t;
            }
        v = double(bt) / 1000.0;
    } else if (name == "present_over_time") {
        v = 1;
    } else if (name == "double_exponential_smoothing") {
        if (pts.size() < 2) return false;
        const double sf = scalars[0], tf = scalars[1];
        double s0 = 0, s1 = pts[0].v, b = pts[1].v - pts[0].v;
        for (size_t i = 1; i < pts.size(); ++i) {
            double x = sf * pts[i].v;
            if (i > 1) b = tf * (s1 - s0) + (1 - tf) * b;
            double y = (1 - sf) * (s1 + b);
            s0 = s1;
            s1 = x + y;
        }
        v = s1;
    } else {
        fail("function \"" + std::string(name) + "\" is not supported");
    }
    *out = v;
    *keepNameOut = keepName;
    return true;
}

const Evaluator::RangeTable &Evaluator::rangeTable(const Call &c, const MatrixSelector &ms,
                                                   const std::vector<double> &scalars)
{
    auto it = rangeTables_.find(&c);
    if (it != rangeTables_.end()) return it->second;
    RangeTable table;
    const VectorSelector &vs = *ms.vectorSelector;
    const auto &data = load(vs);
    const size_t steps = size_t((p_.endMs - p_.startMs) / p_.stepMs) + 1;
    for (const auto &d : data) {
        checkInterrupt();
        const std::vector<model::Sample> &src = d.hasStale ? d.live : d.samples;
        std::vector<double> values(steps);
        std::vector<char> present(steps, 0);
        size_t hintLo = 0, hintHi = 0;
        bool any = false;
        for (size_t k = 0; k < steps; ++k) {
            const int64_t t = p_.startMs + int64_t(k) * p_.stepMs;
            const int64_t ts = selectorTime(vs.timestampMs, vs.startOrEnd, vs.originalOffsetMs, t);
            const size_t lo = evalutil::upperBoundFrom(src, ts - ms.rangeMs, hintLo);
            const size_t hi = evalutil::upperBoundFrom(src, ts, std::max(lo, hintHi));
            hintLo = lo;
            hintHi = hi;
            if (lo >= hi) continue;
            double v = 0;
            bool keepName = false;
            if (!rangeFunctionValue(c, d.metric, std::span<const model::Sample>(src.data() + lo, hi - lo), ts,
                                    ms.rangeMs, scalars, t, &v, &keepName))
                continue;
            table.keepName = keepName;
            values[k] = v;
            present[k] = 1;
            any = true;
            ++tableSamples_;
            addSamples(1);
        }
        if (!any) continue;
        table.metrics.push_back(d.metric);
        table.values.push_back(std::move(values));
        table.present.push_back(std::move(present));
    }
    return rangeTables_.emplace(&c, std::move(table)).first->second;
}

}  // namespace vigil::promql
