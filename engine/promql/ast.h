// The PromQL abstract syntax tree produced by parseExpr().
//
// Every node derives from Expr and carries its kind, its result type and the
// byte range of the query text it was parsed from. Children are owned through
// ExprPtr (std::unique_ptr), so a tree is moved, never shared; evaluation code
// reads it through const references. Nodes are plain data: the parser fills
// them and the type checker has already validated them when parseExpr()
// succeeds, so an evaluator may rely on, e.g., every Call argument having the
// type its Function declares and VectorMatching being present exactly when
// both sides of a BinaryExpr are instant vectors.
//
// Times and durations are int64 milliseconds; an @ timestamp is milliseconds
// since the Unix epoch.
//
// The AST keeps all node classes in one header on purpose: they are one
// closed set that evaluator and printer switch over by NodeKind.
//
// Thread safety: an immutable tree may be read from several threads.
#pragma once

#include "model/matcher.h"
#include "promql/function.h"
#include "promql/position_range.h"
#include "promql/value_type.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vigil::promql {

enum class NodeKind {
    NumberLiteral,
    StringLiteral,
    VectorSelector,
    MatrixSelector,
    Subquery,
    Paren,
    Unary,
    Binary,
    Aggregate,
    Call,
};

enum class UnaryOp { Plus, Minus };

// Binary operators. Precedence, lowest first: or; and unless; comparisons;
// + -; * / % atan2; ^ (right-associative).
enum class BinaryOp { Add, Sub, Mul, Div, Mod, Pow, Atan2, Eql, Neq, Gtr, Lss, Gte, Lte, And, Or, Unless };

enum class AggregateOp {
    Sum, Avg, Count, Min, Max, Group, Stddev, Stdvar,
    Topk, Bottomk, CountValues, Quantile, Limitk, LimitRatio,
};

// Which end of the query range an "@ start()" / "@ end()" modifier pins to.
enum class AtModifier { None, Start, End };

enum class VectorMatchCardinality { OneToOne, ManyToOne, OneToMany, ManyToMany };

// "+", "-", "==", "and", "atan2"...
const char *binaryOpString(BinaryOp op);
const char *unaryOpString(UnaryOp op);
// "sum", "count_values"...
const char *aggregateOpString(AggregateOp op);
bool isComparison(BinaryOp op);
bool isSetOperator(BinaryOp op);
// topk, bottomk, count_values, quantile, limitk, limit_ratio take a parameter.
bool aggregateTakesParam(AggregateOp op);

class Expr {
public:
    explicit Expr(NodeKind kind) : kind_(kind) {}
    virtual ~Expr() = default;
    Expr(const Expr &) = delete;
    Expr &operator=(const Expr &) = delete;

    NodeKind kind() const { return kind_; }
    virtual ValueType type() const = 0;

    // Downcasts; nullptr when the node is of another kind.
    template <typename T>
    const T *as() const { return kind_ == T::kKind ? static_cast<const T *>(this) : nullptr; }
    template <typename T>
    T *as() { return kind_ == T::kKind ? static_cast<T *>(this) : nullptr; }

    PositionRange posRange;

private:
    NodeKind kind_;
};

using ExprPtr = std::unique_ptr<Expr>;

struct NumberLiteral final : Expr {
    static constexpr NodeKind kKind = NodeKind::NumberLiteral;
    NumberLiteral() : Expr(kKind) {}
    ValueType type() const override { return ValueType::Scalar; }

    double value = 0;
    // Written as a duration ("5m" == 300); printed back as a duration.
    bool durationLiteral = false;
};

struct StringLiteral final : Expr {
    static constexpr NodeKind kKind = NodeKind::StringLiteral;
    StringLiteral() : Expr(kKind) {}
    ValueType type() const override { return ValueType::String; }

    std::string value;  // unquoted
};

struct VectorSelector final : Expr {
    static constexpr NodeKind kKind = NodeKind::VectorSelector;
    VectorSelector() : Expr(kKind) {}
    ValueType type() const override { return ValueType::Vector; }

    // Metric name written before the braces ("" for {__name__="x"} forms).
    std::string name;
    // All matchers; when `name` is set, the last one is __name__="<name>".
    std::vector<model::Matcher> matchers;
    // The offset as written (negative for "offset -5m").
    int64_t originalOffsetMs = 0;
    // The offset to evaluate with; the parser sets it equal to originalOffsetMs,
    // an evaluator may fold @ start()/end() into it.
    int64_t offsetMs = 0;
    // "@ <t>" in milliseconds; unset without an @ modifier or with start()/end().
    std::optional<int64_t> timestampMs;
    AtModifier startOrEnd = AtModifier::None;
};

struct MatrixSelector final : Expr {
    static constexpr NodeKind kKind = NodeKind::MatrixSelector;
    MatrixSelector() : Expr(kKind) {}
    ValueType type() const override { return ValueType::Matrix; }

    // Carries name, matchers, offset and @ of the range selector. Never null.
    std::unique_ptr<VectorSelector> vectorSelector;
    int64_t rangeMs = 0;
};

struct SubqueryExpr final : Expr {
    static constexpr NodeKind kKind = NodeKind::Subquery;
    SubqueryExpr() : Expr(kKind) {}
    ValueType type() const override { return ValueType::Matrix; }

    ExprPtr expr;  // an instant-vector expression
    int64_t rangeMs = 0;
    int64_t stepMs = 0;  // 0: use the engine's default resolution
    int64_t originalOffsetMs = 0;
    int64_t offsetMs = 0;
    std::optional<int64_t> timestampMs;
    AtModifier startOrEnd = AtModifier::None;
};

struct ParenExpr final : Expr {
    static constexpr NodeKind kKind = NodeKind::Paren;
    ParenExpr() : Expr(kKind) {}
    ValueType type() const override { return expr ? expr->type() : ValueType::None; }

    ExprPtr expr;
};

struct UnaryExpr final : Expr {
    static constexpr NodeKind kKind = NodeKind::Unary;
    UnaryExpr() : Expr(kKind) {}
    ValueType type() const override { return expr ? expr->type() : ValueType::None; }

    UnaryOp op = UnaryOp::Minus;
    ExprPtr expr;
};

struct VectorMatching {
    VectorMatchCardinality card = VectorMatchCardinality::OneToOne;
    // Labels of on(...) or ignoring(...).
    std::vector<std::string> matchingLabels;
    bool on = false;  // true: on(...), false: ignoring(...) or no clause
    // Extra labels of group_left(...) / group_right(...) taken from the "one" side.
    std::vector<std::string> include;
};

struct BinaryExpr final : Expr {
    static constexpr NodeKind kKind = NodeKind::Binary;
    BinaryExpr() : Expr(kKind) {}
    // Frees long left-deep chains (a + b + c + ...) without deep recursion.
    ~BinaryExpr() override;
    // Scalar when both operands are scalars, else Vector. O(1): the parser
    // records it in resultType; a hand-built node computes it from its operands.
    ValueType type() const override
    {
        if (resultType != ValueType::None) return resultType;
        return lhs && rhs && lhs->type() == ValueType::Scalar && rhs->type() == ValueType::Scalar
                   ? ValueType::Scalar
                   : ValueType::Vector;
    }
    ValueType resultType = ValueType::None;

    BinaryOp op = BinaryOp::Add;
    ExprPtr lhs;
    ExprPtr rhs;
    bool returnBool = false;  // "bool" modifier on a comparison
    // Present iff both operands are instant vectors (after type checking).
    // Set operators always have card ManyToMany.
    std::optional<VectorMatching> matching;
};

struct AggregateExpr final : Expr {
    static constexpr NodeKind kKind = NodeKind::Aggregate;
    AggregateExpr() : Expr(kKind) {}
    ValueType type() const override { return ValueType::Vector; }

    AggregateOp op = AggregateOp::Sum;
    ExprPtr expr;   // the aggregated instant vector
    ExprPtr param;  // topk/bottomk/quantile/limitk/limit_ratio: scalar; count_values: string; else null
    std::vector<std::string> grouping;
    bool without = false;  // grouping lists the labels to drop
};

struct Call final : Expr {
    static constexpr NodeKind kKind = NodeKind::Call;
    Call() : Expr(kKind) {}
    ValueType type() const override { return func ? func->returnType : ValueType::None; }

    const Function *func = nullptr;  // points into the static function table
    std::vector<ExprPtr> args;
};

// Direct children in evaluation order (param before expr for aggregations).
std::vector<const Expr *> children(const Expr &e);

}  // namespace vigil::promql
