#include "promql/evaluator.h"

#include "promql/go_strconv.h"
#include "promql/position_range.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace vigil::promql {

namespace {

void widen(Evaluator::RangeMap &m, const VectorSelector *vs, int64_t lo, int64_t hi)
{
    auto it = m.find(vs);
    if (it == m.end()) {
        m.emplace(vs, Evaluator::TimeRange{lo, hi});
    } else {
        it->second.mint = std::min(it->second.mint, lo);
        it->second.maxt = std::max(it->second.maxt, hi);
    }
}

int64_t atTime(std::optional<int64_t> ts, AtModifier se, const EvaluatorParams &p, int64_t fallback)
{
    if (ts) return *ts;
    if (se == AtModifier::Start) return p.startMs;
    if (se == AtModifier::End) return p.endMs;
    return fallback;
}

bool hasAt(std::optional<int64_t> ts, AtModifier se)
{
    return ts.has_value() || se != AtModifier::None;
}

void walk(const Expr &e, int64_t lo, int64_t hi, const EvaluatorParams &p, Evaluator::RangeMap &m)
{
    if (auto *vs = e.as<VectorSelector>()) {
        if (hasAt(vs->timestampMs, vs->startOrEnd)) lo = hi = atTime(vs->timestampMs, vs->startOrEnd, p, lo);
        widen(m, vs, lo - vs->originalOffsetMs - p.lookbackMs, hi - vs->originalOffsetMs);
        return;
    }
    if (auto *ms = e.as<MatrixSelector>()) {
        const VectorSelector *vs = ms->vectorSelector.get();
        if (hasAt(vs->timestampMs, vs->startOrEnd)) lo = hi = atTime(vs->timestampMs, vs->startOrEnd, p, lo);
        widen(m, vs, lo - vs->originalOffsetMs - ms->rangeMs, hi - vs->originalOffsetMs);
        return;
    }
    if (auto *sq = e.as<SubqueryExpr>()) {
        if (hasAt(sq->timestampMs, sq->startOrEnd)) lo = hi = atTime(sq->timestampMs, sq->startOrEnd, p, lo);
        walk(*sq->expr, lo - sq->originalOffsetMs - sq->rangeMs, hi - sq->originalOffsetMs, p, m);
        return;
    }
    for (const Expr *c : children(e))
        if (c) walk(*c, lo, hi, p, m);
}

}  // namespace

Evaluator::RangeMap Evaluator::selectorRanges(const Expr &root, const EvaluatorParams &p)
{
    RangeMap m;
    walk(root, p.startMs, p.endMs, p, m);
    return m;
}

Evaluator::Evaluator(storage::Querier &querier, EvaluatorParams params, RangeMap ranges)
    : querier_(querier), p_(std::move(params)), ranges_(std::move(ranges))
{
}

void Evaluator::fail(const std::string &msg)
{
    throw EvalError{Status::invalidArgument(msg)};
}

void Evaluator::checkInterrupt()
{
    if ((++interruptCounter_ & 63) != 0) return;
    if (p_.cancel && p_.cancel->isCancelled())
        throw EvalError{Status::cancelled("query was canceled in expression evaluation")};
    if (p_.deadline && std::chrono::steady_clock::now() > *p_.deadline)
        throw EvalError{Status::deadlineExceeded("query timed out in expression evaluation")};
}

void Evaluator::addSamples(int64_t n)
{
    currentSamples_ += n;
    peakSamples_ = std::max(peakSamples_, currentSamples_);
    if (currentSamples_ > p_.maxSamples)
        throw EvalError{Status::resourceExhausted(
            "query processing would load too many samples into memory in query execution")};
}

void Evaluator::warn(const std::string &msg, const Expr *at)
{
    std::string m = "PromQL warning: " + msg;
    if (at && !p_.query.empty()) m += " (" + lineColumn(p_.query, at->posRange.start) + ")";
    if (std::find(warnings_.begin(), warnings_.end(), m) == warnings_.end())
        warnings_.push_back(std::move(m));
}

void Evaluator::info(const std::string &msg, const Expr *at)
{
    std::string m = "PromQL info: " + msg;
    if (at && !p_.query.empty()) m += " (" + lineColumn(p_.query, at->posRange.start) + ")";
    if (std::find(infos_.begin(), infos_.end(), m) == infos_.end()) infos_.push_back(std::move(m));
}

EvalValue Evaluator::eval(const Expr &e, int64_t t)
{
    checkInterrupt();
    EvalValue out;
    switch (e.kind()) {
        case NodeKind::NumberLiteral:
            out.type = ValueType::Scalar;
            out.scalar = e.as<NumberLiteral>()->value;
            return out;
        case NodeKind::StringLiteral:
            out.type = ValueType::String;
            out.str = e.as<StringLiteral>()->value;
            return out;
        case NodeKind::Paren:
            return eval(*e.as<ParenExpr>()->expr, t);
        case NodeKind::Unary: {
            const auto *u = e.as<UnaryExpr>();
            out = eval(*u->expr, t);
            if (u->op == UnaryOp::Minus) {
                if (out.type == ValueType::Scalar) {
                    out.scalar = -out.scalar;
                } else {
                    for (auto &s : out.vec) {
                        s.v = -s.v;
                        s.dropName = true;
                    }
                }
            }
            return out;
        }
        case NodeKind::VectorSelector:
            out.type = ValueType::Vector;
            out.vec = evalVectorSelector(*e.as<VectorSelector>(), t, false);
            return out;
        case NodeKind::MatrixSelector:
            out.type = ValueType::Matrix;
            out.mat = evalMatrixSelector(*e.as<MatrixSelector>(), t);
            return out;
        case NodeKind::Subquery:
            out.type = ValueType::Matrix;
            out.mat = evalSubquery(*e.as<SubqueryExpr>(), t);
            return out;
        case NodeKind::Binary:
            return evalBinary(*e.as<BinaryExpr>(), t);
        case NodeKind::Aggregate:
            out.type = ValueType::Vector;
            out.vec = evalAggregate(*e.as<AggregateExpr>(), t);
            return out;
        case NodeKind::Call:
            return evalCall(*e.as<Call>(), t);
    }
    fail("unhandled expression");
}

namespace evalutil {

double kahanSumInc(double inc, double sum, double *c)
{
    double t = sum + inc;
    if (std::isinf(t)) {
        *c = 0;
    } else if (std::fabs(sum) >= std::fabs(inc)) {
        *c += (sum - t) + inc;
    } else {
        *c += (inc - t) + sum;
    }
    return t;
}

double goMax(double a, double b)
{
    if (std::isinf(a) && a > 0) return a;
    if (std::isinf(b) && b > 0) return b;
    if (std::isnan(a) || std::isnan(b)) return std::numeric_limits<double>::quiet_NaN();
    if (a == 0 && b == 0) return std::signbit(a) ? b : a;
    return a > b ? a : b;
}

double goMin(double a, double b)
{
    if (std::isinf(a) && a < 0) return a;
    if (std::isinf(b) && b < 0) return b;
    if (std::isnan(a) || std::isnan(b)) return std::numeric_limits<double>::quiet_NaN();
    if (a == 0 && b == 0) return std::signbit(a) ? a : b;
    return a < b ? a : b;
}

std::string labelsString(const model::Labels &l)
{
    std::string out = "{";
    bool first = true;
    for (const auto &lab : l) {
        if (!first) out += ", ";
        first = false;
        out += lab.name;
        out += '=';
        out += goQuote(lab.value);
    }
    out += '}';
    return out;
}

model::Labels finalLabels(const model::Labels &l, bool dropName)
{
    if (!dropName || !l.has(model::kMetricName)) return l;
    std::vector<model::Label> v;
    v.reserve(l.size());
    for (const auto &lab : l)
        if (lab.name != model::kMetricName) v.push_back(lab);
    return model::Labels::fromSorted(std::move(v));
}

double quantile(double q, std::vector<double> &values)
{
    if (values.empty() || std::isnan(q)) return std::numeric_limits<double>::quiet_NaN();
    if (q < 0) return -std::numeric_limits<double>::infinity();
    if (q > 1) return std::numeric_limits<double>::infinity();
    std::sort(values.begin(), values.end(), [](double a, double b) {
        if (std::isnan(a)) return !std::isnan(b);
        return a < b;
    });
    double n = double(values.size());
    double rank = q * (n - 1);
    double lower = std::max(0.0, std::floor(rank));
    double upper = std::min(n - 1, lower + 1);
    double weight = rank - std::floor(rank);
    return values[size_t(lower)] * (1 - weight) + values[size_t(upper)] * weight;
}

bool validUtf8(std::string_view s)
{
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        size_t n;
        if (c < 0x80)
            n = 0;
        else if ((c >> 5) == 6)
            n = 1;
        else if ((c >> 4) == 14)
            n = 2;
        else if ((c >> 3) == 30)
            n = 3;
        else
            return false;
        if (i + n >= s.size() && n > 0) return false;
        for (size_t j = 1; j <= n; ++j)
            if ((static_cast<unsigned char>(s[i + j]) >> 6) != 2) return false;
        i += n + 1;
    }
    return true;
}

std::string formatG(double v)
{
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

}  // namespace evalutil

}  // namespace vigil::promql
