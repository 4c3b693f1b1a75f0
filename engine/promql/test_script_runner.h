// TestScriptRunner: runs PromQL test scripts (the promqltest format of
// Prometheus's promql/promqltest/testdata/*.test) against Vigil's engine.
//
// Supported: load <interval> (and load_with_nhcb, loaded as plain floats),
// clear, eval instant at <t> / eval range from <a> to <b> step <s>, the old
// spellings eval_fail / eval_ordered / eval_warn / eval_info, and the expect
// lines: fail [msg: ...|regex: ...], ordered, string "...", warn/no_warn,
// info/no_info (with optional "msg: ..."), range vector from <a> to <b> step <s>.
// Expected series compare by labels; values with Prometheus's relative
// tolerance (1e-6), NaN equals NaN; range points also compare timestamps.
//
// Skipped (counted, with a reason) rather than run: evals whose expectations
// contain native histogram samples ("{{") and evals whose query selects a
// series loaded as native histograms ("{{" in a load line) or converted to
// one by load_with_nhcb (the x of x_bucket; the classic x_bucket, x_count and
// x_sum float series are loaded and queried normally). Everything else passes
// or fails. A later load line for the same series replaces an earlier one.
//
// The runner does not know the storage: a StorageFactory makes an empty store
// for each script and after each "clear" (e.g. a tsdb::Head).
//
// Thread safety: a runner is used by one thread; separate runners are independent.
#pragma once

#include "promql/engine.h"
#include "storage/storage.h"

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::promql {

class TestScriptRunner {
public:
    struct Store {
        std::shared_ptr<storage::Appendable> appendable;
        std::shared_ptr<storage::Queryable> queryable;
    };
    using StorageFactory = std::function<Store()>;

    enum class Outcome { Passed, Failed, Skipped };
    struct EvalResult {
        int line = 0;  // 1-based line of the eval command
        std::string query;
        Outcome outcome = Outcome::Passed;
        std::string message;  // why it failed or was skipped
    };
    struct Report {
        std::vector<EvalResult> evals;
        // A script syntax error (the rest of the script was not run).
        std::string scriptError;
        int passed() const { return count(Outcome::Passed); }
        int failed() const { return count(Outcome::Failed) + (scriptError.empty() ? 0 : 1); }
        int skipped() const { return count(Outcome::Skipped); }
        int count(Outcome o) const;
    };

    // `options.enableExperimentalFunctions` is forced on: the scripts use them.
    explicit TestScriptRunner(StorageFactory factory, EngineOptions options = {});

    // Runs one script. Never throws; problems are in the report.
    Report run(std::string_view script) const;

private:
    StorageFactory factory_;
    EngineOptions options_;
};

}  // namespace vigil::promql
