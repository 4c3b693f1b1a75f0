// Message bodies built from a Notification:
// - webhookJson: Alertmanager's webhook JSON, version 4 (fields version,
//   groupKey, truncatedAlerts, status, receiver, groupLabels, commonLabels,
//   commonAnnotations, externalURL, alerts[] with status, labels, annotations,
//   startsAt, endsAt, generatorURL, fingerprint). Times are RFC 3339 in UTC;
//   a firing alert's endsAt is Go's zero time "0001-01-01T00:00:00Z".
// - slackJson: a Slack incoming-webhook message with one attachment, whose
//   title/text approximate Alertmanager's default slack templates.
// - expandText: the small template language of Vigil's sms/action/slack/email
//   text fields. Placeholders: {{status}} (firing/resolved), {{receiver}},
//   {{count}}, {{alertname}}, {{severity}}, {{summary}}, {{description}}
//   (from common annotations, else the first alert's), {{labels.NAME}}
//   (common label), {{alerts}} (one line per alert: "[FIRING] name{labels}
//   summary"), {{externalURL}}. Unknown placeholders expand to "".
//   `jsonEscape` escapes each expansion for a JSON string context.
// - emailSubject/emailText: Alertmanager's default subject line
//   ("[FIRING:2] HighCPU (instance ...)") and a plain-text body.
//
// Pure functions; thread-safe.
#pragma once

#include "notify/notification.h"
#include "notify/receiver_config.h"

#include <QByteArray>

#include <string>

namespace vigil::notify {

QByteArray webhookJson(const Notification &n, const std::string &externalUrl, uint64_t maxAlerts);
QByteArray slackJson(const Notification &n, const SlackConfig &c, const std::string &externalUrl);
std::string expandText(const std::string &tmpl, const Notification &n, const std::string &externalUrl,
                       bool jsonEscape = false);
std::string emailSubject(const Notification &n);
std::string emailText(const Notification &n, const std::string &externalUrl);

// RFC 3339 in UTC with milliseconds; 0 -> "0001-01-01T00:00:00Z".
std::string rfc3339(int64_t ms);
std::string fingerprintHex(uint64_t fp);

}  // namespace vigil::notify
