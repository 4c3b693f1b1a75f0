// libFuzzer target for the rule engine's Go-template subset (parse + execute)
// as used by alerting rules' labels and annotations.
//
// Invariants for any input: no crash, no hang; a template that parses either
// executes or fails with a "template: " message; a failed parse says
// "template: NAME:LINE: ..."; parseRuleFile returns groups or errors, never both.
// Seeds: corpus/fuzz_rule_templates/ (-max_len=512 keeps inputs template-sized).
#include "rules/rule_file.h"
#include "rules/template_functions.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace vigil::rules;
    const std::string text(reinterpret_cast<const char *>(data), size);

    const vigil::Status st = checkRuleTemplate("F", text);
    if (!st.isOk() && st.message().rfind("template: __alert_F:", 0) != 0) std::abort();
    TemplateContext ctx;
    ctx.labels = {{"__name__", "m"}, {"instance", "a:1"}};
    ctx.externalLabels = {{"site", "x"}};
    ctx.value = 1.5;
    std::string err;
    const std::string out = expandRuleTemplate("F", text, ctx, &err);
    if (st.isOk() != (err.rfind("error parsing", 0) != 0)) std::abort();
    if (!err.empty() && out.rfind("<error expanding template: ", 0) != 0) std::abort();

    const RuleFileParse p = parseRuleFile(text, "fuzz.yml");
    if (!p.errors.empty() && !p.groups.empty()) std::abort();
    return 0;
}
