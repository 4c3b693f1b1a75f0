// Applies an HttpClientConfig to one outgoing request: the one place where
// scrapes, remote write and HTTP service discovery turn basic_auth,
// authorization and tls_config into headers and a QSslConfiguration.
//
//   QNetworkRequest req(url);
//   if (Status s = net::applyHttpClientConfig(cfg, &req); !s) ... // report, do not send
//   QNetworkReply *r = nam->get(req);
//   net::allowInsecureTls(cfg, r);
//
// Secret files (password_file, credentials_file) are read on every call, so
// a rotated secret is used by the next request; surrounding whitespace is
// trimmed as Prometheus does. TLS settings apply to https URLs only: ca_file
// replaces the system CAs, cert_file/key_file (RSA or EC, PEM) are the client
// certificate, server_name is the name the peer's certificate must match,
// insecure_skip_verify disables verification. TLS sessions are never shared
// or resumed across requests: requests of different jobs share one
// QNetworkAccessManager, and a resumed session would skip this job's checks.
//
// Errors are FailedPrecondition naming the unreadable or unusable file; the
// request is then left partly set up and must not be sent. Secrets never
// appear in messages. Pure functions of their arguments plus the files;
// thread-safe.
#pragma once

#include "core/status.h"
#include "net/http_client_config.h"

#include <QByteArray>

#include <optional>

class QNetworkRequest;
class QNetworkReply;
class QSslConfiguration;

namespace vigil::net {

// Reads a secret file, trimming surrounding whitespace.
Result<QByteArray> readSecretFile(const std::string &path);

// Sets the Authorization header, the redirect policy and (for https) TLS.
Status applyHttpClientConfig(const HttpClientConfig &cfg, QNetworkRequest *req);

// TLS material as PEM bytes: what tls_config's files hold, or what a
// kubeconfig carries inline (discovery/kubernetes_credentials.h).
// A part that is not given is left alone; a given part must be usable PEM.
struct TlsPem {
    std::optional<QByteArray> ca;    // none: the system CAs
    std::optional<QByteArray> cert;  // none: no client certificate
    QByteArray key;                  // of cert: RSA or EC
};
enum class TlsPemError { None, Ca, Cert, Key };
// Puts the CAs (replacing the system ones) and the client certificate and key
// of `pem` into `ssl`. Returns the first given part that holds no usable PEM;
// `ssl` is then partly changed and must not be used.
TlsPemError addTlsPem(const TlsPem &pem, QSslConfiguration *ssl);

// With insecure_skip_verify, makes `reply` ignore certificate errors (Qt
// reports them even when verification is off); otherwise does nothing.
void allowInsecureTls(const HttpClientConfig &cfg, QNetworkReply *reply);

}  // namespace vigil::net
