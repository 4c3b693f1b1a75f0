// The service discovery sections of a scrape config that Vigil interprets,
// with Prometheus 2.42's defaults and validation messages.
#include "scrape/config_parser.h"

#include "core/log.h"

#include <QRegularExpression>
#include <QUrl>

#include <yaml-cpp/yaml.h>

namespace vigil::scrape {

namespace {

std::string at(const std::string &path, size_t i)
{
    return path + "[" + std::to_string(i) + "]";
}

// HTTP client settings valid in http_sd_configs that Vigil does not apply
// yet: accepted (the config stays loadable) with a warning.
constexpr std::string_view kHttpClientFields[] = {
    "oauth2", "proxy_url", "no_proxy", "proxy_connect_header", "proxy_from_environment", "enable_http2",
};

}  // namespace

Status ConfigParser::parseFileSdConfigs(const YAML::Node &n, const std::string &path,
                                        std::vector<discovery::FileSdConfig> *out)
{
    VIGIL_RETURN_IF_ERROR(checkSequence(n, path));
    if (n.IsNull()) return Status::ok();
    // Prometheus's check: '*' only in the last element, and a JSON/YAML extension.
    static const QRegularExpression kPattern(
        QStringLiteral("^[^*]*(\\*[^/]*)?\\.(json|yml|yaml|JSON|YML|YAML)$"));
    for (size_t i = 0; i < n.size(); ++i) {
        const YAML::Node e = n[i];
        const std::string p = at(path, i);
        VIGIL_RETURN_IF_ERROR(checkMap(e, p, {"files", "refresh_interval"}, "file.SDConfig"));
        discovery::FileSdConfig c;
        if (e["files"].IsDefined()) VIGIL_RETURN_IF_ERROR(readStringList(e["files"], p + ".files", &c.files));
        if (e["refresh_interval"].IsDefined())
            VIGIL_RETURN_IF_ERROR(readDuration(e["refresh_interval"], p + ".refresh_interval", &c.refreshIntervalMs));
        if (c.files.empty()) return error(e, p, "file service discovery config must contain at least one path name");
        for (std::string &f : c.files) {
            if (!kPattern.match(QString::fromStdString(f)).hasMatch())
                return error(e["files"], p + ".files", "path name \"" + f + "\" is not valid for file discovery");
            f = resolvePath(f);
        }
        out->push_back(std::move(c));
    }
    return Status::ok();
}

Status ConfigParser::parseHttpSdConfigs(const YAML::Node &n, const std::string &path,
                                        std::vector<discovery::HttpSdConfig> *out)
{
    VIGIL_RETURN_IF_ERROR(checkSequence(n, path));
    if (n.IsNull()) return Status::ok();
    for (size_t i = 0; i < n.size(); ++i) {
        const YAML::Node e = n[i];
        const std::string p = at(path, i);
        VIGIL_RETURN_IF_ERROR(checkMap(e, p, {"url", "refresh_interval", "basic_auth", "authorization", "oauth2",
                                              "bearer_token", "bearer_token_file", "tls_config", "proxy_url",
                                              "no_proxy", "proxy_connect_header", "proxy_from_environment",
                                              "follow_redirects", "enable_http2"},
                                       "http.SDConfig"));
        discovery::HttpSdConfig c;
        std::string bearer, bearerFile;
        for (const auto &kv : e) {
            const std::string key = kv.first.Scalar();
            const std::string kp = p + "." + key;
            if (key == "url") {
                VIGIL_RETURN_IF_ERROR(readString(kv.second, kp, &c.url));
            } else if (key == "refresh_interval") {
                VIGIL_RETURN_IF_ERROR(readDuration(kv.second, kp, &c.refreshIntervalMs));
            } else if (key == "basic_auth") {
                BasicAuth ba;
                VIGIL_RETURN_IF_ERROR(parseBasicAuth(kv.second, kp, &ba));
                c.http.basicAuth = std::move(ba);
            } else if (key == "authorization") {
                Authorization a;
                VIGIL_RETURN_IF_ERROR(parseAuthorization(kv.second, kp, &a));
                c.http.authorization = std::move(a);
            } else if (key == "bearer_token") {
                VIGIL_RETURN_IF_ERROR(readString(kv.second, kp, &bearer));
            } else if (key == "bearer_token_file") {
                VIGIL_RETURN_IF_ERROR(readString(kv.second, kp, &bearerFile));
            } else if (key == "tls_config") {
                VIGIL_RETURN_IF_ERROR(parseTls(kv.second, kp, &c.http.tls));
            } else if (key == "follow_redirects") {
                VIGIL_RETURN_IF_ERROR(readBool(kv.second, kp, &c.http.followRedirects));
            } else {
                for (std::string_view f : kHttpClientFields)
                    if (f == key)
                        qCWarning(lcDiscovery).noquote()
                            << QString::fromStdString(fileName_ + ": " + kp)
                            << "is not applied by Vigil's HTTP service discovery yet";
            }
        }
        // Prometheus 2.42 does not validate http_sd's HTTP client settings
        // (promtool accepts basic_auth together with authorization or a
        // bearer token); at request time the first of basic_auth,
        // bearer_token, bearer_token_file, authorization sets the header.
        if (c.http.basicAuth) {
            c.http.authorization.reset();
        } else if (!bearer.empty() || !bearerFile.empty()) {
            Authorization a;
            if (!bearer.empty())
                a.credentials = bearer;
            else
                a.credentialsFile = resolvePath(bearerFile);
            c.http.authorization = std::move(a);
        }
        if (c.url.empty()) return error(e, p, "URL is missing");
        const QUrl url(QString::fromStdString(c.url), QUrl::StrictMode);
        if (!url.isValid()) return error(e["url"], p + ".url", "invalid URL \"" + c.url + "\"");
        if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
            return error(e["url"], p + ".url", "URL scheme must be 'http' or 'https'");
        if (url.host().isEmpty()) return error(e["url"], p + ".url", "host is missing in URL");
        out->push_back(std::move(c));
    }
    return Status::ok();
}

Status ConfigParser::parseDnsSdConfigs(const YAML::Node &n, const std::string &path,
                                       std::vector<discovery::DnsSdConfig> *out)
{
    using Type = discovery::DnsSdConfig::Type;
    VIGIL_RETURN_IF_ERROR(checkSequence(n, path));
    if (n.IsNull()) return Status::ok();
    for (size_t i = 0; i < n.size(); ++i) {
        const YAML::Node e = n[i];
        const std::string p = at(path, i);
        // Prometheus's dns.SDConfig unmarshals through a type named "plain".
        VIGIL_RETURN_IF_ERROR(checkMap(e, p, {"names", "type", "port", "refresh_interval"}, "dns.plain"));
        discovery::DnsSdConfig c;
        std::string type = "SRV";
        if (e["names"].IsDefined()) VIGIL_RETURN_IF_ERROR(readStringList(e["names"], p + ".names", &c.names));
        if (e["type"].IsDefined()) VIGIL_RETURN_IF_ERROR(readString(e["type"], p + ".type", &type));
        if (e["port"].IsDefined()) {
            const YAML::Node v = e["port"];
            if (!v.IsScalar() || !YAML::convert<int>::decode(v, c.port))
                return error(v, p + ".port", "cannot unmarshal `" + (v.IsScalar() ? v.Scalar() : std::string()) + "` into int");
        }
        if (e["refresh_interval"].IsDefined())
            VIGIL_RETURN_IF_ERROR(readDuration(e["refresh_interval"], p + ".refresh_interval", &c.refreshIntervalMs));
        // Checked in Prometheus's order, with its messages.
        if (c.names.empty()) return error(e, p, "DNS-SD config must contain at least one SRV record name");
        const QString upper = QString::fromStdString(type).toUpper();
        if (upper == QLatin1String("SRV")) {
            c.type = Type::Srv;
        } else if (upper == QLatin1String("A") || upper == QLatin1String("AAAA") || upper == QLatin1String("MX")) {
            c.type = upper == QLatin1String("A") ? Type::A : upper == QLatin1String("AAAA") ? Type::Aaaa : Type::Mx;
            if (c.port == 0)
                return error(e, p, "a port is required in DNS-SD configs for all record types except SRV");
        } else {
            return error(e["type"], p + ".type", "invalid DNS-SD records type " + type);
        }
        out->push_back(std::move(c));
    }
    return Status::ok();
}

}  // namespace vigil::scrape
