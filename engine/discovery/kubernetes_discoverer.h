// KubernetesDiscoverer: kubernetes_sd_configs. Reaches the API server with
// the credentials of the config (kubernetes_credentials.h), keeps a
// KubernetesWatch per resource and namespace the role needs — pod: pods;
// service: services; endpoints: endpoints, pods, services; endpointslice:
// discovery.k8s.io/v1 endpointslices, pods, services; node: nodes;
// ingress: networking.k8s.io/v1 ingresses; plus
// nodes with attach_metadata.node — and reports the role's target groups
// (kubernetes_pod.h, kubernetes_roles.h) after every change, coalesced
// within one event-loop turn. Nothing is reported until every watch has
// listed once; afterwards a failing watch keeps its last objects (so the
// targets stay) and its error is reported. Selectors of the matching
// selector role become labelSelector/fieldSelector query parameters;
// namespaces.names (plus the service account's namespace with
// own_namespace) restrict the watches, all namespaces otherwise.
// Credentials that cannot be loaded (missing kubeconfig...) are retried
// every 30 s. Lives on the discovery thread.
#pragma once

#include "discovery/discoverer.h"
#include "discovery/kubernetes_credentials.h"
#include "discovery/sd_config.h"

#include <QNetworkAccessManager>
#include <QTimer>

#include <map>
#include <string>
#include <vector>

namespace vigil::discovery {

class KubernetesWatch;

class KubernetesDiscoverer : public Discoverer {
    Q_OBJECT
public:
    explicit KubernetesDiscoverer(KubernetesSdConfig config, QObject *parent = nullptr);
    ~KubernetesDiscoverer() override;
    void start(Sink sink) override;

private:
    void setup();
    void addWatches(const std::string &resource, bool namespaced);
    void rebuild();
    std::vector<TargetGroup> groups() const;
    const QJsonObject *lookup(const std::string &resource, const std::string &key) const;

    KubernetesSdConfig config_;
    Sink sink_;
    KubernetesCredentials creds_;
    QNetworkAccessManager *nam_ = nullptr;  // recreated with the credentials
    QTimer setupRetry_;
    QTimer rebuildTimer_;
    std::map<std::string, std::vector<KubernetesWatch *>> watches_;  // by resource ("pod", "node", ...)
    std::vector<TargetGroup> lastGroups_;
};

}  // namespace vigil::discovery
