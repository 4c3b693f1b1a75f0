// Evaluator: binary operators (scalar/scalar, vector/scalar, vector/vector
// matching with on/ignoring and group_left/group_right, and/or/unless).
#include "promql/evaluator.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace vigil::promql {

namespace {

struct OpResult {
    double v;
    bool keep;
};

OpResult applyOp(BinaryOp op, double l, double r)
{
    switch (op) {
        case BinaryOp::Add:
            return {l + r, true};
        case BinaryOp::Sub:
            return {l - r, true};
        case BinaryOp::Mul:
            return {l * r, true};
        case BinaryOp::Div:
            return {l / r, true};
        case BinaryOp::Pow:
            return {std::pow(l, r), true};
        case BinaryOp::Mod:
            return {std::fmod(l, r), true};
        case BinaryOp::Atan2:
            return {std::atan2(l, r), true};
        case BinaryOp::Eql:
            return {l, l == r};
        case BinaryOp::Neq:
            return {l, l != r};
        case BinaryOp::Gtr:
            return {l, l > r};
        case BinaryOp::Lss:
            return {l, l < r};
        case BinaryOp::Gte:
            return {l, l >= r};
        case BinaryOp::Lte:
            return {l, l <= r};
        default:
            break;
    }
    Evaluator::fail(std::string("operator \"") + binaryOpString(op) + "\" not allowed in this context");
}

// Arithmetic drops the metric name; comparisons keep it (unless "bool").
bool dropsName(BinaryOp op)
{
    return !isComparison(op) && !isSetOperator(op);
}

// The matching signature: the on(...) labels, or all labels but the
// ignoring(...) ones and the metric name.
std::string signature(const model::Labels &l, const VectorMatching *m)
{
    std::string key;
    const bool on = m && m->on;
    for (const auto &lab : l) {
        bool listed = m && std::find(m->matchingLabels.begin(), m->matchingLabels.end(), lab.name) !=
                               m->matchingLabels.end();
        if (on ? !listed : (listed || lab.name == model::kMetricName)) continue;
        key += lab.name;
        key += '\xff';
        key += lab.value;
        key += '\xff';
    }
    return key;
}

model::Labels matchLabels(const model::Labels &l, const VectorMatching &m)
{
    std::vector<model::Label> out;
    for (const auto &lab : l) {
        bool listed =
            std::find(m.matchingLabels.begin(), m.matchingLabels.end(), lab.name) != m.matchingLabels.end();
        if (m.on ? listed : (!listed && lab.name != model::kMetricName)) out.push_back(lab);
    }
    return model::Labels::fromSorted(std::move(out));
}

model::Labels resultMetric(const model::Labels &lhs, const model::Labels &rhs, const VectorMatching &m)
{
    model::LabelsBuilder b(lhs);
    if (m.card == VectorMatchCardinality::OneToOne) {
        if (m.on) {
            for (const auto &lab : lhs)
                if (std::find(m.matchingLabels.begin(), m.matchingLabels.end(), lab.name) ==
                    m.matchingLabels.end())
                    b.del(lab.name);
        } else {
            for (const auto &n : m.matchingLabels) b.del(n);
        }
    }
    for (const auto &n : m.include) {
        std::string_view v = rhs.get(n);
        if (!v.empty())
            b.set(n, v);
        else
            b.del(n);
    }
    return b.labels();
}

}  // namespace

const std::string &Evaluator::signatureOf(const BinaryExpr &b, const LabelsPtr &l)
{
    auto &cache = cacheFor(&b);
    auto it = cache.find(l.get());
    if (it == cache.end())
        it = cache
                 .emplace(l.get(),
                          LabelsCacheEntry{l, nullptr, signature(*l, b.matching ? &*b.matching : nullptr)})
                 .first;
    return it->second.key;
}

EvalValue Evaluator::evalBinary(const BinaryExpr &b, int64_t t)
{
    EvalValue l = eval(*b.lhs, t);
    EvalValue r = eval(*b.rhs, t);
    EvalValue out;
    out.type = ValueType::Vector;
    if (l.type == ValueType::Scalar && r.type == ValueType::Scalar) {
        OpResult res = applyOp(b.op, l.scalar, r.scalar);
        out.type = ValueType::Scalar;
        out.scalar = isComparison(b.op) ? (res.keep ? 1.0 : 0.0) : res.v;
        return out;
    }
    if (l.type == ValueType::Vector && r.type == ValueType::Scalar) {
        out.vec = vectorScalarBinop(b.op, std::move(l.vec), r.scalar, false, b.returnBool);
        return out;
    }
    if (l.type == ValueType::Scalar && r.type == ValueType::Vector) {
        out.vec = vectorScalarBinop(b.op, std::move(r.vec), l.scalar, true, b.returnBool);
        return out;
    }
    if (isSetOperator(b.op))
        out.vec = setBinop(b, std::move(l.vec), std::move(r.vec));
    else
        out.vec = vectorBinop(b, std::move(l.vec), std::move(r.vec));
    return out;
}

EvalVector Evaluator::vectorScalarBinop(BinaryOp op, EvalVector vec, double s, bool swap, bool returnBool)
{
    EvalVector out;
    out.reserve(vec.size());
    for (auto &smp : vec) {
        double lv = smp.v, rv = s;
        if (swap) std::swap(lv, rv);
        OpResult res = applyOp(op, lv, rv);
        if (isComparison(op) && swap) res.v = rv;
        if (returnBool) {
            res.v = res.keep ? 1.0 : 0.0;
            res.keep = true;
        }
        if (!res.keep) continue;
        smp.v = res.v;
        smp.dropName = smp.dropName || returnBool || dropsName(op);
        out.push_back(std::move(smp));
    }
    return out;
}

EvalVector Evaluator::vectorBinop(const BinaryExpr &b, EvalVector lhs, EvalVector rhs)
{
    EvalVector out;
    if (lhs.empty() || rhs.empty()) return out;
    static const VectorMatching kDefault;
    const VectorMatching &m = b.matching ? *b.matching : kDefault;
    const bool oneToMany = m.card == VectorMatchCardinality::OneToMany;
    if (oneToMany) std::swap(lhs, rhs);

    std::unordered_map<std::string, size_t> rightSigs;
    rightSigs.reserve(rhs.size());
    for (size_t i = 0; i < rhs.size(); ++i) {
        checkInterrupt();
        auto [it, inserted] = rightSigs.emplace(signatureOf(b, rhs[i].metric), i);
        if (!inserted) {
            std::string a = evalutil::labelsString(*rhs[i].metric);
            std::string c = evalutil::labelsString(*rhs[it->second].metric);
            if (c < a) std::swap(a, c);
            fail("found duplicate series for the match group " +
                 evalutil::labelsString(matchLabels(*rhs[i].metric, m)) + " on the " +
                 (oneToMany ? "left" : "right") + " hand-side of the operation: [" + a + ", " + c +
                 "];many-to-many matching not allowed: matching labels must be unique on one side");
        }
    }

    std::unordered_map<std::string, std::unordered_set<std::string>> matched;
    for (auto &ls : lhs) {
        checkInterrupt();
        const std::string &sig = signatureOf(b, ls.metric);
        auto it = rightSigs.find(sig);
        if (it == rightSigs.end()) continue;
        const EvalSample &rs = rhs[it->second];
        double fl = ls.v, fr = rs.v;
        if (oneToMany) std::swap(fl, fr);
        OpResult res = applyOp(b.op, fl, fr);
        auto mit = matched.find(sig);
        if (m.card == VectorMatchCardinality::OneToOne) {
            if (mit != matched.end())
                fail(
                    "multiple matches for labels: many-to-one matching must be explicit "
                    "(group_left/group_right)");
            mit = matched.emplace(sig, std::unordered_set<std::string>{}).first;
        }
        if (b.returnBool) {
            res.v = res.keep ? 1.0 : 0.0;
        } else if (!res.keep) {
            continue;
        }
        LabelsPtr metric;
        {
            // Cached per (node, lhs, rhs) label sets; the entry keeps both inputs alive.
            auto key = std::make_tuple(static_cast<const void *>(&b), ls.metric.get(), rs.metric.get());
            auto cit = pairCache_.find(key);
            if (cit == pairCache_.end())
                cit = pairCache_
                          .emplace(key, PairEntry{ls.metric, rs.metric,
                                                  makeLabels(resultMetric(*ls.metric, *rs.metric, m))})
                          .first;
            metric = cit->second.output;
        }
        if (m.card != VectorMatchCardinality::OneToOne) {
            std::string insertSig = signature(*metric, nullptr) + std::string(metric->metricName());
            if (mit == matched.end()) mit = matched.emplace(sig, std::unordered_set<std::string>{}).first;
            if (!mit->second.insert(insertSig).second)
                fail("multiple matches for labels: grouping labels must ensure unique matches");
        }
        bool dropName = b.returnBool || dropsName(b.op);
        // Comparisons keep the "many" side's pending name drop.
        if (!dropName) dropName = ls.dropName;
        out.push_back(EvalSample{std::move(metric), res.v, ls.t, dropName});
    }
    return out;
}

EvalVector Evaluator::setBinop(const BinaryExpr &b, EvalVector lhs, EvalVector rhs)
{
    EvalVector out;
    switch (b.op) {
        case BinaryOp::And: {
            if (lhs.empty() || rhs.empty()) return out;
            std::unordered_set<std::string> right;
            for (const auto &s : rhs) right.insert(signatureOf(b, s.metric));
            for (auto &s : lhs)
                if (right.count(signatureOf(b, s.metric))) out.push_back(std::move(s));
            return out;
        }
        case BinaryOp::Or: {
            std::unordered_set<std::string> left;
            for (const auto &s : lhs) left.insert(signatureOf(b, s.metric));
            out = std::move(lhs);
            for (auto &s : rhs)
                if (!left.count(signatureOf(b, s.metric))) out.push_back(std::move(s));
            return out;
        }
        case BinaryOp::Unless: {
            if (rhs.empty()) return lhs;
            std::unordered_set<std::string> right;
            for (const auto &s : rhs) right.insert(signatureOf(b, s.metric));
            for (auto &s : lhs)
                if (!right.count(signatureOf(b, s.metric))) out.push_back(std::move(s));
            return out;
        }
        default:
            break;
    }
    fail("not a set operator");
}

}  // namespace vigil::promql
