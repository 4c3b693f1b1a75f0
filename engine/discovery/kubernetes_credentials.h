// How Vigil reaches a Kubernetes API server: the server URL, the CA to
// verify it with, and the client's identity (bearer token, client
// certificate, basic auth). Three sources, as in Prometheus/client-go:
//
//   - kubernetes_sd_configs' api_server + HTTP client settings;
//   - a kubeconfig file (clusters / users / contexts / current-context, with
//     certificate-authority(-data), client-certificate(-data),
//     client-key(-data), token / tokenFile, username / password,
//     insecure-skip-tls-verify and tls-server-name); relative file paths are
//     taken from the kubeconfig's directory. exec and auth-provider plugins
//     are refused with a clear error;
//   - in-cluster: KUBERNETES_SERVICE_HOST / KUBERNETES_SERVICE_PORT and the
//     service account's token, ca.crt and namespace files. The directory is
//     /var/run/secrets/kubernetes.io/serviceaccount unless the environment
//     variable VIGIL_KUBERNETES_SERVICE_ACCOUNT_DIR names another (tests).
//
// applyKubernetesCredentials() is the one place that turns credentials into
// a QNetworkRequest (TLS configuration and Authorization header), used by
// the discovery client and by pod-proxy scrapes. The client identity is a
// net::HttpClientConfig applied by net::applyHttpClientConfig (so token and
// password files are read at each request and rotated service-account tokens
// work); only the TLS material, which a kubeconfig may carry inline, is held
// as PEM bytes, loaded once.
//
// Errors: FailedPrecondition for unreadable or unusable files, a missing
// context/cluster/user, or an unsupported authentication plugin;
// InvalidArgument for a kubeconfig that is not valid YAML. Plain values and
// free functions; thread-safe.
#pragma once

#include "core/status.h"
#include "discovery/sd_config.h"
#include "net/http_client_config.h"

#include <QByteArray>

#include <string>
#include <vector>

class QNetworkRequest;

namespace vigil::discovery {

struct KubernetesCredentials {
    std::string server;  // base URL without a trailing '/'
    // basic_auth or authorization (a token or token file, never one without
    // either), tls.serverName, tls.insecureSkipVerify and followRedirects.
    // Its tls file paths are always empty: the files are read into the PEMs.
    net::HttpClientConfig http;
    QByteArray caPem;  // empty: the system CAs
    QByteArray clientCertPem;
    QByteArray clientKeyPem;
    std::string defaultNamespace;  // the service account's or the context's

    friend bool operator==(const KubernetesCredentials &, const KubernetesCredentials &) = default;
};

// The service account directory (see above).
std::string kubernetesServiceAccountDir();

Result<KubernetesCredentials> inClusterCredentials(const std::string &serviceAccountDir);

struct KubeconfigContexts {
    std::vector<std::string> names;  // in file order
    std::string current;             // current-context, "" when unset
};
// The contexts of a kubeconfig file (the console's context picker).
Result<KubeconfigContexts> kubeconfigContexts(const std::string &path);

// Credentials of `context` (current-context when empty) of a kubeconfig file.
Result<KubernetesCredentials> kubeconfigCredentials(const std::string &path, const std::string &context = {});

// The credentials a kubernetes_sd_configs entry describes: api_server with
// its HTTP settings, else its kubeconfig file, else in-cluster.
Result<KubernetesCredentials> credentialsFor(const KubernetesSdConfig &config);

// Sets TLS (CA, client certificate, server name, verification), the
// redirect policy and the Authorization header on `req` (through
// net::applyHttpClientConfig). Reads token and password files.
Status applyKubernetesCredentials(const KubernetesCredentials &creds, QNetworkRequest *req);

}  // namespace vigil::discovery
