// libFuzzer target for the rule-file loader (engine/rules/rule_file: yaml-cpp,
// rulefmt validation, the PromQL parser for every expr, the template parser
// for labels and annotations).
//
// Invariants checked for any input:
//   - parseRuleFile never throws or crashes;
//   - it returns groups or errors, never both, and every error names the file;
//   - a file that loads survives the round trip the console relies on:
//     parseRuleFile(toRuleFileYaml(groups)) loads again to the same groups
//     (line numbers and the file name aside).
#include "rules/rule_file.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

using namespace vigil::rules;

namespace {

void check(bool ok)
{
    if (!ok) std::abort();
}

// What the YAML round trip keeps: everything but the source position.
std::vector<RuleGroupSpec> withoutPositions(std::vector<RuleGroupSpec> groups)
{
    for (RuleGroupSpec &g : groups) {
        g.file.clear();
        for (RuleSpec &r : g.rules) r.line = 0;
    }
    return groups;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    const RuleFileParse p = parseRuleFile(text, "fuzz.yml");
    check(p.errors.empty() || p.groups.empty());
    for (const std::string &e : p.errors) check(e.rfind("fuzz.yml", 0) == 0);
    if (!p.ok()) return 0;

    const std::string yaml = toRuleFileYaml(p.groups);
    const RuleFileParse again = parseRuleFile(yaml, "again.yml");
    check(again.ok());
    check(withoutPositions(again.groups) == withoutPositions(p.groups));
    return 0;
}
