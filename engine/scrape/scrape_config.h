// ScrapeConfig: one job of scrape_configs, after defaults from `global` were
// applied (scrape_interval, scrape_timeout) and validation passed.
//
// Units: durations in milliseconds; body_size_limit in bytes; 0 means "no
// limit" for every limit field. A plain value; copies are independent.
#pragma once

#include "discovery/sd_config.h"
#include "model/labels.h"
#include "scrape/http_client_config.h"
#include "scrape/relabel_config.h"
#include "scrape/static_config.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::scrape {

// Vigil's scrape interval when no prometheus.yml is given (targets added in
// the console). A loaded prometheus.yml defaults to Prometheus's 1m instead.
inline constexpr int64_t kVigilDefaultScrapeIntervalMs = 15'000;
inline constexpr int64_t kDefaultScrapeTimeoutMs = 10'000;
inline constexpr int64_t kPrometheusDefaultScrapeIntervalMs = 60'000;

// Vigil extension (job key vigil_kubernetes_proxy): whether targets found by
// kubernetes_sd_configs role pod are scraped through the API server's pod
// proxy (/api/v1/namespaces/<ns>/pods/<pod>:<port>/proxy/<path>) with the
// discovery's credentials. Auto: directly first, and through the proxy from
// the first scrape that cannot connect on (pod IPs are usually unreachable
// from a workstation). See docs/kubernetes.md.
enum class KubernetesProxy { Auto, Always, Never };

inline std::optional<KubernetesProxy> parseKubernetesProxy(std::string_view s)
{
    if (s == "auto" || s.empty()) return KubernetesProxy::Auto;
    if (s == "always") return KubernetesProxy::Always;
    if (s == "never") return KubernetesProxy::Never;
    return std::nullopt;
}

struct ScrapeConfig {
    std::string jobName;
    int64_t scrapeIntervalMs = kVigilDefaultScrapeIntervalMs;
    int64_t scrapeTimeoutMs = kDefaultScrapeTimeoutMs;
    std::string metricsPath = "/metrics";
    std::string scheme = "http";
    // URL query parameters; Prometheus sends the first value as __param_<k>.
    std::map<std::string, std::vector<std::string>> params;
    bool honorLabels = false;
    bool honorTimestamps = true;
    HttpClientConfig http;

    uint64_t sampleLimit = 0;
    uint64_t labelLimit = 0;
    uint64_t labelNameLengthLimit = 0;
    uint64_t labelValueLengthLimit = 0;
    int64_t bodySizeLimit = 0;  // bytes

    std::vector<StaticConfig> staticConfigs;
    // file_sd_configs, http_sd_configs, kubernetes_sd_configs (other *_sd_configs stay in rawSections).
    discovery::SdConfigs sd;
    KubernetesProxy kubernetesProxy = KubernetesProxy::Auto;
    std::vector<RelabelConfig> relabelConfigs;
    std::vector<RelabelConfig> metricRelabelConfigs;

    // Valid Prometheus sections Vigil does not interpret yet (service
    // discovery such as file_sd_configs, oauth2, proxy_url...), by key, as
    // YAML text.
    std::map<std::string, std::string> rawSections;

    // A job with Vigil's defaults (15 s interval, 10 s timeout).
    static ScrapeConfig withDefaults(std::string jobName)
    {
        ScrapeConfig c;
        c.jobName = std::move(jobName);
        return c;
    }

    friend bool operator==(const ScrapeConfig &, const ScrapeConfig &) = default;
};

}  // namespace vigil::scrape
