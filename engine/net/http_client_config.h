// HttpClientConfig: the HTTP client settings shared by scrape jobs, remote
// write, notifications and HTTP service discovery (Prometheus's
// common/config.HTTPClientConfig subset Vigil implements): basic_auth,
// authorization / bearer_token(_file), tls_config, follow_redirects.
// http_client_setup.h applies it to a QNetworkRequest.
//
// File paths are resolved against the configuration file's directory at load
// time. Secret files are read per request (so a rotated token is picked
// up without a reload). A plain value.
#pragma once

#include <optional>
#include <string>

namespace vigil::net {

struct BasicAuth {
    std::string username;
    std::string password;      // secret
    std::string passwordFile;  // read at scrape time; trailing newline trimmed
    friend bool operator==(const BasicAuth &, const BasicAuth &) = default;
};

// bearer_token / bearer_token_file are folded into an Authorization of type
// "Bearer", as Prometheus does.
struct Authorization {
    std::string type = "Bearer";
    std::string credentials;      // secret
    std::string credentialsFile;  // read at scrape time; trailing newline trimmed
    friend bool operator==(const Authorization &, const Authorization &) = default;
};

struct TlsConfig {
    std::string caFile;
    std::string certFile;
    std::string keyFile;
    std::string serverName;  // SNI and the name the certificate must match
    bool insecureSkipVerify = false;
    friend bool operator==(const TlsConfig &, const TlsConfig &) = default;
};

struct HttpClientConfig {
    std::optional<BasicAuth> basicAuth;
    std::optional<Authorization> authorization;
    TlsConfig tls;
    bool followRedirects = true;
    friend bool operator==(const HttpClientConfig &, const HttpClientConfig &) = default;
};

}  // namespace vigil::net
