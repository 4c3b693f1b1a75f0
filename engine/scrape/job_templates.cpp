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

namespace {

// A YAML double-quoted scalar.
std::string yamlQuoted(const std::string &s)
{
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

}  // namespace

std::string kubernetesPodsAnnotationsJobYaml(const std::string &jobName, int64_t scrapeIntervalMs,
                                             const std::string &kubeconfigFile, const std::string &context,
                                             KubernetesProxy proxy)
{
    std::string yaml = "- job_name: " + yamlQuoted(jobName) + "\n  scrape_interval: " + formatDuration(scrapeIntervalMs) +
                       "\n  scrape_timeout: " + formatDuration(std::min(scrapeIntervalMs, kDefaultScrapeTimeoutMs)) + "\n";
    if (proxy == KubernetesProxy::Always) yaml += "  vigil_kubernetes_proxy: always\n";
    if (proxy == KubernetesProxy::Never) yaml += "  vigil_kubernetes_proxy: never\n";
    yaml += "  kubernetes_sd_configs:\n  - role: pod\n";
    if (!kubeconfigFile.empty()) yaml += "    kubeconfig_file: " + yamlQuoted(kubeconfigFile) + "\n";
    if (!context.empty()) yaml += "    vigil_kubeconfig_context: " + yamlQuoted(context) + "\n";
    return yaml + kubernetesPodsAnnotationsRelabelYaml();
}

Result<ScrapeConfig> kubernetesPodsAnnotationsJob(const std::string &jobName, int64_t scrapeIntervalMs,
                                                  const std::string &kubeconfigFile, const std::string &context)
{
    const std::string yaml =
        "scrape_configs:\n" + kubernetesPodsAnnotationsJobYaml(jobName, scrapeIntervalMs, kubeconfigFile, context);
    Result<PrometheusConfig> cfg = PrometheusConfig::loadString(yaml, "kubernetes-pods template");
    if (!cfg) return cfg.status();
    return cfg->scrapeConfigs.at(0);
}

}  // namespace vigil::scrape
