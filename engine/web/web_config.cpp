#include "web/web_config.h"

#include <yaml-cpp/yaml.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cctype>
#include <set>

namespace vigil::web {

namespace {

// Errors carry "file:line: field: message", as `vigil check config` does.
class Parser {
public:
    explicit Parser(std::string fileName) : fileName_(std::move(fileName)) {}

    Status error(const YAML::Node &n, const std::string &field, const std::string &msg) const
    {
        std::string where = fileName_;
        if (n.IsDefined() && !n.Mark().is_null()) where += ":" + std::to_string(n.Mark().line + 1);
        return Status::invalidArgument(where + ": " + (field.empty() ? "" : field + ": ") + msg);
    }

    // A mapping (or null) whose keys are unique strings from `known`.
    Status checkMap(const YAML::Node &n, const std::string &field, std::initializer_list<const char *> known,
                    const char *goType)
    {
        if (!n.IsDefined() || n.IsNull()) return {};
        if (!n.IsMap()) return error(n, field, std::string("expected a mapping (") + goType + ")");
        std::set<std::string> seen;
        for (const auto &kv : n) {
            if (!kv.first.IsScalar()) return error(kv.first, field, "mapping keys must be strings");
            const std::string &key = kv.first.Scalar();
            if (!seen.insert(key).second)
                return error(kv.first, field, "mapping key \"" + key + "\" already defined");
            if (known.size() > 0 &&
                std::none_of(known.begin(), known.end(), [&](const char *k) { return key == k; })) {
                return error(kv.first, field, "field " + key + " not found in type " + goType);
            }
        }
        return {};
    }

    Status readString(const YAML::Node &n, const std::string &field, std::string *out)
    {
        if (!n.IsDefined() || n.IsNull()) {
            out->clear();
            return {};
        }
        if (!n.IsScalar()) return error(n, field, "expected a string");
        *out = n.Scalar();
        return {};
    }

    std::string resolve(const std::string &path) const
    {
        if (path.empty() || QDir::isAbsolutePath(QString::fromStdString(path))) return path;
        const QString dir = QFileInfo(QString::fromStdString(fileName_)).absolutePath();
        return QDir(dir).filePath(QString::fromStdString(path)).toStdString();
    }

    Status parseTls(const YAML::Node &n, TlsServerConfig *tls);
    Status parseHttp(const YAML::Node &n, WebConfig *cfg);
    Status parseUsers(const YAML::Node &n, WebConfig *cfg);

private:
    std::string fileName_;
};

Status parseVersion(const std::string &s, int *out)
{
    if (s == "TLS12")
        *out = 12;
    else if (s == "TLS13")
        *out = 13;
    else if (s == "TLS10" || s == "TLS11")
        return Status::invalidArgument(s + " is not supported (Vigil serves TLS12 and TLS13)");
    else
        return Status::invalidArgument("unknown TLS version: " + s);
    return {};
}

Status Parser::parseTls(const YAML::Node &n, TlsServerConfig *tls)
{
    const std::string f = "tls_server_config";
    VIGIL_RETURN_IF_ERROR(
        checkMap(n, f,
                 {"cert_file", "key_file", "client_auth_type", "client_ca_file", "cipher_suites",
                  "curve_preferences", "min_version", "max_version", "prefer_server_cipher_suites"},
                 "web.TLSConfig"));
    if (!n.IsDefined() || n.IsNull()) return {};
    std::string clientAuth, minV, maxV;
    VIGIL_RETURN_IF_ERROR(readString(n["cert_file"], f + ".cert_file", &tls->certFile));
    VIGIL_RETURN_IF_ERROR(readString(n["key_file"], f + ".key_file", &tls->keyFile));
    VIGIL_RETURN_IF_ERROR(readString(n["client_ca_file"], f + ".client_ca_file", &tls->clientCaFile));
    VIGIL_RETURN_IF_ERROR(readString(n["client_auth_type"], f + ".client_auth_type", &clientAuth));
    VIGIL_RETURN_IF_ERROR(readString(n["min_version"], f + ".min_version", &minV));
    VIGIL_RETURN_IF_ERROR(readString(n["max_version"], f + ".max_version", &maxV));
    for (const char *unsupported : {"cipher_suites", "curve_preferences"}) {
        if (n[unsupported] && !n[unsupported].IsNull()) {
            return error(n[unsupported], f + "." + unsupported,
                         "is not supported by Vigil (the TLS library's defaults apply); remove it");
        }
    }
    if (n["prefer_server_cipher_suites"] && !n["prefer_server_cipher_suites"].IsScalar())
        return error(n["prefer_server_cipher_suites"], f + ".prefer_server_cipher_suites",
                     "expected a boolean");

    // exporter-toolkit: a section with none of these means plain HTTP.
    if (tls->certFile.empty() && tls->keyFile.empty() && clientAuth.empty() && tls->clientCaFile.empty())
        return {};
    if (tls->certFile.empty()) return error(n, f + ".cert_file", "missing cert_file");
    if (tls->keyFile.empty()) return error(n, f + ".key_file", "missing key_file");

    using CA = TlsServerConfig::ClientAuth;
    static const std::pair<const char *, CA> kAuth[] = {
        {"", CA::NoClientCert},
        {"NoClientCert", CA::NoClientCert},
        {"RequestClientCert", CA::RequestClientCert},
        {"RequireAnyClientCert", CA::RequireAnyClientCert},
        {"VerifyClientCertIfGiven", CA::VerifyClientCertIfGiven},
        {"RequireAndVerifyClientCert", CA::RequireAndVerifyClientCert},
    };
    const auto *a = std::find_if(std::begin(kAuth), std::end(kAuth),
                                 [&](const auto &p) { return clientAuth == p.first; });
    if (a == std::end(kAuth))
        return error(n["client_auth_type"], f + ".client_auth_type", "Invalid ClientAuth: " + clientAuth);
    tls->clientAuth = a->second;
    if (!tls->clientCaFile.empty() && tls->clientAuth == CA::NoClientCert)
        return error(n["client_ca_file"], f + ".client_ca_file",
                     "Client CA's have been configured without a Client Auth Policy");
    const bool verifies =
        tls->clientAuth == CA::VerifyClientCertIfGiven || tls->clientAuth == CA::RequireAndVerifyClientCert;
    if (verifies && tls->clientCaFile.empty())
        return error(n, f + ".client_ca_file", "client_auth_type " + clientAuth + " needs client_ca_file");
    if (!minV.empty()) {
        if (Status s = parseVersion(minV, &tls->minVersion); !s.isOk())
            return error(n["min_version"], f + ".min_version", s.message());
    }
    if (!maxV.empty()) {
        if (Status s = parseVersion(maxV, &tls->maxVersion); !s.isOk())
            return error(n["max_version"], f + ".max_version", s.message());
    }
    if (tls->minVersion > tls->maxVersion) return error(n, f, "min_version is above max_version");
    tls->certFile = resolve(tls->certFile);
    tls->keyFile = resolve(tls->keyFile);
    tls->clientCaFile = resolve(tls->clientCaFile);
    return {};
}

Status Parser::parseHttp(const YAML::Node &n, WebConfig *cfg)
{
    const std::string f = "http_server_config";
    VIGIL_RETURN_IF_ERROR(checkMap(n, f, {"http2", "headers"}, "web.HTTPConfig"));
    if (!n.IsDefined() || n.IsNull()) return {};
    if (n["http2"] && !n["http2"].IsScalar()) return error(n["http2"], f + ".http2", "expected a boolean");
    const YAML::Node h = n["headers"];
    if (!h) return {};
    VIGIL_RETURN_IF_ERROR(checkMap(h, f + ".headers", {}, "map[string]string"));
    // The headers exporter-toolkit lets a user set, with their allowed values
    // (empty: any value).
    static const std::map<std::string, std::vector<std::string>> kAllowed = {
        {"Strict-Transport-Security", {}},
        {"X-Content-Type-Options", {"nosniff"}},
        {"X-Frame-Options", {"deny", "sameorigin"}},
        {"X-XSS-Protection", {}},
        {"Content-Security-Policy", {}},
    };
    for (const auto &kv : h) {
        const std::string name = kv.first.Scalar();
        std::string value;
        VIGIL_RETURN_IF_ERROR(readString(kv.second, f + ".headers." + name, &value));
        auto it = kAllowed.find(name);
        if (it == kAllowed.end())
            return error(kv.first, f + ".headers", "HTTP header \"" + name + "\" can not be configured");
        if (!it->second.empty() &&
            std::find(it->second.begin(), it->second.end(), value) == it->second.end()) {
            std::string allowed;
            for (const auto &v : it->second) allowed += (allowed.empty() ? "" : ", ") + v;
            return error(kv.second, f + ".headers." + name,
                         "invalid value \"" + value + "\"; expected one of: " + allowed);
        }
        cfg->headers.emplace_back(name, value);
    }
    return {};
}

// "$2a$", "$2b$" or "$2y$", a two-digit cost 04..31, "$", 53 characters of
// bcrypt's base64 alphabet (22 salt + 31 hash).
bool isBcryptHash(const std::string &h)
{
    if (h.size() != 60 || h[0] != '$' || h[1] != '2' || h[3] != '$' || h[6] != '$') return false;
    if (h[2] != 'a' && h[2] != 'b' && h[2] != 'y') return false;
    if (!std::isdigit(static_cast<unsigned char>(h[4])) || !std::isdigit(static_cast<unsigned char>(h[5])))
        return false;
    const int cost = (h[4] - '0') * 10 + (h[5] - '0');
    if (cost < 4 || cost > 31) return false;
    return std::all_of(h.begin() + 7, h.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '/';
    });
}

Status Parser::parseUsers(const YAML::Node &n, WebConfig *cfg)
{
    const std::string f = "basic_auth_users";
    VIGIL_RETURN_IF_ERROR(checkMap(n, f, {}, "map[string]config_util.Secret"));
    if (!n.IsDefined() || n.IsNull()) return {};
    for (const auto &kv : n) {
        const std::string user = kv.first.Scalar();
        std::string hash;
        VIGIL_RETURN_IF_ERROR(readString(kv.second, f + "." + user, &hash));
        // The hash itself is not repeated in the message: it is a secret.
        if (!isBcryptHash(hash))
            return error(kv.second, f + "." + user, "not a bcrypt hash ($2a$, $2b$ or $2y$)");
        cfg->basicAuthUsers[user] = hash;
    }
    return {};
}

}  // namespace

Result<WebConfig> parseWebConfig(std::string_view yaml, const std::string &fileName)
{
    Parser p(fileName);
    YAML::Node root;
    try {
        root = YAML::Load(std::string(yaml));
    } catch (const YAML::Exception &e) {
        return Status::invalidArgument(fileName + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
    }
    WebConfig cfg;
    try {
        if (!root.IsNull()) {
            VIGIL_RETURN_IF_ERROR(p.checkMap(
                root, "", {"tls_server_config", "http_server_config", "basic_auth_users"}, "web.Config"));
            VIGIL_RETURN_IF_ERROR(p.parseTls(root["tls_server_config"], &cfg.tls));
            VIGIL_RETURN_IF_ERROR(p.parseHttp(root["http_server_config"], &cfg));
            VIGIL_RETURN_IF_ERROR(p.parseUsers(root["basic_auth_users"], &cfg));
        }
    } catch (const YAML::Exception &e) {
        return Status::invalidArgument(fileName + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
    }
    return cfg;
}

Result<WebConfig> loadWebConfigFile(const std::string &path)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        return Status::ioError("cannot read web config file " + path + ": " + f.errorString().toStdString());
    const QByteArray data = f.readAll();
    return parseWebConfig(std::string_view(data.constData(), size_t(data.size())), path);
}

}  // namespace vigil::web
