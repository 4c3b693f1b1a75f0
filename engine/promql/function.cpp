#include "promql/function.h"

#include <algorithm>

namespace vigil::promql {

namespace {

constexpr ValueType S = ValueType::Scalar;
constexpr ValueType V = ValueType::Vector;
constexpr ValueType M = ValueType::Matrix;
constexpr ValueType Str = ValueType::String;

std::vector<Function> buildTable()
{
    std::vector<Function> t = {
        // Instant-vector maths.
        {"abs", {V}}, {"ceil", {V}}, {"floor", {V}}, {"exp", {V}}, {"sqrt", {V}},
        {"ln", {V}}, {"log2", {V}}, {"log10", {V}}, {"sgn", {V}},
        {"round", {V, S}, 1},
        {"clamp", {V, S, S}}, {"clamp_max", {V, S}}, {"clamp_min", {V, S}},
        {"deg", {V}}, {"rad", {V}},
        {"acos", {V}}, {"acosh", {V}}, {"asin", {V}}, {"asinh", {V}}, {"atan", {V}}, {"atanh", {V}},
        {"cos", {V}}, {"cosh", {V}}, {"sin", {V}}, {"sinh", {V}}, {"tan", {V}}, {"tanh", {V}},
        {"pi", {}, 0, S},
        {"min_of", {S, S}, 0, S, true}, {"max_of", {S, S}, 0, S, true},
        // Type conversion and misc.
        {"scalar", {V}, 0, S}, {"vector", {S}}, {"time", {}, 0, S}, {"timestamp", {V}},
        {"absent", {V}}, {"sort", {V}}, {"sort_desc", {V}},
        {"sort_by_label", {V, Str}, -1, V, true}, {"sort_by_label_desc", {V, Str}, -1, V, true},
        {"label_replace", {V, Str, Str, Str, Str}}, {"label_join", {V, Str, Str, Str}, -1},
        // Date functions (the vector argument is optional: defaults to vector(time())).
        {"days_in_month", {V}, 1}, {"day_of_month", {V}, 1}, {"day_of_week", {V}, 1},
        {"day_of_year", {V}, 1}, {"hour", {V}, 1}, {"minute", {V}, 1}, {"month", {V}, 1},
        {"year", {V}, 1},
        // Range-vector functions.
        {"absent_over_time", {M}}, {"avg_over_time", {M}}, {"count_over_time", {M}},
        {"last_over_time", {M}}, {"max_over_time", {M}}, {"min_over_time", {M}},
        {"present_over_time", {M}}, {"quantile_over_time", {S, M}}, {"stddev_over_time", {M}},
        {"stdvar_over_time", {M}}, {"sum_over_time", {M}},
        {"mad_over_time", {M}, 0, V, true}, {"first_over_time", {M}, 0, V, true},
        {"ts_of_first_over_time", {M}, 0, V, true}, {"ts_of_last_over_time", {M}, 0, V, true},
        {"ts_of_max_over_time", {M}, 0, V, true}, {"ts_of_min_over_time", {M}, 0, V, true},
        {"changes", {M}}, {"resets", {M}}, {"delta", {M}}, {"deriv", {M}}, {"idelta", {M}},
        {"increase", {M}}, {"irate", {M}}, {"rate", {M}}, {"predict_linear", {M, S}},
        {"double_exponential_smoothing", {M, S, S}, 0, V, true},
        {"integral", {M, S}, 1, V, true},
        // Histograms.
        {"histogram_quantile", {S, V}}, {"histogram_fraction", {S, S, V}},
        {"histogram_quantiles", {V, Str, S, S}, 9, V, true},
        {"histogram_avg", {V}}, {"histogram_count", {V}}, {"histogram_sum", {V}},
        {"histogram_stddev", {V}}, {"histogram_stdvar", {V}},
        // Experimental.
        {"info", {V, V}, 1, V, true},
        {"start", {}, 0, S, true}, {"end", {}, 0, S, true}, {"range", {}, 0, S, true},
        {"step", {}, 0, S, true},
    };
    std::sort(t.begin(), t.end(), [](const Function &a, const Function &b) { return a.name < b.name; });
    return t;
}

}  // namespace

const std::vector<Function> &allFunctions()
{
    static const std::vector<Function> table = buildTable();
    return table;
}

const Function *findFunction(std::string_view name)
{
    const auto &t = allFunctions();
    auto it = std::lower_bound(t.begin(), t.end(), name,
                               [](const Function &f, std::string_view n) { return f.name < n; });
    if (it == t.end() || it->name != name) return nullptr;
    return &*it;
}

}  // namespace vigil::promql
