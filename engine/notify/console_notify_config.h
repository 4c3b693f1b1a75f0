// ConsoleNotifyConfig: the notification settings edited in the console's
// Rules page — for each tier (warning, critical, emergency) its channels
// (Slack-compatible webhook, email over SMTP, SMS webhook, action command)
// and, for warning and critical, quiet hours (mute windows). Stored in app.db
// as a document (kind "notifier", name "console") in the JSON of toJson(),
// and applied as an Alertmanager configuration (toNotifyConfig()) when no
// --notifier.config.file is given.
//
// The configuration is the built-in tier policy (default_config.h: desktop
// notifications by tier, grouping, inhibition) with these channels added to
// the tier's receiver ("tier-warning", ...), and each tier's quiet hours as a
// `time_intervals` entry ("quiet-warning", ...) named in the tier route's
// `mute_time_intervals`. Emergency has no quiet hours: the field is not
// written, not read, and the Dispatcher never mutes an emergency by time
// anyway.
//
// Secrets: the Slack URL (its path is the token), the SMS URL and the SMTP
// password must be keychain references (`${keychain:NAME}`, see
// secret_refs.h) — validate() refuses literal values, so they never reach
// app.db. A quiet window whose end is not after its start crosses midnight:
// it covers [start, 24:00) and [00:00, end) of each listed day.
//
// Plain values and pure functions; thread-safe.
#pragma once

#include "core/status.h"
#include "notify/notify_config.h"

#include <string>
#include <vector>

namespace vigil::notify {

struct TierChannels {
    std::string slackUrl;  // ${keychain:NAME}, or empty
    std::string emailTo;
    std::string emailFrom;
    std::string smtpSmarthost;  // host:port
    std::string smtpUsername;
    std::string smtpPassword;  // ${keychain:NAME}, or empty
    bool smtpRequireTls = true;
    std::string smsUrl;  // may hold ${keychain:NAME}
    std::string actionCommand;
    std::vector<std::string> actionArgs;
    friend bool operator==(const TierChannels &, const TierChannels &) = default;
};

struct QuietWindow {
    std::vector<std::string> weekdays;  // "monday:friday", "saturday"; empty: every day
    std::string start = "22:00";        // HH:MM
    std::string end = "07:00";          // HH:MM, 24:00 allowed
    std::string location = "Local";     // IANA zone or "Local"
    friend bool operator==(const QuietWindow &, const QuietWindow &) = default;
};

struct TierSettings {
    TierChannels channels;
    std::vector<QuietWindow> quiet;  // ignored for emergency
    friend bool operator==(const TierSettings &, const TierSettings &) = default;
};

enum class ConsoleTier { Warning = 0, Critical = 1, Emergency = 2 };
const char *consoleTierName(ConsoleTier t);  // "warning", "critical", "emergency"

struct ConsoleNotifyConfig {
    TierSettings tiers[3];  // by ConsoleTier

    TierSettings &tier(ConsoleTier t) { return tiers[int(t)]; }
    const TierSettings &tier(ConsoleTier t) const { return tiers[int(t)]; }

    // InvalidArgument naming the tier and field: literal secrets, bad times,
    // weekdays or locations, an email without smarthost or recipient.
    Status validate() const;
    std::string toJson() const;
    // InvalidArgument for JSON that is not an object of this shape.
    static Result<ConsoleNotifyConfig> fromJson(const std::string &json);
    // The Alertmanager YAML (validated first).
    Result<std::string> toYaml() const;
    Result<NotifyConfig> toNotifyConfig() const;

    friend bool operator==(const ConsoleNotifyConfig &a, const ConsoleNotifyConfig &b)
    {
        return a.tiers[0] == b.tiers[0] && a.tiers[1] == b.tiers[1] && a.tiers[2] == b.tiers[2];
    }
};

// The app.db document holding the console's configuration.
inline constexpr const char *kConsoleNotifyDocKind = "notifier";
inline constexpr const char *kConsoleNotifyDocName = "console";

}  // namespace vigil::notify
