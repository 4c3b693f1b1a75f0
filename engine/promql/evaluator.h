// Evaluator: the per-query state that walks the AST (internal to the engine).
//
// One Evaluator serves one query on one thread. It evaluates the whole tree
// at one timestamp per call (eval(expr, t)); range queries call it once per
// step. Selector data is read from the querier once per selector node (over
// the time range the pre-pass computed for it) and then sliced per step.
//
// Internal values keep the metric name of every series together with a
// "drop name" flag: the name is only removed when the final result is built
// (Prometheus's delayed name removal), so label_replace(rate(x[5m]), ...,
// "__name__", ...) still sees it.
//
// Errors are raised as EvalError, which never leaves the engine: Engine::run
// catches it and returns its Status. Annotations accumulate on the evaluator.
//
// Split by concern: evaluator.cpp (dispatch, limits, annotations),
// evaluator_selectors.cpp, evaluator_binary.cpp, evaluator_aggregations.cpp,
// evaluator_functions.cpp (instant-vector functions) and
// evaluator_range_functions.cpp (functions over range vectors).
#pragma once

#include "core/status.h"
#include "model/labels.h"
#include "model/sample.h"
#include "promql/ast.h"
#include "promql/cancellation_token.h"
#include "storage/storage.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace vigil::promql {

struct EvalError {
    Status status;
};

// Label sets are shared between steps and nodes: copying a sample copies a pointer.
using LabelsPtr = std::shared_ptr<const model::Labels>;
inline LabelsPtr makeLabels(model::Labels l)
{
    return std::make_shared<const model::Labels>(std::move(l));
}

// One element of an instant vector during evaluation.
struct EvalSample {
    LabelsPtr metric;
    double v = 0;
    int64_t t = 0;  // timestamp of the underlying sample (selectors), else the step
    bool dropName = false;
};
using EvalVector = std::vector<EvalSample>;

struct EvalSeries {
    LabelsPtr metric;
    std::vector<model::Sample> points;        // owned points (subqueries)
    std::span<const model::Sample> borrowed;  // selectors: a slice of the evaluator's data
    bool dropName = false;
    std::span<const model::Sample> samples() const
    {
        return points.empty() ? borrowed : std::span<const model::Sample>(points);
    }
};
using EvalMatrix = std::vector<EvalSeries>;

struct EvalValue {
    ValueType type = ValueType::None;
    double scalar = 0;
    std::string str;
    EvalVector vec;
    EvalMatrix mat;
};

struct EvaluatorParams {
    int64_t startMs = 0;
    int64_t endMs = 0;
    int64_t lookbackMs = 5 * 60 * 1000;
    int64_t maxSamples = 50'000'000;
    int64_t defaultSubqueryStepMs = 60 * 1000;
    std::optional<std::chrono::steady_clock::time_point> deadline;
    std::shared_ptr<const CancellationToken> cancel;
    int64_t stepMs = 0;  // range queries: the step; instant queries: 0
    bool rangeQuery = false;
    // The query text, when known: annotations then end in " (line:col)".
    std::string_view query;
};

class Evaluator {
public:
    // Time range [mint, maxt] each selector of the tree needs; computed by
    // selectorRanges(). `querier` must cover all of them.
    struct TimeRange {
        int64_t mint;
        int64_t maxt;
    };
    using RangeMap = std::unordered_map<const VectorSelector *, TimeRange>;
    static RangeMap selectorRanges(const Expr &root, const EvaluatorParams &p);

    Evaluator(storage::Querier &querier, EvaluatorParams params, RangeMap ranges);

    // Evaluates `e` at time `t` (ms). Throws EvalError.
    EvalValue eval(const Expr &e, int64_t t);

    // Throws on deadline or cancellation; cheap (polls the clock every 64 calls).
    void checkInterrupt();
    // Adds n samples to the current count and fails beyond maxSamples.
    void addSamples(int64_t n);
    // Sets the current sample count (the step loop resets it per step).
    // Precomputed range-function tables stay in memory and always count.
    void setSamples(int64_t n) { currentSamples_ = n + tableSamples_; }
    int64_t peakSamples() const { return peakSamples_; }

    // Annotations; `at` (when non-null) adds its position " (line:col)".
    void warn(const std::string &msg, const Expr *at = nullptr);
    void info(const std::string &msg, const Expr *at = nullptr);
    const std::vector<std::string> &warnings() const { return warnings_; }
    const std::vector<std::string> &infos() const { return infos_; }

    [[noreturn]] static void fail(const std::string &msg);

private:
    // Selectors.
    struct SeriesData {
        LabelsPtr metric;
        std::vector<model::Sample> samples;
        // Samples without staleness markers (for range selectors), when any were dropped.
        std::vector<model::Sample> live;
        bool hasStale = false;
        // Positions found at the previous step: steps mostly move forward,
        // so the next bounds are usually a few samples further.
        mutable size_t hintLo = 0, hintHi = 0;
    };
    const std::vector<SeriesData> &load(const VectorSelector &vs);
    int64_t selectorTime(std::optional<int64_t> at, AtModifier se, int64_t offset, int64_t t) const;
    EvalVector evalVectorSelector(const VectorSelector &vs, int64_t t, bool keepSampleTime);
    EvalMatrix evalMatrixSelector(const MatrixSelector &ms, int64_t t);
    EvalMatrix evalSubquery(const SubqueryExpr &sq, int64_t t);
    // Evaluates a range-vector argument; *rangeEnd/*rangeMs receive the window.
    EvalMatrix evalRangeArg(const Expr &e, int64_t t, int64_t *rangeEnd, int64_t *rangeMs);

    // Operators.
    EvalValue evalBinary(const BinaryExpr &b, int64_t t);
    EvalVector vectorScalarBinop(BinaryOp op, EvalVector vec, double s, bool swap, bool returnBool);
    EvalVector vectorBinop(const BinaryExpr &b, EvalVector lhs, EvalVector rhs);
    EvalVector setBinop(const BinaryExpr &b, EvalVector lhs, EvalVector rhs);
    EvalVector evalAggregate(const AggregateExpr &a, int64_t t);

    // Functions.
    EvalValue evalCall(const Call &c, int64_t t);
    EvalVector evalRangeFunction(const Call &c, int64_t t);
    EvalVector evalLabelFunction(const Call &c, int64_t t);
    EvalVector evalHistogramQuantile(const Call &c, int64_t t);
    // One range function over one series' window; false when it yields no sample.
    bool rangeFunctionValue(const Call &c, const LabelsPtr &metric, std::span<const model::Sample> pts,
                            int64_t rangeEnd, int64_t rangeMs, const std::vector<double> &scalars, int64_t t,
                            double *out, bool *keepName);
    // A range function over a selector at every step of the range query.
    struct RangeTable {
        std::vector<LabelsPtr> metrics;
        std::vector<std::vector<double>> values;  // [series][step]
        std::vector<std::vector<char>> present;   // [series][step]
        bool keepName = false;
    };
    const RangeTable &rangeTable(const Call &c, const MatrixSelector &ms, const std::vector<double> &scalars);
    std::unordered_map<const Call *, RangeTable> rangeTables_;
    int subqueryDepth_ = 0;
    int64_t tableSamples_ = 0;

    storage::Querier &querier_;
    const EvaluatorParams p_;
    const RangeMap ranges_;
    std::unordered_map<const VectorSelector *, std::vector<SeriesData>> data_;

    // Per-node caches keyed by input label set (the entry keeps the input
    // alive, so a key is never reused for other labels while cached).
    struct LabelsCacheEntry {
        LabelsPtr input;
        LabelsPtr output;
        std::string key;
    };
    using LabelsCache = std::unordered_map<const model::Labels *, LabelsCacheEntry>;
    LabelsCache &cacheFor(const void *node, int slot = 0) { return caches_[{node, slot}]; }
    struct NodeSlotHash {
        size_t operator()(const std::pair<const void *, int> &k) const
        {
            return std::hash<const void *>()(k.first) ^ size_t(k.second);
        }
    };
    std::unordered_map<std::pair<const void *, int>, LabelsCache, NodeSlotHash> caches_;
    struct PairEntry {
        LabelsPtr lhs, rhs, output;
    };
    using PairKey = std::tuple<const void *, const model::Labels *, const model::Labels *>;
    struct PairKeyHash {
        size_t operator()(const PairKey &k) const
        {
            size_t h = std::hash<const void *>()(std::get<0>(k));
            h = h * 31 + std::hash<const void *>()(std::get<1>(k));
            return h * 31 + std::hash<const void *>()(std::get<2>(k));
        }
    };
    std::unordered_map<PairKey, PairEntry, PairKeyHash> pairCache_;
    // The matching signature of `l` for binary node `b` (cached).
    const std::string &signatureOf(const BinaryExpr &b, const LabelsPtr &l);

    int64_t currentSamples_ = 0;
    int64_t peakSamples_ = 0;
    unsigned interruptCounter_ = 0;
    std::vector<std::string> warnings_;
    std::vector<std::string> infos_;
};

// Helpers shared by the evaluator files.
namespace evalutil {
// Kahan-Babuska-Neumaier summation step: returns the new sum, updates *c.
double kahanSumInc(double inc, double sum, double *c);
// Go's math.Max / math.Min (NaN and +-Inf rules differ from std::fmax).
double goMax(double a, double b);
double goMin(double a, double b);
// Prometheus's labels.String(): {a="b", c="d"} (name included as __name__).
std::string labelsString(const model::Labels &l);
// The labels of a sample once its pending name drop is applied.
model::Labels finalLabels(const model::Labels &l, bool dropName);
// quantile() of Prometheus over `values` (sorted in place).
double quantile(double q, std::vector<double> &values);
// Index of the first sample with t > x, searching forward from `hint` first.
size_t upperBoundFrom(const std::vector<model::Sample> &v, int64_t x, size_t hint);
// Valid UTF-8 (Prometheus 3 label names: any non-empty valid UTF-8).
bool validUtf8(std::string_view s);
// "%g"-like rendering Go uses in annotation texts.
std::string formatG(double v);
}  // namespace evalutil

}  // namespace vigil::promql
