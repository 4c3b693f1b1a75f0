#include "notify/default_config.h"

#include <yaml-cpp/yaml.h>

#include <utility>
#include <vector>

namespace vigil::notify {

std::string defaultConfigYaml(const DefaultPolicyEndpoints &e)
{
    YAML::Emitter y;
    y << YAML::BeginMap;
    y << YAML::Key << "route" << YAML::Value << YAML::BeginMap;
    y << YAML::Key << "receiver" << YAML::Value << "tier-warning";
    y << YAML::Key << "group_by" << YAML::Value << YAML::Flow << YAML::BeginSeq << "alertname" << "instance" << YAML::EndSeq;
    y << YAML::Key << "routes" << YAML::Value << YAML::BeginSeq;
    auto route = [&](const char *severity, const char *receiver, const char *wait) {
        y << YAML::BeginMap;
        y << YAML::Key << "matchers" << YAML::Value << YAML::Flow << YAML::BeginSeq
          << (std::string("severity=\"") + severity + "\"") << YAML::EndSeq;
        y << YAML::Key << "receiver" << YAML::Value << receiver;
        y << YAML::Key << "group_wait" << YAML::Value << wait;
        y << YAML::EndMap;
    };
    route("emergency", "tier-emergency", "0s");
    route("critical", "tier-critical", "10s");
    route("warning", "tier-warning", "30s");
    y << YAML::EndSeq << YAML::EndMap;

    y << YAML::Key << "receivers" << YAML::Value << YAML::BeginSeq;
    auto desktop = [&](const char *urgency, bool persistent, bool window) {
        y << YAML::Key << "desktop_configs" << YAML::Value << YAML::BeginSeq << YAML::BeginMap;
        y << YAML::Key << "urgency" << YAML::Value << urgency;
        y << YAML::Key << "persistent" << YAML::Value << persistent;
        y << YAML::Key << "alert_window" << YAML::Value << window;
        y << YAML::EndMap << YAML::EndSeq;
    };
    // warning
    y << YAML::BeginMap << YAML::Key << "name" << YAML::Value << "tier-warning";
    desktop("normal", false, false);
    if (!e.chatWebhookUrl.empty()) {
        y << YAML::Key << "slack_configs" << YAML::Value << YAML::BeginSeq << YAML::BeginMap;
        y << YAML::Key << "api_url" << YAML::Value << e.chatWebhookUrl;
        y << YAML::Key << "send_resolved" << YAML::Value << true;
        y << YAML::EndMap << YAML::EndSeq;
    }
    y << YAML::EndMap;
    // critical
    y << YAML::BeginMap << YAML::Key << "name" << YAML::Value << "tier-critical";
    desktop("critical", true, false);
    if (!e.emailTo.empty() && !e.smtpSmarthost.empty()) {
        y << YAML::Key << "email_configs" << YAML::Value << YAML::BeginSeq << YAML::BeginMap;
        y << YAML::Key << "to" << YAML::Value << e.emailTo;
        y << YAML::Key << "from" << YAML::Value << (e.emailFrom.empty() ? std::string("vigil@localhost") : e.emailFrom);
        y << YAML::Key << "smarthost" << YAML::Value << e.smtpSmarthost;
        if (!e.smtpUsername.empty()) {
            y << YAML::Key << "auth_username" << YAML::Value << e.smtpUsername;
            y << YAML::Key << "auth_password" << YAML::Value << e.smtpPassword;
        }
        y << YAML::Key << "require_tls" << YAML::Value << e.smtpRequireTls;
        y << YAML::Key << "send_resolved" << YAML::Value << true;
        y << YAML::EndMap << YAML::EndSeq;
    }
    if (!e.smsUrl.empty()) {
        y << YAML::Key << "sms_configs" << YAML::Value << YAML::BeginSeq << YAML::BeginMap;
        y << YAML::Key << "url" << YAML::Value << e.smsUrl;
        if (!e.smsBody.empty()) y << YAML::Key << "body" << YAML::Value << e.smsBody;
        y << YAML::EndMap << YAML::EndSeq;
    }
    y << YAML::EndMap;
    // emergency
    y << YAML::BeginMap << YAML::Key << "name" << YAML::Value << "tier-emergency";
    desktop("critical", true, true);
    if (!e.pageWebhookUrl.empty()) {
        y << YAML::Key << "webhook_configs" << YAML::Value << YAML::BeginSeq << YAML::BeginMap;
        y << YAML::Key << "url" << YAML::Value << e.pageWebhookUrl;
        y << YAML::EndMap << YAML::EndSeq;
    }
    if (!e.actionCommand.empty() || !e.actionUrl.empty()) {
        y << YAML::Key << "action_configs" << YAML::Value << YAML::BeginSeq << YAML::BeginMap;
        if (!e.actionCommand.empty()) {
            y << YAML::Key << "command" << YAML::Value << e.actionCommand;
            if (!e.actionArgs.empty()) y << YAML::Key << "args" << YAML::Value << YAML::Flow << e.actionArgs;
        } else {
            y << YAML::Key << "url" << YAML::Value << e.actionUrl;
        }
        y << YAML::EndMap << YAML::EndSeq;
    }
    y << YAML::EndMap;
    y << YAML::EndSeq;

    y << YAML::Key << "inhibit_rules" << YAML::Value << YAML::BeginSeq;
    auto inhibit = [&](const char *source, const char *target) {
        y << YAML::BeginMap;
        y << YAML::Key << "source_matchers" << YAML::Value << YAML::Flow << YAML::BeginSeq << source << YAML::EndSeq;
        y << YAML::Key << "target_matchers" << YAML::Value << YAML::Flow << YAML::BeginSeq << target << YAML::EndSeq;
        y << YAML::Key << "equal" << YAML::Value << YAML::Flow << YAML::BeginSeq << "alertname" << "instance" << YAML::EndSeq;
        y << YAML::EndMap;
    };
    inhibit("severity=~\"critical|emergency\"", "severity=\"warning\"");
    inhibit("severity=\"emergency\"", "severity=\"critical\"");
    y << YAML::EndSeq;

    // Vigil's escalation ladders (docs/escalation.md).
    y << YAML::Key << "escalations" << YAML::Value << YAML::BeginSeq;
    auto ladder = [&](const char *name, const char *severity, std::vector<std::pair<const char *, const char *>> steps) {
        y << YAML::BeginMap;
        y << YAML::Key << "name" << YAML::Value << name;
        y << YAML::Key << "matchers" << YAML::Value << YAML::Flow << YAML::BeginSeq
          << (std::string("severity=\"") + severity + "\"") << YAML::EndSeq;
        y << YAML::Key << "steps" << YAML::Value << YAML::BeginSeq;
        for (const auto &[after, receiver] : steps) {
            y << YAML::Flow << YAML::BeginMap << YAML::Key << "after" << YAML::Value << after << YAML::Key << "receiver"
              << YAML::Value << receiver << YAML::EndMap;
        }
        y << YAML::EndSeq << YAML::EndMap;
    };
    ladder("warning", "warning", {{"15m", "tier-critical"}, {"30m", "tier-emergency"}});
    ladder("critical", "critical", {{"15m", "tier-emergency"}});
    y << YAML::EndSeq;
    y << YAML::EndMap;
    return std::string(y.c_str()) + "\n";
}

Result<NotifyConfig> defaultConfig(const DefaultPolicyEndpoints &e)
{
    return NotifyConfig::loadString(defaultConfigYaml(e), "<built-in notification policy>");
}

}  // namespace vigil::notify
