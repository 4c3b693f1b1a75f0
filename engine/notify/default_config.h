// The built-in notification policy by tier, used when no
// --notifier.config.file is given:
//   warning (and alerts without a known severity) -> desktop notification
//       (normal urgency) + chat webhook (Slack-compatible incoming webhook)
//   critical  -> persistent desktop pop-up + email + SMS webhook
//   emergency -> desktop alert window (stays until acknowledged) + page
//       webhook (Alertmanager webhook JSON) + action (command or HTTP call)
// Only channels whose endpoint is set in DefaultPolicyEndpoints are part of
// the configuration; the desktop is always there. Grouping by alertname and
// instance; group_wait 30 s for warning, 10 s for critical, 0 s for
// emergency; Alertmanager's other defaults. Inhibition: a firing critical or
// emergency alert mutes warning alerts with the same alertname and instance,
// an emergency mutes critical ones. No time intervals (and emergency alerts
// are never muted by time anyway, see dispatcher.h). Escalation (Vigil's
// extension, docs/escalation.md): an unacknowledged warning reaches the
// critical receiver after 15 min and the emergency receiver after 30 min;
// an unacknowledged critical alert reaches the emergency receiver after 15 min.
//
// The policy is generated as alertmanager.yml text (defaultConfigYaml) and
// parsed like a user's file, so `vigil` can show or export it.
#pragma once

#include "core/status.h"
#include "notify/notify_config.h"

#include <string>
#include <vector>

namespace vigil::notify {

struct DefaultPolicyEndpoints {
    std::string chatWebhookUrl;  // Slack-compatible incoming webhook (secret ref allowed)
    std::string emailTo;
    std::string emailFrom;
    std::string smtpSmarthost;  // host:port
    std::string smtpUsername;
    std::string smtpPassword;   // normally ${keychain:NAME}
    bool smtpRequireTls = true;
    std::string smsUrl;         // SMS/phone gateway webhook
    std::string smsBody;        // body template; empty for the default
    std::string pageWebhookUrl; // paging service, Alertmanager webhook JSON
    std::string actionCommand;  // emergency action: a command ...
    std::vector<std::string> actionArgs;
    std::string actionUrl;      // ... or an HTTP call
};

std::string defaultConfigYaml(const DefaultPolicyEndpoints &e);
Result<NotifyConfig> defaultConfig(const DefaultPolicyEndpoints &e);

}  // namespace vigil::notify
