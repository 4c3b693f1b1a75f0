// RuleManager: loads rule groups (from rule files, from app.db, built-in)
// and runs each on its own thread at its interval; the source of
// /api/v1/rules and /api/v1/alerts and of the alerts handed to an AlertSink.
//
//   RuleManager m(opts);                      // storage + sink + clock
//   Status s = m.update(config);              // load; groups start running
//   auto groups = m.groups();                 // snapshots for the API / console
//   m.stop();                                 // before storage closes
//
// update() replaces the set of groups. Groups whose name and file did not
// change keep their alert state; removed groups write staleness markers for
// their series. The first update() after construction restores `for` state
// from ALERTS_FOR_STATE (see rule_group.h); later ones do not. A rule file
// with errors fails the update (nothing changes) with every error listed.
//
// Thread safety: all public methods are thread-safe. update()/stop() block
// while group threads stop (at most one evaluation round).
#pragma once

#include "model/alert.h"
#include "promql/engine.h"
#include "rules/alert_sink.h"
#include "rules/rule_file.h"
#include "rules/rule_group.h"
#include "storage/storage.h"

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace vigil::rules {

struct RuleManagerOptions {
    storage::Appendable *appendable = nullptr;  // required; not owned
    storage::Queryable *queryable = nullptr;    // required; not owned
    AlertSink *sink = nullptr;                  // may be null; not owned; see setSink()
    std::function<int64_t()> now;               // default: system clock
    promql::EngineOptions engine;
    int64_t resendDelayMs = 60'000;             // --rules.alert.resend-delay
    int64_t outageToleranceMs = 3'600'000;      // --rules.alert.for-outage-tolerance
    int64_t forGracePeriodMs = 600'000;         // --rules.alert.for-grace-period
    // Run group threads (false: tests call evaluateAll()).
    bool runThreads = true;
};

// What update() loads.
struct RuleConfig {
    std::vector<std::string> files;          // rule files, already glob-expanded
    std::vector<RuleGroupSpec> extraGroups;  // app.db and built-in groups (file set by the caller)
    int64_t evaluationIntervalMs = 60'000;
    model::Labels externalLabels;
    std::string externalUrl;
};

// Snapshots for the API and the console.
struct RuleSnapshot {
    RuleSpec spec;
    std::string query;  // printed expression
    RuleStatus status;
    model::AlertState state = model::AlertState::Inactive;  // alerting rules
    std::vector<model::Alert> alerts;                       // pending and firing
};
struct GroupSnapshot {
    std::string name;
    std::string file;
    int64_t intervalMs = 0;
    int64_t limit = 0;
    int64_t lastEvaluationMs = 0;
    double evaluationSeconds = 0;
    std::vector<RuleSnapshot> rules;
};

class RuleManager {
public:
    explicit RuleManager(RuleManagerOptions options);
    ~RuleManager();

    // See the class comment. InvalidArgument lists every error, one a line.
    Status update(const RuleConfig &config);
    void stop();
    // Replaces the sink (thread-safe; null: alerts are dropped).
    void setSink(AlertSink *sink);

    std::vector<GroupSnapshot> groups() const;
    // Pending and firing alerts of all rules, in group and rule order.
    std::vector<model::Alert> alerts() const;

    // One round of every group at tMs (tests; also works with threads off).
    void evaluateAll(int64_t tMs);

private:
    class SinkProxy;
    RuleManagerOptions opts_;
    std::unique_ptr<promql::Engine> engine_;
    std::unique_ptr<SinkProxy> sink_;
    mutable std::mutex mu_;
    std::vector<std::unique_ptr<RuleGroup>> groups_;  // GUARDED_BY(mu_)
    bool restored_ = false;                           // GUARDED_BY(mu_): the first update happened
    bool stopped_ = false;
};

}  // namespace vigil::rules
