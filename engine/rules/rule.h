// Rule: what recording and alerting rules share — a parsed expression, a
// name, labels, and the health of the last evaluation.
//
// Rules are evaluated by their RuleGroup on one thread at a time; status
// getters (health, lastError, lastEvaluation, evaluation time) are
// thread-safe so the HTTP API and the console can read them while the
// group runs.
#pragma once

#include "core/status.h"
#include "model/labels.h"
#include "promql/ast.h"
#include "promql/value.h"
#include "rules/rule_file.h"

#include <cstdint>
#include <functional>
#include <mutex>
#include <string>

namespace vigil::rules {

enum class RuleHealth { Unknown, Good, Bad };
const char *ruleHealthName(RuleHealth h);  // "unknown", "ok", "err" as Prometheus's API

// Evaluates an instant query at tMs; a scalar result comes back as one
// sample without labels. Thread-safe.
using RuleQueryFunc = std::function<Result<promql::Vector>(const promql::Expr &expr, int64_t tMs)>;

struct RuleStatus {
    RuleHealth health = RuleHealth::Unknown;
    std::string lastError;
    int64_t lastEvaluationMs = 0;  // 0: never evaluated
    double evaluationSeconds = 0;
};

class Rule {
public:
    virtual ~Rule() = default;
    // Builds a rule from its spec; InvalidArgument when expr does not parse.
    static Result<std::unique_ptr<Rule>> create(const RuleSpec &spec, const model::Labels &externalLabels,
                                                const std::string &externalUrl);

    const RuleSpec &spec() const { return spec_; }
    const std::string &name() const { return spec_.name; }
    const promql::Expr &expr() const { return *expr_; }
    // The expression as Prometheus prints it ("sum by (job) (up)").
    const std::string &query() const { return query_; }
    bool isAlerting() const { return spec_.kind == RuleSpec::Kind::Alerting; }

    // Evaluates at tMs and returns the samples to write (recording results,
    // or ALERTS / ALERTS_FOR_STATE). `limit` > 0 caps series/alerts.
    virtual Result<promql::Vector> eval(int64_t tMs, const RuleQueryFunc &query, int64_t limit) = 0;

    RuleStatus status() const;
    void setStatus(const RuleStatus &s);

protected:
    Rule(RuleSpec spec, promql::ExprPtr expr);
    RuleSpec spec_;
    promql::ExprPtr expr_;
    std::string query_;

private:
    mutable std::mutex statusMu_;
    RuleStatus status_;  // GUARDED_BY(statusMu_)
};

}  // namespace vigil::rules
