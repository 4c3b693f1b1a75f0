// Evaluator: function calls on instant vectors and scalars (maths, clamp,
// round, time and date functions, vector/scalar/timestamp, absent, sorting,
// label_replace/label_join, histogram_quantile on classic buckets). Range
// vector functions are in evaluator_range_functions.cpp.
#include "promql/evaluator.h"

#include "promql/go_strconv.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <limits>
#include <map>
#include <unordered_map>

namespace vigil::promql {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

using MathFn = double (*)(double);

const std::unordered_map<std::string_view, MathFn> &mathFunctions()
{
    static const std::unordered_map<std::string_view, MathFn> m = {
        {"abs", [](double x) { return std::fabs(x); }},
        {"ceil", [](double x) { return std::ceil(x); }},
        {"floor", [](double x) { return std::floor(x); }},
        {"exp", [](double x) { return std::exp(x); }},
        {"sqrt", [](double x) { return std::sqrt(x); }},
        {"ln", [](double x) { return std::log(x); }},
        {"log2", [](double x) { return std::log2(x); }},
        {"log10", [](double x) { return std::log10(x); }},
        {"sgn", [](double x) { return x > 0   ? 1.0
                                      : x < 0 ? -1.0
                                              : x; }},
        {"deg", [](double x) { return x * 180 / M_PI; }},
        {"rad", [](double x) { return x * M_PI / 180; }},
        {"acos", [](double x) { return std::acos(x); }},
        {"acosh", [](double x) { return std::acosh(x); }},
        {"asin", [](double x) { return std::asin(x); }},
        {"asinh", [](double x) { return std::asinh(x); }},
        {"atan", [](double x) { return std::atan(x); }},
        {"atanh", [](double x) { return std::atanh(x); }},
        {"cos", [](double x) { return std::cos(x); }},
        {"cosh", [](double x) { return std::cosh(x); }},
        {"sin", [](double x) { return std::sin(x); }},
        {"sinh", [](double x) { return std::sinh(x); }},
        {"tan", [](double x) { return std::tan(x); }},
        {"tanh", [](double x) { return std::tanh(x); }},
    };
    return m;
}

bool isRangeFunction(const Function &f)
{
    for (ValueType t : f.argTypes)
        if (t == ValueType::Matrix) return true;
    return false;
}

// Labels for absent()/absent_over_time(): the equality matchers of the
// selector; a label named twice (or with a non-equality matcher) is left out.
model::Labels absentLabels(const Expr &arg)
{
    const Expr *x = &arg;
    while (auto *p = x->as<ParenExpr>()) x = p->expr.get();
    const VectorSelector *vs = x->as<VectorSelector>();
    if (auto *ms = x->as<MatrixSelector>()) vs = ms->vectorSelector.get();
    if (!vs) return {};
    model::LabelsBuilder b;
    std::vector<std::string> seen;
    for (const auto &m : vs->matchers) {
        if (m.name() == model::kMetricName) continue;
        bool has = std::find(seen.begin(), seen.end(), m.name()) != seen.end();
        if (m.type() == model::Matcher::Type::Equal && !has) {
            b.set(m.name(), m.value());
            seen.push_back(m.name());
        } else {
            b.del(m.name());
        }
    }
    return b.labels();
}

// Natural order: digit runs compare as numbers.
bool naturalLess(std::string_view a, std::string_view b)
{
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        bool da = std::isdigit(static_cast<unsigned char>(a[i])),
             db = std::isdigit(static_cast<unsigned char>(b[j]));
        if (da && db) {
            size_t ei = i, ej = j;
            while (ei < a.size() && std::isdigit(static_cast<unsigned char>(a[ei]))) ++ei;
            while (ej < b.size() && std::isdigit(static_cast<unsigned char>(b[ej]))) ++ej;
            std::string_view na = a.substr(i, ei - i), nb = b.substr(j, ej - j);
            size_t za = na.find_first_not_of('0'), zb = nb.find_first_not_of('0');
            na = za == std::string_view::npos ? std::string_view() : na.substr(za);
            nb = zb == std::string_view::npos ? std::string_view() : nb.substr(zb);
            if (na.size() != nb.size()) return na.size() < nb.size();
            if (na != nb) return na < nb;
            i = ei;
            j = ej;
            continue;
        }
        if (a[i] != b[j]) return a[i] < b[j];
        ++i;
        ++j;
    }
    return a.size() - i < b.size() - j;
}

bool validLabelName(std::string_view s)
{
    return !s.empty() && evalutil::validUtf8(s);
}

// Go regexp Expand: $1, ${1}, $name, ${name}, $$.
std::string expand(std::string_view tmpl, const re2::RE2 &re, const std::vector<re2::StringPiece> &groups)
{
    std::string out;
    const auto &named = re.NamedCapturingGroups();
    for (size_t i = 0; i < tmpl.size(); ++i) {
        char c = tmpl[i];
        if (c != '$' || i + 1 >= tmpl.size()) {
            out += c;
            continue;
        }
        if (tmpl[i + 1] == '$') {
            out += '$';
            ++i;
            continue;
        }
        std::string_view name;
        size_t next;
        if (tmpl[i + 1] == '{') {
            size_t close = tmpl.find('}', i + 2);
            if (close == std::string_view::npos) {
                out += c;
                continue;
            }
            name = tmpl.substr(i + 2, close - i - 2);
            next = close + 1;
            bool ok = !name.empty();
            for (char ch : name)
                if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '_')) ok = false;
            if (!ok) {
                out += c;
                continue;
            }
        } else {
            size_t e = i + 1;
            while (e < tmpl.size() && (std::isalnum(static_cast<unsigned char>(tmpl[e])) || tmpl[e] == '_'))
                ++e;
            if (e == i + 1) {
                out += c;
                continue;
            }
            name = tmpl.substr(i + 1, e - i - 1);
            next = e;
        }
        int idx = -1;
        bool numeric = std::all_of(name.begin(), name.end(),
                                   [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); });
        if (numeric) {
            if (name.size() < 10) idx = std::stoi(std::string(name));
        } else {
            auto it = named.find(std::string(name));
            if (it != named.end()) idx = it->second;
        }
        if (idx >= 0 && size_t(idx) < groups.size() && groups[size_t(idx)].data())
            out.append(groups[size_t(idx)].data(), groups[size_t(idx)].size());
        i = next - 1;
    }
    return out;
}

void checkDuplicates(const EvalVector &v)
{
    std::map<model::Labels, int> seen;
    for (const auto &s : v)
        if (!seen.emplace(evalutil::finalLabels(*s.metric, s.dropName), 0).second)
            Evaluator::fail("vector cannot contain metrics with the same labelset");
}

struct Bucket {
    double upperBound;
    double count;
};

bool almostEqual(double a, double b, double eps)
{
    constexpr double minNormal = 2.2250738585072014e-308;
    if (a == b) return true;
    double absSum = std::fabs(a) + std::fabs(b);
    double diff = std::fabs(a - b);
    if (a == 0 || b == 0 || absSum < minNormal) return diff < eps * minNormal;
    return diff / std::min(absSum, std::numeric_limits<double>::max()) < eps;
}

double bucketQuantile(double q, std::vector<Bucket> buckets, bool *forced)
{
    *forced = false;
    if (std::isnan(q)) return kNaN;
    if (q < 0) return -std::numeric_limits<double>::infinity();
    if (q > 1) return std::numeric_limits<double>::infinity();
    std::sort(buckets.begin(), buckets.end(),
              [](const Bucket &a, const Bucket &b) { return a.upperBound < b.upperBound; });
    if (!(std::isinf(buckets.back().upperBound) && buckets.back().upperBound > 0)) return kNaN;
    // Coalesce equal bounds.
    std::vector<Bucket> bs;
    for (const auto &b : buckets) {
        if (!bs.empty() && bs.back().upperBound == b.upperBound)
            bs.back().count += b.count;
        else
            bs.push_back(b);
    }
    // Monotonicity.
    double prev = bs[0].count;
    for (size_t i = 1; i < bs.size(); ++i) {
        double cur = bs[i].count;
        if (cur == prev) continue;
        if (almostEqual(prev, cur, 1e-12)) {
            bs[i].count = prev;
            continue;
        }
        if (cur < prev) {
            bs[i].count = prev;
            *forced = true;
            continue;
        }
        prev = cur;
    }
    if (bs.size() < 2) return kNaN;
    double observations = bs.back().count;
    if (observations == 0) return kNaN;
    double rank = q * observations;
    size_t b = 0;
    while (b < bs.size() - 1 && !(bs[b].count >= rank)) ++b;
    if (b == bs.size() - 1) return bs[bs.size() - 2].upperBound;
    if (b == 0 && bs[0].upperBound <= 0) return bs[0].upperBound;
    double start = 0, end = bs[b].upperBound, count = bs[b].count;
    if (b > 0) {
        start = bs[b - 1].upperBound;
        count -= bs[b - 1].count;
        rank -= bs[b - 1].count;
    }
    return start + (end - start) * (rank / count);
}

double bucketFraction(double lower, double upper, std::vector<Bucket> buckets)
{
    std::sort(buckets.begin(), buckets.end(),
              [](const Bucket &a, const Bucket &b) { return a.upperBound < b.upperBound; });
    if (buckets.empty() || !(std::isinf(buckets.back().upperBound) && buckets.back().upperBound > 0))
        return kNaN;
    std::vector<Bucket> bs;
    for (const auto &b : buckets) {
        if (!bs.empty() && bs.back().upperBound == b.upperBound)
            bs.back().count += b.count;
        else
            bs.push_back(b);
    }
    const double count = bs.back().count;
    if (count == 0 || std::isnan(lower) || std::isnan(upper)) return kNaN;
    if (lower >= upper) return 0;
    double rank = 0, lowerRank = 0, upperRank = 0;
    bool lowerSet = false, upperSet = false;
    for (size_t i = 0; i < bs.size(); ++i) {
        const double ub = bs[i].upperBound;
        double lb = i > 0 ? bs[i - 1].upperBound : (ub > 0 ? 0.0 : -std::numeric_limits<double>::infinity());
        auto rankAt = [&](double v) {
            if (std::isinf(lb)) return bs[i].count;
            if (std::isinf(ub)) return rank;
            return rank + (bs[i].count - rank) * (v - lb) / (ub - lb);
        };
        if (!lowerSet && lb >= lower) {
            lowerRank = rank;
            lowerSet = true;
        }
        if (!upperSet && lb >= upper) {
            upperRank = rank;
            upperSet = true;
        }
        if (lowerSet && upperSet) break;
        if (!lowerSet && lb < lower && ub > lower) {
            lowerRank = rankAt(lower);
            lowerSet = true;
        }
        if (!upperSet && lb < upper && ub > upper) {
            upperRank = rankAt(upper);
            upperSet = true;
        }
        if (lowerSet && upperSet) break;
        rank = bs[i].count;
    }
    if (!lowerSet || lowerRank > count) lowerRank = count;
    if (!upperSet || upperRank > count) upperRank = count;
    return (upperRank - lowerRank) / count;
}

int daysInMonth(int year, int month)  // month 1..12
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
    return d[month - 1];
}

}  // namespace

EvalValue Evaluator::evalCall(const Call &c, int64_t t)
{
    const std::string_view name = c.func->name;
    EvalValue out;
    out.type = c.func->returnType;

    if (name == "time") {
        out.scalar = double(t) / 1000.0;
        return out;
    }
    if (name == "pi") {
        out.scalar = M_PI;
        return out;
    }
    if (name == "start" || name == "end" || name == "range" || name == "step") {
        if (name == "start")
            out.scalar = double(p_.startMs) / 1000;
        else if (name == "end")
            out.scalar = double(p_.endMs) / 1000;
        else if (name == "range")
            out.scalar = double(p_.endMs - p_.startMs) / 1000;
        else
            out.scalar = double(p_.stepMs) / 1000;
        return out;
    }
    if (name == "min_of" || name == "max_of") {
        double a = eval(*c.args[0], t).scalar, b = eval(*c.args[1], t).scalar;
        out.scalar = name == "min_of" ? evalutil::goMin(a, b) : evalutil::goMax(a, b);
        return out;
    }
    if (name == "vector") {
        out.vec.push_back(EvalSample{makeLabels({}), eval(*c.args[0], t).scalar, t, false});
        return out;
    }
    if (name == "scalar") {
        EvalValue v = eval(*c.args[0], t);
        out.scalar = v.vec.size() == 1 ? v.vec[0].v : kNaN;
        return out;
    }
    if (name == "timestamp") {
        const Expr *x = c.args[0].get();
        while (auto *p = x->as<ParenExpr>()) x = p->expr.get();
        EvalVector v;
        if (auto *vs = x->as<VectorSelector>()) {
            v = evalVectorSelector(*vs, t, true);
        } else {
            v = eval(*c.args[0], t).vec;
            for (auto &s : v) s.t = t;
        }
        for (auto &s : v) {
            s.v = double(s.t) / 1000.0;
            s.dropName = true;
        }
        out.vec = std::move(v);
        return out;
    }
    if (name == "absent") {
        EvalValue v = eval(*c.args[0], t);
        if (v.vec.empty()) out.vec.push_back(EvalSample{makeLabels(absentLabels(*c.args[0])), 1, t, false});
        return out;
    }
    if (isRangeFunction(*c.func)) {
        out.vec = evalRangeFunction(c, t);
        return out;
    }
    if (name == "label_replace" || name == "label_join") {
        out.vec = evalLabelFunction(c, t);
        return out;
    }
    if (name == "histogram_quantile" || name == "histogram_quantiles" || name == "histogram_fraction") {
        out.vec = evalHistogramQuantile(c, t);
        return out;
    }
    if (name.substr(0, 10) == "histogram_") {
        // Native-histogram functions: float samples are ignored.
        for (const auto &a : c.args) eval(*a, t);
        return out;
    }
    if (name == "info") {
        out.vec = eval(*c.args[0], t).vec;
        return out;
    }

    // Functions whose first (or only, possibly defaulted) argument is a vector.
    EvalVector vec;
    if (c.args.empty())
        vec.push_back(EvalSample{makeLabels({}), double(t) / 1000.0, t, false});
    else
        vec = eval(*c.args[0], t).vec;

    if (p_.rangeQuery &&
        (name == "sort" || name == "sort_desc" || name == "sort_by_label" || name == "sort_by_label_desc"))
        warn("sort is ineffective for range queries since results are always ordered by labels", &c);
    if (name == "sort" || name == "sort_desc") {
        const bool desc = name == "sort_desc";
        std::stable_sort(vec.begin(), vec.end(), [desc](const EvalSample &a, const EvalSample &b) {
            if (std::isnan(a.v)) return false;
            if (std::isnan(b.v)) return true;
            return desc ? a.v > b.v : a.v < b.v;
        });
        out.vec = std::move(vec);
        return out;
    }
    if (name == "sort_by_label" || name == "sort_by_label_desc") {
        const bool desc = name == "sort_by_label_desc";
        std::vector<std::string> labels;
        for (size_t i = 1; i < c.args.size(); ++i) labels.push_back(eval(*c.args[i], t).str);
        std::sort(vec.begin(), vec.end(), [desc](const EvalSample &a, const EvalSample &b) {
            return desc ? *b.metric < *a.metric : *a.metric < *b.metric;
        });
        std::stable_sort(vec.begin(), vec.end(), [&](const EvalSample &a, const EvalSample &b) {
            for (const auto &l : labels) {
                std::string_view x = a.metric->get(l), y = b.metric->get(l);
                if (x == y) continue;
                return desc ? naturalLess(y, x) : naturalLess(x, y);
            }
            return false;
        });
        out.vec = std::move(vec);
        return out;
    }

    if (auto it = mathFunctions().find(name); it != mathFunctions().end()) {
        for (auto &s : vec) {
            s.v = it->second(s.v);
            s.dropName = true;
        }
        out.vec = std::move(vec);
        return out;
    }
    if (name == "round") {
        double toNearest = c.args.size() > 1 ? eval(*c.args[1], t).scalar : 1.0;
        double inv = 1.0 / toNearest;
        for (auto &s : vec) {
            s.v = std::floor(s.v * inv + 0.5) / inv;
            s.dropName = true;
        }
        out.vec = std::move(vec);
        return out;
    }
    if (name == "clamp" || name == "clamp_min" || name == "clamp_max") {
        double lo = -std::numeric_limits<double>::infinity(), hi = std::numeric_limits<double>::infinity();
        if (name == "clamp") {
            lo = eval(*c.args[1], t).scalar;
            hi = eval(*c.args[2], t).scalar;
            if (hi < lo) return out;
        } else if (name == "clamp_min") {
            lo = eval(*c.args[1], t).scalar;
        } else {
            hi = eval(*c.args[1], t).scalar;
        }
        for (auto &s : vec) {
            if (name == "clamp")
                s.v = evalutil::goMax(lo, evalutil::goMin(hi, s.v));
            else if (name == "clamp_min")
                s.v = evalutil::goMax(lo, s.v);
            else
                s.v = evalutil::goMin(hi, s.v);
            s.dropName = true;
        }
        out.vec = std::move(vec);
        return out;
    }
    if (name == "days_in_month" || name == "day_of_month" || name == "day_of_week" || name == "day_of_year" ||
        name == "hour" || name == "minute" || name == "month" || name == "year") {
        for (auto &s : vec) {
            s.dropName = true;
            if (std::isnan(s.v) || std::isinf(s.v)) {
                s.v = kNaN;
                continue;
            }
            std::time_t secs = std::time_t(int64_t(s.v));
            std::tm tm{};
            gmtime_r(&secs, &tm);
            if (name == "days_in_month")
                s.v = daysInMonth(tm.tm_year + 1900, tm.tm_mon + 1);
            else if (name == "day_of_month")
                s.v = tm.tm_mday;
            else if (name == "day_of_week")
                s.v = tm.tm_wday;
            else if (name == "day_of_year")
                s.v = tm.tm_yday + 1;
            else if (name == "hour")
                s.v = tm.tm_hour;
            else if (name == "minute")
                s.v = tm.tm_min;
            else if (name == "month")
                s.v = tm.tm_mon + 1;
            else
                s.v = tm.tm_year + 1900;
        }
        out.vec = std::move(vec);
        return out;
    }
    fail("function \"" + std::string(name) + "\" is not supported");
}

EvalVector Evaluator::evalLabelFunction(const Call &c, int64_t t)
{
    EvalVector vec = eval(*c.args[0], t).vec;
    std::vector<std::string> s;
    for (size_t i = 1; i < c.args.size(); ++i) s.push_back(eval(*c.args[i], t).str);
    if (c.func->name == "label_replace") {
        const std::string &dst = s[0], &repl = s[1], &src = s[2], &regex = s[3];
        re2::RE2::Options opts;
        opts.set_log_errors(false);
        opts.set_dot_nl(true);
        re2::RE2 re("^(?s:" + regex + ")$", opts);
        if (!re.ok()) fail("invalid regular expression in label_replace(): " + regex);
        if (!validLabelName(dst)) fail("invalid destination label name in label_replace(): " + dst);
        std::vector<re2::StringPiece> groups(size_t(re.NumberOfCapturingGroups()) + 1);
        auto &cache = cacheFor(&c);
        for (auto &smp : vec) {
            auto cit = cache.find(smp.metric.get());
            if (cit == cache.end()) {
                LabelsPtr outLabels = smp.metric;
                std::string value(smp.metric->get(src));
                if (re.Match(value, 0, value.size(), re2::RE2::UNANCHORED, groups.data(),
                             int(groups.size()))) {
                    model::LabelsBuilder b(*smp.metric);
                    b.set(dst, expand(repl, re, groups));
                    outLabels = makeLabels(b.labels());
                }
                cit = cache.emplace(smp.metric.get(), LabelsCacheEntry{smp.metric, outLabels, {}}).first;
            }
            if (cit->second.output != smp.metric && dst == model::kMetricName) smp.dropName = false;
            smp.metric = cit->second.output;
        }
    } else {
        const std::string &dst = s[0], &sep = s[1];
        if (!validLabelName(dst)) fail("invalid destination label name in label_join(): " + dst);
        for (auto &smp : vec) {
            std::string joined;
            for (size_t i = 2; i < s.size(); ++i) {
                if (i > 2) joined += sep;
                joined += smp.metric->get(s[i]);
            }
            model::LabelsBuilder b(*smp.metric);
            b.set(dst, joined);
            smp.metric = makeLabels(b.labels());
            if (dst == model::kMetricName) smp.dropName = false;
        }
    }
    checkDuplicates(vec);
    return vec;
}

EvalVector Evaluator::evalHistogramQuantile(const Call &c, int64_t t)
{
    // histogram_quantile(q, v), histogram_quantiles(v, label, q...), histogram_fraction(lo, hi, v).
    const std::string_view fn = c.func->name;
    const bool multi = fn == "histogram_quantiles", fraction = fn == "histogram_fraction";
    const size_t vecArg = multi ? 0 : fraction ? 2 : 1;
    std::vector<double> qs;
    std::vector<const Expr *> qExprs;
    std::string qLabel;
    double lower = 0, upper = 0;
    if (multi) {
        qLabel = eval(*c.args[1], t).str;
        for (size_t i = 2; i < c.args.size(); ++i) {
            qs.push_back(eval(*c.args[i], t).scalar);
            qExprs.push_back(c.args[i].get());
        }
    } else if (fraction) {
        lower = eval(*c.args[0], t).scalar;
        upper = eval(*c.args[1], t).scalar;
    } else {
        qs.push_back(eval(*c.args[0], t).scalar);
        qExprs.push_back(c.args[0].get());
    }
    EvalVector vec = eval(*c.args[vecArg], t).vec;
    for (size_t i = 0; i < qs.size(); ++i)
        if (std::isnan(qs[i]) || qs[i] < 0 || qs[i] > 1)
            warn("quantile value should be between 0 and 1, got " + evalutil::formatG(qs[i]), qExprs[i]);
    struct Group {
        model::Labels metric;
        std::vector<Bucket> buckets;
        std::string name;
    };
    std::vector<Group> groups;
    std::map<model::Labels, size_t> index;
    for (const auto &s : vec) {
        std::string_view le = s.metric->get("le");
        auto ub = le.empty() ? Result<double>(Status::invalidArgument("")) : parseNumber(le);
        if (!ub.isOk()) {
            warn("bucket label \"le\" is missing or has a malformed value of \"" + std::string(le) +
                     "\" for metric name \"" + std::string(s.metric->metricName()) + "\"",
                 c.args[vecArg].get());
            continue;
        }
        model::LabelsBuilder b(*s.metric);
        b.del("le");
        model::Labels key = b.labels();
        auto [it, inserted] = index.emplace(key, groups.size());
        if (inserted) groups.push_back(Group{key, {}, std::string(s.metric->metricName())});
        groups[it->second].buckets.push_back({*ub, s.v});
    }
    EvalVector out;
    for (auto &g : groups) {
        if (fraction) {
            out.push_back(EvalSample{makeLabels(g.metric), bucketFraction(lower, upper, g.buckets), t, true});
            continue;
        }
        for (double q : qs) {
            bool forced = false;
            double v = bucketQuantile(q, g.buckets, &forced);
            if (forced)
                info(
                    "input to histogram_quantile needed to be fixed for monotonicity (see "
                    "https://prometheus.io/docs/prometheus/latest/querying/functions/#histogram_quantile) "
                    "for "
                    "metric name \"" +
                        g.name + "\"",
                    c.args[vecArg].get());
            model::Labels metric = g.metric;
            if (multi) {
                if (metric.has(qLabel)) fail("vector cannot contain metrics with the same labelset");
                std::string qs = formatFloat(q);
                if (qs.find_first_of(".eIN") == std::string::npos) qs += ".0";
                model::LabelsBuilder b(metric);
                b.set(qLabel, qs);
                metric = b.labels();
            }
            out.push_back(EvalSample{makeLabels(std::move(metric)), v, t, true});
        }
    }
    return out;
}

}  // namespace vigil::promql
