// TypeChecker: the semantic checks Prometheus's parser runs on a syntactically
// valid tree (its checkAST): operand and argument types, argument counts,
// bool/grouping modifier rules, empty selectors.
//
// check() walks the tree depth-first, records every error in order and
// normalises the tree as Prometheus does: set operators get ManyToMany
// matching, and VectorMatching is dropped unless both operands are instant
// vectors. Messages match Prometheus's wording.
//
// Thread safety: one instance per tree; not shared.
#pragma once

#include "promql/ast.h"
#include "promql/parse_error.h"

#include <string_view>
#include <vector>

namespace vigil::promql {

class TypeChecker {
public:
    // `input` is the query text the tree was parsed from (for operator ranges).
    explicit TypeChecker(std::string_view input) : input_(input) {}

    // Returns the node's type; appends problems to errors().
    ValueType check(Expr &e);

    const std::vector<ParseError> &errors() const { return errors_; }

private:
    void addError(PositionRange r, std::string message);
    void expectType(Expr &e, ValueType want, const char *context);
    PositionRange operatorRange(const BinaryExpr &b) const;

    // The node's own rules, given its already checked operand types.
    void checkBinary(BinaryExpr &b, ValueType lt, ValueType rt);
    void checkCall(Call &c);
    void checkVectorSelector(const VectorSelector &v);

    std::string_view input_;
    std::vector<ParseError> errors_;
};

}  // namespace vigil::promql
