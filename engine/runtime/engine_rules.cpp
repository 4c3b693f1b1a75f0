// Engine: rule groups stored in app.db by the console (one document of kind
// "rule_group" per group, holding that group as rule-file YAML).
#include "runtime/engine.h"
#include "runtime/future_helpers.h"

#include "rules/rule_file.h"
#include "store/app_store.h"

#include <QDateTime>
#include <QPromise>

namespace vigil::runtime {

QFuture<Status> Engine::saveRuleGroups(const std::string &yaml)
{
    if (state_ != State::Running) return ready(Status::failedPrecondition("the engine is not running"));
    store::AppStore *store = store_.get();
    return runOn<Status>(workPool_, [this, store, yaml]() -> Status {
        rules::RuleFileParse p = rules::parseRuleFile(yaml, "app.db");
        if (!p.ok()) {
            std::string all;
            for (const auto &e : p.errors) all += (all.empty() ? "" : "\n") + e;
            return Status::invalidArgument(all);
        }
        for (const auto &g : p.groups) {
            store::StoredDocument d;
            d.name = g.name;
            d.json = rules::toRuleFileYaml({g});  // the group as a rule file of its own
            d.updatedMs = QDateTime::currentMSecsSinceEpoch();
            VIGIL_RETURN_IF_ERROR(store->putDocument("rule_group", d));
        }
        return loadRules();  // the worker pool is drained before rules_ goes away
    });
}

QFuture<Status> Engine::removeRuleGroup(const std::string &name)
{
    if (state_ != State::Running) return ready(Status::failedPrecondition("the engine is not running"));
    store::AppStore *store = store_.get();
    return runOn<Status>(workPool_, [this, store, name]() -> Status {
        VIGIL_RETURN_IF_ERROR(store->removeDocument("rule_group", name));
        return loadRules();
    });
}

QFuture<std::string> Engine::exportRuleGroups()
{
    if (state_ != State::Running) return ready(std::string());
    store::AppStore *store = store_.get();
    return runOn<std::string>(workPool_, [store]() -> std::string {
        std::vector<rules::RuleGroupSpec> groups;
        auto docs = store->documents("rule_group");
        if (!docs.isOk()) return {};
        for (const auto &d : *docs) {
            auto p = rules::parseRuleFile(d.json, "app.db");
            for (auto &g : p.groups) groups.push_back(std::move(g));
        }
        return rules::toRuleFileYaml(groups);
    });
}

}  // namespace vigil::runtime
