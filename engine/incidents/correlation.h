// Correlation helper: which other series of the same instance (or job) moved
// together with an alert's series in the window before the alert.
//
// For every metric name with series carrying scopeLabel=scopeValue in the
// window (bucket series, ALERTS and the target expression's own inputs are
// skipped), one range query runs over [startMs, endMs] at stepMs: counters
// (names ending in _total, _count, _sum, _created excluded) through
// rate(<m>{scope}[rateWindow]), gauges raw. Each resulting series is paired
// with the target series at equal timestamps and scored by Pearson's r; series
// with fewer than minPoints pairs or no variance are left out. The result is
// sorted by |r| (strongest first; a negative r — one falls as the other rises
// — counts as strong) and cut to topN.
//
// The target expression must give at least one series; with several, the
// first (in label order) is used and said so in `note`.
//
// Errors: InvalidArgument for a bad request (empty expression or scope,
// end <= start, step <= 0) or a target query error; Cancelled when the token
// is cancelled. Cost: one range query per candidate metric name (bounded by
// maxMetrics). Thread safety: a pure function over a thread-safe engine.
#pragma once

#include "core/status.h"
#include "model/labels.h"
#include "promql/cancellation_token.h"
#include "promql/engine.h"

#include <memory>
#include <string>
#include <vector>

namespace vigil::incidents {

struct CorrelationRequest {
    std::string targetExpr;  // the alert's series, e.g. its input or its expression
    std::string scopeLabel = "instance";
    std::string scopeValue;
    int64_t startMs = 0, endMs = 0;  // the window before the alert, inclusive
    int64_t stepMs = 15000;
    int64_t rateWindowMs = 60000;
    size_t topN = 10;
    size_t minPoints = 8;
    size_t maxMetrics = 2000;
};

struct CorrelatedSeries {
    model::Labels labels;  // the candidate series (metric name included)
    std::string expr;      // the query that produced it
    double coefficient = 0;  // Pearson's r in [-1, 1]
    size_t points = 0;       // pairs used
};

struct CorrelationResult {
    model::Labels target;  // the target series used
    std::string note;      // e.g. "the target expression gave 3 series; the first was used"
    size_t candidates = 0; // series scored
    std::vector<CorrelatedSeries> ranked;
};

// Pearson's r of paired samples; NaN when fewer than 2 pairs or a side has no variance.
double pearson(const std::vector<double> &x, const std::vector<double> &y);

bool looksLikeCounter(const std::string &metricName);

Result<CorrelationResult> correlate(storage::Queryable &storage, const promql::Engine &engine,
                                    const CorrelationRequest &request,
                                    std::shared_ptr<const promql::CancellationToken> cancel = {});

}  // namespace vigil::incidents
