// The target group of one Kubernetes Pod (role "pod"), built from the Pod's
// JSON as the API server returns it, with the __meta_kubernetes_* labels
// named as Prometheus 2.42's kubernetes_sd_configs names them:
//
//   group: namespace, pod_name, pod_ip, pod_ready, pod_phase, pod_node_name,
//          pod_host_ip, pod_uid, pod_label_<name>/pod_labelpresent_<name>,
//          pod_annotation_<name>/pod_annotationpresent_<name>,
//          pod_controller_kind/pod_controller_name (the controller owner);
//   target per container port (podIP:port, port_name/number/protocol) or
//   per container without ports (podIP): pod_container_name,
//   pod_container_image, pod_container_init (init containers follow).
//
// Source "pod/<namespace>/<name>". A pod without an IP (starting, evicted)
// yields a group without targets, which removes its previous targets.
// Label and annotation names are sanitized to [a-zA-Z0-9_].
// Pure function; thread-safe.
#pragma once

#include "discovery/target_group.h"

#include <QJsonObject>

namespace vigil::discovery {

TargetGroup kubernetesPodGroup(const QJsonObject &pod);
// The group labels of a Pod (Prometheus's podLabels), also attached to
// endpoints/endpointslice targets that point at the pod.
model::Labels kubernetesPodLabels(const QJsonObject &pod);
// "pod/<namespace>/<name>" of a Pod object (also for DELETED events).
std::string kubernetesPodSource(const QJsonObject &pod);

}  // namespace vigil::discovery
