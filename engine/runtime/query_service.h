// QueryService: the console's way into PromQL and the series index — instant
// and range queries, label names and values, metric metadata (HELP/TYPE from
// the scraper) and the "explain" breakdown of a query — run on a worker pool
// against the in-process engine, never on the caller's thread.
//
//   auto token = std::make_shared<promql::CancellationToken>();
//   QFuture<QueryOutcome> f = service->rangeQuery(q, startMs, endMs, stepMs, token);
//   watcher->setFuture(f);  // finished() arrives on the GUI thread
//   ...
//   token->cancel();        // the evaluation stops; the outcome says Cancelled
//
// Every call returns at once with a QFuture that finishes on a pool thread
// and always carries exactly one result (errors are inside it as a Status,
// never as an exception or a future without a result). Cancellation: the
// optional token is polled by the evaluator; a query cancelled before it
// started is not run at all. QFuture::cancel() is not used (a cancelled
// QFuture has no result to read).
//
// Units: times are int64 milliseconds since the epoch, [mint, maxt]
// inclusive; durations (elapsed) are milliseconds.
//
// Ownership and lifetime: the storage and scraper are not owned and must
// outlive the service. The destructor cancels every query still running and
// waits for the pool, so the Engine destroys the service before the storage.
// Thread safety: all methods may be called from any thread. The console also
// reaches remote Prometheus-compatible servers through the same interface
// (QueryBackend, remote_query_client.h).
#pragma once

#include "core/status.h"
#include "exposition/metric_metadata.h"
#include "model/matcher.h"
#include "promql/cancellation_token.h"
#include "promql/engine.h"
#include "promql/value.h"
#include "runtime/query_backend.h"
#include "rules/backtest.h"

#include <QFuture>
#include <QThreadPool>

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace vigil::tsdb { class Db; }
namespace vigil::scrape { class ScrapeManager; }

namespace vigil::runtime {

// One node of a query's expression tree, evaluated on its own as an instant
// query at the same time (as PromLens shows it). Nodes are in pre-order;
// `depth` 0 is the root, children follow their parent with depth + 1.
struct ExplainNode {
    int depth = 0;
    std::string expr;  // the subexpression in canonical form
    std::string kind;  // "aggregation", "function call", "binary operator", "selector", ...
    std::string type;  // result type: "scalar", "vector", "matrix", "string"
    Status status;     // the subexpression's own evaluation result
    int64_t seriesCount = 0;  // series (vector/matrix) or 1 (scalar/string)
    int64_t sampleCount = 0;  // samples in the result (points for a matrix)
    double elapsedMs = 0;     // evaluation time of this subexpression
};

// An alerting rule run over stored history (rules/backtest.h).
struct BacktestOutcome {
    Status status;  // InvalidArgument for a bad rule or range, Cancelled, ...
    rules::BacktestResult result;
    int64_t elapsedMs = 0;
};

struct ExplainOutcome {
    Status status;  // parse error, or Cancelled; per-node errors are in the nodes
    std::vector<ExplainNode> nodes;
};

class QueryService : public QueryBackend {
public:
    // `scraper` may be null (no metadata). `threads` <= 0: the number of cores.
    QueryService(tsdb::Db *db, scrape::ScrapeManager *scraper, promql::EngineOptions options, int threads = 0);
    ~QueryService();
    QueryService(const QueryService &) = delete;
    QueryService &operator=(const QueryService &) = delete;

    // Evaluates `query` at `timeMs` (see promql::Engine::instantQuery).
    QFuture<QueryOutcome> instantQuery(std::string query, int64_t timeMs, CancelToken cancel = {}) override;
    // Evaluates `query` over [startMs, endMs] every stepMs (see rangeQuery).
    QFuture<QueryOutcome> rangeQuery(std::string query, int64_t startMs, int64_t endMs, int64_t stepMs,
                                     CancelToken cancel = {}) override;
    // Label names of series matching `matchers` (all series when empty) with
    // samples in [mint, maxt].
    QFuture<StringsOutcome> labelNames(std::vector<model::Matcher> matchers, int64_t mint, int64_t maxt) override;
    // Values of label `name` among those series ("__name__": metric names).
    QFuture<StringsOutcome> labelValues(std::string name, std::vector<model::Matcher> matchers, int64_t mint,
                                        int64_t maxt) override;
    // The scraper's metadata of every target's last scrape.
    QFuture<MetadataOutcome> metadata() override;
    // Parses `query` and evaluates every node of its tree at `timeMs`.
    QFuture<ExplainOutcome> explain(std::string query, int64_t timeMs, CancelToken cancel = {});

    // "When would this rule have fired?" over [start, end] (rules/backtest.h).
    QFuture<BacktestOutcome> backtest(rules::BacktestRequest request, CancelToken cancel = {});

    const promql::Engine &engine() const { return engine_; }

private:
    template <typename T, typename F>
    QFuture<T> run(CancelToken cancel, F work);
    promql::QueryOptions queryOptions(const CancelToken &cancel) const;

    tsdb::Db *db_;
    scrape::ScrapeManager *scraper_;
    promql::Engine engine_;
    QThreadPool pool_;
    std::mutex mu_;
    std::set<CancelToken> running_;  // GUARDED_BY(mu_): cancelled by the destructor
};

}  // namespace vigil::runtime
