// Function: the signature of a PromQL function, and the table of all of them.
//
// The table follows Prometheus 3: argument types, return type and Variadic:
//   0  exactly argTypes.size() arguments;
//   n  the last argument type may be repeated: between argTypes.size()-1 and
//      argTypes.size()-1+n arguments;
//  -1  at least argTypes.size()-1 arguments, no upper bound.
// Experimental functions are accepted only with ParseOptions::enableExperimentalFunctions.
// The table is immutable and safe to read from any thread.
#pragma once

#include "promql/value_type.h"

#include <string_view>
#include <vector>

namespace vigil::promql {

struct Function {
    std::string_view name;
    std::vector<ValueType> argTypes;
    int variadic = 0;
    ValueType returnType = ValueType::Vector;
    bool experimental = false;

    // Smallest and largest argument counts accepted (max -1 = unbounded).
    int minArgs() const { return variadic == 0 ? int(argTypes.size()) : int(argTypes.size()) - 1; }
    int maxArgs() const
    {
        if (variadic == 0) return int(argTypes.size());
        if (variadic < 0) return -1;
        return int(argTypes.size()) - 1 + variadic;
    }
    // Type expected for argument `i` (repeats the last type for variadic functions).
    ValueType argType(size_t i) const { return i < argTypes.size() ? argTypes[i] : argTypes.back(); }
};

// nullptr when no function has that name (names are case-sensitive).
const Function *findFunction(std::string_view name);

// Every function, sorted by name.
const std::vector<Function> &allFunctions();

}  // namespace vigil::promql
