#include "promql/type_checker.h"

#include "model/labels.h"
#include "promql/go_strconv.h"

namespace vigil::promql {

namespace {

bool isSpaceByte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

void TypeChecker::addError(PositionRange r, std::string message)
{
    errors_.push_back(ParseError{r, std::move(message)});
}

void TypeChecker::expectType(Expr &e, ValueType want, const char *context)
{
    const ValueType got = check(e);
    if (got != want) {
        addError(e.posRange, std::string("expected type ") + documentedTypeName(want) + " in " + context +
                                 ", got " + documentedTypeName(got));
    }
}

PositionRange TypeChecker::operatorRange(const BinaryExpr &b) const
{
    PositionRange r{b.lhs->posRange.end, b.rhs->posRange.start};
    while (r.start < input_.size() && isSpaceByte(input_[r.start])) ++r.start;
    // Trim trailing spaces; unlike Prometheus (whose end points at the last
    // operator byte) the end stays exclusive like every other range.
    while (r.end > r.start && r.end <= input_.size() && isSpaceByte(input_[r.end - 1])) --r.end;
    return r;
}

ValueType TypeChecker::check(Expr &e)
{
    switch (e.kind()) {
    case NodeKind::NumberLiteral:
    case NodeKind::StringLiteral: break;
    case NodeKind::VectorSelector: checkVectorSelector(*e.as<VectorSelector>()); break;
    case NodeKind::MatrixSelector: check(*e.as<MatrixSelector>()->vectorSelector); break;
    case NodeKind::Subquery: {
        auto &s = *e.as<SubqueryExpr>();
        const ValueType t = check(*s.expr);
        if (t != ValueType::Vector) {
            addError(s.posRange,
                     std::string("subquery is only allowed on instant vector, got ") + valueTypeName(t) + " instead");
        }
        break;
    }
    case NodeKind::Paren: check(*e.as<ParenExpr>()->expr); break;
    case NodeKind::Unary: {
        auto &u = *e.as<UnaryExpr>();
        const ValueType t = check(*u.expr);
        if (t != ValueType::Scalar && t != ValueType::Vector) {
            addError(u.posRange, std::string("unary expression only allowed on expressions of type scalar or "
                                             "instant vector, got ") +
                                     goQuote(documentedTypeName(t)));
        }
        break;
    }
    case NodeKind::Binary: {
        // Walk the left spine iteratively so that long chains (a + b + c ...)
        // do not recurse once per operator; errors keep depth-first order.
        std::vector<BinaryExpr *> spine;
        Expr *cur = &e;
        while (auto *b = cur->as<BinaryExpr>()) {
            spine.push_back(b);
            cur = b->lhs.get();
        }
        ValueType lt = check(*cur);
        for (auto it = spine.rbegin(); it != spine.rend(); ++it) {
            const ValueType rt = check(*(*it)->rhs);
            checkBinary(**it, lt, rt);
            lt = (*it)->type();
        }
        break;
    }
    case NodeKind::Aggregate: {
        auto &a = *e.as<AggregateExpr>();
        expectType(*a.expr, ValueType::Vector, "aggregation expression");
        if (a.param) {
            if (a.op == AggregateOp::CountValues) {
                expectType(*a.param, ValueType::String, "aggregation parameter");
            } else {
                expectType(*a.param, ValueType::Scalar, "aggregation parameter");
            }
        }
        break;
    }
    case NodeKind::Call: checkCall(*e.as<Call>()); break;
    }
    return e.type();
}

void TypeChecker::checkBinary(BinaryExpr &b, ValueType lt, ValueType rt)
{
    const std::string opName = binaryOpString(b.op);

    if (b.returnBool && !isComparison(b.op)) {
        addError(operatorRange(b), "bool modifier can only be used on comparison operators");
    }
    if (isComparison(b.op) && !b.returnBool && b.lhs->type() == ValueType::Scalar &&
        b.rhs->type() == ValueType::Scalar) {
        addError(operatorRange(b), "comparisons between scalars must use BOOL modifier");
    }
    if (b.matching && isSetOperator(b.op) && b.matching->card == VectorMatchCardinality::OneToOne) {
        b.matching->card = VectorMatchCardinality::ManyToMany;
    }
    if (b.matching && b.matching->on) {
        for (const auto &l1 : b.matching->matchingLabels) {
            for (const auto &l2 : b.matching->include) {
                if (l1 == l2) {
                    addError(operatorRange(b),
                             "label " + goQuote(l1) + " must not occur in ON and GROUP clause at once");
                }
            }
        }
    }
    if (lt != ValueType::Scalar && lt != ValueType::Vector) {
        addError(b.lhs->posRange, "binary expression must contain only scalar and instant vector types");
    }
    if (rt != ValueType::Scalar && rt != ValueType::Vector) {
        addError(b.rhs->posRange, "binary expression must contain only scalar and instant vector types");
    }
    if ((lt != ValueType::Vector || rt != ValueType::Vector) && b.matching) {
        if (!b.matching->matchingLabels.empty()) {
            addError(b.posRange, "vector matching only allowed between instant vectors");
        }
        b.matching.reset();
    } else if (b.matching && isSetOperator(b.op)) {
        const auto card = b.matching->card;
        if (card == VectorMatchCardinality::OneToMany || card == VectorMatchCardinality::ManyToOne) {
            addError(b.posRange, "no grouping allowed for " + goQuote(opName) + " operation");
        }
        if (card != VectorMatchCardinality::ManyToMany) {
            addError(b.posRange, "set operations must always be many-to-many");
        }
    }
    if ((lt == ValueType::Scalar || rt == ValueType::Scalar) && isSetOperator(b.op)) {
        addError(b.posRange, "set operator " + goQuote(opName) + " not allowed in binary scalar expression");
    }
}

void TypeChecker::checkCall(Call &c)
{
    const Function &f = *c.func;
    const int n = int(c.args.size());
    const std::string quotedName = goQuote(f.name);
    if (f.variadic == 0) {
        if (n != int(f.argTypes.size())) {
            addError(c.posRange, "expected " + std::to_string(f.argTypes.size()) + " argument(s) in call to " +
                                     quotedName + ", got " + std::to_string(n));
        }
    } else if (n < f.minArgs()) {
        addError(c.posRange, "expected at least " + std::to_string(f.minArgs()) + " argument(s) in call to " +
                                 quotedName + ", got " + std::to_string(n));
    } else if (f.maxArgs() >= 0 && n > f.maxArgs()) {
        addError(c.posRange, "expected at most " + std::to_string(f.maxArgs()) + " argument(s) in call to " +
                                 quotedName + ", got " + std::to_string(n));
    }
    for (size_t i = 0; i < c.args.size(); ++i) {
        if (i >= f.argTypes.size() && f.variadic == 0) break;
        const ValueType want = f.argType(i);
        const ValueType got = check(*c.args[i]);
        if (got != want) {
            addError(c.args[i]->posRange, std::string("expected type ") + documentedTypeName(want) +
                                              " in call to function " + quotedName + ", got " +
                                              documentedTypeName(got));
        }
    }
}

void TypeChecker::checkVectorSelector(const VectorSelector &v)
{
    if (!v.name.empty()) {
        // The last matcher is the one added for the name outside the braces.
        for (size_t i = 0; i + 1 < v.matchers.size(); ++i) {
            if (v.matchers[i].name() == model::kMetricName) {
                addError(v.posRange, "metric name must not be set twice: " + goQuote(v.name) + " or " +
                                         goQuote(v.matchers[i].value()));
            }
        }
        return;  // an explicit metric name is a non-empty matcher
    }
    for (const auto &m : v.matchers) {
        if (!m.matchesEmpty()) return;
    }
    addError(v.posRange, "vector selector must contain at least one non-empty matcher");
}

}  // namespace vigil::promql
