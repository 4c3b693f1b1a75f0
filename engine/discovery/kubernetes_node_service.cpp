// Roles "node" and "service" (see kubernetes_roles.h).
#include "discovery/kubernetes_meta.h"
#include "discovery/kubernetes_roles.h"

#include <QJsonArray>

#include <map>

namespace vigil::discovery {

using namespace k8s;

TargetGroup kubernetesNodeGroup(const QJsonObject &node)
{
    const QJsonObject meta = obj(node, "metadata");
    const QJsonObject status = obj(node, "status");
    TargetGroup g;
    const std::string name = str(meta, "name");
    g.source = "node/" + name;
    std::vector<model::Label> ls{
        {kMeta + "node_name", name},
        {kMeta + "node_provider_id", str(obj(node, "spec"), "providerID")},
    };
    addMapLabels(&ls, meta, "labels", kMeta + "node_label_", kMeta + "node_labelpresent_");
    addMapLabels(&ls, meta, "annotations", kMeta + "node_annotation_", kMeta + "node_annotationpresent_");
    g.labels = model::Labels::fromUnsorted(std::move(ls));

    std::map<std::string, std::vector<std::string>> byType;
    for (const QJsonValue &a : status.value(QLatin1String("addresses")).toArray())
        byType[str(a.toObject(), "type")].push_back(str(a.toObject(), "address"));
    std::string address;
    for (const char *type : {"InternalIP", "InternalDNS", "ExternalIP", "ExternalDNS", "LegacyHostIP", "Hostname"}) {
        if (auto it = byType.find(type); it != byType.end()) {
            address = it->second.front();
            break;
        }
    }
    if (address.empty()) return g;  // Prometheus: "No node address found"
    const QJsonObject kubelet = obj(obj(status, "daemonEndpoints"), "kubeletEndpoint");
    std::vector<model::Label> t{
        {"__address__", joinHostPort(address, intText(kubelet, "Port"))},
        {"instance", name},
    };
    for (const auto &[type, addrs] : byType)
        t.push_back({kMeta + "node_address_" + sanitize(QString::fromStdString(type)), addrs.front()});
    g.targets.push_back(model::Labels::fromUnsorted(std::move(t)));
    return g;
}

model::Labels kubernetesServiceLabels(const QJsonObject &service)
{
    const QJsonObject meta = obj(service, "metadata");
    std::vector<model::Label> ls{
        {kMeta + "namespace", str(meta, "namespace")},
        {kMeta + "service_name", str(meta, "name")},
    };
    addMapLabels(&ls, meta, "labels", kMeta + "service_label_", kMeta + "service_labelpresent_");
    addMapLabels(&ls, meta, "annotations", kMeta + "service_annotation_", kMeta + "service_annotationpresent_");
    return model::Labels::fromUnsorted(std::move(ls));
}

TargetGroup kubernetesServiceGroup(const QJsonObject &service)
{
    const QJsonObject meta = obj(service, "metadata");
    const QJsonObject spec = obj(service, "spec");
    TargetGroup g;
    g.source = "svc/" + str(meta, "namespace") + "/" + str(meta, "name");
    g.labels = kubernetesServiceLabels(service);
    const std::string type = str(spec, "type");
    for (const QJsonValue &pv : spec.value(QLatin1String("ports")).toArray()) {
        const QJsonObject p = pv.toObject();
        const std::string port = intText(p, "port");
        std::vector<model::Label> t{
            {"__address__", joinHostPort(str(meta, "name") + "." + str(meta, "namespace") + ".svc", port)},
            {kMeta + "service_port_name", str(p, "name")},
            {kMeta + "service_port_number", port},
            {kMeta + "service_port_protocol", str(p, "protocol")},
            {kMeta + "service_type", type},
        };
        if (type == "ExternalName")
            t.push_back({kMeta + "service_external_name", str(spec, "externalName")});
        else
            t.push_back({kMeta + "service_cluster_ip", str(spec, "clusterIP")});
        g.targets.push_back(model::Labels::fromUnsorted(std::move(t)));
    }
    return g;
}

model::Labels withKubernetesNodeLabels(const model::Labels &labels, const std::string &nodeName,
                                       const KubernetesLookup &lookup)
{
    if (nodeName.empty()) return labels;
    const QJsonObject *node = lookup("node", nodeName);
    if (!node) return labels;
    std::vector<model::Label> ls{{kMeta + "node_name", nodeName}};
    addMapLabels(&ls, obj(*node, "metadata"), "labels", kMeta + "node_label_", kMeta + "node_labelpresent_");
    model::LabelsBuilder b(labels);
    for (const model::Label &l : ls) b.set(l.name, l.value);
    return b.labels();
}

}  // namespace vigil::discovery
