#include "scrape/job_templates.h"

#include "scrape/prometheus_config.h"
#include "scrape/units.h"

namespace vigil::scrape {

std::string kubernetesPodsAnnotationsRelabelYaml()
{
    return R"(  relabel_configs:
  - source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_scrape]
    action: keep
    regex: "true"
  - source_labels: [__meta_kubernetes_pod_phase]
    action: drop
    regex: Pending|Succeeded|Failed
  - source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_scheme]
    action: replace
    regex: (https?)
    target_label: __scheme__
  - source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_path]
    action: replace
    regex: (.+)
    target_label: __metrics_path__
  - source_labels: [__address__, __meta_kubernetes_pod_annotation_prometheus_io_port]
    action: replace
    regex: ([^:]+)(?::\d+)?;(\d+)
    replacement: $1:$2
    target_label: __address__
  - action: labelmap
    regex: __meta_kubernetes_pod_label_(.+)
  - source_labels: [__meta_kubernetes_namespace]
    action: replace
    target_label: namespace
  - source_labels: [__meta_kubernetes_pod_name]
    action: replace
    target_label: pod
)";
}

Result<ScrapeConfig> kubernetesPodsAnnotationsJob(const std::string &jobName, int64_t scrapeIntervalMs)
{
    const std::string interval = formatDuration(scrapeIntervalMs);
    const std::string yaml = "scrape_configs:\n- job_name: \"" + jobName + "\"\n  scrape_interval: " + interval +
                             "\n  scrape_timeout: " + formatDuration(std::min(scrapeIntervalMs, kDefaultScrapeTimeoutMs)) +
                             "\n  kubernetes_sd_configs:\n  - role: pod\n" + kubernetesPodsAnnotationsRelabelYaml();
    Result<PrometheusConfig> cfg = PrometheusConfig::loadString(yaml, "kubernetes-pods template");
    if (!cfg) return cfg.status();
    return cfg->scrapeConfigs.at(0);
}

}  // namespace vigil::scrape
