// `vigil test promql FILE|DIR...`: runs PromQL test scripts (the promqltest
// format of Prometheus's promql/promqltest/testdata) against Vigil's engine.
// Prints "<file>: N passed, N failed, N skipped" per file, each failure and
// skip reason, and a last line "N passed, N failed, N skipped".
// Files of upstream's experimental features are skipped whole, with the
// reason. Exit 0 when nothing failed, 1 otherwise, 2 on a usage error.
#pragma once

#include <string>
#include <vector>

int runTestPromql(const std::vector<std::string> &args);
