#include "discovery/kubernetes_pod.h"

#include "discovery/kubernetes_meta.h"

#include <QJsonArray>

#include <vector>

namespace vigil::discovery {

namespace {

using namespace k8s;

std::string podReady(const QJsonObject &status)
{
    for (const QJsonValue &c : status.value(QLatin1String("conditions")).toArray()) {
        const QJsonObject cond = c.toObject();
        if (cond.value(QLatin1String("type")).toString() == QLatin1String("Ready"))
            return cond.value(QLatin1String("status")).toString().toLower().toStdString();
    }
    return "unknown";
}

}  // namespace

std::string kubernetesPodSource(const QJsonObject &pod)
{
    const QJsonObject meta = pod.value(QLatin1String("metadata")).toObject();
    return "pod/" + str(meta, "namespace") + "/" + str(meta, "name");
}

model::Labels kubernetesPodLabels(const QJsonObject &pod)
{
    const QJsonObject meta = pod.value(QLatin1String("metadata")).toObject();
    const QJsonObject spec = pod.value(QLatin1String("spec")).toObject();
    const QJsonObject status = pod.value(QLatin1String("status")).toObject();
    const std::string podIp = str(status, "podIP");
    std::vector<model::Label> ls{
        {kMeta + "namespace", str(meta, "namespace")},
        {kMeta + "pod_name", str(meta, "name")},
        {kMeta + "pod_ip", podIp},
        {kMeta + "pod_ready", podReady(status)},
        {kMeta + "pod_phase", str(status, "phase")},
        {kMeta + "pod_node_name", str(spec, "nodeName")},
        {kMeta + "pod_host_ip", str(status, "hostIP")},
        {kMeta + "pod_uid", str(meta, "uid")},
    };
    addMapLabels(&ls, meta, "labels", kMeta + "pod_label_", kMeta + "pod_labelpresent_");
    addMapLabels(&ls, meta, "annotations", kMeta + "pod_annotation_", kMeta + "pod_annotationpresent_");
    for (const QJsonValue &o : meta.value(QLatin1String("ownerReferences")).toArray()) {
        const QJsonObject owner = o.toObject();
        if (!owner.value(QLatin1String("controller")).toBool()) continue;
        if (!str(owner, "kind").empty()) ls.push_back({kMeta + "pod_controller_kind", str(owner, "kind")});
        if (!str(owner, "name").empty()) ls.push_back({kMeta + "pod_controller_name", str(owner, "name")});
        break;
    }
    return model::Labels::fromUnsorted(std::move(ls));
}

TargetGroup kubernetesPodGroup(const QJsonObject &pod)
{
    TargetGroup g;
    g.source = kubernetesPodSource(pod);
    const QJsonObject spec = pod.value(QLatin1String("spec")).toObject();
    const QJsonObject status = pod.value(QLatin1String("status")).toObject();
    const std::string podIp = str(status, "podIP");
    if (podIp.empty()) return g;

    g.labels = kubernetesPodLabels(pod);

    auto addContainers = [&](const QJsonArray &containers, bool init) {
        for (const QJsonValue &cv : containers) {
            const QJsonObject c = cv.toObject();
            const std::vector<model::Label> common{
                {kMeta + "pod_container_name", str(c, "name")},
                {kMeta + "pod_container_image", str(c, "image")},
                {kMeta + "pod_container_init", init ? "true" : "false"},
            };
            const QJsonArray ports = c.value(QLatin1String("ports")).toArray();
            if (ports.isEmpty()) {
                std::vector<model::Label> t = common;
                t.push_back({"__address__", podIp});
                g.targets.push_back(model::Labels::fromUnsorted(std::move(t)));
                continue;
            }
            for (const QJsonValue &pv : ports) {
                const QJsonObject p = pv.toObject();
                const std::string port = std::to_string(p.value(QLatin1String("containerPort")).toInteger());
                std::vector<model::Label> t = common;
                t.push_back({"__address__", joinHostPort(podIp, port)});
                t.push_back({kMeta + "pod_container_port_number", port});
                t.push_back({kMeta + "pod_container_port_name", str(p, "name")});
                // The API server defaults the protocol to TCP.
                t.push_back({kMeta + "pod_container_port_protocol",
                             p.contains(QLatin1String("protocol")) ? str(p, "protocol") : std::string("TCP")});
                g.targets.push_back(model::Labels::fromUnsorted(std::move(t)));
            }
        }
    };
    addContainers(spec.value(QLatin1String("containers")).toArray(), false);
    addContainers(spec.value(QLatin1String("initContainers")).toArray(), true);
    return g;
}

}  // namespace vigil::discovery
