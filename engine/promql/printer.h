// Printer: an AST back to PromQL text in Prometheus's canonical String() form.
//
//   sum by (job) (rate(foo{a="b"}[5m] offset 1h))
//   foo * on (a) group_left (b) bar
//   x[1h:5m] @ 100.000 offset -30s
//
// Numbers print like Go's strconv.FormatFloat(f, 'f', -1, 64), durations like
// Prometheus's model.Duration ("1h30m"), strings with strconv.Quote, matchers
// sorted, the metric-name matcher folded back into the name. Parsing the
// output yields an equal tree. Used for format_query and result comparisons.
//
// Thread safety: pure functions over a const tree.
#pragma once

#include "promql/ast.h"

#include <string>

namespace vigil::promql {

std::string toString(const Expr &e);

// Prometheus's Prettify() (what its format_query API returns): an expression
// whose toString() fits in `maxLineLength` bytes stays on one line; longer
// aggregations, calls and parentheses put their arguments on indented lines
// ("  " per level) and long binary expressions put each operand on its own
// line with the operator between them, indented one level less. Subqueries,
// selectors and literals are never broken. Output matches Prometheus byte for
// byte, including its quirk of not indenting a short subquery argument.
// Cost: quadratic in the depth of the tree (each node is measured by printing).
std::string prettyString(const Expr &e, size_t maxLineLength = 100);

}  // namespace vigil::promql
