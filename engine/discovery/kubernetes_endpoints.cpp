// Roles "endpoints" and "endpointslice" (see kubernetes_roles.h). Both
// attach the labels of the pods their addresses point at, and add targets
// for those pods' container ports that no endpoint port covers, as
// Prometheus does.
#include "discovery/kubernetes_meta.h"
#include "discovery/kubernetes_pod.h"
#include "discovery/kubernetes_roles.h"

#include <QJsonArray>

#include <map>
#include <optional>

namespace vigil::discovery {

using namespace k8s;

namespace {

model::Labels merged(const std::vector<model::Label> &target, const model::Labels &over)
{
    model::LabelsBuilder b(model::Labels::fromUnsorted(target));
    for (const model::Label &l : over) b.set(l.name, l.value);
    return b.labels();
}

// The pods seen behind one endpoints object, with the ports already covered.
class SeenPods {
public:
    void add(const QJsonObject *pod, int64_t port)
    {
        const std::string key = objectKey(*pod);
        auto [it, fresh] = pods_.try_emplace(key);
        if (fresh) {
            it->second.pod = pod;
            order_.push_back(key);
        }
        it->second.ports.push_back(port);
    }

    // Targets for container ports of the seen pods not covered above.
    void addUncovered(TargetGroup *g) const
    {
        for (const std::string &key : order_) {
            const Entry &e = pods_.at(key);
            const QJsonObject &pod = *e.pod;
            const std::string podIp = str(obj(pod, "status"), "podIP");
            const model::Labels podLabels = kubernetesPodLabels(pod);
            for (const QJsonValue &cv : obj(pod, "spec").value(QLatin1String("containers")).toArray()) {
                const QJsonObject c = cv.toObject();
                for (const QJsonValue &pv : c.value(QLatin1String("ports")).toArray()) {
                    const QJsonObject cp = pv.toObject();
                    const int64_t port = cp.value(QLatin1String("containerPort")).toInteger();
                    if (std::find(e.ports.begin(), e.ports.end(), port) != e.ports.end()) continue;
                    const std::string ports = std::to_string(port);
                    g->targets.push_back(merged({{"__address__", joinHostPort(podIp, ports)},
                                                 {kMeta + "pod_container_name", str(c, "name")},
                                                 {kMeta + "pod_container_image", str(c, "image")},
                                                 {kMeta + "pod_container_port_name", str(cp, "name")},
                                                 {kMeta + "pod_container_port_number", ports},
                                                 {kMeta + "pod_container_port_protocol", str(cp, "protocol")}},
                                                podLabels));
                }
            }
        }
    }

private:
    struct Entry {
        const QJsonObject *pod = nullptr;
        std::vector<int64_t> ports;
    };
    std::map<std::string, Entry> pods_;
    std::vector<std::string> order_;
};

const QJsonObject *resolvePod(const QJsonObject &targetRef, const KubernetesLookup &lookup)
{
    if (targetRef.isEmpty() || str(targetRef, "kind") != "Pod") return nullptr;
    return lookup("pod", str(targetRef, "namespace") + "/" + str(targetRef, "name"));
}

// Pod labels and the labels of the container exposing `port`.
model::Labels withPod(std::vector<model::Label> target, const QJsonObject &pod, std::optional<int64_t> port,
                      bool endpointsProtocol, const std::string &endpointProtocol)
{
    model::Labels out = merged(target, kubernetesPodLabels(pod));
    if (!port) return out;
    model::LabelsBuilder b(out);
    for (const QJsonValue &cv : obj(pod, "spec").value(QLatin1String("containers")).toArray()) {
        const QJsonObject c = cv.toObject();
        // Like Prometheus, a match ends the search in this container only:
        // a later container with the same port overrides it.
        for (const QJsonValue &pv : c.value(QLatin1String("ports")).toArray()) {
            const QJsonObject cp = pv.toObject();
            if (cp.value(QLatin1String("containerPort")).toInteger() != *port) continue;
            b.set(kMeta + "pod_container_name", str(c, "name"));
            b.set(kMeta + "pod_container_image", str(c, "image"));
            b.set(kMeta + "pod_container_port_name", str(cp, "name"));
            b.set(kMeta + "pod_container_port_number", std::to_string(*port));
            // Prometheus takes the endpoints port's protocol here, the
            // container port's for endpoint slices.
            b.set(kMeta + "pod_container_port_protocol", endpointsProtocol ? endpointProtocol : str(cp, "protocol"));
            break;
        }
    }
    return b.labels();
}

}  // namespace

TargetGroup kubernetesEndpointsGroup(const QJsonObject &eps, const KubernetesLookup &lookup, bool attachNode)
{
    const QJsonObject meta = obj(eps, "metadata");
    const std::string ns = str(meta, "namespace");
    const std::string name = str(meta, "name");
    TargetGroup g;
    g.source = "endpoints/" + ns + "/" + name;
    std::vector<model::Label> ls{{kMeta + "namespace", ns}, {kMeta + "endpoints_name", name}};
    if (const QJsonObject *svc = lookup("service", ns + "/" + name))
        for (const model::Label &l : kubernetesServiceLabels(*svc)) ls.push_back(l);
    addMapLabels(&ls, meta, "labels", kMeta + "endpoints_label_", kMeta + "endpoints_labelpresent_");
    g.labels = model::Labels::fromUnsorted(std::move(ls));

    SeenPods seen;
    auto add = [&](const QJsonObject &addr, const QJsonObject &port, const char *ready) {
        const int64_t portNumber = port.value(QLatin1String("port")).toInteger();
        std::vector<model::Label> t{
            {"__address__", joinHostPort(str(addr, "ip"), std::to_string(portNumber))},
            {kMeta + "endpoint_port_name", str(port, "name")},
            {kMeta + "endpoint_port_protocol", str(port, "protocol")},
            {kMeta + "endpoint_ready", ready},
        };
        const QJsonObject ref = obj(addr, "targetRef");
        if (!ref.isEmpty()) {
            t.push_back({kMeta + "endpoint_address_target_kind", str(ref, "kind")});
            t.push_back({kMeta + "endpoint_address_target_name", str(ref, "name")});
        }
        if (addr.contains(QLatin1String("nodeName"))) t.push_back({kMeta + "endpoint_node_name", str(addr, "nodeName")});
        if (!str(addr, "hostname").empty()) t.push_back({kMeta + "endpoint_hostname", str(addr, "hostname")});
        model::Labels target = model::Labels::fromUnsorted(t);
        if (attachNode) target = withKubernetesNodeLabels(target, str(addr, "nodeName"), lookup);
        const QJsonObject *pod = resolvePod(ref, lookup);
        if (!pod) {
            g.targets.push_back(std::move(target));
            return;
        }
        seen.add(pod, portNumber);
        g.targets.push_back(withPod(std::vector<model::Label>(target.begin(), target.end()), *pod, portNumber, true,
                                    str(port, "protocol")));
    };
    for (const QJsonValue &sv : eps.value(QLatin1String("subsets")).toArray()) {
        const QJsonObject subset = sv.toObject();
        for (const QJsonValue &pv : subset.value(QLatin1String("ports")).toArray()) {
            for (const QJsonValue &a : subset.value(QLatin1String("addresses")).toArray())
                add(a.toObject(), pv.toObject(), "true");
            for (const QJsonValue &a : subset.value(QLatin1String("notReadyAddresses")).toArray())
                add(a.toObject(), pv.toObject(), "false");
        }
    }
    seen.addUncovered(&g);
    return g;
}

TargetGroup kubernetesEndpointSliceGroup(const QJsonObject &slice, const KubernetesLookup &lookup, bool attachNode)
{
    const QJsonObject meta = obj(slice, "metadata");
    const std::string ns = str(meta, "namespace");
    TargetGroup g;
    g.source = "endpointslice/" + ns + "/" + str(meta, "name");
    std::vector<model::Label> ls{
        {kMeta + "namespace", ns},
        {kMeta + "endpointslice_name", str(meta, "name")},
        {kMeta + "endpointslice_address_type", str(slice, "addressType")},
    };
    const QJsonObject sliceLabels = obj(meta, "labels");
    if (sliceLabels.contains(QLatin1String("kubernetes.io/service-name"))) {
        const std::string svcName = sliceLabels.value(QLatin1String("kubernetes.io/service-name")).toString().toStdString();
        if (const QJsonObject *svc = lookup("service", ns + "/" + svcName))
            for (const model::Label &l : kubernetesServiceLabels(*svc)) ls.push_back(l);
    }
    g.labels = model::Labels::fromUnsorted(std::move(ls));

    SeenPods seen;
    const QJsonArray ports = slice.value(QLatin1String("ports")).toArray();
    for (const QJsonValue &ev : slice.value(QLatin1String("endpoints")).toArray()) {
        const QJsonObject ep = ev.toObject();
        const QJsonObject cond = obj(ep, "conditions");
        const QJsonObject ref = obj(ep, "targetRef");
        for (const QJsonValue &pv : ports) {
            const QJsonObject port = pv.toObject();
            const bool hasPort = port.contains(QLatin1String("port"));
            const int64_t portNumber = port.value(QLatin1String("port")).toInteger();
            for (const QJsonValue &av : ep.value(QLatin1String("addresses")).toArray()) {
                const std::string addr = av.toString().toStdString();
                std::vector<model::Label> t{
                    {"__address__", hasPort ? joinHostPort(addr, std::to_string(portNumber)) : addr}};
                if (port.contains(QLatin1String("name"))) t.push_back({kMeta + "endpointslice_port_name", str(port, "name")});
                if (port.contains(QLatin1String("protocol")))
                    t.push_back({kMeta + "endpointslice_port_protocol", str(port, "protocol")});
                if (hasPort) t.push_back({kMeta + "endpointslice_port", std::to_string(portNumber)});
                if (port.contains(QLatin1String("appProtocol")))
                    t.push_back({kMeta + "endpointslice_port_app_protocol", str(port, "appProtocol")});
                for (const char *c : {"ready", "serving", "terminating"}) {
                    if (cond.value(QLatin1String(c)).isBool())
                        t.push_back({kMeta + "endpointslice_endpoint_conditions_" + c,
                                     cond.value(QLatin1String(c)).toBool() ? "true" : "false"});
                }
                if (ep.contains(QLatin1String("hostname")))
                    t.push_back({kMeta + "endpointslice_endpoint_hostname", str(ep, "hostname")});
                if (!ref.isEmpty()) {
                    t.push_back({kMeta + "endpointslice_address_target_kind", str(ref, "kind")});
                    t.push_back({kMeta + "endpointslice_address_target_name", str(ref, "name")});
                }
                const QJsonObject topology = obj(ep, "deprecatedTopology");
                for (auto it = topology.begin(); it != topology.end(); ++it) {
                    const std::string n = sanitize(it.key());
                    t.push_back({kMeta + "endpointslice_endpoint_topology_" + n, it.value().toString().toStdString()});
                    t.push_back({kMeta + "endpointslice_endpoint_topology_present_" + n, "true"});
                }
                model::Labels target = model::Labels::fromUnsorted(t);
                if (attachNode) target = withKubernetesNodeLabels(target, str(ep, "nodeName"), lookup);
                const QJsonObject *pod = resolvePod(ref, lookup);
                if (!pod) {
                    g.targets.push_back(std::move(target));
                    continue;
                }
                seen.add(pod, hasPort ? portNumber : -1);
                g.targets.push_back(withPod(std::vector<model::Label>(target.begin(), target.end()), *pod,
                                            hasPort ? std::optional<int64_t>(portNumber) : std::nullopt, false, {}));
            }
        }
    }
    seen.addUncovered(&g);
    return g;
}

}  // namespace vigil::discovery
