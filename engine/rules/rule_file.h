// Rule files: Prometheus's rule-file format (as promtool and Prometheus 2.42
// read it).
//
//   groups:
//   - name: node            # unique per file
//     interval: 30s         # optional, default: global evaluation_interval
//     limit: 0              # optional: most alerts/series a rule may produce (0: no limit)
//     rules:
//     - record: job:up:sum  # a valid metric name
//       expr: sum by (job) (up)
//       labels: {...}
//     - alert: HighCpu
//       expr: cpu > 0.9
//       for: 5m
//       keep_firing_for: 1m
//       labels: {severity: warning}
//       annotations: {summary: "{{ $labels.instance }} is busy"}
//
// Validation as Prometheus's rulefmt: unknown fields, duplicate keys and
// group names, exactly one of record/alert, expr set and parsed by Vigil's
// PromQL parser, recording-rule names, label and annotation names, no for /
// keep_firing_for / annotations on recording rules, and template syntax of
// alerting rules' labels and annotations. (query_offset is Prometheus 2.53+
// and rejected as unknown, as 2.42 does.)
//
// Errors name the file, line and column, group and rule as promtool does:
//   rules.yml: 5:11: group "g1", rule 1, "job:up:sum": could not parse expression: 1:17: parse error: ...
// All errors of a file are collected (promtool prints them all).
//
// Thread safety: pure functions; results are plain values.
#pragma once

#include "core/status.h"
#include "model/labels.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::rules {

struct RuleSpec {
    enum class Kind { Recording, Alerting };
    Kind kind = Kind::Alerting;
    std::string name;  // the record or alert name
    std::string expr;
    int64_t forMs = 0;
    int64_t keepFiringForMs = 0;
    model::Labels labels;
    model::Labels annotations;
    int line = 0;  // 1-based line of the rule in its file (0 when unknown)

    friend bool operator==(const RuleSpec &, const RuleSpec &) = default;
};

struct RuleGroupSpec {
    std::string name;
    std::string file;        // the file it came from ("" for groups stored in app.db)
    int64_t intervalMs = 0;  // 0: the global evaluation interval
    int64_t limit = 0;
    std::vector<RuleSpec> rules;

    friend bool operator==(const RuleGroupSpec &, const RuleGroupSpec &) = default;
};

struct RuleFileParse {
    std::vector<RuleGroupSpec> groups;
    // "file: line:col: group ..., rule N, \"name\": message", in file order.
    std::vector<std::string> errors;
    bool ok() const { return errors.empty(); }
    int ruleCount() const;
};

// Parses and validates one rule file's text; `fileName` prefixes errors and
// fills RuleGroupSpec::file.
RuleFileParse parseRuleFile(std::string_view yaml, const std::string &fileName);

// Reads and parses `path` (an unreadable file is one error "path: open: ...").
RuleFileParse loadRuleFile(const std::string &path);

// Serializes groups back to rule-file YAML (what the GUI exports and app.db
// stores); parseRuleFile(toRuleFileYaml(g)) yields g again.
std::string toRuleFileYaml(const std::vector<RuleGroupSpec> &groups);

// Prometheus's model.IsValidMetricName / LabelName.IsValid (legacy names).
bool isValidMetricName(std::string_view s);
bool isValidLabelName(std::string_view s);

}  // namespace vigil::rules
