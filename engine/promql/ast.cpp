#include "promql/ast.h"

namespace vigil::promql {

const char *binaryOpString(BinaryOp op)
{
    switch (op) {
    case BinaryOp::Add: return "+";
    case BinaryOp::Sub: return "-";
    case BinaryOp::Mul: return "*";
    case BinaryOp::Div: return "/";
    case BinaryOp::Mod: return "%";
    case BinaryOp::Pow: return "^";
    case BinaryOp::Atan2: return "atan2";
    case BinaryOp::Eql: return "==";
    case BinaryOp::Neq: return "!=";
    case BinaryOp::Gtr: return ">";
    case BinaryOp::Lss: return "<";
    case BinaryOp::Gte: return ">=";
    case BinaryOp::Lte: return "<=";
    case BinaryOp::And: return "and";
    case BinaryOp::Or: return "or";
    case BinaryOp::Unless: return "unless";
    }
    return "?";
}

const char *unaryOpString(UnaryOp op) { return op == UnaryOp::Minus ? "-" : "+"; }

const char *aggregateOpString(AggregateOp op)
{
    switch (op) {
    case AggregateOp::Sum: return "sum";
    case AggregateOp::Avg: return "avg";
    case AggregateOp::Count: return "count";
    case AggregateOp::Min: return "min";
    case AggregateOp::Max: return "max";
    case AggregateOp::Group: return "group";
    case AggregateOp::Stddev: return "stddev";
    case AggregateOp::Stdvar: return "stdvar";
    case AggregateOp::Topk: return "topk";
    case AggregateOp::Bottomk: return "bottomk";
    case AggregateOp::CountValues: return "count_values";
    case AggregateOp::Quantile: return "quantile";
    case AggregateOp::Limitk: return "limitk";
    case AggregateOp::LimitRatio: return "limit_ratio";
    }
    return "?";
}

bool isComparison(BinaryOp op)
{
    switch (op) {
    case BinaryOp::Eql:
    case BinaryOp::Neq:
    case BinaryOp::Gtr:
    case BinaryOp::Lss:
    case BinaryOp::Gte:
    case BinaryOp::Lte: return true;
    default: return false;
    }
}

bool isSetOperator(BinaryOp op) { return op == BinaryOp::And || op == BinaryOp::Or || op == BinaryOp::Unless; }

bool aggregateTakesParam(AggregateOp op)
{
    switch (op) {
    case AggregateOp::Topk:
    case AggregateOp::Bottomk:
    case AggregateOp::CountValues:
    case AggregateOp::Quantile:
    case AggregateOp::Limitk:
    case AggregateOp::LimitRatio: return true;
    default: return false;
    }
}

BinaryExpr::~BinaryExpr()
{
    ExprPtr next = std::move(lhs);
    while (next && next->kind() == NodeKind::Binary) {
        ExprPtr child = std::move(static_cast<BinaryExpr *>(next.get())->lhs);
        next = std::move(child);  // frees the node whose lhs was just detached
    }
}

std::vector<const Expr *> children(const Expr &e)
{
    std::vector<const Expr *> out;
    switch (e.kind()) {
    case NodeKind::MatrixSelector: out.push_back(e.as<MatrixSelector>()->vectorSelector.get()); break;
    case NodeKind::Subquery: out.push_back(e.as<SubqueryExpr>()->expr.get()); break;
    case NodeKind::Paren: out.push_back(e.as<ParenExpr>()->expr.get()); break;
    case NodeKind::Unary: out.push_back(e.as<UnaryExpr>()->expr.get()); break;
    case NodeKind::Binary:
        out.push_back(e.as<BinaryExpr>()->lhs.get());
        out.push_back(e.as<BinaryExpr>()->rhs.get());
        break;
    case NodeKind::Aggregate:
        if (e.as<AggregateExpr>()->param) out.push_back(e.as<AggregateExpr>()->param.get());
        out.push_back(e.as<AggregateExpr>()->expr.get());
        break;
    case NodeKind::Call:
        for (const auto &a : e.as<Call>()->args) out.push_back(a.get());
        break;
    default: break;
    }
    return out;
}

}  // namespace vigil::promql
