// Target groups of the Kubernetes roles other than "pod" (kubernetes_pod.h),
// built from API objects as JSON, with the __meta_kubernetes_* labels named
// as Prometheus 2.42's kubernetes_sd_configs names them:
//
//   node:  group node_name, node_provider_id, node_label_*/labelpresent_*,
//          node_annotation_*/annotationpresent_*; one target
//          <address>:<kubelet port> with instance=<node name> and
//          node_address_<type> (first address of each type). The address is
//          the first InternalIP, else InternalDNS, ExternalIP, ExternalDNS,
//          LegacyHostIP, Hostname; a node without one has no targets.
//          Source "node/<name>".
//   service: group namespace, service_name, service_label_*, service_annotation_*
//          (+present); one target per port <name>.<ns>.svc:<port> with
//          service_port_name/_number/_protocol, service_type and
//          service_cluster_ip or service_external_name (ExternalName).
//          Source "svc/<ns>/<name>".
//   endpoints: group namespace, endpoints_name, endpoints_label_* (+present)
//          and the service's labels when the service exists; per subset
//          port and address (ready, then not-ready) a target with
//          endpoint_port_name/_protocol, endpoint_ready,
//          endpoint_address_target_kind/_name, endpoint_node_name,
//          endpoint_hostname, and for a pod target the pod's labels and the
//          matching container's; then every container port of those pods
//          not covered by an endpoint port. Source "endpoints/<ns>/<name>".
//   endpointslice (discovery.k8s.io/v1): group namespace,
//          endpointslice_name, endpointslice_address_type and the
//          kubernetes.io/service-name service's labels; per endpoint,
//          port and address a target with endpointslice_port(_name,
//          _protocol, _app_protocol), endpointslice_endpoint_conditions_*,
//          endpointslice_endpoint_hostname, endpointslice_address_target_*,
//          endpointslice_endpoint_topology_* (+present); pods as for
//          endpoints. Source "endpointslice/<ns>/<name>".
//
//   ingress (networking.k8s.io/v1): group namespace, ingress_name,
//          ingress_label_*, ingress_annotation_* (+present),
//          ingress_class_name; per rule and path a target <host> with
//          ingress_scheme (https when a TLS host pattern matches),
//          ingress_host, ingress_path ("/" when empty).
//          Source "ingress/<ns>/<name>".
//
// With attach_metadata.node, node_name and node_label_* (+present) of the
// node named by the endpoint (or pod) are added.
// `lookup` resolves pods, services and nodes by kind and key
// ("<ns>/<name>", or "<name>" for nodes) and returns nullptr when unknown.
// Pure functions; thread-safe as long as `lookup` is.
#pragma once

#include "discovery/target_group.h"

#include <QJsonObject>

#include <functional>
#include <string>

namespace vigil::discovery {

// kind: "pod", "service" or "node".
using KubernetesLookup = std::function<const QJsonObject *(const std::string &kind, const std::string &key)>;

TargetGroup kubernetesNodeGroup(const QJsonObject &node);
TargetGroup kubernetesServiceGroup(const QJsonObject &service);
TargetGroup kubernetesEndpointsGroup(const QJsonObject &endpoints, const KubernetesLookup &lookup, bool attachNode);
TargetGroup kubernetesIngressGroup(const QJsonObject &ingress);
TargetGroup kubernetesEndpointSliceGroup(const QJsonObject &slice, const KubernetesLookup &lookup, bool attachNode);
// The service's group labels (Prometheus's serviceLabels).
model::Labels kubernetesServiceLabels(const QJsonObject &service);
// node_name and node_label_* (+present) of `nodeName`, merged into `labels`.
model::Labels withKubernetesNodeLabels(const model::Labels &labels, const std::string &nodeName,
                                       const KubernetesLookup &lookup);

}  // namespace vigil::discovery
