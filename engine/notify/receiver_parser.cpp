// Receiver sections of alertmanager.yml (part of NotifyConfigParser).
#include "notify/notify_config_parser.h"

#include <algorithm>
#include <cctype>
#include <functional>

namespace vigil::notify {

namespace {

// Email header names are case-insensitive; Alertmanager canonicalizes them
// ("subject" -> "Subject").
std::string canonicalHeader(const std::string &h)
{
    std::string out = h;
    bool up = true;
    for (char &c : out) {
        c = up ? char(std::toupper(static_cast<unsigned char>(c))) : char(std::tolower(static_cast<unsigned char>(c)));
        up = c == '-';
    }
    return out;
}

bool validUrl(const std::string &u)
{
    // Secret references are checked when they are resolved.
    if (u.rfind("${keychain:", 0) == 0) return true;
    return u.rfind("http://", 0) == 0 || u.rfind("https://", 0) == 0;
}

// One key of a receiver config and how its value is read into the config.
template <typename Config>
struct Field {
    std::string_view key;
    std::function<Status(const YAML::Node &value, const std::string &path, Config *out)> read;
};

// Builds the Field tables of the receiver parsers below: readers of the
// common value types into a member of Config, and read() to apply a table.
template <typename Config>
class Fields {
public:
    explicit Fields(NotifyConfigParser &parser) : parser_(parser) {}

    Field<Config> text(std::string_view key, std::string Config::*m) const
    {
        return member(key, &YamlReader::readString, m);
    }
    Field<Config> flag(std::string_view key, bool Config::*m) const { return member(key, &YamlReader::readBool, m); }
    Field<Config> list(std::string_view key, std::vector<std::string> Config::*m) const
    {
        return member(key, &YamlReader::readStringList, m);
    }
    Field<Config> count(std::string_view key, uint64_t Config::*m) const
    {
        return member(key, &YamlReader::readUint, m);
    }
    Field<Config> duration(std::string_view key, int64_t Config::*m) const
    {
        return member(key, &YamlReader::readDuration, m);
    }
    // A secret written inline that replaces `other`, its file form.
    Field<Config> textReplacing(std::string_view key, std::string Config::*m, std::string Config::*other) const
    {
        return {key, [&r = parser_.reader(), m, other](const YAML::Node &v, const std::string &p, Config *out) {
                    VIGIL_RETURN_IF_ERROR(r.readString(v, p, &(out->*m)));
                    (out->*other).clear();
                    return Status::ok();
                }};
    }
    // A file path (relative to the config file) that replaces `other`, the
    // inline form.
    Field<Config> pathReplacing(std::string_view key, std::string Config::*m, std::string Config::*other) const
    {
        return {key, [&r = parser_.reader(), m, other](const YAML::Node &v, const std::string &p, Config *out) {
                    VIGIL_RETURN_IF_ERROR(r.readString(v, p, &(out->*m)));
                    out->*m = r.resolvePath(out->*m);
                    (out->*other).clear();
                    return Status::ok();
                }};
    }
    Field<Config> http(std::string_view key, HttpConfig Config::*m) const
    {
        return {key, [&parser = parser_, m](const YAML::Node &v, const std::string &p, Config *out) {
                    return parser.parseHttpConfig(v, p, &(out->*m));
                }};
    }

    // Reads the keys of mapping `n` that have a field in `table`, in document
    // order (so of two keys that replace each other the later one wins). Other
    // keys, vetted by checkMap before, are accepted and ignored.
    Status read(const YAML::Node &n, const std::string &path, std::initializer_list<Field<Config>> table,
                Config *out) const
    {
        for (const auto &kv : n) {
            const std::string key = kv.first.Scalar();
            for (const Field<Config> &f : table) {
                if (f.key != key) continue;
                VIGIL_RETURN_IF_ERROR(f.read(kv.second, joinPath(path, key), out));
                break;
            }
        }
        return Status::ok();
    }

private:
    // Reads the value with the reader's `read` into member `m`.
    template <typename T>
    Field<Config> member(std::string_view key, Status (YamlReader::*read)(const YAML::Node &, const std::string &, T *),
                         T Config::*m) const
    {
        return {key, [&r = parser_.reader(), read, m](const YAML::Node &v, const std::string &p, Config *out) {
                    return (r.*read)(v, p, &(out->*m));
                }};
    }

    NotifyConfigParser &parser_;
};

}  // namespace

Status NotifyConfigParser::parseTls(const YAML::Node &n, const std::string &path, scrape::TlsConfig *out)
{
    VIGIL_RETURN_IF_ERROR(r_.checkMap(n, path,
                                      {"ca_file", "cert_file", "key_file", "server_name", "insecure_skip_verify",
                                       "min_version"},
                                      "config.TLSConfig", true));
    if (n.IsNull()) return Status::ok();
    for (const auto &kv : n) {
        const std::string key = kv.first.Scalar();
        const std::string p = joinPath(path, key);
        if (key == "insecure_skip_verify") VIGIL_RETURN_IF_ERROR(r_.readBool(kv.second, p, &out->insecureSkipVerify));
        else if (key == "server_name") VIGIL_RETURN_IF_ERROR(r_.readString(kv.second, p, &out->serverName));
        else if (key == "min_version") continue;
        else {
            std::string v;
            VIGIL_RETURN_IF_ERROR(r_.readString(kv.second, p, &v));
            v = r_.resolvePath(v);
            (key == "ca_file" ? out->caFile : key == "cert_file" ? out->certFile : out->keyFile) = v;
        }
    }
    if (out->certFile.empty() != out->keyFile.empty())
        return r_.error(n, path, "exactly one of key or key_file must be configured when a client certificate is set");
    return Status::ok();
}

Status NotifyConfigParser::parseHttpConfig(const YAML::Node &n, const std::string &path, HttpConfig *out)
{
    VIGIL_RETURN_IF_ERROR(r_.checkMap(n, path,
                                      {"basic_auth", "authorization", "bearer_token", "bearer_token_file",
                                       "tls_config", "follow_redirects", "proxy_url", "enable_http2", "oauth2"},
                                      "config.HTTPClientConfig", true));
    *out = HttpConfig{};
    if (n.IsNull()) return Status::ok();
    std::string bearer, bearerFile;
    for (const auto &kv : n) {
        const std::string key = kv.first.Scalar();
        const std::string p = joinPath(path, key);
        const YAML::Node &v = kv.second;
        if (key == "basic_auth") {
            VIGIL_RETURN_IF_ERROR(r_.checkMap(v, p, {"username", "password", "password_file"}, "config.BasicAuth"));
            scrape::BasicAuth ba;
            VIGIL_RETURN_IF_ERROR(r_.readString(v["username"], joinPath(p, "username"), &ba.username));
            VIGIL_RETURN_IF_ERROR(r_.readString(v["password"], joinPath(p, "password"), &ba.password));
            VIGIL_RETURN_IF_ERROR(r_.readString(v["password_file"], joinPath(p, "password_file"), &ba.passwordFile));
            if (!ba.password.empty() && !ba.passwordFile.empty())
                return r_.error(v, p, "at most one of basic_auth password & password_file must be configured");
            ba.passwordFile = r_.resolvePath(ba.passwordFile);
            out->basicAuth = ba;
        } else if (key == "authorization") {
            VIGIL_RETURN_IF_ERROR(r_.checkMap(v, p, {"type", "credentials", "credentials_file"}, "config.Authorization"));
            scrape::Authorization a;
            if (v["type"].IsDefined()) VIGIL_RETURN_IF_ERROR(r_.readString(v["type"], joinPath(p, "type"), &a.type));
            if (a.type.empty()) a.type = "Bearer";
            VIGIL_RETURN_IF_ERROR(r_.readString(v["credentials"], joinPath(p, "credentials"), &a.credentials));
            VIGIL_RETURN_IF_ERROR(
                r_.readString(v["credentials_file"], joinPath(p, "credentials_file"), &a.credentialsFile));
            std::string lowerType = a.type;
            for (char &c : lowerType) c = char(std::tolower(static_cast<unsigned char>(c)));
            if (lowerType == "basic")
                return r_.error(v, p, "authorization type cannot be set to \"basic\", use \"basic_auth\" instead");
            a.credentialsFile = r_.resolvePath(a.credentialsFile);
            out->authorization = a;
        } else if (key == "bearer_token") {
            VIGIL_RETURN_IF_ERROR(r_.readString(v, p, &bearer));
        } else if (key == "bearer_token_file") {
            VIGIL_RETURN_IF_ERROR(r_.readString(v, p, &bearerFile));
        } else if (key == "tls_config") {
            VIGIL_RETURN_IF_ERROR(parseTls(v, p, &out->tls));
        } else if (key == "follow_redirects") {
            VIGIL_RETURN_IF_ERROR(r_.readBool(v, p, &out->followRedirects));
        }
        // proxy_url, enable_http2, oauth2: accepted, not used.
    }
    if (!bearer.empty() && !bearerFile.empty())
        return r_.error(n, path, "at most one of bearer_token & bearer_token_file must be configured");
    if ((!bearer.empty() || !bearerFile.empty()) && (out->basicAuth || out->authorization))
        return r_.error(n, path, "at most one of basic_auth, oauth2, bearer_token & bearer_token_file must be configured");
    if (out->basicAuth && out->authorization)
        return r_.error(n, path, "at most one of basic_auth, oauth2 & authorization must be configured");
    if (!bearer.empty() || !bearerFile.empty())
        out->authorization = scrape::Authorization{"Bearer", bearer, r_.resolvePath(bearerFile)};
    return Status::ok();
}

Status NotifyConfigParser::parseWebhook(const YAML::Node &n, const std::string &path, const GlobalConfig &g,
                                        WebhookConfig *out)
{
    VIGIL_RETURN_IF_ERROR(r_.checkMap(n, path, {"send_resolved", "url", "max_alerts", "http_config"},
                                      "config.WebhookConfig"));
    out->http = g.http;
    using C = WebhookConfig;
    const Fields<C> f(*this);
    VIGIL_RETURN_IF_ERROR(f.read(n, path,
                                 {f.flag("send_resolved", &C::sendResolved), f.text("url", &C::url),
                                  f.count("max_alerts", &C::maxAlerts), f.http("http_config", &C::http)},
                                 out));
    // Alertmanager 0.25 has no url_file for webhooks; ${keychain:NAME} keeps tokens out of the file.
    if (out->url.empty()) return r_.error(n, path, "missing URL in webhook config");
    if (!validUrl(out->url)) return r_.error(n["url"], joinPath(path, "url"), "unsupported scheme \"\" for URL");
    return Status::ok();
}

Status NotifyConfigParser::parseSlack(const YAML::Node &n, const std::string &path, const GlobalConfig &g,
                                      SlackConfig *out)
{
    VIGIL_RETURN_IF_ERROR(r_.checkMap(n, path,
                                      {"send_resolved", "api_url", "api_url_file", "channel", "username", "color",
                                       "title", "title_link", "pretext", "text", "fields", "short_fields", "footer",
                                       "fallback", "callback_id", "icon_emoji", "icon_url", "image_url",
                                       "thumb_url", "link_names", "mrkdwn_in", "actions", "http_config"},
                                      "config.SlackConfig"));
    out->http = g.http;
    out->apiUrl = g.slackApiUrl;
    out->apiUrlFile = g.slackApiUrlFile;
    using C = SlackConfig;
    const Fields<C> f(*this);
    // The other Slack fields are accepted and not sent.
    VIGIL_RETURN_IF_ERROR(f.read(n, path,
                                 {f.flag("send_resolved", &C::sendResolved),
                                  f.textReplacing("api_url", &C::apiUrl, &C::apiUrlFile),
                                  f.pathReplacing("api_url_file", &C::apiUrlFile, &C::apiUrl),
                                  f.text("channel", &C::channel), f.text("username", &C::username),
                                  f.text("color", &C::color), f.text("title", &C::title),
                                  f.text("title_link", &C::titleLink), f.text("text", &C::text),
                                  f.text("icon_emoji", &C::iconEmoji), f.text("icon_url", &C::iconUrl),
                                  f.http("http_config", &C::http)},
                                 out));
    if (out->apiUrl.empty() && out->apiUrlFile.empty())
        return r_.error(n, path, "no global Slack API URL set either inline or in a file");
    if (!out->apiUrl.empty() && !validUrl(out->apiUrl)) return r_.error(n, joinPath(path, "api_url"), "unsupported scheme for URL");
    return Status::ok();
}

Status NotifyConfigParser::parseEmail(const YAML::Node &n, const std::string &path, const GlobalConfig &g,
                                      EmailConfig *out)
{
    VIGIL_RETURN_IF_ERROR(r_.checkMap(n, path,
                                      {"send_resolved", "to", "from", "hello", "smarthost", "auth_username",
                                       "auth_password", "auth_password_file", "auth_secret", "auth_identity",
                                       "headers", "html", "text", "require_tls", "tls_config"},
                                      "config.EmailConfig"));
    out->from = g.smtpFrom;
    out->hello = g.smtpHello;
    out->smarthost = g.smtpSmarthost;
    out->authUsername = g.smtpAuthUsername;
    out->authPassword = g.smtpAuthPassword;
    out->authPasswordFile = g.smtpAuthPasswordFile;
    out->authIdentity = g.smtpAuthIdentity;
    out->requireTls = g.smtpRequireTls;
    using C = EmailConfig;
    const Fields<C> f(*this);
    const Field<C> tls{"tls_config",
                       [this](const YAML::Node &v, const std::string &p, C *o) { return parseTls(v, p, &o->tls); }};
    const Field<C> headers{"headers", [this](const YAML::Node &v, const std::string &p, C *o) {
        VIGIL_RETURN_IF_ERROR(r_.checkMap(v, p, {}, "map[string]string"));
        for (const auto &h : v) {
            std::string value;
            VIGIL_RETURN_IF_ERROR(r_.readString(h.second, joinPath(p, h.first.Scalar()), &value));
            const std::string name = canonicalHeader(h.first.Scalar());
            if (o->headers.count(name)) return r_.error(h.first, p, "duplicate header \"" + name + "\" in email config");
            o->headers[name] = value;
        }
        return Status::ok();
    }};
    // html, auth_secret: accepted; Vigil sends text/plain with PLAIN/LOGIN auth.
    VIGIL_RETURN_IF_ERROR(f.read(n, path,
                                 {f.flag("send_resolved", &C::sendResolved), f.text("to", &C::to),
                                  f.text("from", &C::from), f.text("hello", &C::hello),
                                  f.text("smarthost", &C::smarthost), f.text("auth_username", &C::authUsername),
                                  f.textReplacing("auth_password", &C::authPassword, &C::authPasswordFile),
                                  f.pathReplacing("auth_password_file", &C::authPasswordFile, &C::authPassword),
                                  f.text("auth_identity", &C::authIdentity), f.text("text", &C::text),
                                  f.flag("require_tls", &C::requireTls), tls, headers},
                                 out));
    if (out->to.empty()) return r_.error(n, path, "missing to address in email config");
    if (out->smarthost.empty()) return r_.error(n, path, "no global SMTP smarthost set");
    if (out->from.empty()) return r_.error(n, path, "no global mail from address set");
    if (out->smarthost.find(':') == std::string::npos)
        return r_.error(n, joinPath(path, "smarthost"), "address " + out->smarthost + ": missing port in address");
    return Status::ok();
}

Status NotifyConfigParser::parseDesktop(const YAML::Node &n, const std::string &path, DesktopConfig *out)
{
    VIGIL_RETURN_IF_ERROR(
        r_.checkMap(n, path, {"send_resolved", "urgency", "persistent", "alert_window"}, "vigil.DesktopConfig", true));
    if (n.IsNull()) return Status::ok();
    if (const YAML::Node v = n["send_resolved"]; v.IsDefined())
        VIGIL_RETURN_IF_ERROR(r_.readBool(v, joinPath(path, "send_resolved"), &out->sendResolved));
    if (const YAML::Node v = n["urgency"]; v.IsDefined()) {
        VIGIL_RETURN_IF_ERROR(r_.readString(v, joinPath(path, "urgency"), &out->urgency));
        if (out->urgency != "low" && out->urgency != "normal" && out->urgency != "critical")
            return r_.error(v, joinPath(path, "urgency"), "urgency must be low, normal or critical");
    }
    if (const YAML::Node v = n["persistent"]; v.IsDefined())
        VIGIL_RETURN_IF_ERROR(r_.readBool(v, joinPath(path, "persistent"), &out->persistent));
    if (const YAML::Node v = n["alert_window"]; v.IsDefined())
        VIGIL_RETURN_IF_ERROR(r_.readBool(v, joinPath(path, "alert_window"), &out->alertWindow));
    return Status::ok();
}

Status NotifyConfigParser::parseSms(const YAML::Node &n, const std::string &path, const GlobalConfig &g,
                                    SmsConfig *out)
{
    VIGIL_RETURN_IF_ERROR(r_.checkMap(n, path,
                                      {"send_resolved", "url", "method", "content_type", "body", "to", "http_config"},
                                      "vigil.SmsConfig"));
    out->http = g.http;
    using C = SmsConfig;
    const Fields<C> f(*this);
    VIGIL_RETURN_IF_ERROR(f.read(n, path,
                                 {f.flag("send_resolved", &C::sendResolved), f.text("url", &C::url),
                                  f.text("method", &C::method), f.text("content_type", &C::contentType),
                                  f.text("body", &C::body), f.list("to", &C::to), f.http("http_config", &C::http)},
                                 out));
    if (out->url.empty()) return r_.error(n, path, "missing url in sms config");
    if (!validUrl(out->url)) return r_.error(n["url"], joinPath(path, "url"), "url must be http:// or https://");
    if (out->method != "POST" && out->method != "PUT" && out->method != "GET")
        return r_.error(n["method"], joinPath(path, "method"), "method must be GET, POST or PUT");
    return Status::ok();
}

Status NotifyConfigParser::parseAction(const YAML::Node &n, const std::string &path, const GlobalConfig &g,
                                       ActionConfig *out)
{
    VIGIL_RETURN_IF_ERROR(r_.checkMap(n, path,
                                      {"send_resolved", "command", "args", "url", "method", "timeout", "http_config"},
                                      "vigil.ActionConfig"));
    out->http = g.http;
    using C = ActionConfig;
    const Fields<C> f(*this);
    VIGIL_RETURN_IF_ERROR(f.read(n, path,
                                 {f.flag("send_resolved", &C::sendResolved), f.text("command", &C::command),
                                  f.list("args", &C::args), f.text("url", &C::url), f.text("method", &C::method),
                                  f.duration("timeout", &C::timeoutMs), f.http("http_config", &C::http)},
                                 out));
    if (out->command.empty() == out->url.empty())
        return r_.error(n, path, "exactly one of command or url must be configured in action config");
    if (!out->url.empty() && !validUrl(out->url))
        return r_.error(n["url"], joinPath(path, "url"), "url must be http:// or https://");
    if (out->timeoutMs <= 0) return r_.error(n, joinPath(path, "timeout"), "timeout must be greater than zero");
    return Status::ok();
}

Status NotifyConfigParser::parseReceiver(const YAML::Node &n, const std::string &path, const GlobalConfig &g,
                                         Receiver *out)
{
    VIGIL_RETURN_IF_ERROR(r_.checkMap(
        n, path,
        {"name", "webhook_configs", "slack_configs", "email_configs", "desktop_configs", "sms_configs",
         "action_configs", "pagerduty_configs", "opsgenie_configs", "wechat_configs", "pushover_configs",
         "victorops_configs", "sns_configs", "telegram_configs", "webex_configs"},
        "config.Receiver"));
    VIGIL_RETURN_IF_ERROR(r_.readString(n["name"], joinPath(path, "name"), &out->name));
    if (out->name.empty()) return r_.error(n, path, "missing name in receiver");
    for (const auto &kv : n) {
        const std::string key = kv.first.Scalar();
        if (key == "name") continue;
        const std::string p = joinPath(path, key);
        VIGIL_RETURN_IF_ERROR(r_.checkSequence(kv.second, p));
        for (size_t i = 0; i < kv.second.size(); ++i) {
            const YAML::Node c = kv.second[i];
            const std::string ip = indexPath(p, i);
            if (key == "webhook_configs") {
                WebhookConfig w;
                VIGIL_RETURN_IF_ERROR(parseWebhook(c, ip, g, &w));
                out->webhookConfigs.push_back(std::move(w));
            } else if (key == "slack_configs") {
                SlackConfig s;
                VIGIL_RETURN_IF_ERROR(parseSlack(c, ip, g, &s));
                out->slackConfigs.push_back(std::move(s));
            } else if (key == "email_configs") {
                EmailConfig e;
                VIGIL_RETURN_IF_ERROR(parseEmail(c, ip, g, &e));
                out->emailConfigs.push_back(std::move(e));
            } else if (key == "desktop_configs") {
                DesktopConfig d;
                VIGIL_RETURN_IF_ERROR(parseDesktop(c, ip, &d));
                out->desktopConfigs.push_back(d);
            } else if (key == "sms_configs") {
                SmsConfig s;
                VIGIL_RETURN_IF_ERROR(parseSms(c, ip, g, &s));
                out->smsConfigs.push_back(std::move(s));
            } else if (key == "action_configs") {
                ActionConfig a;
                VIGIL_RETURN_IF_ERROR(parseAction(c, ip, g, &a));
                out->actionConfigs.push_back(std::move(a));
            } else {
                return r_.error(kv.first, p, key + " is valid for Alertmanager but not supported by Vigil");
            }
        }
    }
    return Status::ok();
}

}  // namespace vigil::notify
