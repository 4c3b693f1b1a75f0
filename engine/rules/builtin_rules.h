// Vigil's starter alerting rules, loaded when the engine runs without a
// --config.file (like the default scrape set): written against node
// exporter metric names and the http_request_duration_seconds /
// http_requests_total families (plain, prometheus_ and vigil_ prefixed).
// Each rule has a severity label (warning, critical, emergency: the tiers
// of model::AlertTier) and summary, description and runbook_url annotations.
//
// Thread safety: pure functions.
#pragma once

#include "rules/rule_file.h"

#include <string>

namespace vigil::rules {

// The rule file text (also what `vigil check rules` and promtool accept).
const std::string &builtinRulesYaml();
// Parsed, with file "builtin".
RuleFileParse builtinRuleGroups();

}  // namespace vigil::rules
