// kubernetes_sd_configs with Prometheus 2.42's fields, defaults and
// validation messages (discovery/kubernetes SDConfig.UnmarshalYAML), plus
// Vigil's `vigil_kubeconfig_context` extension.
#include "scrape/config_parser.h"

#include <QRegularExpression>
#include <QUrl>

#include <yaml-cpp/yaml.h>

#include <set>

namespace vigil::scrape {

namespace {

std::string at(const std::string &path, size_t i)
{
    return path + "[" + std::to_string(i) + "]";
}

bool isRole(const std::string &r)
{
    return r == "pod" || r == "service" || r == "endpoints" || r == "endpointslice" || r == "node" || r == "ingress";
}

// The selector roles Prometheus allows per discovery role.
std::vector<std::string> allowedSelectorRoles(const std::string &role)
{
    if (role == "endpointslice") return {"pod", "service", "endpointslice"};
    if (role == "endpoints") return {"pod", "service", "endpoints"};
    return {role};
}

std::string joinComma(const std::vector<std::string> &v)
{
    std::string out;
    for (const std::string &s : v) out += (out.empty() ? "" : ", ") + s;
    return out;
}

// Splits a selector at top-level commas (not inside "in (a,b)").
std::vector<std::string> splitRequirements(const std::string &s)
{
    std::vector<std::string> out;
    std::string cur;
    int depth = 0;
    for (char c : s) {
        if (c == '(') ++depth;
        if (c == ')') --depth;
        if (c == ',' && depth == 0) {
            out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    out.push_back(cur);
    return out;
}

// Kubernetes label selector syntax (k8s.io/apimachinery labels.Parse):
// key, !key, key=v, key==v, key!=v, key in (v,...), key notin (v,...).
std::string labelSelectorError(const std::string &sel)
{
    static const QString kKey = QStringLiteral(
        "(?:[a-z0-9](?:[-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?");
    static const QString kValue = QStringLiteral("(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?)?");
    static const QRegularExpression kExists(QStringLiteral("^\\s*!?\\s*") + kKey + QStringLiteral("\\s*$"));
    static const QRegularExpression kEq(QStringLiteral("^\\s*") + kKey + QStringLiteral("\\s*(?:==|=|!=)\\s*") + kValue +
                                        QStringLiteral("\\s*$"));
    static const QRegularExpression kSet(QStringLiteral("^\\s*") + kKey + QStringLiteral("\\s+(?:in|notin)\\s*\\(\\s*") +
                                         kValue + QStringLiteral("(?:\\s*,\\s*") + kValue +
                                         QStringLiteral(")*\\s*\\)\\s*$"));
    if (QString::fromStdString(sel).trimmed().isEmpty()) return {};
    for (const std::string &r : splitRequirements(sel)) {
        const QString q = QString::fromStdString(r);
        if (!kExists.match(q).hasMatch() && !kEq.match(q).hasMatch() && !kSet.match(q).hasMatch())
            return "unable to parse requirement: \"" + r + "\" is not a valid label selector requirement";
    }
    return {};
}

// Field selectors: key=value, key==value, key!=value, comma-separated.
std::string fieldSelectorError(const std::string &sel)
{
    static const QRegularExpression kReq(QStringLiteral("^[^=!,]+(?:==|=|!=)[^,]*$"));
    if (sel.empty()) return {};
    for (const std::string &r : splitRequirements(sel)) {
        if (!kReq.match(QString::fromStdString(r)).hasMatch())
            return "invalid selector: '" + sel + "'; can't understand '" + r + "'";
    }
    return {};
}

}  // namespace

Status ConfigParser::parseKubernetesSdConfigs(const YAML::Node &n, const std::string &path,
                                              std::vector<discovery::KubernetesSdConfig> *out)
{
    VIGIL_RETURN_IF_ERROR(checkSequence(n, path));
    if (n.IsNull()) return Status::ok();
    for (size_t i = 0; i < n.size(); ++i) {
        const YAML::Node e = n[i];
        const std::string p = at(path, i);
        VIGIL_RETURN_IF_ERROR(checkMap(e, p,
                                       {"role", "api_server", "kubeconfig_file", "namespaces", "selectors",
                                        "attach_metadata", "basic_auth", "authorization", "oauth2", "bearer_token",
                                        "bearer_token_file", "tls_config", "proxy_url", "no_proxy",
                                        "proxy_connect_header", "proxy_from_environment", "follow_redirects",
                                        "enable_http2", "vigil_kubeconfig_context"},
                                       "kubernetes.plain"));
        discovery::KubernetesSdConfig c;
        // Anything but defaults in the HTTP client part counts as "custom".
        bool customHttp = false;
        HttpClientConfig http;
        std::string bearer, bearerFile;
        for (const auto &kv : e) {
            const std::string key = kv.first.Scalar();
            const YAML::Node &v = kv.second;
            const std::string kp = p + "." + key;
            if (key == "role") {
                VIGIL_RETURN_IF_ERROR(readString(v, kp, &c.role));
                if (!isRole(c.role)) return error(v, kp, "unknown Kubernetes SD role \"" + c.role + "\"");
            } else if (key == "api_server") {
                VIGIL_RETURN_IF_ERROR(readString(v, kp, &c.apiServer));
                const QUrl u(QString::fromStdString(c.apiServer), QUrl::StrictMode);
                if (!c.apiServer.empty() && !u.isValid())
                    return error(v, kp, "parse \"" + c.apiServer + "\": invalid URL");
            } else if (key == "kubeconfig_file") {
                VIGIL_RETURN_IF_ERROR(readString(v, kp, &c.kubeconfigFile));
                if (!c.kubeconfigFile.empty()) c.kubeconfigFile = resolvePath(c.kubeconfigFile);
            } else if (key == "vigil_kubeconfig_context") {
                VIGIL_RETURN_IF_ERROR(readString(v, kp, &c.kubeconfigContext));
            } else if (key == "namespaces") {
                VIGIL_RETURN_IF_ERROR(checkMap(v, kp, {"own_namespace", "names"}, "kubernetes.NamespaceDiscovery", true));
                if (v.IsNull()) continue;
                if (v["own_namespace"].IsDefined())
                    VIGIL_RETURN_IF_ERROR(readBool(v["own_namespace"], kp + ".own_namespace", &c.ownNamespace));
                if (v["names"].IsDefined()) VIGIL_RETURN_IF_ERROR(readStringList(v["names"], kp + ".names", &c.namespaces));
            } else if (key == "selectors") {
                VIGIL_RETURN_IF_ERROR(checkSequence(v, kp));
                if (v.IsNull()) continue;
                for (size_t j = 0; j < v.size(); ++j) {
                    const YAML::Node s = v[j];
                    const std::string sp = at(kp, j);
                    VIGIL_RETURN_IF_ERROR(checkMap(s, sp, {"role", "label", "field"}, "kubernetes.SelectorConfig"));
                    discovery::KubernetesSdConfig::Selector sel;
                    if (s["role"].IsDefined()) {
                        VIGIL_RETURN_IF_ERROR(readString(s["role"], sp + ".role", &sel.role));
                        if (!isRole(sel.role))
                            return error(s["role"], sp + ".role", "unknown Kubernetes SD role \"" + sel.role + "\"");
                    }
                    if (s["label"].IsDefined()) VIGIL_RETURN_IF_ERROR(readString(s["label"], sp + ".label", &sel.label));
                    if (s["field"].IsDefined()) VIGIL_RETURN_IF_ERROR(readString(s["field"], sp + ".field", &sel.field));
                    c.selectors.push_back(std::move(sel));
                }
            } else if (key == "attach_metadata") {
                VIGIL_RETURN_IF_ERROR(checkMap(v, kp, {"node"}, "kubernetes.AttachMetadataConfig", true));
                if (!v.IsNull() && v["node"].IsDefined())
                    VIGIL_RETURN_IF_ERROR(readBool(v["node"], kp + ".node", &c.attachNodeMetadata));
            } else if (key == "basic_auth") {
                VIGIL_RETURN_IF_ERROR(parseBasicAuth(v, kp, &http.basicAuth.emplace()));
                customHttp = true;
            } else if (key == "authorization") {
                VIGIL_RETURN_IF_ERROR(parseAuthorization(v, kp, &http.authorization.emplace()));
                customHttp = true;
            } else if (key == "bearer_token") {
                VIGIL_RETURN_IF_ERROR(readString(v, kp, &bearer));
                customHttp = customHttp || !bearer.empty();
            } else if (key == "bearer_token_file") {
                VIGIL_RETURN_IF_ERROR(readString(v, kp, &bearerFile));
                customHttp = customHttp || !bearerFile.empty();
            } else if (key == "tls_config") {
                VIGIL_RETURN_IF_ERROR(parseTls(v, kp, &http.tls));
                customHttp = customHttp || !(http.tls == TlsConfig{});
            } else if (key == "follow_redirects") {
                VIGIL_RETURN_IF_ERROR(readBool(v, kp, &http.followRedirects));
                customHttp = customHttp || !http.followRedirects;
            } else if (key == "enable_http2") {
                bool h2 = true;
                VIGIL_RETURN_IF_ERROR(readBool(v, kp, &h2));
                customHttp = customHttp || !h2;
            } else if (!v.IsNull()) {
                // oauth2, proxy_*: accepted as in Prometheus, not applied by Vigil.
                customHttp = true;
            }
        }
        if (c.role.empty())
            return error(e, p, "role missing (one of: pod, service, endpoints, endpointslice, node, ingress)");
        if (!bearer.empty() && !bearerFile.empty())
            return error(e["bearer_token_file"], p + ".bearer_token_file",
                         "at most one of bearer_token & bearer_token_file must be configured");
        VIGIL_RETURN_IF_ERROR(validateHttp(e, p, !bearer.empty(), !bearerFile.empty(), &http));
        if (!c.apiServer.empty() && !c.kubeconfigFile.empty())
            return error(e, p, "cannot use 'kubeconfig_file' and 'api_server' simultaneously");
        if (!c.kubeconfigFile.empty() && customHttp)
            return error(e, p, "cannot use a custom HTTP client configuration together with 'kubeconfig_file'");
        if (c.apiServer.empty() && customHttp)
            return error(e, p, "to use custom HTTP client configuration please provide the 'api_server' URL explicitly");
        if (!c.apiServer.empty() && c.ownNamespace)
            return error(e, p, "cannot use 'api_server' and 'namespaces.own_namespace' simultaneously");
        if (!c.kubeconfigFile.empty() && c.ownNamespace)
            return error(e, p, "cannot use 'kubeconfig_file' and 'namespaces.own_namespace' simultaneously");
        std::set<std::string> seenRoles;
        const std::vector<std::string> allowed = allowedSelectorRoles(c.role);
        for (const auto &sel : c.selectors) {
            if (!seenRoles.insert(sel.role).second) return error(e["selectors"], p + ".selectors", "duplicated selector role: " + sel.role);
            if (std::find(allowed.begin(), allowed.end(), sel.role) == allowed.end())
                return error(e["selectors"], p + ".selectors", c.role + " role supports only " + joinComma(allowed) + " selectors");
            if (std::string err = fieldSelectorError(sel.field); !err.empty()) return error(e["selectors"], p + ".selectors", err);
            if (std::string err = labelSelectorError(sel.label); !err.empty()) return error(e["selectors"], p + ".selectors", err);
        }

        if (!bearer.empty() || !bearerFile.empty()) {
            Authorization a;
            a.credentials = bearer;
            a.credentialsFile = resolvePath(bearerFile);
            http.authorization = std::move(a);
        }
        c.http = std::move(http);
        out->push_back(std::move(c));
    }
    return Status::ok();
}

}  // namespace vigil::scrape
