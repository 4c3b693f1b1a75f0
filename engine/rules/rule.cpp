#include "rules/rule.h"

#include "promql/parser.h"
#include "promql/printer.h"
#include "rules/alerting_rule.h"
#include "rules/recording_rule.h"

namespace vigil::rules {

const char *ruleHealthName(RuleHealth h)
{
    switch (h) {
        case RuleHealth::Good: return "ok";
        case RuleHealth::Bad: return "err";
        default: return "unknown";
    }
}

Rule::Rule(RuleSpec spec, promql::ExprPtr expr) : spec_(std::move(spec)), expr_(std::move(expr))
{
    query_ = promql::toString(*expr_);
}

Result<std::unique_ptr<Rule>> Rule::create(const RuleSpec &spec, const model::Labels &externalLabels,
                                           const std::string &externalUrl)
{
    auto e = promql::parseExpr(spec.expr);
    if (!e) return Status::invalidArgument("rule " + spec.name + ": could not parse expression: " + e.status().message());
    std::unique_ptr<Rule> r;
    if (spec.kind == RuleSpec::Kind::Recording) {
        r = std::make_unique<RecordingRule>(spec, std::move(e).value());
    } else {
        r = std::make_unique<AlertingRule>(spec, std::move(e).value(), externalLabels, externalUrl);
    }
    return r;
}

RuleStatus Rule::status() const
{
    std::lock_guard lock(statusMu_);
    return status_;
}

void Rule::setStatus(const RuleStatus &s)
{
    std::lock_guard lock(statusMu_);
    status_ = s;
}

}  // namespace vigil::rules
