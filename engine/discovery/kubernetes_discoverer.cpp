#include "discovery/kubernetes_discoverer.h"

#include "core/log.h"
#include "discovery/kubernetes_meta.h"
#include "discovery/kubernetes_pod.h"
#include "discovery/kubernetes_roles.h"
#include "discovery/kubernetes_watch.h"

namespace vigil::discovery {

namespace {

// The API path of a resource's collection, in one namespace or all ("").
std::string collectionPath(const std::string &resource, const std::string &ns)
{
    static const std::map<std::string, std::pair<std::string, std::string>> kPaths{
        {"pod", {"/api/v1", "pods"}},
        {"service", {"/api/v1", "services"}},
        {"endpoints", {"/api/v1", "endpoints"}},
        {"endpointslice", {"/apis/discovery.k8s.io/v1", "endpointslices"}},
        {"node", {"/api/v1", "nodes"}},
        {"ingress", {"/apis/networking.k8s.io/v1", "ingresses"}},
    };
    const auto &[group, plural] = kPaths.at(resource);
    return ns.empty() ? group + "/" + plural : group + "/namespaces/" + ns + "/" + plural;
}

}  // namespace

KubernetesDiscoverer::KubernetesDiscoverer(KubernetesSdConfig config, QObject *parent)
    : Discoverer(parent), config_(std::move(config)), setupRetry_(this), rebuildTimer_(this)
{
    setupRetry_.setSingleShot(true);
    setupRetry_.setInterval(30'000);
    connect(&setupRetry_, &QTimer::timeout, this, &KubernetesDiscoverer::setup);
    rebuildTimer_.setSingleShot(true);
    rebuildTimer_.setInterval(0);
    connect(&rebuildTimer_, &QTimer::timeout, this, &KubernetesDiscoverer::rebuild);
}

KubernetesDiscoverer::~KubernetesDiscoverer()
{
    // Watches hold a pointer to creds_: delete them first.
    for (auto &[r, ws] : watches_)
        for (KubernetesWatch *w : ws) delete w;
}

void KubernetesDiscoverer::start(Sink sink)
{
    sink_ = std::move(sink);
    setup();
}

void KubernetesDiscoverer::setup()
{
    Result<KubernetesCredentials> creds = credentialsFor(config_);
    if (!creds) {
        const std::string e = "kubernetes_sd: " + creds.status().message();
        qCWarning(lcDiscovery).noquote() << QString::fromStdString(e);
        if (sink_) sink_({lastGroups_, e});
        setupRetry_.start();
        return;
    }
    creds_ = std::move(*creds);
    nam_ = new QNetworkAccessManager(this);
    const std::string &role = config_.role;
    addWatches(role, role != "node");
    if (role == "endpoints" || role == "endpointslice") {
        addWatches("pod", true);
        addWatches("service", true);
    }
    if (config_.attachNodeMetadata && (role == "pod" || role == "endpoints" || role == "endpointslice"))
        addWatches("node", false);
}

void KubernetesDiscoverer::addWatches(const std::string &resource, bool namespaced)
{
    if (watches_.count(resource)) return;
    std::vector<std::string> namespaces = config_.namespaces;
    if (config_.ownNamespace && !creds_.defaultNamespace.empty()) namespaces.push_back(creds_.defaultNamespace);
    if (!namespaced || namespaces.empty()) namespaces = {""};
    KubernetesWatch::Options base;
    for (const KubernetesSdConfig::Selector &s : config_.selectors) {
        // Prometheus names the endpoints selector role "endpoints".
        if (s.role == resource) {
            base.labelSelector = s.label;
            base.fieldSelector = s.field;
        }
    }
    std::vector<KubernetesWatch *> &list = watches_[resource];
    for (const std::string &ns : namespaces) {
        KubernetesWatch::Options o = base;
        o.path = collectionPath(resource, ns);
        auto *w = new KubernetesWatch(nam_, &creds_, o, this);
        connect(w, &KubernetesWatch::changed, &rebuildTimer_, qOverload<>(&QTimer::start));
        connect(w, &KubernetesWatch::errorChanged, &rebuildTimer_, qOverload<>(&QTimer::start));
        list.push_back(w);
        w->start();
    }
}

const QJsonObject *KubernetesDiscoverer::lookup(const std::string &resource, const std::string &key) const
{
    auto it = watches_.find(resource);
    if (it == watches_.end()) return nullptr;
    for (const KubernetesWatch *w : it->second) {
        auto o = w->objects().find(key);
        if (o != w->objects().end()) return &o->second;
    }
    return nullptr;
}

std::vector<TargetGroup> KubernetesDiscoverer::groups() const
{
    const KubernetesLookup find = [this](const std::string &kind, const std::string &key) { return lookup(kind, key); };
    std::vector<TargetGroup> out;
    const std::string &role = config_.role;
    for (const KubernetesWatch *w : watches_.at(role)) {
        for (const auto &[key, o] : w->objects()) {
            if (role == "pod") {
                TargetGroup g = kubernetesPodGroup(o);
                if (config_.attachNodeMetadata)
                    g.labels = withKubernetesNodeLabels(g.labels, k8s::str(k8s::obj(o, "spec"), "nodeName"), find);
                out.push_back(std::move(g));
            } else if (role == "service") {
                out.push_back(kubernetesServiceGroup(o));
            } else if (role == "endpoints") {
                out.push_back(kubernetesEndpointsGroup(o, find, config_.attachNodeMetadata));
            } else if (role == "endpointslice") {
                out.push_back(kubernetesEndpointSliceGroup(o, find, config_.attachNodeMetadata));
            } else if (role == "node") {
                out.push_back(kubernetesNodeGroup(o));
            } else if (role == "ingress") {
                out.push_back(kubernetesIngressGroup(o));
            }
        }
    }
    return out;
}

void KubernetesDiscoverer::rebuild()
{
    bool synced = true;
    std::string errors;
    for (const auto &[resource, ws] : watches_) {
        for (const KubernetesWatch *w : ws) {
            synced = synced && w->synced();
            if (!w->error().empty()) errors += (errors.empty() ? "" : "; ") + w->error();
        }
    }
    if (!errors.empty()) errors = "kubernetes_sd: " + errors;
    if (!synced) {
        // Report errors before the first list, but no half-listed state.
        if (!errors.empty() && sink_) sink_({lastGroups_, errors});
        return;
    }
    lastGroups_ = groups();
    if (sink_) sink_({lastGroups_, errors});
}

}  // namespace vigil::discovery
