// AlertSink: where the rule engine hands its alerts (notification, the
// console, a forwarder to Alertmanager).
//
// After evaluating an alerting rule the RuleManager calls send() with the
// alerts that need sending at that moment, as Prometheus's sendAlerts does:
// firing alerts at most once per resend delay (--rules.alert.resend-delay,
// default 1m) or when the group interval is longer, at each evaluation;
// resolved alerts (state Resolved, endsAtMs = resolution time) at each
// evaluation until they are dropped 15 minutes after resolving. Pending
// alerts are never sent. Firing alerts carry endsAtMs = 0 (see model/alert.h).
//
// Thread safety: send() is called on the rule manager's evaluation threads
// (one per group, so possibly concurrently from different groups); an
// implementation must be thread-safe, must not block for long (queue and
// return) and must not call back into the RuleManager.
#pragma once

#include "model/alert.h"

#include <functional>
#include <vector>

namespace vigil::rules {

class AlertSink {
public:
    virtual ~AlertSink() = default;
    virtual void send(std::vector<model::Alert> alerts) = 0;
};

// An AlertSink calling a function (handy for tests and simple wiring).
class FunctionAlertSink final : public AlertSink {
public:
    explicit FunctionAlertSink(std::function<void(std::vector<model::Alert>)> fn) : fn_(std::move(fn)) {}
    void send(std::vector<model::Alert> alerts) override { fn_(std::move(alerts)); }

private:
    std::function<void(std::vector<model::Alert>)> fn_;
};

}  // namespace vigil::rules
