// PromQL parser: query text -> type-checked AST (see ast.h).
//
// parseExpr() follows Prometheus 3's grammar and checks:
//  - precedence (lowest first) or; and unless; == != < <= > >=; + -; * / % atan2; ^
//    (right-associative); unary +/- binds like * (so -1^2 is -(1^2)) and folds
//    into number literals; offset, @, [range] and [range:step] bind tighter
//    than any operator and may follow each other in any order;
//  - selectors: foo, foo{l="v"}, {__name__="foo"}, {"utf8.name"}, label values
//    are strings; "offset -5m", "@ 1609746000", "@ start()", "@ end()";
//  - aggregations with by/without before or after the arguments;
//  - durations as plain numbers of seconds in brackets, offsets and @;
//  - type rules ("expected type range vector in call to function \"rate\",
//    got instant vector", "binary expression must contain only scalar and
//    instant vector types", ...), with Prometheus's wording.
//
// Limits: parentheses, unary operators and '^' chains may nest at most 1000
// deep (an error beyond that keeps the parser's stack use bounded); long
// left-associative chains (a + b + c ...) are not limited.
//
// Errors: no exceptions. On failure the Result holds
// Status::invalidArgument("<line>:<col>: parse error: <message>") and, when
// `error` is non-null, *error receives the first error's byte range and bare
// message for underlining. Like Prometheus, only the first error is reported.
//
// Not supported (rejected as in Prometheus without the feature flags):
// duration expressions in brackets/offsets ("experimental duration expression
// is not enabled"), anchored/smoothed range modifiers, fill() modifiers.
// Known deviation: ranges of operator errors ("bool modifier can only be used
// on comparison operators") end after the operator; Prometheus's end points
// at its last byte. foo{} is valid (the name is a non-empty matcher); {} is not.
//
// Thread safety: parseExpr is reentrant; it keeps no global state.
#pragma once

#include "core/status.h"
#include "promql/ast.h"
#include "promql/parse_error.h"

#include <string_view>

namespace vigil::promql {

struct ParseOptions {
    // Accept functions and aggregations Prometheus marks experimental
    // (limitk, limit_ratio, sort_by_label, mad_over_time, ...). Off by default,
    // as in Prometheus without --enable-feature=promql-experimental-functions.
    bool enableExperimentalFunctions = false;
};

Result<ExprPtr> parseExpr(std::string_view input, const ParseOptions &options = {},
                          ParseError *error = nullptr);

// A lone series selector, as in the match[] parameters of the HTTP API and
// federation: foo, foo{a="b"}, {__name__=~"x.*", job!=""}, {"utf8.name"}. No
// offset, @, range or operators. Returns its matchers in the order written,
// with __name__="foo" last when the name is outside the braces (as parseExpr
// does). Unlike parseExpr it does not reject selectors whose matchers all
// match the empty string ({} or {a=""}); callers apply their own rule.
Result<std::vector<model::Matcher>> parseMetricSelector(std::string_view input, ParseError *error = nullptr);

}  // namespace vigil::promql
