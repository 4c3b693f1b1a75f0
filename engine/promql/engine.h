// Engine: runs PromQL instant and range queries against a storage::Queryable.
//
//   promql::Engine engine(head);                       // head: tsdb::Head
//   auto token = std::make_shared<promql::CancellationToken>();
//   promql::QueryOptions qo;
//   qo.deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
//   qo.cancel = token;                                 // GUI calls token->cancel()
//   Result<QueryResult> r = engine.rangeQuery("sum by (job) (rate(x[5m]))",
//                                             startMs, endMs, 15000, qo);
//
// Semantics follow Prometheus 3: range selectors and the lookback window are
// left-open ((t - range, t]); a staleness marker ends a series; offset and @
// (with start()/end()) shift the evaluation time of a selector or subquery;
// subquery steps are the multiples of the step inside (t - range, t]; the
// metric name is removed lazily ("delayed name removal") so label_replace()
// and friends can still read it; annotations are returned next to the value.
//
// Errors (never exceptions): InvalidArgument for parse errors ("1:5: parse
// error: ...") and execution errors with Prometheus's wording ("found
// duplicate series for the match group ...", "vector cannot contain metrics
// with the same labelset"); DeadlineExceeded ("query timed out in expression
// evaluation"); Cancelled ("query was canceled in expression evaluation");
// ResourceExhausted ("query processing would load too many samples into
// memory in query execution"); storage errors are passed through.
//
// Evaluation: the tree is evaluated once per step (step-major); selector
// data is read from storage once per query and sliced per step, and a range
// function applied directly to a selector in a range query is computed for all
// steps at once (series-major, cache-friendly). Memory: the selected samples
// plus the result; everything counts toward maxSamples.
//
// Thread safety: an Engine is immutable after construction; any number of
// threads may run queries on it at once (each query makes its own querier and
// evaluator). The Queryable must be thread-safe and outlive the engine. Calls
// are synchronous: callers run them on their query thread pool.
#pragma once

#include "core/status.h"
#include "promql/ast.h"
#include "promql/cancellation_token.h"
#include "promql/value.h"
#include "storage/storage.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

namespace vigil::promql {

struct EngineOptions {
    // How far back an instant selector looks for a sample (ms, > 0).
    int64_t lookbackDeltaMs = 5 * 60 * 1000;
    // query.max-samples: most samples held in memory at once by one query.
    int64_t maxSamples = 50'000'000;
    // Default timeout when QueryOptions has no deadline (ms; <= 0: none).
    int64_t timeoutMs = 2 * 60 * 1000;
    // Step of subqueries written without one ("x[1h:]"), ms (> 0).
    int64_t defaultSubqueryStepMs = 60 * 1000;
    // Accept experimental functions (limitk, mad_over_time, sort_by_label, ...).
    bool enableExperimentalFunctions = false;
};

struct QueryOptions {
    // Overrides EngineOptions::lookbackDeltaMs when set (> 0).
    std::optional<int64_t> lookbackDeltaMs;
    // Absolute deadline; when unset, now + EngineOptions::timeoutMs.
    std::optional<std::chrono::steady_clock::time_point> deadline;
    // Polled during evaluation; may be null.
    std::shared_ptr<const CancellationToken> cancel;
};

class Engine {
public:
    // `storage` is not owned and must outlive the engine.
    explicit Engine(storage::Queryable &storage, EngineOptions options = {});

    const EngineOptions &options() const { return options_; }

    // Evaluates `query` at `timeMs`. The value is a Scalar, String, Vector or
    // (for a range-vector expression) Matrix.
    Result<QueryResult> instantQuery(std::string_view query, int64_t timeMs,
                                     const QueryOptions &qo = {}) const;
    // Evaluates `query` at start, start+step, ... <= end. The value is always
    // a Matrix sorted by labels (a scalar becomes one series with no labels).
    // InvalidArgument when step <= 0, end < start, more than 11000 steps, or the
    // expression is not a scalar or instant vector.
    Result<QueryResult> rangeQuery(std::string_view query, int64_t startMs, int64_t endMs, int64_t stepMs,
                                   const QueryOptions &qo = {}) const;

    // The same on an already parsed (type-checked) expression.
    Result<QueryResult> instantQuery(const Expr &expr, int64_t timeMs, const QueryOptions &qo = {}) const;
    Result<QueryResult> rangeQuery(const Expr &expr, int64_t startMs, int64_t endMs, int64_t stepMs,
                                   const QueryOptions &qo = {}) const;

private:
    Result<QueryResult> rangeQueryImpl(const Expr &expr, int64_t startMs, int64_t endMs, int64_t stepMs,
                                       const QueryOptions &qo, std::string_view query) const;
    Result<QueryResult> run(const Expr &expr, int64_t startMs, int64_t endMs, int64_t stepMs, bool instant,
                            const QueryOptions &qo, std::string_view query) const;

    storage::Queryable &storage_;
    const EngineOptions options_;
};

}  // namespace vigil::promql
