// NotifyConfig: a loaded Alertmanager configuration file (alertmanager.yml),
// with Vigil's extra receiver types.
//
//   Result<NotifyConfig> cfg = NotifyConfig::loadFile("alertmanager.yml");
//   if (!cfg) show(cfg.status().message());
//   // "alertmanager.yml:14: route.routes[0].group_wait: not a valid duration string: \"5x\""
//
// The accepted format is Alertmanager 0.25's: `global`, `route` (a tree;
// children inherit receiver, group_by and the three intervals from their
// parent, as Alertmanager does), `receivers` (webhook_configs, slack_configs,
// email_configs), `inhibit_rules` (source_matchers/target_matchers/equal and
// the legacy source_match[_re]/target_match[_re]), `time_intervals` and the
// legacy `mute_time_intervals`, `templates` (accepted, not interpreted).
// Vigil extends receivers with `desktop_configs`, `sms_configs` and
// `action_configs` (see receiver_config.h), and adds a top-level
// `escalations` list (escalation_config.h, docs/escalation.md); a file using
// them is not valid for Alertmanager itself.
//
// Errors are InvalidArgument "<file>:<line>: <field path>: <reason>" and use
// Alertmanager's wording for its semantic checks (undefined receiver, missing
// to address, ...). Unknown fields and duplicate keys are errors, as in
// Alertmanager's strict YAML decoding.
//
// Secrets: any string value may be written `${keychain:NAME}`; it is replaced
// by the keychain entry NAME when the Notifier applies the configuration
// (see secret_refs.h). Parsing keeps the reference as written.
//
// Never throws. A plain value; thread-safe to share once built.
#pragma once

#include "core/status.h"
#include "notify/escalation_config.h"
#include "notify/label_matchers.h"
#include "notify/receiver_config.h"
#include "notify/time_interval.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::notify {

// Alertmanager's defaults.
inline constexpr int64_t kDefaultGroupWaitMs = 30'000;
inline constexpr int64_t kDefaultGroupIntervalMs = 5 * 60'000;
inline constexpr int64_t kDefaultRepeatIntervalMs = 4 * 3600'000;
inline constexpr int64_t kDefaultResolveTimeoutMs = 5 * 60'000;

struct GlobalConfig {
    int64_t resolveTimeoutMs = kDefaultResolveTimeoutMs;
    std::string smtpFrom;
    std::string smtpHello = "localhost";
    std::string smtpSmarthost;  // host:port
    std::string smtpAuthUsername;
    std::string smtpAuthPassword;  // secret
    std::string smtpAuthPasswordFile;
    std::string smtpAuthIdentity;
    bool smtpRequireTls = true;
    std::string slackApiUrl;  // secret (the URL carries the token)
    std::string slackApiUrlFile;
    HttpConfig http;
};

// One node of the routing tree, with inherited values already filled in.
struct Route {
    std::string receiver;
    std::vector<std::string> groupBy;  // label names, sorted
    bool groupByAll = false;           // group_by: ['...']
    LabelMatchers matchers;            // matchers + match + match_re, all must match
    bool continueMatching = false;
    int64_t groupWaitMs = kDefaultGroupWaitMs;
    int64_t groupIntervalMs = kDefaultGroupIntervalMs;
    int64_t repeatIntervalMs = kDefaultRepeatIntervalMs;
    std::vector<std::string> muteTimeIntervals;
    std::vector<std::string> activeTimeIntervals;
    std::vector<Route> routes;
    // Alertmanager's route key, "{}/{severity=\"critical\"}": the matchers
    // from the root down; the prefix of group keys.
    std::string key;
    // key plus the index among siblings ("{}/{...}/0"): unique per route.
    std::string id;
};

struct InhibitRule {
    LabelMatchers sourceMatchers;
    LabelMatchers targetMatchers;
    std::vector<std::string> equal;
};

struct NotifyConfig {
    GlobalConfig global;
    Route route;
    std::vector<Receiver> receivers;
    std::vector<InhibitRule> inhibitRules;
    std::map<std::string, std::vector<TimeInterval>, std::less<>> timeIntervals;
    std::vector<std::string> templates;
    // Vigil: escalation ladders (escalation_config.h); empty: no escalation.
    std::vector<EscalationLadder> escalations;
    std::string sourceFile;

    const Receiver *findReceiver(std::string_view name) const;
    // The first ladder whose matchers match `labels`, or null.
    const EscalationLadder *findLadder(const model::Labels &labels) const;

    static Result<NotifyConfig> loadFile(const std::string &path);
    static Result<NotifyConfig> loadString(std::string_view yaml, const std::string &fileName);
};

}  // namespace vigil::notify
