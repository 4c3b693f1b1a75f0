// Evaluator: aggregation operators (sum, avg, count, min, max, group, stddev,
// stdvar, topk, bottomk, quantile, count_values, limitk, limit_ratio).
#include "promql/evaluator.h"

#include "promql/go_strconv.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace vigil::promql {

namespace {

struct Group {
    LabelsPtr metric;
    bool dropName = false;
    double value = 0;
    double kahanC = 0;
    double mean = 0;
    double count = 0;
    bool incrementalMean = false;
    std::vector<double> values;
    std::vector<EvalSample> members;
};

model::Labels groupLabels(const model::Labels &metric, const std::vector<std::string> &grouping, bool without)
{
    std::vector<model::Label> out;
    for (const auto &l : metric) {
        bool listed = std::find(grouping.begin(), grouping.end(), l.name) != grouping.end();
        if (without ? (!listed && l.name != model::kMetricName) : listed) out.push_back(l);
    }
    return model::Labels::fromSorted(std::move(out));
}

std::string keyOf(const model::Labels &l)
{
    std::string k;
    for (const auto &lab : l) {
        k += lab.name;
        k += '\xff';
        k += lab.value;
        k += '\xff';
    }
    return k;
}

int64_t toK(double param)
{
    if (std::isnan(param)) Evaluator::fail("Parameter value is NaN");
    if (param >= 9.2233720368547758e18) return INT64_MAX;
    if (param <= -9.2233720368547758e18) return INT64_MIN;
    return int64_t(param);
}

// Topk order: larger first, NaN last. Bottomk: smaller first, NaN last.
bool before(double a, double b, bool top)
{
    if (std::isnan(a)) return false;
    if (std::isnan(b)) return true;
    return top ? a > b : a < b;
}

}  // namespace

EvalVector Evaluator::evalAggregate(const AggregateExpr &a, int64_t t)
{
    double param = 0;
    std::string strParam;
    if (a.param) {
        EvalValue pv = eval(*a.param, t);
        if (pv.type == ValueType::String)
            strParam = pv.str;
        else
            param = pv.scalar;
    }
    EvalValue in = eval(*a.expr, t);
    EvalVector &vec = in.vec;

    int64_t k = 0;
    double ratio = 0;
    switch (a.op) {
        case AggregateOp::Topk:
        case AggregateOp::Bottomk:
        case AggregateOp::Limitk:
            k = toK(param);
            if (k < 1) return {};
            break;
        case AggregateOp::LimitRatio:
            if (std::isnan(param)) fail("Ratio value is NaN");
            ratio = param;
            if (ratio < -1 || ratio > 1) {
                warn("ratio value should be between -1 and 1, got " + evalutil::formatG(ratio) +
                         ", capping to " + (ratio < -1 ? "-1" : "1"),
                     a.param.get());
                ratio = ratio < -1 ? -1 : 1;
            }
            break;
        case AggregateOp::Quantile:
            if (std::isnan(param) || param < 0 || param > 1)
                warn("quantile value should be between 0 and 1, got " + evalutil::formatG(param),
                     a.param.get());
            break;
        case AggregateOp::CountValues:
            if (strParam.empty() || !evalutil::validUtf8(strParam))
                fail("invalid label name " + goQuote(strParam));
            break;
        default:
            break;
    }

    std::vector<std::string> grouping = a.grouping;
    if (a.op == AggregateOp::CountValues && !a.without) grouping.push_back(strParam);
    const bool nameInGroup =
        !a.without && std::find(grouping.begin(), grouping.end(), "__name__") != grouping.end();

    std::vector<Group> groups;
    std::unordered_map<std::string, size_t> index;
    for (auto &s : vec) {
        checkInterrupt();
        LabelsPtr gl;
        std::string keyStore;
        const std::string *key;
        if (a.op == AggregateOp::CountValues) {
            model::LabelsBuilder b(*s.metric);
            b.set(strParam, formatFloat(s.v));
            model::Labels g = groupLabels(b.labels(), grouping, a.without);
            if (a.without) {
                model::LabelsBuilder gb(g);
                gb.set(strParam, formatFloat(s.v));
                g = gb.labels();
            }
            keyStore = keyOf(g);
            key = &keyStore;
            gl = makeLabels(std::move(g));
        } else {
            auto &cache = cacheFor(&a);
            auto cit = cache.find(s.metric.get());
            if (cit == cache.end()) {
                model::Labels g = groupLabels(*s.metric, grouping, a.without);
                std::string k = keyOf(g);
                cit = cache
                          .emplace(s.metric.get(),
                                   LabelsCacheEntry{s.metric, makeLabels(std::move(g)), std::move(k)})
                          .first;
            }
            gl = cit->second.output;
            key = &cit->second.key;
        }
        auto it = index.find(*key);
        const bool inserted = it == index.end();
        if (inserted) it = index.emplace(*key, groups.size()).first;
        const double f = s.v;
        if (inserted) {
            Group g;
            g.metric = std::move(gl);
            g.count = 1;
            g.value = f;
            g.mean = f;
            g.dropName = nameInGroup && s.dropName;
            switch (a.op) {
                case AggregateOp::Stddev:
                case AggregateOp::Stdvar:
                    g.value = (std::isnan(f) || std::isinf(f)) ? std::numeric_limits<double>::quiet_NaN() : 0;
                    break;
                case AggregateOp::Group:
                    g.value = 1;
                    break;
                case AggregateOp::Quantile:
                    g.values.push_back(f);
                    break;
                case AggregateOp::Topk:
                case AggregateOp::Bottomk:
                case AggregateOp::Limitk:
                    g.members.push_back(s);
                    break;
                case AggregateOp::LimitRatio:
                    break;
                default:
                    break;
            }
            if (a.op == AggregateOp::LimitRatio) {
                double offset = double(s.metric->hash()) / double(std::numeric_limits<uint64_t>::max());
                if ((ratio >= 0 && offset < ratio) || (ratio < 0 && offset >= 1.0 + ratio))
                    g.members.push_back(s);
            }
            groups.push_back(std::move(g));
            continue;
        }
        Group &g = groups[it->second];
        if (nameInGroup && s.dropName) g.dropName = true;
        g.count += 1;
        switch (a.op) {
            case AggregateOp::Sum:
                g.value = evalutil::kahanSumInc(f, g.value, &g.kahanC);
                break;
            case AggregateOp::Avg: {
                if (!g.incrementalMean) {
                    double c = g.kahanC;
                    double nv = evalutil::kahanSumInc(f, g.value, &c);
                    if (!std::isinf(nv)) {
                        g.value = nv;
                        g.kahanC = c;
                        break;
                    }
                    g.incrementalMean = true;
                    g.mean = g.value / (g.count - 1);
                    g.kahanC /= g.count - 1;
                }
                if (std::isinf(g.mean)) {
                    if (std::isinf(f) && (g.mean > 0) == (f > 0)) break;
                    if (!std::isinf(f) && !std::isnan(f)) break;
                }
                double cur = g.mean + g.kahanC;
                g.mean = evalutil::kahanSumInc(f / g.count - cur / g.count, g.mean, &g.kahanC);
                break;
            }
            case AggregateOp::Min:
                if (g.value > f || std::isnan(g.value)) g.value = f;
                break;
            case AggregateOp::Max:
                if (g.value < f || std::isnan(g.value)) g.value = f;
                break;
            case AggregateOp::Stddev:
            case AggregateOp::Stdvar: {
                double delta = f - g.mean;
                g.mean += delta / g.count;
                g.value += delta * (f - g.mean);
                break;
            }
            case AggregateOp::Quantile:
                g.values.push_back(f);
                break;
            case AggregateOp::Topk:
            case AggregateOp::Bottomk:
                g.members.push_back(s);
                break;
            case AggregateOp::Limitk:
                if (int64_t(g.members.size()) < k) g.members.push_back(s);
                break;
            case AggregateOp::LimitRatio: {
                double offset = double(s.metric->hash()) / double(std::numeric_limits<uint64_t>::max());
                if ((ratio >= 0 && offset < ratio) || (ratio < 0 && offset >= 1.0 + ratio))
                    g.members.push_back(s);
                break;
            }
            default:
                break;
        }
    }

    EvalVector out;
    for (auto &g : groups) {
        double v = g.value;
        switch (a.op) {
            case AggregateOp::Sum:
                v = g.value + g.kahanC;
                break;
            case AggregateOp::Avg:
                v = g.incrementalMean ? g.mean + g.kahanC : (g.value + g.kahanC) / g.count;
                break;
            case AggregateOp::Count:
            case AggregateOp::CountValues:
                v = g.count;
                break;
            case AggregateOp::Stddev:
                v = std::sqrt(g.value / g.count);
                break;
            case AggregateOp::Stdvar:
                v = g.value / g.count;
                break;
            case AggregateOp::Quantile:
                v = evalutil::quantile(param, g.values);
                break;
            case AggregateOp::Topk:
            case AggregateOp::Bottomk: {
                const bool top = a.op == AggregateOp::Topk;
                std::stable_sort(
                    g.members.begin(), g.members.end(),
                    [top](const EvalSample &x, const EvalSample &y) { return before(x.v, y.v, top); });
                if (int64_t(g.members.size()) > k) g.members.resize(size_t(k));
                [[fallthrough]];
            }
            case AggregateOp::Limitk:
            case AggregateOp::LimitRatio:
                for (auto &m : g.members) out.push_back(std::move(m));
                continue;
            default:
                break;
        }
        out.push_back(EvalSample{std::move(g.metric), v, t, g.dropName});
    }
    return out;
}

}  // namespace vigil::promql
