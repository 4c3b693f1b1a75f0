// ValueType: the type of a PromQL expression's result.
//
// Two spellings exist, as in Prometheus: the short internal name used in a
// few messages ("vector", "matrix") and the documented name users see in
// type errors ("instant vector", "range vector").
//
// Thread safety: plain enum and pure functions.
#pragma once

namespace vigil::promql {

enum class ValueType {
    None,    // not an expression (a list, an invalid node)
    Scalar,  // one float without labels
    Vector,  // instant vector: one sample per series
    Matrix,  // range vector: a range of samples per series
    String,  // a string literal
};

// "none", "scalar", "vector", "matrix", "string".
const char *valueTypeName(ValueType t);
// "none", "scalar", "instant vector", "range vector", "string".
const char *documentedTypeName(ValueType t);

}  // namespace vigil::promql
