#include "promql/value_type.h"

namespace vigil::promql {

const char *valueTypeName(ValueType t)
{
    switch (t) {
    case ValueType::None: return "none";
    case ValueType::Scalar: return "scalar";
    case ValueType::Vector: return "vector";
    case ValueType::Matrix: return "matrix";
    case ValueType::String: return "string";
    }
    return "none";
}

const char *documentedTypeName(ValueType t)
{
    switch (t) {
    case ValueType::Vector: return "instant vector";
    case ValueType::Matrix: return "range vector";
    default: return valueTypeName(t);
    }
}

}  // namespace vigil::promql
