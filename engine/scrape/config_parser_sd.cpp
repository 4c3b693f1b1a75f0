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
    "basic_auth", "authorization", "oauth2",   "bearer_token",  "bearer_token_file",      "tls_config",
    "proxy_url",  "no_proxy",      "proxy_connect_header", "proxy_from_environment", "follow_redirects",
    "enable_http2",
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
        for (const auto &kv : e) {
            const std::string key = kv.first.Scalar();
            if (key == "url") {
                VIGIL_RETURN_IF_ERROR(readString(kv.second, p + ".url", &c.url));
            } else if (key == "refresh_interval") {
                VIGIL_RETURN_IF_ERROR(readDuration(kv.second, p + ".refresh_interval", &c.refreshIntervalMs));
            } else {
                for (std::string_view f : kHttpClientFields)
                    if (f == key)
                        qCWarning(lcDiscovery).noquote()
                            << QString::fromStdString(fileName_ + ": " + p + "." + key)
                            << "is not applied by Vigil's HTTP service discovery yet";
            }
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

}  // namespace vigil::scrape
