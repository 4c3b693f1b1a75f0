#include "scrape/pod_proxy.h"

#include "scrape/scrape_config.h"
#include "scrape/target.h"

#include <QUrl>

namespace vigil::scrape {

std::optional<PodProxyRoute> podProxyRoute(const Target &target, const ScrapeConfig &job)
{
    if (job.kubernetesProxy == KubernetesProxy::Never) return std::nullopt;
    const discovery::KubernetesSdConfig *sd = nullptr;
    for (const discovery::KubernetesSdConfig &k : job.sd.kubernetes) {
        if (k.role == "pod" || k.role == "endpoints" || k.role == "endpointslice") {
            sd = &k;
            break;
        }
    }
    if (!sd) return std::nullopt;
    const model::Labels &d = target.discoveredLabels();
    const std::string ns(d.get("__meta_kubernetes_namespace"));
    const std::string pod(d.get("__meta_kubernetes_pod_name"));
    if (ns.empty() || pod.empty()) return std::nullopt;
    const QUrl url(QString::fromStdString(target.url()));
    if (url.port() < 0) return std::nullopt;  // the API server needs the pod's port
    // https targets are proxied with the "https:" prefix on the pod name.
    std::string name = (url.scheme() == QLatin1String("https") ? "https:" : "") + pod + ":" + std::to_string(url.port());
    auto seg = [](const std::string &s) { return QUrl::toPercentEncoding(QString::fromStdString(s), ":").toStdString(); };
    PodProxyRoute r;
    r.path = "/api/v1/namespaces/" + seg(ns) + "/pods/" + seg(name) + "/proxy" +
             url.path(QUrl::FullyEncoded).toStdString();
    if (url.hasQuery()) r.path += "?" + url.query(QUrl::FullyEncoded).toStdString();
    r.sd = *sd;
    return r;
}

}  // namespace vigil::scrape
