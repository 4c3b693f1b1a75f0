// RuleUnitTest: runs rule unit-test files in promtool's format (`promtool
// test rules`, Prometheus 2.42):
//
//   rule_files: [rules.yml]          # relative to the test file; globs allowed
//   evaluation_interval: 1m          # default 1m
//   group_eval_order: [g1, g2]       # optional
//   tests:
//   - interval: 1m
//     name: optional
//     external_labels: {...}
//     external_url: http://...
//     input_series:
//     - series: 'up{job="a"}'
//       values: '1 1 0x5 _ stale'    # expanding notation (promql/series_description.h)
//     alert_rule_test:
//     - eval_time: 5m
//       alertname: Down
//       exp_alerts: [{exp_labels: {...}, exp_annotations: {...}}]
//     promql_expr_test:
//     - expr: job:up:sum
//       eval_time: 5m
//       exp_samples: [{labels: 'job:up:sum{job="a"}', value: 1}]
//
// Semantics as promtool's: series samples at 0, interval, 2*interval ...
// from the Unix epoch; every group evaluated at 0, evaluation_interval, ...
// up to the largest eval_time; an alert test compares the *firing* alerts
// (labels incl. alertname, and annotations) after the round at or just
// before its eval_time; a PromQL test runs an instant query at eval_time and
// compares labels and values exactly, order-insensitively. A rule that fails
// to evaluate fails the test group.
//
// Output mirrors promtool: "Unit Testing:  FILE" then "  SUCCESS" or
// "  FAILED:" with one block per mismatch.
//
// Thread safety: independent runs may proceed in parallel.
#pragma once

#include <string>

namespace vigil::rules {

struct RuleUnitTestResult {
    bool passed = false;
    std::string output;  // stdout text ("Unit Testing:  FILE\n  SUCCESS\n\n")
    std::string errors;  // stderr text ("  FAILED:\n..."), empty when passed
};

RuleUnitTestResult runRuleUnitTestFile(const std::string &path);

}  // namespace vigil::rules
