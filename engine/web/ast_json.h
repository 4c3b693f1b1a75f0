// The PromQL AST as JSON in the shape of Prometheus's /api/v1/parse_query:
// {"type":"vectorSelector","name":...,"matchers":[{"type":"=","name":...,
// "value":...}],"offset":<ms>,"timestamp":<ms>|null,"startOrEnd":null|"start"|"end"},
// "matrixSelector" (plus "range"), "subquery", "aggregation", "binaryExpr",
// "call", "numberLiteral", "stringLiteral", "parenExpr", "unaryExpr".
//
// Thread safety: pure function over a const tree.
#pragma once

#include "promql/ast.h"
#include "web/json_writer.h"

namespace vigil::web {

void writeAstJson(JsonWriter &w, const promql::Expr &e);

}  // namespace vigil::web
