// AlertingRule: Prometheus's alert state machine for one rule.
//
// Each evaluation runs the expression; every result sample becomes an
// alert identified by its labels (sample labels without __name__, plus the
// rule's templated labels and alertname). New alerts start Pending at the
// evaluation time; Pending alerts fire once `for` has passed since activeAt.
// An alert missing from a result resolves (Inactive with resolvedAt), unless
// it was firing and keep_firing_for has not run out since it went missing.
// Resolved alerts are kept 15 minutes so they are sent as resolved.
// Annotations and templated labels are expanded at each evaluation (see
// template_functions.h; errors show as "<error expanding template: ...>").
//
// Once restored (see RuleGroup::restoreForState), eval() returns the
// ALERTS{alertstate="pending|firing"} = 1 and ALERTS_FOR_STATE = activeAt
// (seconds) samples of its active alerts, which the group writes to storage.
//
// Thread safety: eval(), restore and alertsToSend() are called from the
// group's thread; the snapshot getters may be called from any thread.
#pragma once

#include "model/alert.h"
#include "rules/rule.h"
#include "storage/storage.h"

#include <atomic>
#include <map>
#include <vector>

namespace vigil::rules {

inline constexpr int64_t kResolvedRetentionMs = 15 * 60 * 1000;

class AlertingRule final : public Rule {
public:
    struct Alert {
        model::Labels labels;
        model::Labels annotations;
        model::AlertState state = model::AlertState::Pending;  // Pending, Firing or Inactive (resolved)
        double value = 0;
        int64_t activeAtMs = 0;
        int64_t firedAtMs = 0;
        int64_t resolvedAtMs = 0;
        int64_t lastSentAtMs = 0;
        int64_t keepFiringSinceMs = 0;
    };

    AlertingRule(RuleSpec spec, promql::ExprPtr expr, model::Labels externalLabels, std::string externalUrl);

    Result<promql::Vector> eval(int64_t tMs, const RuleQueryFunc &query, int64_t limit) override;

    // Alerts to hand to the sink at tMs (see alert_sink.h) and marks them sent.
    std::vector<model::Alert> alertsToSend(int64_t tMs, int64_t resendDelayMs, int64_t intervalMs);

    // Restores activeAt of the active alerts from ALERTS_FOR_STATE in `q`
    // as Prometheus does after a restart (see RuleGroup::restoreForState).
    void restoreForState(storage::Querier &q, int64_t tMs, int64_t gracePeriodMs);
    void setRestored(bool r) { restored_.store(r); }
    bool restored() const { return restored_.load(); }
    // Takes over the alerts of `old` (a reload that kept this rule).
    void copyStateFrom(const AlertingRule &old);

    // Pending and firing alerts, sorted by labels (thread-safe snapshot).
    std::vector<Alert> activeAlerts() const;
    // The highest state of any active alert: Firing, Pending or Inactive.
    model::AlertState state() const;
    // An Alert as notification sees it.
    model::Alert toModel(const Alert &a) const;

private:
    model::Labels externalLabels_;
    std::string externalUrl_;
    std::atomic<bool> restored_{false};
    mutable std::mutex mu_;
    std::map<uint64_t, Alert> active_;  // GUARDED_BY(mu_), by labels hash
};

}  // namespace vigil::rules
