// RuleGroup: the rules of one group, evaluated in order at the group's
// interval, as Prometheus's rules.Group.
//
// iterate(t) is one evaluation round: every rule is evaluated at t; results
// are appended to storage in one batch per rule (recording results,
// ALERTS / ALERTS_FOR_STATE); series a rule returned last time but not now
// get a staleness marker; alerts that need sending go to the AlertSink.
// A group created with shouldRestore (the first load after a start) restores
// the `for` state of its alerting rules after its second round, from the
// ALERTS_FOR_STATE series written before the restart, as Prometheus does
// (--rules.alert.for-outage-tolerance, --rules.alert.for-grace-period).
//
// Scheduling: evaluation times are aligned to slots so a group evaluates at
// the same offset within its interval across restarts: the offset is a hash
// of the group's name and file modulo the interval (Prometheus's scheme; the
// hash function differs, so the offsets are not Prometheus's).
// start() runs the rounds on a thread of the group's own ("vigil-rules");
// a round that falls behind skips missed slots. Times come from the clock
// in the options, so tests may drive a fake clock (the thread polls it at
// least every 200 ms of real time) or call iterate() directly.
//
// Thread safety: iterate()/restoreForState() from one thread at a time (the
// group thread once started); getters are thread-safe.
#pragma once

#include "rules/alert_sink.h"
#include "rules/rule.h"
#include "rules/rule_file.h"
#include "storage/storage.h"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace vigil::rules {

struct RuleGroupOptions {
    RuleQueryFunc query;                        // required
    storage::Appendable *appendable = nullptr;  // required; not owned
    storage::Queryable *queryable = nullptr;    // for restoring `for` state; may be null
    AlertSink *sink = nullptr;                  // may be null; not owned
    std::function<int64_t()> now;               // ms since epoch; default: system clock
    int64_t resendDelayMs = 60'000;
    int64_t outageToleranceMs = 3'600'000;
    int64_t forGracePeriodMs = 600'000;
    bool logFailures = true;  // log failed rule evaluations (lcRules warnings)
};

class RuleGroup {
public:
    RuleGroup(RuleGroupSpec spec, int64_t intervalMs, std::vector<std::unique_ptr<Rule>> rules,
              RuleGroupOptions options, bool shouldRestore);
    ~RuleGroup();  // stop()

    const std::string &name() const { return spec_.name; }
    const std::string &file() const { return spec_.file; }
    const RuleGroupSpec &spec() const { return spec_; }
    int64_t intervalMs() const { return intervalMs_; }
    int64_t limit() const { return spec_.limit; }
    const std::vector<std::unique_ptr<Rule>> &rules() const { return rules_; }

    // One round at tMs (restores after the second round when asked to).
    void iterate(int64_t tMs);
    // Evaluates all rules at tMs once (no restore step).
    void evaluate(int64_t tMs);
    // See the class comment.
    void restoreForState(int64_t tMs);
    // The slot at or before startMs.
    int64_t evalTimestamp(int64_t startMs) const;
    // Takes over alert state and last-round series of a group with the same
    // name and file (reload); rules match by name, query and labels.
    void copyState(RuleGroup &old);
    // Writes staleness markers for every series of the last round (the
    // group was removed by a reload).
    void markStale(int64_t tMs);

    void start();
    void stop();

    int64_t lastEvaluationMs() const { return lastEvalMs_.load(); }
    double evaluationSeconds() const;

private:
    void run();
    int64_t now() const;

    RuleGroupSpec spec_;
    int64_t intervalMs_;
    std::vector<std::unique_ptr<Rule>> rules_;
    RuleGroupOptions opts_;
    bool shouldRestore_;
    int rounds_ = 0;
    // Series written by each rule in the last round (for staleness markers).
    std::vector<std::vector<model::Labels>> previous_;
    // Series of rules a reload removed: marked stale at the next round.
    std::vector<model::Labels> orphaned_;

    std::atomic<int64_t> lastEvalMs_{0};
    std::atomic<int64_t> evalNanos_{0};

    std::mutex runMu_;
    std::condition_variable runCv_;
    bool stopping_ = false;  // GUARDED_BY(runMu_)
    std::thread thread_;
};

}  // namespace vigil::rules
