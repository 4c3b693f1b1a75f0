// Vigil's `escalations:` section of the notifier configuration (format in
// docs/escalation.md, values in escalation_config.h). Errors use the file's
// "<file>:<line>: <path>: <reason>" form like the rest of the parser.
#include "notify/notify_config_parser.h"

#include <set>

namespace vigil::notify {

Status NotifyConfigParser::parseEscalations(const YAML::Node &n, NotifyConfig *cfg)
{
    VIGIL_RETURN_IF_ERROR(r_.checkSequence(n, "escalations"));
    std::set<std::string> names;
    for (size_t i = 0; i < n.size(); ++i) {
        const YAML::Node l = n[i];
        const std::string p = indexPath("escalations", i);
        VIGIL_RETURN_IF_ERROR(r_.checkMap(l, p, {"name", "matchers", "steps"}, "vigil.EscalationLadder"));
        EscalationLadder ladder;
        if (const YAML::Node v = l["name"]; v.IsDefined())
            VIGIL_RETURN_IF_ERROR(r_.readString(v, joinPath(p, "name"), &ladder.name));
        if (ladder.name.empty()) ladder.name = "escalation-" + std::to_string(i);
        if (!names.insert(ladder.name).second)
            return r_.error(l, p, "escalation name \"" + ladder.name + "\" is not unique");
        if (const YAML::Node v = l["matchers"]; v.IsDefined())
            VIGIL_RETURN_IF_ERROR(readMatcherList(v, joinPath(p, "matchers"), &ladder.matchers));
        const YAML::Node steps = l["steps"];
        const std::string sp = joinPath(p, "steps");
        if (!steps.IsDefined() || steps.IsNull() || (steps.IsSequence() && steps.size() == 0))
            return r_.error(l, sp, "an escalation needs at least one step");
        VIGIL_RETURN_IF_ERROR(r_.checkSequence(steps, sp));
        for (size_t j = 0; j < steps.size(); ++j) {
            const YAML::Node s = steps[j];
            const std::string stp = indexPath(sp, j);
            VIGIL_RETURN_IF_ERROR(r_.checkMap(s, stp, {"after", "receiver"}, "vigil.EscalationStep"));
            EscalationStep step;
            const YAML::Node after = s["after"];
            if (!after.IsDefined()) return r_.error(s, joinPath(stp, "after"), "missing delay (e.g. after: 15m)");
            VIGIL_RETURN_IF_ERROR(r_.readDuration(after, joinPath(stp, "after"), &step.afterMs));
            if (step.afterMs <= 0) return r_.error(after, joinPath(stp, "after"), "the delay must be greater than 0");
            if (!ladder.steps.empty() && step.afterMs <= ladder.steps.back().afterMs)
                return r_.error(after, joinPath(stp, "after"),
                                "steps must be in increasing order of their delays (" + after.Scalar() +
                                " is not after the previous step)");
            const YAML::Node recv = s["receiver"];
            if (!recv.IsDefined()) return r_.error(s, joinPath(stp, "receiver"), "missing receiver");
            VIGIL_RETURN_IF_ERROR(r_.readString(recv, joinPath(stp, "receiver"), &step.receiver));
            if (!cfg->findReceiver(step.receiver))
                return r_.error(recv, joinPath(stp, "receiver"),
                                "undefined receiver \"" + step.receiver + "\" used in escalation");
            ladder.steps.push_back(std::move(step));
        }
        cfg->escalations.push_back(std::move(ladder));
    }
    return Status::ok();
}

const EscalationLadder *NotifyConfig::findLadder(const model::Labels &labels) const
{
    for (const EscalationLadder &l : escalations)
        if (matchesAll(l.matchers, labels)) return &l;
    return nullptr;
}

}  // namespace vigil::notify
