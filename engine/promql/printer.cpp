#include "promql/printer.h"

#include "model/labels.h"
#include "promql/duration.h"
#include "promql/go_strconv.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace vigil::promql {

namespace {

bool isLegacyName(std::string_view s, bool allowColon)
{
    if (s.empty()) return false;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (i > 0 && c >= '0' && c <= '9') || (allowColon && c == ':');
        if (!ok) return false;
    }
    return true;
}

void writeLabelList(std::string &out, const std::vector<std::string> &labels)
{
    for (size_t i = 0; i < labels.size(); ++i) {
        if (i > 0) out += ", ";
        out += isLegacyName(labels[i], false) ? labels[i] : goQuote(labels[i]);
    }
}

std::string matcherString(const model::Matcher &m)
{
    std::string out = isLegacyName(m.name(), false) ? m.name() : goQuote(m.name());
    out += model::Matcher::opString(m.type());
    out += goQuote(m.value());
    return out;
}

std::string atString(const std::optional<int64_t> &ts, AtModifier startOrEnd)
{
    if (ts) {
        char buf[64];
        std::snprintf(buf, sizeof(buf), " @ %.3f", double(*ts) / 1000.0);
        return buf;
    }
    if (startOrEnd == AtModifier::Start) return " @ start()";
    if (startOrEnd == AtModifier::End) return " @ end()";
    return {};
}

std::string offsetString(int64_t offsetMs)
{
    if (offsetMs > 0) return " offset " + formatDuration(offsetMs);
    if (offsetMs < 0) return " offset -" + formatDuration(-offsetMs);
    return {};
}

// The selector without its @ and offset modifiers.
std::string selectorBody(const VectorSelector &v)
{
    std::vector<std::string> parts;
    for (const auto &m : v.matchers) {
        if (m.name() == model::kMetricName && m.type() == model::Matcher::Type::Equal && m.value() == v.name &&
            !v.name.empty()) {
            continue;
        }
        parts.push_back(matcherString(m));
    }
    std::string out;
    const bool quotedName = !v.name.empty() && !isLegacyName(v.name, true);
    if (quotedName) {
        // UTF-8 metric names go inside the braces: {"my.metric", a="b"}.
        parts.insert(parts.begin(), goQuote(v.name));
        std::sort(parts.begin() + 1, parts.end());
    } else {
        out = v.name;
        std::sort(parts.begin(), parts.end());
    }
    if (!parts.empty()) {
        out += '{';
        for (size_t i = 0; i < parts.size(); ++i) {
            if (i > 0) out += ',';
            out += parts[i];
        }
        out += '}';
    }
    return out;
}

void write(std::string &out, const Expr &e);

// "sum", "sum by (a, b) ", "sum without () ": everything before the '('.
void writeAggregatePrefix(std::string &out, const AggregateExpr &a)
{
    out += aggregateOpString(a.op);
    if (a.without) {
        out += " without (";
        writeLabelList(out, a.grouping);
        out += ") ";
    } else if (!a.grouping.empty()) {
        out += " by (";
        writeLabelList(out, a.grouping);
        out += ") ";
    }
}

// "[1h:5m] @ 100.000 offset 5m": everything after the inner expression.
void writeSubquerySuffix(std::string &out, const SubqueryExpr &s)
{
    out += '[' + formatDuration(s.rangeMs) + ':';
    if (s.stepMs != 0) out += formatDuration(s.stepMs);
    out += ']';
    out += atString(s.timestampMs, s.startOrEnd);
    out += offsetString(s.originalOffsetMs);
}

void writeMatching(std::string &out, const BinaryExpr &b)
{
    if (!b.matching) return;
    const VectorMatching &vm = *b.matching;
    const bool grouped = vm.card == VectorMatchCardinality::ManyToOne || vm.card == VectorMatchCardinality::OneToMany;
    if (!vm.matchingLabels.empty() || vm.on || grouped) {
        out += vm.on ? " on (" : " ignoring (";
        writeLabelList(out, vm.matchingLabels);
        out += ')';
    }
    if (grouped) {
        out += vm.card == VectorMatchCardinality::ManyToOne ? " group_left (" : " group_right (";
        writeLabelList(out, vm.include);
        out += ')';
    }
}

void write(std::string &out, const Expr &e)
{
    switch (e.kind()) {
    case NodeKind::NumberLiteral: {
        const auto &n = *e.as<NumberLiteral>();
        if (n.durationLiteral && std::isfinite(n.value)) {
            const double ms = n.value * 1000.0;
            out += ms < 0 ? "-" + formatDuration(int64_t(-ms)) : formatDuration(int64_t(ms));
        } else {
            out += formatFloat(n.value);
        }
        return;
    }
    case NodeKind::StringLiteral: out += goQuote(e.as<StringLiteral>()->value); return;
    case NodeKind::VectorSelector: {
        const auto &v = *e.as<VectorSelector>();
        out += selectorBody(v);
        out += atString(v.timestampMs, v.startOrEnd);
        out += offsetString(v.originalOffsetMs);
        return;
    }
    case NodeKind::MatrixSelector: {
        const auto &m = *e.as<MatrixSelector>();
        const auto &v = *m.vectorSelector;
        out += selectorBody(v);
        out += '[' + formatDuration(m.rangeMs) + ']';
        out += atString(v.timestampMs, v.startOrEnd);
        out += offsetString(v.originalOffsetMs);
        return;
    }
    case NodeKind::Subquery: {
        const auto &s = *e.as<SubqueryExpr>();
        write(out, *s.expr);
        writeSubquerySuffix(out, s);
        return;
    }
    case NodeKind::Paren:
        out += '(';
        write(out, *e.as<ParenExpr>()->expr);
        out += ')';
        return;
    case NodeKind::Unary:
        out += unaryOpString(e.as<UnaryExpr>()->op);
        write(out, *e.as<UnaryExpr>()->expr);
        return;
    case NodeKind::Binary: {
        // Iterate down the left spine: long chains must not recurse per operator.
        std::vector<const BinaryExpr *> spine;
        const Expr *cur = &e;
        while (const auto *b = cur->as<BinaryExpr>()) {
            spine.push_back(b);
            cur = b->lhs.get();
        }
        write(out, *cur);
        for (auto it = spine.rbegin(); it != spine.rend(); ++it) {
            const BinaryExpr &b = **it;
            out += ' ';
            out += binaryOpString(b.op);
            if (b.returnBool) out += " bool";
            writeMatching(out, b);
            out += ' ';
            write(out, *b.rhs);
        }
        return;
    }
    case NodeKind::Aggregate: {
        const auto &a = *e.as<AggregateExpr>();
        writeAggregatePrefix(out, a);
        out += '(';
        if (a.param) {
            write(out, *a.param);
            out += ", ";
        }
        write(out, *a.expr);
        out += ')';
        return;
    }
    case NodeKind::Call: {
        const auto &c = *e.as<Call>();
        out += c.func ? std::string(c.func->name) : std::string("?");
        out += '(';
        for (size_t i = 0; i < c.args.size(); ++i) {
            if (i > 0) out += ", ";
            write(out, *c.args[i]);
        }
        out += ')';
        return;
    }
    }
}

std::string indent(int level) { return std::string(size_t(level) * 2, ' '); }

std::string pretty(const Expr &e, int level, size_t maxLen)
{
    const std::string flat = toString(e);
    const bool split = flat.size() > maxLen;
    switch (e.kind()) {
    case NodeKind::Aggregate: {
        if (!split) return indent(level) + flat;
        const auto &a = *e.as<AggregateExpr>();
        std::string out = indent(level);
        writeAggregatePrefix(out, a);
        out += "(\n";
        if (a.param) out += pretty(*a.param, level + 1, maxLen) + ",\n";
        out += pretty(*a.expr, level + 1, maxLen) + "\n" + indent(level) + ")";
        return out;
    }
    case NodeKind::Binary: {
        if (!split) return indent(level) + flat;
        const auto &b = *e.as<BinaryExpr>();
        std::string out = pretty(*b.lhs, level + 1, maxLen) + "\n" + indent(level) + binaryOpString(b.op);
        if (b.returnBool) out += " bool";
        writeMatching(out, b);
        return out + "\n" + pretty(*b.rhs, level + 1, maxLen);
    }
    case NodeKind::Call: {
        if (!split) return indent(level) + flat;
        const auto &c = *e.as<Call>();
        std::string out = indent(level) + std::string(c.func ? c.func->name : "?") + "(\n";
        for (size_t i = 0; i < c.args.size(); ++i) {
            if (i > 0) out += ",\n";
            out += pretty(*c.args[i], level + 1, maxLen);
        }
        return out + "\n" + indent(level) + ")";
    }
    case NodeKind::Paren:
        if (!split) return indent(level) + flat;
        return indent(level) + "(\n" + pretty(*e.as<ParenExpr>()->expr, level + 1, maxLen) + "\n" + indent(level) +
               ")";
    case NodeKind::Subquery: {
        if (!split) return flat;  // sic: Prometheus does not indent here
        const auto &sq = *e.as<SubqueryExpr>();
        std::string out = pretty(*sq.expr, level, maxLen);
        writeSubquerySuffix(out, sq);
        return out;
    }
    case NodeKind::Unary: {
        const auto &u = *e.as<UnaryExpr>();
        std::string child = pretty(*u.expr, level, maxLen);
        // Prometheus trims the child's indentation and trailing blanks.
        const size_t first = child.find_first_not_of(" \t\n\r");
        const size_t last = child.find_last_not_of(" \t\n\r");
        child = first == std::string::npos ? std::string() : child.substr(first, last - first + 1);
        return indent(level) + unaryOpString(u.op) + child;
    }
    default: return indent(level) + flat;
    }
}

}  // namespace

std::string prettyString(const Expr &e, size_t maxLineLength) { return pretty(e, 0, maxLineLength); }

std::string toString(const Expr &e)
{
    std::string out;
    write(out, e);
    return out;
}

}  // namespace vigil::promql
