// WebConfig: Prometheus's web configuration file (--web.config.file), the
// format of prometheus/exporter-toolkit:
//
//   tls_server_config:
//     cert_file: server.crt          # relative paths: to the file's directory
//     key_file: server.key
//     client_auth_type: RequireAndVerifyClientCert
//     client_ca_file: ca.crt
//     min_version: TLS12             # TLS12 (default) or TLS13
//     max_version: TLS13
//   http_server_config:
//     headers: {X-Frame-Options: deny}
//   basic_auth_users:
//     alice: $2y$10$...              # bcrypt hash ($2a$, $2b$, $2y$)
//
// loadWebConfigFile() checks every field; an error names the file, line and
// field ("web.yml:3: tls_server_config.client_auth_type: ..."), and nothing is
// applied. Fields of the format Vigil cannot honour (cipher_suites,
// curve_preferences, TLS 1.0/1.1) are refused, not ignored; http2 is accepted
// and has no effect (the server speaks HTTP/1.1). Headers are limited to the
// ones exporter-toolkit allows, with the same allowed values.
// The file is read once, when the server starts (Prometheus re-reads it per
// request; Vigil reads it again on restart).
#pragma once

#include "core/status.h"

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vigil::web {

struct TlsServerConfig {
    enum class ClientAuth {
        NoClientCert,
        RequestClientCert,           // asked for, not required, not verified
        RequireAnyClientCert,        // required, not verified
        VerifyClientCertIfGiven,     // not required, verified when sent
        RequireAndVerifyClientCert,  // required and verified against client_ca_file
    };
    bool enabled() const { return !certFile.empty(); }

    std::string certFile;  // absolute after loading
    std::string keyFile;
    std::string clientCaFile;  // empty: none
    ClientAuth clientAuth = ClientAuth::NoClientCert;
    int minVersion = 12;  // 12 or 13 (TLS 1.2 / 1.3)
    int maxVersion = 13;
};

struct WebConfig {
    TlsServerConfig tls;
    std::vector<std::pair<std::string, std::string>> headers;  // http_server_config.headers
    std::map<std::string, std::string> basicAuthUsers;         // user -> bcrypt hash
};

// Parses `yaml` as the content of `fileName` (used in errors and to resolve
// relative paths; the files named are not opened here).
Result<WebConfig> parseWebConfig(std::string_view yaml, const std::string &fileName);
// Reads and parses a file. A missing or unreadable file is IOError.
Result<WebConfig> loadWebConfigFile(const std::string &path);

}  // namespace vigil::web
