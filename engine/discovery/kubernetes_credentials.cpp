#include "discovery/kubernetes_credentials.h"

#include "net/http_client_setup.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkRequest>
#include <QSslConfiguration>

#include <yaml-cpp/yaml.h>

#include <cstdlib>

namespace vigil::discovery {

namespace {

Result<QByteArray> readWhole(const std::string &path, const char *what)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        return Status::failedPrecondition(std::string("unable to read ") + what + " " + path + ": " +
                                          f.errorString().toStdString());
    return f.readAll();
}

std::string joinHostPort(const std::string &host, const std::string &port)
{
    if (host.find(':') != std::string::npos) return "[" + host + "]:" + port;
    return host + ":" + port;
}

std::string trimSlash(std::string s)
{
    while (!s.empty() && s.back() == '/') s.pop_back();
    return s;
}

std::string scalar(const YAML::Node &n, const char *key)
{
    const YAML::Node v = n[key];
    return v.IsDefined() && v.IsScalar() ? v.Scalar() : std::string();
}

// The entry named `name` of a kubeconfig list (clusters, users, contexts).
YAML::Node findNamed(const YAML::Node &list, const std::string &name, const char *inner)
{
    if (!list.IsSequence()) return YAML::Node(YAML::NodeType::Undefined);
    for (const YAML::Node &e : list)
        if (e.IsMap() && scalar(e, "name") == name) return e[inner];
    return YAML::Node(YAML::NodeType::Undefined);
}

Result<YAML::Node> loadKubeconfig(const std::string &path)
{
    Result<QByteArray> data = readWhole(path, "kubeconfig");
    if (!data) return data.status();
    try {
        YAML::Node root = YAML::Load(data->toStdString());
        if (!root.IsMap()) return Status::invalidArgument("kubeconfig " + path + ": not a YAML mapping");
        return root;
    } catch (const YAML::Exception &e) {
        return Status::invalidArgument("kubeconfig " + path + ": " + e.what());
    }
}

// A "*-data" field (base64 PEM) or a file path relative to the kubeconfig.
Result<QByteArray> dataOrFile(const YAML::Node &n, const char *fileKey, const char *dataKey, const QDir &base,
                              const char *what)
{
    if (const std::string d = scalar(n, dataKey); !d.empty()) return QByteArray::fromBase64(QByteArray::fromStdString(d));
    if (const std::string f = scalar(n, fileKey); !f.empty())
        return readWhole(QFileInfo(f.c_str()).isAbsolute() ? f : base.filePath(QString::fromStdString(f)).toStdString(), what);
    return QByteArray();
}

}  // namespace

std::string kubernetesServiceAccountDir()
{
    const QByteArray env = qgetenv("VIGIL_KUBERNETES_SERVICE_ACCOUNT_DIR");
    return env.isEmpty() ? std::string("/var/run/secrets/kubernetes.io/serviceaccount") : env.toStdString();
}

Result<KubernetesCredentials> inClusterCredentials(const std::string &dir)
{
    const std::string host = qgetenv("KUBERNETES_SERVICE_HOST").toStdString();
    const std::string port = qgetenv("KUBERNETES_SERVICE_PORT").toStdString();
    if (host.empty() || port.empty())
        return Status::failedPrecondition(
            "unable to load in-cluster configuration, KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be "
            "defined (give api_server or kubeconfig_file outside a cluster)");
    KubernetesCredentials c;
    c.server = "https://" + joinHostPort(host, port);
    const std::string tokenFile = dir + "/token";
    if (!QFileInfo::exists(QString::fromStdString(tokenFile)))
        return Status::failedPrecondition("unable to read service account token " + tokenFile);
    c.http.authorization = net::Authorization{.credentialsFile = tokenFile};
    Result<QByteArray> ca = readWhole(dir + "/ca.crt", "service account CA");
    if (!ca) return ca.status();
    c.caPem = *ca;
    if (Result<QByteArray> ns = readWhole(dir + "/namespace", "service account namespace"); ns)
        c.defaultNamespace = ns->trimmed().toStdString();
    return c;
}

Result<KubeconfigContexts> kubeconfigContexts(const std::string &path)
{
    Result<YAML::Node> root = loadKubeconfig(path);
    if (!root) return root.status();
    KubeconfigContexts out;
    out.current = scalar(*root, "current-context");
    const YAML::Node contexts = (*root)["contexts"];
    if (contexts.IsSequence())
        for (const YAML::Node &c : contexts)
            if (c.IsMap() && !scalar(c, "name").empty()) out.names.push_back(scalar(c, "name"));
    return out;
}

Result<KubernetesCredentials> kubeconfigCredentials(const std::string &path, const std::string &wanted)
{
    Result<YAML::Node> rootOr = loadKubeconfig(path);
    if (!rootOr) return rootOr.status();
    const YAML::Node &root = *rootOr;
    const QDir base = QFileInfo(QString::fromStdString(path)).absoluteDir();
    const std::string name = wanted.empty() ? scalar(root, "current-context") : wanted;
    if (name.empty()) return Status::failedPrecondition("kubeconfig " + path + ": no current-context and no context chosen");
    const YAML::Node ctx = findNamed(root["contexts"], name, "context");
    if (!ctx.IsDefined() || !ctx.IsMap())
        return Status::failedPrecondition("kubeconfig " + path + ": context \"" + name + "\" not found");
    const std::string clusterName = scalar(ctx, "cluster");
    const YAML::Node cluster = findNamed(root["clusters"], clusterName, "cluster");
    if (!cluster.IsDefined() || !cluster.IsMap())
        return Status::failedPrecondition("kubeconfig " + path + ": cluster \"" + clusterName + "\" of context \"" +
                                          name + "\" not found");
    KubernetesCredentials c;
    c.server = trimSlash(scalar(cluster, "server"));
    if (c.server.empty()) return Status::failedPrecondition("kubeconfig " + path + ": cluster \"" + clusterName + "\" has no server");
    c.defaultNamespace = scalar(ctx, "namespace");
    c.http.tls.serverName = scalar(cluster, "tls-server-name");
    // Only an explicit "true" turns verification off.
    c.http.tls.insecureSkipVerify = scalar(cluster, "insecure-skip-tls-verify") == "true";
    Result<QByteArray> ca = dataOrFile(cluster, "certificate-authority", "certificate-authority-data", base, "certificate authority");
    if (!ca) return ca.status();
    c.caPem = *ca;

    const std::string userName = scalar(ctx, "user");
    if (!userName.empty()) {
        const YAML::Node user = findNamed(root["users"], userName, "user");
        if (!user.IsDefined())
            return Status::failedPrecondition("kubeconfig " + path + ": user \"" + userName + "\" of context \"" + name +
                                              "\" not found");
        if (user.IsMap()) {
            if (user["exec"].IsDefined() || user["auth-provider"].IsDefined())
                return Status::failedPrecondition("kubeconfig " + path + ": user \"" + userName +
                                                  "\" uses an exec or auth-provider credential plugin, which Vigil does "
                                                  "not run; use a token, tokenFile or client certificate");
            Result<QByteArray> cert = dataOrFile(user, "client-certificate", "client-certificate-data", base, "client certificate");
            if (!cert) return cert.status();
            Result<QByteArray> key = dataOrFile(user, "client-key", "client-key-data", base, "client key");
            if (!key) return key.status();
            c.clientCertPem = *cert;
            c.clientKeyPem = *key;
            // token wins over tokenFile; username (basic auth) over both.
            if (const std::string token = scalar(user, "token"); !token.empty())
                c.http.authorization = net::Authorization{.credentials = token};
            else if (const std::string tf = scalar(user, "tokenFile"); !tf.empty())
                c.http.authorization = net::Authorization{
                    .credentialsFile =
                        QFileInfo(tf.c_str()).isAbsolute() ? tf : base.filePath(QString::fromStdString(tf)).toStdString()};
            if (!scalar(user, "username").empty())
                c.http.basicAuth = net::BasicAuth{.username = scalar(user, "username"), .password = scalar(user, "password")};
        }
    }
    return c;
}

Result<KubernetesCredentials> credentialsFor(const KubernetesSdConfig &config)
{
    if (!config.kubeconfigFile.empty()) return kubeconfigCredentials(config.kubeconfigFile, config.kubeconfigContext);
    if (config.apiServer.empty()) return inClusterCredentials(kubernetesServiceAccountDir());
    KubernetesCredentials c;
    c.server = trimSlash(config.apiServer);
    c.http = config.http;
    // An authorization without credentials sends no header, as in Prometheus.
    if (c.http.authorization && c.http.authorization->credentials.empty() &&
        c.http.authorization->credentialsFile.empty())
        c.http.authorization.reset();
    // The TLS files are read once, here, like a kubeconfig's.
    net::TlsConfig &tls = c.http.tls;
    if (!tls.caFile.empty()) {
        Result<QByteArray> ca = readWhole(tls.caFile, "CA file");
        if (!ca) return ca.status();
        c.caPem = *ca;
    }
    if (!tls.certFile.empty()) {
        Result<QByteArray> cert = readWhole(tls.certFile, "client certificate");
        if (!cert) return cert.status();
        Result<QByteArray> key = readWhole(tls.keyFile, "client key");
        if (!key) return key.status();
        c.clientCertPem = *cert;
        c.clientKeyPem = *key;
    }
    tls.caFile.clear();
    tls.certFile.clear();
    tls.keyFile.clear();
    return c;
}

Status applyKubernetesCredentials(const KubernetesCredentials &c, QNetworkRequest *req)
{
    // Authorization, redirect policy and (https) server name, verification
    // and no TLS session resumption across credentials.
    VIGIL_RETURN_IF_ERROR(net::applyHttpClientConfig(c.http, req));
    net::TlsPem pem;
    if (!c.caPem.isEmpty()) pem.ca = c.caPem;
    if (!c.clientCertPem.isEmpty()) {
        pem.cert = c.clientCertPem;
        pem.key = c.clientKeyPem;
    }
    QSslConfiguration ssl = req->sslConfiguration();
    switch (net::addTlsPem(pem, &ssl)) {
    case net::TlsPemError::None: break;
    case net::TlsPemError::Ca: return Status::failedPrecondition("unable to use the Kubernetes API server's CA certificate");
    case net::TlsPemError::Cert: return Status::failedPrecondition("unable to use the Kubernetes client certificate");
    case net::TlsPemError::Key: return Status::failedPrecondition("unable to use the Kubernetes client key");
    }
    req->setSslConfiguration(ssl);
    return Status::ok();
}

}  // namespace vigil::discovery
