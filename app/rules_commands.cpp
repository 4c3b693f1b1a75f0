#include "rules_commands.h"

#include "rules/rule_file.h"
#include "rules/rule_unit_test.h"

#include <filesystem>
#include <iostream>

namespace {

// promtool refuses missing files before checking anything.
bool checkArgs(const char *command, const std::vector<std::string> &args)
{
    if (args.empty()) {
        std::cerr << "vigil: error: required argument '" << command << "' not provided, try --help\n";
        return false;
    }
    for (const auto &a : args) {
        std::error_code ec;
        if (!a.empty() && a[0] == '-') {
            std::cerr << "vigil: error: unknown flag " << a << ", try --help\n";
            return false;
        }
        if (!std::filesystem::exists(a, ec)) {
            std::cerr << "vigil: error: path '" << a << "' does not exist, try --help\n";
            return false;
        }
    }
    return true;
}

}  // namespace

int runCheckRules(const std::vector<std::string> &args)
{
    if (!checkArgs("rule-files", args)) return 1;
    int rc = 0;
    for (const auto &file : args) {
        std::cout << "Checking " << file << "\n";
        const vigil::rules::RuleFileParse p = vigil::rules::loadRuleFile(file);
        if (p.ok()) {
            std::cout << "  SUCCESS: " << p.ruleCount() << " rules found\n";
        } else {
            std::cerr << "  FAILED:\n";
            for (const auto &e : p.errors) std::cerr << e << "\n";
            rc = 1;
        }
        std::cout << "\n";
    }
    return rc;
}

int runTestRules(const std::vector<std::string> &args)
{
    if (!checkArgs("test-rule-file", args)) return 1;
    int rc = 0;
    for (const auto &file : args) {
        const auto r = vigil::rules::runRuleUnitTestFile(file);
        std::cout << r.output << std::flush;
        if (!r.passed) {
            std::cerr << r.errors << std::flush;
            std::cout << "\n";  // promtool ends a failed file with one more blank line
            rc = 1;
        }
    }
    return rc;
}
