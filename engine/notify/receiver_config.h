// Receiver configurations: Alertmanager's webhook/slack/email configs and
// Vigil's desktop/sms/action configs. Plain values filled by the config
// parser; globals (smtp_*, slack_api_url, http_config) are already applied.
// Fields marked "secret" may hold `${keychain:NAME}` references and are
// never logged.
#pragma once

#include "scrape/http_client_config.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace vigil::notify {

// Alertmanager's http_config: basic_auth, authorization/bearer_token,
// tls_config (file paths resolved against the config file's directory).
using HttpConfig = scrape::HttpClientConfig;

struct WebhookConfig {
    bool sendResolved = true;
    std::string url;  // secret
    uint64_t maxAlerts = 0;  // 0: all
    HttpConfig http;
};

// Slack incoming webhook. title/text are Vigil's approximations of
// Alertmanager's default templates unless set (see message_text.h for the
// placeholders understood).
struct SlackConfig {
    bool sendResolved = false;
    std::string apiUrl;  // secret
    std::string apiUrlFile;  // read at send time when apiUrl is empty
    std::string channel;
    std::string username;
    std::string color;
    std::string title;
    std::string titleLink;
    std::string text;
    std::string iconEmoji;
    std::string iconUrl;
    HttpConfig http;
};

struct EmailConfig {
    bool sendResolved = false;
    std::string to;  // comma-separated addresses
    std::string from;
    std::string hello;
    std::string smarthost;  // host:port
    std::string authUsername;
    std::string authPassword;  // secret
    std::string authPasswordFile;  // read at send time when authPassword is empty
    std::string authIdentity;
    bool requireTls = true;
    std::map<std::string, std::string> headers;  // Subject, To, From overridable
    std::string text;  // body; default approximates Alertmanager's email
    scrape::TlsConfig tls;
};

// Vigil: a desktop notification through the console's DesktopSink.
struct DesktopConfig {
    bool sendResolved = true;
    std::string urgency = "normal";  // low, normal, critical
    bool persistent = false;         // stays until dismissed
    bool alertWindow = false;        // emergency window, stays until acknowledged
};

// Vigil: an SMS/phone gateway reached by an HTTP request whose body is a
// template (placeholders as in message_text.h).
struct SmsConfig {
    bool sendResolved = false;
    std::string url;  // secret
    std::string method = "POST";
    std::string contentType = "application/json";
    std::string body;  // template; default: {"text": "<summary>"}
    std::vector<std::string> to;
    HttpConfig http;
};

// Vigil: run a command (argv, no shell) or make an HTTP call. The alerts go
// to the command's stdin as webhook v4 JSON and as VIGIL_ALERT_* environment
// variables. Output (truncated to 64 KiB) and exit code are logged and recorded.
struct ActionConfig {
    bool sendResolved = false;
    std::string command;
    std::vector<std::string> args;
    std::string url;  // instead of a command; secret
    std::string method = "POST";
    int64_t timeoutMs = 30'000;
    HttpConfig http;
};

struct Receiver {
    std::string name;
    std::vector<WebhookConfig> webhookConfigs;
    std::vector<SlackConfig> slackConfigs;
    std::vector<EmailConfig> emailConfigs;
    std::vector<DesktopConfig> desktopConfigs;
    std::vector<SmsConfig> smsConfigs;
    std::vector<ActionConfig> actionConfigs;
};

}  // namespace vigil::notify
