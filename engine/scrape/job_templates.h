// Built-in job templates offered by the console's Targets page.
//
// kubernetesPodsAnnotationsJob(): "Kubernetes pods (annotations)": role
// "pod" discovery with the community's prometheus.io/* convention:
//   prometheus.io/scrape: "true"    keep the pod's targets (others dropped)
//   prometheus.io/scheme: https     __scheme__
//   prometheus.io/path: /m          __metrics_path__
//   prometheus.io/port: "8080"      __address__ = <pod IP>:8080
// plus pods' labels as target labels, namespace and pod labels, and pods in
// phase Pending/Succeeded/Failed dropped. Built by parsing the YAML below
// with the regular prometheus.yml parser, so it is exactly what a user would
// write by hand. kubernetesPodsAnnotationsJobYaml() adds a kubeconfig file
// and context (the console's template form).
#pragma once

#include "core/status.h"
#include "scrape/scrape_config.h"

#include <string>

namespace vigil::scrape {

// The template's relabel_configs as prometheus.yml text (indented for a job).
std::string kubernetesPodsAnnotationsRelabelYaml();

// The template as one scrape_configs entry in prometheus.yml syntax
// ("- job_name: ..."), discovering through `kubeconfigFile` and its
// `context` (vigil_kubeconfig_context; current-context when empty), or
// in-cluster when no file is given; `proxy` sets vigil_kubernetes_proxy
// when it is not the default (auto).
std::string kubernetesPodsAnnotationsJobYaml(const std::string &jobName, int64_t scrapeIntervalMs,
                                             const std::string &kubeconfigFile = {}, const std::string &context = {},
                                             KubernetesProxy proxy = KubernetesProxy::Auto);

Result<ScrapeConfig> kubernetesPodsAnnotationsJob(const std::string &jobName = "kubernetes-pods",
                                                  int64_t scrapeIntervalMs = kVigilDefaultScrapeIntervalMs,
                                                  const std::string &kubeconfigFile = {},
                                                  const std::string &context = {});

}  // namespace vigil::scrape
