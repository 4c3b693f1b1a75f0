#include "rules/builtin_rules.h"

namespace vigil::rules {

namespace {

// CPU busy percent per instance (node exporter), and the host part of an
// instance so node-exporter and application targets on one host can be joined.
// The playbook: warning above 70 %, critical above 85 %, emergency above 95 %
// while requests also take more than 5 s (95th percentile).
const char *kYaml = R"yaml(groups:
- name: vigil-starter-host
  rules:
  - alert: HostCpuHigh
    expr: 100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m]))) > 70
    for: 5m
    labels:
      severity: warning
    annotations:
      summary: "CPU busy above 70 % on {{ $labels.instance }}"
      description: "CPU on {{ $labels.instance }} has been {{ $value | printf \"%.1f\" }} % busy for 5 minutes."
      runbook_url: "docs/runbooks/host-cpu.md"
  - alert: HostCpuCritical
    expr: 100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m]))) > 85
    for: 5m
    labels:
      severity: critical
    annotations:
      summary: "CPU busy above 85 % on {{ $labels.instance }}"
      description: "CPU on {{ $labels.instance }} has been {{ $value | printf \"%.1f\" }} % busy for 5 minutes; work is queuing."
      runbook_url: "docs/runbooks/host-cpu.md"
  - alert: HostCpuSaturatedSlowResponses
    expr: |
      (
        label_replace(100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m]))), "host", "$1", "instance", "([^:]+)(:[0-9]+)?")
        > 95
      )
      and on (host)
      (
        label_replace(
          histogram_quantile(0.95, sum by (instance, le) (rate({__name__=~"(prometheus_|vigil_)?http_request_duration_seconds_bucket"}[5m]))),
          "host", "$1", "instance", "([^:]+)(:[0-9]+)?")
        > 5
      )
    for: 2m
    labels:
      severity: emergency
    annotations:
      summary: "CPU above 95 % and responses slower than 5 s on {{ $labels.host }}"
      description: "CPU on {{ $labels.instance }} is {{ $value | printf \"%.1f\" }} % busy while the 95th percentile response time on the same host is above 5 s."
      runbook_url: "docs/runbooks/host-cpu.md"
  - alert: HostMemoryPressure
    expr: node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes < 0.10
    for: 5m
    labels:
      severity: warning
    annotations:
      summary: "Less than 10 % memory available on {{ $labels.instance }}"
      description: "Only {{ $value | humanizePercentage }} of memory is available on {{ $labels.instance }}."
      runbook_url: "docs/runbooks/host-memory.md"
  - alert: HostMemoryPressureCritical
    expr: node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes < 0.05 and rate(node_vmstat_pgmajfault[5m]) > 100
    for: 2m
    labels:
      severity: critical
    annotations:
      summary: "Memory nearly exhausted on {{ $labels.instance }}"
      description: "Less than 5 % memory is available on {{ $labels.instance }} and the host is paging ({{ $value | humanize }} major faults/s)."
      runbook_url: "docs/runbooks/host-memory.md"
  - alert: HostDiskWillFillIn24Hours
    expr: |
      predict_linear(node_filesystem_avail_bytes{fstype!~"tmpfs|ramfs|overlay|squashfs"}[6h], 24 * 3600) < 0
      and node_filesystem_avail_bytes{fstype!~"tmpfs|ramfs|overlay|squashfs"} / node_filesystem_size_bytes < 0.25
      and node_filesystem_readonly == 0
    for: 30m
    labels:
      severity: warning
    annotations:
      summary: "{{ $labels.mountpoint }} on {{ $labels.instance }} will fill within 24 hours"
      description: "At the rate of the last 6 hours, {{ $labels.device }} ({{ $labels.mountpoint }}) on {{ $labels.instance }} runs out of space within a day."
      runbook_url: "docs/runbooks/host-disk.md"
  - alert: HostDiskWillFillIn4Hours
    expr: |
      predict_linear(node_filesystem_avail_bytes{fstype!~"tmpfs|ramfs|overlay|squashfs"}[1h], 4 * 3600) < 0
      and node_filesystem_avail_bytes{fstype!~"tmpfs|ramfs|overlay|squashfs"} / node_filesystem_size_bytes < 0.10
      and node_filesystem_readonly == 0
    for: 10m
    labels:
      severity: critical
    annotations:
      summary: "{{ $labels.mountpoint }} on {{ $labels.instance }} will fill within 4 hours"
      description: "At the rate of the last hour, {{ $labels.device }} ({{ $labels.mountpoint }}) on {{ $labels.instance }} runs out of space within 4 hours."
      runbook_url: "docs/runbooks/host-disk.md"
- name: vigil-starter-targets
  rules:
  - alert: TargetDown
    expr: up == 0
    for: 2m
    labels:
      severity: critical
    annotations:
      summary: "{{ $labels.job }} target {{ $labels.instance }} is down"
      description: "Scrapes of {{ $labels.instance }} (job {{ $labels.job }}) have failed for 2 minutes."
      runbook_url: "docs/runbooks/target-down.md"
  - alert: HighErrorRate
    expr: |
      sum by (job, instance) (rate({__name__=~"(prometheus_|vigil_)?http_requests_total", code=~"5.."}[5m]))
      /
      sum by (job, instance) (rate({__name__=~"(prometheus_|vigil_)?http_requests_total"}[5m]))
      > 0.05
    for: 5m
    labels:
      severity: critical
    annotations:
      summary: "More than 5 % of requests to {{ $labels.instance }} fail"
      description: "{{ $value | humanizePercentage }} of HTTP requests to {{ $labels.job }} on {{ $labels.instance }} answered 5xx over 5 minutes."
      runbook_url: "docs/runbooks/error-rate.md"
  - alert: SlowResponses
    expr: |
      histogram_quantile(0.95, sum by (job, instance, le) (rate({__name__=~"(prometheus_|vigil_)?http_request_duration_seconds_bucket"}[5m]))) > 5
    for: 5m
    labels:
      severity: warning
    annotations:
      summary: "95th percentile response time above 5 s on {{ $labels.instance }}"
      description: "Requests to {{ $labels.job }} on {{ $labels.instance }} take {{ $value | humanizeDuration }} at the 95th percentile."
      runbook_url: "docs/runbooks/error-rate.md"
)yaml";

}  // namespace

const std::string &builtinRulesYaml()
{
    static const std::string yaml = kYaml;
    return yaml;
}

RuleFileParse builtinRuleGroups() { return parseRuleFile(builtinRulesYaml(), "builtin"); }

}  // namespace vigil::rules
