#include "web/config_redaction.h"

#include <yaml-cpp/yaml.h>

#include <array>
#include <regex>

namespace vigil::web {

namespace {

// Keys whose values are config.Secret in Prometheus 2.42's configuration
// (HTTP client, service discovery and remote-write sections alike).
bool isSecretKey(const std::string &key)
{
    static const std::array<const char *, 7> keys = {"password", "credentials", "bearer_token", "client_secret",
                                                     "secret_key", "token", "application_credential_secret"};
    for (const char *k : keys)
        if (key == k) return true;
    return false;
}

// scheme://user:password@host... -> scheme://user:<secret>@host...
std::string redactUrlPassword(const std::string &value)
{
    static const std::regex userinfo(R"(^([A-Za-z][A-Za-z0-9+.-]*://[^/@:\s]*):[^/@\s]*@)");
    return std::regex_replace(value, userinfo, std::string("$1:") + kRedactedSecret + "@",
                              std::regex_constants::format_first_only);
}

void redact(YAML::Node node)
{
    if (node.IsMap()) {
        // Key/value pairs by value (node handles into the same document):
        // yaml-cpp's iterator operator-> hands out a pointer into a temporary.
        for (auto kv : node) {
            const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string();
            YAML::Node value = kv.second;
            if (isSecretKey(key) && value.IsScalar() && !value.Scalar().empty()) {
                value = kRedactedSecret;
            } else if (key == "proxy_connect_header" && value.IsMap()) {
                // header: [values...]; all of them are secrets.
                for (auto h : value) {
                    YAML::Node values = h.second;
                    if (values.IsSequence())
                        for (YAML::Node v : values) v = kRedactedSecret;
                    else
                        values = kRedactedSecret;
                }
            } else {
                redact(value);
            }
        }
    } else if (node.IsSequence()) {
        for (YAML::Node child : node) redact(child);
    } else if (node.IsScalar()) {
        const std::string redacted = redactUrlPassword(node.Scalar());
        if (redacted != node.Scalar()) node = redacted;
    }
}

}  // namespace

std::string redactConfigSecrets(std::string_view yaml)
{
    try {
        YAML::Node root = YAML::Load(std::string(yaml));
        if (!root.IsDefined() || root.IsNull()) return std::string();
        redact(root);
        YAML::Emitter out;
        out << root;
        return std::string(out.c_str()) + "\n";
    } catch (const YAML::Exception &) {
        return std::string();
    }
}

}  // namespace vigil::web
