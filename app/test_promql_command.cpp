#include "test_promql_command.h"

#include "promql/test_script_runner.h"
#include "tsdb/head.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <sstream>

namespace {

// Upstream scripts for feature-flagged or native-histogram-only features.
const std::set<std::string> kExperimentalFiles = {
    "duration_expression", "extended_vectors", "fill-modifier", "info",
    "limit",               "type_and_unit",    "start_timestamps", "native_histograms",
};

int countEvals(const std::string &script)
{
    int n = 0;
    std::istringstream in(script);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("eval", 0) == 0) ++n;
    }
    return n;
}

}  // namespace

int runTestPromql(const std::vector<std::string> &args)
{
    namespace fs = std::filesystem;
    if (args.empty()) {
        std::cerr << "usage: vigil test promql FILE|DIR...\n";
        return 2;
    }
    std::vector<fs::path> files;
    for (const auto &a : args) {
        std::error_code ec;
        if (fs::is_directory(a, ec)) {
            std::vector<fs::path> found;
            for (const auto &e : fs::recursive_directory_iterator(a, ec)) {
                if (e.is_regular_file() && e.path().extension() == ".test") found.push_back(e.path());
            }
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else if (fs::is_regular_file(a, ec)) {
            files.emplace_back(a);
        } else {
            std::cerr << "vigil test promql: " << a << ": no such file or directory\n";
            return 2;
        }
    }

    vigil::promql::TestScriptRunner runner([] {
        auto head = std::make_shared<vigil::tsdb::Head>();
        return vigil::promql::TestScriptRunner::Store{head, head};
    });
    using Outcome = vigil::promql::TestScriptRunner::Outcome;
    int passed = 0, failed = 0, skipped = 0;
    for (const auto &file : files) {
        std::ifstream in(file, std::ios::binary);
        const std::string script((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (kExperimentalFiles.count(file.stem().string())) {
            const int n = countEvals(script);
            skipped += n;
            std::cout << file.string() << ": 0 passed, 0 failed, " << n
                      << " skipped (experimental feature: native histograms or feature-flagged syntax)\n";
            continue;
        }
        const auto report = runner.run(script);
        passed += report.passed();
        failed += report.failed();
        skipped += report.skipped();
        std::cout << file.string() << ": " << report.passed() << " passed, " << report.failed() << " failed, "
                  << report.skipped() << " skipped\n";
        if (!report.scriptError.empty()) std::cout << "  script error: " << report.scriptError << "\n";
        for (const auto &e : report.evals) {
            if (e.outcome == Outcome::Passed) continue;
            std::cout << "  " << (e.outcome == Outcome::Failed ? "FAIL" : "skip") << " line " << e.line << ": "
                      << e.query << (e.message.empty() ? "" : " — " + e.message) << "\n";
        }
    }
    std::cout << passed << " passed, " << failed << " failed, " << skipped << " skipped\n";
    return failed == 0 ? 0 : 1;
}
