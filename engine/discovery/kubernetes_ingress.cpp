// Role "ingress" (networking.k8s.io/v1; see kubernetes_roles.h).
#include "discovery/kubernetes_meta.h"
#include "discovery/kubernetes_roles.h"

#include <QJsonArray>

namespace vigil::discovery {

using namespace k8s;

namespace {

// A TLS host pattern ("*.example.com" matches one leading label) against a rule's host.
bool matchesHost(const std::string &pattern, const std::string &host)
{
    if (pattern.rfind("*.", 0) != 0) return pattern == host;
    const size_t dot = host.find('.');
    return dot != std::string::npos && dot > 0 && host.substr(dot) == pattern.substr(1);
}

}  // namespace

TargetGroup kubernetesIngressGroup(const QJsonObject &ingress)
{
    const QJsonObject meta = obj(ingress, "metadata");
    const QJsonObject spec = obj(ingress, "spec");
    TargetGroup g;
    g.source = "ingress/" + str(meta, "namespace") + "/" + str(meta, "name");
    std::vector<model::Label> ls{
        {kMeta + "namespace", str(meta, "namespace")},
        {kMeta + "ingress_name", str(meta, "name")},
    };
    addMapLabels(&ls, meta, "labels", kMeta + "ingress_label_", kMeta + "ingress_labelpresent_");
    addMapLabels(&ls, meta, "annotations", kMeta + "ingress_annotation_", kMeta + "ingress_annotationpresent_");
    if (spec.contains(QLatin1String("ingressClassName"))) ls.push_back({kMeta + "ingress_class_name", str(spec, "ingressClassName")});
    g.labels = model::Labels::fromUnsorted(std::move(ls));

    std::vector<std::string> tlsHosts;
    for (const QJsonValue &t : spec.value(QLatin1String("tls")).toArray())
        for (const QJsonValue &h : t.toObject().value(QLatin1String("hosts")).toArray()) tlsHosts.push_back(h.toString().toStdString());
    for (const QJsonValue &rv : spec.value(QLatin1String("rules")).toArray()) {
        const QJsonObject rule = rv.toObject();
        const std::string host = str(rule, "host");
        std::string scheme = "http";
        for (const std::string &p : tlsHosts) {
            if (matchesHost(p, host)) {
                scheme = "https";
                break;
            }
        }
        std::vector<std::string> paths;
        for (const QJsonValue &pv : obj(rule, "http").value(QLatin1String("paths")).toArray()) {
            const std::string p = str(pv.toObject(), "path");
            paths.push_back(p.empty() ? "/" : p);
        }
        if (paths.empty()) paths.push_back("/");
        for (const std::string &p : paths) {
            g.targets.push_back(model::Labels::fromUnsorted({{"__address__", host},
                                                             {kMeta + "ingress_scheme", scheme},
                                                             {kMeta + "ingress_host", host},
                                                             {kMeta + "ingress_path", p}}));
        }
    }
    return g;
}

}  // namespace vigil::discovery
