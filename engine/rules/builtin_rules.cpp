#include "rules/builtin_rules.h"

namespace vigil::rules {

namespace {

// engine/rules/starter_rules.yml, embedded at configure time (see engine/CMakeLists.txt).
#include "starter_rules_yaml.inc"

}  // namespace

const std::string &builtinRulesYaml()
{
    static const std::string yaml = kYaml;
    return yaml;
}

RuleFileParse builtinRuleGroups() { return parseRuleFile(builtinRulesYaml(), "builtin"); }

}  // namespace vigil::rules
