#include "notify/notification.h"

#include <algorithm>

namespace vigil::notify {

const char *integrationKindName(IntegrationKind k)
{
    switch (k) {
    case IntegrationKind::Webhook: return "webhook";
    case IntegrationKind::Slack: return "slack";
    case IntegrationKind::Email: return "email";
    case IntegrationKind::Desktop: return "desktop";
    case IntegrationKind::Sms: return "sms";
    case IntegrationKind::Action: return "action";
    }
    return "unknown";
}

std::string Notification::integrationName() const
{
    return std::string(integrationKindName(kind)) + "[" + std::to_string(index) + "]";
}

bool Notification::firing() const
{
    return std::any_of(alerts.begin(), alerts.end(),
                       [](const model::Alert &a) { return a.state != model::AlertState::Resolved; });
}

namespace {

model::Labels common(const std::vector<model::Alert> &alerts, model::Labels model::Alert::*field)
{
    if (alerts.empty()) return {};
    std::vector<model::Label> out;
    for (const model::Label &l : alerts.front().*field) {
        bool all = std::all_of(alerts.begin() + 1, alerts.end(),
                               [&](const model::Alert &a) { return (a.*field).get(l.name) == l.value; });
        if (all) out.push_back(l);
    }
    return model::Labels::fromSorted(std::move(out));
}

}  // namespace

model::Labels Notification::commonLabels() const { return common(alerts, &model::Alert::labels); }
model::Labels Notification::commonAnnotations() const { return common(alerts, &model::Alert::annotations); }

model::AlertTier Notification::tier() const
{
    model::AlertTier best = model::AlertTier::Unknown;
    const bool anyFiring = firing();
    for (const model::Alert &a : alerts) {
        if (anyFiring && a.state == model::AlertState::Resolved) continue;
        best = std::max(best, a.tier());
    }
    return best;
}

}  // namespace vigil::notify
