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
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace vigil::rules;

namespace {

// Names the broken invariant before aborting, so a crash artifact explains itself.
void check(bool ok, const char *what)
{
    if (ok) return;
    std::fprintf(stderr, "fuzz_rule_file: invariant broken: %s\n", what);
    std::abort();
}
#define CHECK(cond) check((cond), #cond)

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
    CHECK(p.errors.empty() || p.groups.empty());
    for (const std::string &e : p.errors) CHECK(e.rfind("fuzz.yml", 0) == 0);
    if (!p.ok()) return 0;

    const std::string yaml = toRuleFileYaml(p.groups);
    const RuleFileParse again = parseRuleFile(yaml, "again.yml");
    CHECK(again.ok());
    CHECK(withoutPositions(again.groups) == withoutPositions(p.groups));
    return 0;
}
