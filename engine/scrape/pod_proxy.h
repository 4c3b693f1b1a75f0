// Scraping a Kubernetes pod through the API server's pod proxy:
//
//   <api server>/api/v1/namespaces/<ns>/pods/[https:]<pod>:<port>/proxy<path>?<query>
//
// for targets discovered by a kubernetes_sd_configs entry whose targets are
// pods (roles pod, endpoints, endpointslice: the discovered labels hold
// __meta_kubernetes_namespace and __meta_kubernetes_pod_name). The port,
// scheme, path and query are the target's after relabeling; the API server
// is reached with that kubernetes_sd_configs entry's credentials (kubeconfig,
// api_server settings or in-cluster), not with the job's own auth, which is
// meant for the pod. See ScrapeConfig::kubernetesProxy for when it is used.
// Pure functions; thread-safe.
#pragma once

#include "core/status.h"
#include "discovery/sd_config.h"

#include <optional>
#include <string>

namespace vigil::scrape {

class Target;
struct ScrapeConfig;

struct PodProxyRoute {
    std::string path;  // /api/v1/namespaces/<ns>/pods/<pod>:<port>/proxy/<path>?<query>
    discovery::KubernetesSdConfig sd;  // whose credentials reach the API server
};

// The route for `target`, or nullopt when the target is not a pod found by
// the job's Kubernetes discovery (or the job sets vigil_kubernetes_proxy: never).
std::optional<PodProxyRoute> podProxyRoute(const Target &target, const ScrapeConfig &job);

}  // namespace vigil::scrape
