#include "promql/value.h"

namespace vigil::promql {

ValueType valueTypeOf(const Value &v)
{
    switch (v.index()) {
        case 0:
            return ValueType::Scalar;
        case 1:
            return ValueType::String;
        case 2:
            return ValueType::Vector;
        default:
            return ValueType::Matrix;
    }
}

}  // namespace vigil::promql
