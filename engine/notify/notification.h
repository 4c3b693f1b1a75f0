// Notification: one message for one integration of one receiver, produced
// by the Dispatcher when an aggregation group flushes and handed to the
// integration's delivery. A plain value.
#pragma once

#include "model/alert.h"
#include "model/labels.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vigil::notify {

enum class IntegrationKind { Webhook, Slack, Email, Desktop, Sms, Action };
const char *integrationKindName(IntegrationKind k);  // "webhook", "slack", "email", ...

struct Notification {
    std::string groupKey;   // Alertmanager's "{}/{matchers}:{group labels}"
    std::string receiver;
    IntegrationKind kind = IntegrationKind::Webhook;
    size_t index = 0;       // which *_configs entry of the receiver
    model::Labels groupLabels;
    // Alerts in the group, sorted by labels; state is Firing or Resolved as
    // of timeMs (resolved ones only when the integration sends resolved).
    std::vector<model::Alert> alerts;
    int64_t timeMs = 0;     // when the group flushed
    // Vigil: 0 for a group flush; n > 0 when step n of an escalation ladder
    // sent it (Notifier, escalation_tracker.h).
    int escalationStep = 0;
    // Vigil: who acknowledged the alerts (empty when not every firing alert
    // of the notification is acknowledged).
    std::string acknowledgedBy;

    // "webhook[0]"
    std::string integrationName() const;
    bool firing() const;  // any alert firing
    // Labels/annotations shared by every alert (Alertmanager's common*).
    model::Labels commonLabels() const;
    model::Labels commonAnnotations() const;
    // The highest tier among firing alerts (else among all).
    model::AlertTier tier() const;
};

}  // namespace vigil::notify
