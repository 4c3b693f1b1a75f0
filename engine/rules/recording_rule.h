// RecordingRule: evaluates its expression and returns the result renamed to
// the rule's name with the rule's labels set, as Prometheus does; errors
// "vector contains metrics with the same labelset after applying rule labels"
// and "exceeded limit of N with M series" fail the evaluation.
//
// Thread safety: eval() from one thread at a time (its group's).
#pragma once

#include "rules/rule.h"

namespace vigil::rules {

class RecordingRule final : public Rule {
public:
    RecordingRule(RuleSpec spec, promql::ExprPtr expr) : Rule(std::move(spec), std::move(expr)) {}
    Result<promql::Vector> eval(int64_t tMs, const RuleQueryFunc &query, int64_t limit) override;
};

}  // namespace vigil::rules
