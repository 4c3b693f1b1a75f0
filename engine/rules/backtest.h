// Backtest: "when would this alerting rule have fired?" — the rule's
// expression evaluated over stored history at the group's evaluation steps,
// fed through the real alert state machine (AlertingRule: `for`,
// keep_firing_for, templated labels), giving each alert's pending and firing
// intervals.
//
//   BacktestRequest r{spec, startMs, endMs, intervalMs};
//   Result<BacktestResult> b = backtestRule(engine, r, options);
//
// Evaluation steps are the multiples of intervalMs in [startMs, endMs]
// (startMs rounded up to a multiple; a running group's steps carry a phase
// offset, see rule_group.h, so live times may differ by up to one interval).
// The expression is evaluated once as a range query over those steps (split
// into chunks of at most kMaxBacktestSteps per query), and each step's
// vector is handed to the rule as that evaluation's result; templates that
// run their own queries ({{ query "..." }}) are evaluated as instant queries.
// The state machine starts empty at the first step (as a freshly loaded
// rule without restored state).
//
// Intervals are inclusive evaluation timestamps: a pending interval
// [first step the alert was pending, last step it was pending], a firing one
// [step it fired, last step it was still firing (including steps kept by
// keep_firing_for)]. An interval still open at the last step ends there with
// `open` set.
//
// Errors: InvalidArgument for a recording rule, a bad expression, a
// non-positive interval, end < start or more than kMaxBacktestTotalSteps
// steps; query errors (Cancelled, DeadlineExceeded, ...) are passed
// through; an evaluation error at one step (e.g. duplicate label sets)
// fails the backtest with the step's time in the message.
//
// Thread safety: a pure function over a thread-safe promql::Engine; call it
// from a worker thread (it runs as long as the query).
#pragma once

#include "core/status.h"
#include "model/labels.h"
#include "promql/engine.h"
#include "rules/rule_file.h"

#include <cstdint>
#include <vector>

namespace vigil::rules {

inline constexpr int64_t kMaxBacktestSteps = 10'000;        // per range query
inline constexpr int64_t kMaxBacktestTotalSteps = 200'000;  // per backtest

struct BacktestRequest {
    RuleSpec rule;  // an alerting rule
    int64_t startMs = 0;
    int64_t endMs = 0;
    int64_t intervalMs = 60'000;  // the group's evaluation interval
    model::Labels externalLabels;
};

struct BacktestInterval {
    int64_t startMs = 0;  // inclusive evaluation timestamps
    int64_t endMs = 0;
    bool open = false;  // still in this state at the last step
    friend bool operator==(const BacktestInterval &, const BacktestInterval &) = default;
};

struct BacktestSeries {
    model::Labels labels;  // the alert's labels (alertname, rule labels, series labels)
    std::vector<BacktestInterval> pending;
    std::vector<BacktestInterval> firing;
};

struct BacktestResult {
    std::vector<BacktestSeries> series;  // sorted by labels
    std::vector<int64_t> steps;          // the evaluation timestamps used
    std::vector<std::string> warnings;   // PromQL annotations of the range queries
};

Result<BacktestResult> backtestRule(const promql::Engine &engine, const BacktestRequest &request,
                                    const promql::QueryOptions &options = {});

}  // namespace vigil::rules
