// Query result values: Scalar, String, Vector, Matrix, and QueryResult.
//
// These are plain immutable values (by convention: build them, then only
// read them). They own all their data, hold no pointers into the engine or
// the storage and may be copied or moved to any thread (the GUI, the HTTP
// API). Timestamps are int64 milliseconds since the Unix epoch; values are
// doubles (NaN and +-Inf allowed; staleness markers never appear in results).
//
// The value types are one closed set consumed together, so they share this
// header (like ast.h).
#pragma once

#include "model/labels.h"
#include "promql/value_type.h"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace vigil::promql {

struct Scalar {
    int64_t t = 0;
    double v = 0;
};

struct String {
    int64_t t = 0;
    std::string v;
};

// One element of an instant vector: a series' labels and one value at t.
struct VectorSample {
    model::Labels metric;
    int64_t t = 0;
    double v = 0;
};

// Instant vector. Order: the evaluation order (meaningful after sort(),
// topk() ...); label sets are unique.
using Vector = std::vector<VectorSample>;

struct Point {
    int64_t t = 0;
    double v = 0;
};

// One series of a range vector / range query: points in increasing t.
struct MatrixSeries {
    model::Labels metric;
    std::vector<Point> points;
};

// Range vector. Range query results are sorted by labels; label sets are unique.
using Matrix = std::vector<MatrixSeries>;

using Value = std::variant<Scalar, String, Vector, Matrix>;

// ValueType of a Value (Scalar, String, Vector or Matrix).
ValueType valueTypeOf(const Value &v);

// The result of a successful query: its value plus annotations. Warnings mean
// the answer may be wrong or incomplete ("PromQL warning: ..."), infos are
// hints ("PromQL info: metric might not be a counter, ..."); both are unique,
// in the order first raised, and never make the query fail.
struct QueryResult {
    Value value;
    std::vector<std::string> warnings;
    std::vector<std::string> infos;
    // Largest number of samples held at once while evaluating (for stats).
    int64_t peakSamples = 0;
};

}  // namespace vigil::promql
