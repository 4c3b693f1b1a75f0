// Service discovery configuration of one scrape job: the *_sd_configs
// sections Vigil interprets, with Prometheus's defaults. Plain values,
// compared to decide whether a job's discoverers must restart.
#pragma once

#include "net/http_client_config.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vigil::discovery {

// file_sd_configs: JSON/YAML target group files, re-read when they change
// (file system watcher) and every refresh interval.
struct FileSdConfig {
    std::vector<std::string> files;  // patterns; '*' only in the last path element
    int64_t refreshIntervalMs = 5 * 60'000;
    friend bool operator==(const FileSdConfig &, const FileSdConfig &) = default;
};

// http_sd_configs: an HTTP endpoint returning target groups as JSON, asked
// with the HTTP client settings (basic_auth, authorization, tls_config).
struct HttpSdConfig {
    std::string url;
    int64_t refreshIntervalMs = 60'000;
    net::HttpClientConfig http;
    friend bool operator==(const HttpSdConfig &, const HttpSdConfig &) = default;
};

// dns_sd_configs: names looked up every refresh interval (dns_discoverer.h).
struct DnsSdConfig {
    enum class Type { Srv, A, Aaaa, Mx };
    std::vector<std::string> names;
    Type type = Type::Srv;
    int port = 0;  // required for A, AAAA and MX; SRV records carry their own
    int64_t refreshIntervalMs = 30'000;
    friend bool operator==(const DnsSdConfig &, const DnsSdConfig &) = default;
};

// kubernetes_sd_configs (Prometheus 2.42). Without api_server and
// kubeconfig_file the in-cluster service account is used.
struct KubernetesSdConfig {
    std::string role;  // pod, service, endpoints, endpointslice, node, ingress
    std::string apiServer;       // URL, "" for none
    std::string kubeconfigFile;  // absolute path, "" for none
    // Vigil extension: the kubeconfig context to use ("" = current-context).
    std::string kubeconfigContext;
    bool ownNamespace = false;
    std::vector<std::string> namespaces;  // empty: all namespaces
    struct Selector {
        std::string role;
        std::string label;
        std::string field;
        friend bool operator==(const Selector &, const Selector &) = default;
    };
    std::vector<Selector> selectors;
    bool attachNodeMetadata = false;
    // The client settings for api_server (bearer_token(_file) folded into
    // authorization, as for scrape jobs). Only allowed with api_server: a
    // kubeconfig or the in-cluster account brings its own.
    net::HttpClientConfig http;
    friend bool operator==(const KubernetesSdConfig &, const KubernetesSdConfig &) = default;
};

struct SdConfigs {
    std::vector<FileSdConfig> file;
    std::vector<HttpSdConfig> http;
    std::vector<DnsSdConfig> dns;
    std::vector<KubernetesSdConfig> kubernetes;

    bool empty() const { return file.empty() && http.empty() && dns.empty() && kubernetes.empty(); }
    friend bool operator==(const SdConfigs &, const SdConfigs &) = default;
};

}  // namespace vigil::discovery
