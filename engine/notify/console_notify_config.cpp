#include "notify/console_notify_config.h"

#include "notify/default_config.h"
#include "notify/time_interval.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <yaml-cpp/yaml.h>

namespace vigil::notify {

namespace {

constexpr ConsoleTier kTiers[] = {ConsoleTier::Warning, ConsoleTier::Critical, ConsoleTier::Emergency};

bool isReference(const std::string &v) { return v.find("${keychain:") != std::string::npos; }

QString q(const std::string &s) { return QString::fromStdString(s); }
std::string s(const QJsonValue &v) { return v.toString().toStdString(); }

// "22:00"-"07:00" -> [22:00, 24:00) + [00:00, 07:00); the end is exclusive.
std::vector<std::pair<std::string, std::string>> timeRanges(const QuietWindow &w)
{
    if (w.end > w.start) return {{w.start, w.end}};
    std::vector<std::pair<std::string, std::string>> out{{w.start, "24:00"}};
    if (w.end != "00:00") out.push_back({"00:00", w.end});
    return out;
}

Status validateTier(const TierSettings &t, const std::string &tier, bool quietAllowed)
{
    const TierChannels &c = t.channels;
    auto bad = [&](const std::string &field, const std::string &why) {
        return Status::invalidArgument(tier + ": " + field + ": " + why);
    };
    if (!c.slackUrl.empty() && !isReference(c.slackUrl))
        return bad("Slack webhook URL", "must be a keychain reference (${keychain:NAME}), not the URL itself");
    if (!c.smsUrl.empty() && !isReference(c.smsUrl))
        return bad("SMS webhook URL", "must be a keychain reference (${keychain:NAME}), not the URL itself");
    if (!c.smtpPassword.empty() && !isReference(c.smtpPassword))
        return bad("SMTP password", "must be a keychain reference (${keychain:NAME})");
    if (!c.emailTo.empty() && c.smtpSmarthost.empty()) return bad("email", "an SMTP server (host:port) is needed");
    if (c.emailTo.empty() && !c.smtpSmarthost.empty()) return bad("email", "a recipient is needed");
    if (!c.smtpSmarthost.empty() && c.smtpSmarthost.find(':') == std::string::npos)
        return bad("SMTP server", "must be host:port");
    if (!quietAllowed) return Status::ok();
    for (const QuietWindow &w : t.quiet) {
        auto start = parseClockTime(w.start);
        if (!start) return bad("quiet hours start", start.status().message());
        auto end = parseClockTime(w.end);
        if (!end) return bad("quiet hours end", end.status().message());
        if (*start == *end) return bad("quiet hours", "start and end are the same time");
        if (*start >= 24 * 60) return bad("quiet hours start", "must be before 24:00");
        for (const std::string &d : w.weekdays)
            if (auto r = parseWeekdayRange(d); !r) return bad("quiet hours weekdays", r.status().message());
        if (Status l = checkLocation(w.location); !l.isOk()) return bad("quiet hours location", l.message());
    }
    return Status::ok();
}

YAML::Node sequenceWith(YAML::Node seq, const YAML::Node &item)
{
    if (!seq.IsDefined() || seq.IsNull()) seq = YAML::Node(YAML::NodeType::Sequence);
    seq.push_back(item);
    return seq;
}

}  // namespace

const char *consoleTierName(ConsoleTier t)
{
    switch (t) {
    case ConsoleTier::Warning: return "warning";
    case ConsoleTier::Critical: return "critical";
    case ConsoleTier::Emergency: return "emergency";
    }
    return "";
}

Status ConsoleNotifyConfig::validate() const
{
    for (ConsoleTier t : kTiers)
        VIGIL_RETURN_IF_ERROR(validateTier(tier(t), consoleTierName(t), t != ConsoleTier::Emergency));
    return Status::ok();
}

std::string ConsoleNotifyConfig::toJson() const
{
    QJsonObject root;
    root.insert(QStringLiteral("version"), 1);
    for (ConsoleTier t : kTiers) {
        const TierSettings &ts = tier(t);
        const TierChannels &c = ts.channels;
        QJsonObject o;
        o.insert(QStringLiteral("slack_url"), q(c.slackUrl));
        o.insert(QStringLiteral("email_to"), q(c.emailTo));
        o.insert(QStringLiteral("email_from"), q(c.emailFrom));
        o.insert(QStringLiteral("smtp_smarthost"), q(c.smtpSmarthost));
        o.insert(QStringLiteral("smtp_username"), q(c.smtpUsername));
        o.insert(QStringLiteral("smtp_password"), q(c.smtpPassword));
        o.insert(QStringLiteral("smtp_require_tls"), c.smtpRequireTls);
        o.insert(QStringLiteral("sms_url"), q(c.smsUrl));
        o.insert(QStringLiteral("action_command"), q(c.actionCommand));
        QJsonArray args;
        for (const auto &a : c.actionArgs) args.append(q(a));
        o.insert(QStringLiteral("action_args"), args);
        if (t != ConsoleTier::Emergency) {
            QJsonArray quiet;
            for (const QuietWindow &w : ts.quiet) {
                QJsonArray days;
                for (const auto &d : w.weekdays) days.append(q(d));
                quiet.append(QJsonObject{{QStringLiteral("weekdays"), days},
                                         {QStringLiteral("start"), q(w.start)},
                                         {QStringLiteral("end"), q(w.end)},
                                         {QStringLiteral("location"), q(w.location)}});
            }
            o.insert(QStringLiteral("quiet_hours"), quiet);
        }
        root.insert(QString::fromLatin1(consoleTierName(t)), o);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString();
}

Result<ConsoleNotifyConfig> ConsoleNotifyConfig::fromJson(const std::string &json)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &err);
    if (!doc.isObject())
        return Status::invalidArgument("notification settings: not a JSON object: " + err.errorString().toStdString());
    const QJsonObject root = doc.object();
    ConsoleNotifyConfig out;
    for (ConsoleTier t : kTiers) {
        const QJsonValue v = root.value(QString::fromLatin1(consoleTierName(t)));
        if (v.isUndefined()) continue;
        if (!v.isObject())
            return Status::invalidArgument(std::string("notification settings: ") + consoleTierName(t) +
                                           " is not an object");
        const QJsonObject o = v.toObject();
        TierSettings &ts = out.tier(t);
        TierChannels &c = ts.channels;
        c.slackUrl = s(o.value(QStringLiteral("slack_url")));
        c.emailTo = s(o.value(QStringLiteral("email_to")));
        c.emailFrom = s(o.value(QStringLiteral("email_from")));
        c.smtpSmarthost = s(o.value(QStringLiteral("smtp_smarthost")));
        c.smtpUsername = s(o.value(QStringLiteral("smtp_username")));
        c.smtpPassword = s(o.value(QStringLiteral("smtp_password")));
        c.smtpRequireTls = o.value(QStringLiteral("smtp_require_tls")).toBool(true);
        c.smsUrl = s(o.value(QStringLiteral("sms_url")));
        c.actionCommand = s(o.value(QStringLiteral("action_command")));
        for (const QJsonValue a : o.value(QStringLiteral("action_args")).toArray()) c.actionArgs.push_back(s(a));
        if (t == ConsoleTier::Emergency) continue;  // never muted: quiet hours are not read
        for (const QJsonValue qv : o.value(QStringLiteral("quiet_hours")).toArray()) {
            const QJsonObject w = qv.toObject();
            QuietWindow qw;
            qw.weekdays.clear();
            for (const QJsonValue d : w.value(QStringLiteral("weekdays")).toArray()) qw.weekdays.push_back(s(d));
            qw.start = s(w.value(QStringLiteral("start")));
            qw.end = s(w.value(QStringLiteral("end")));
            qw.location = w.value(QStringLiteral("location")).toString(QStringLiteral("Local")).toStdString();
            ts.quiet.push_back(std::move(qw));
        }
    }
    return out;
}

Result<std::string> ConsoleNotifyConfig::toYaml() const
{
    VIGIL_RETURN_IF_ERROR(validate());
    YAML::Node root = YAML::Load(defaultConfigYaml({}));
    YAML::Node receivers = root["receivers"];
    YAML::Node routes = root["route"]["routes"];
    YAML::Node intervals(YAML::NodeType::Sequence);
    for (ConsoleTier t : kTiers) {
        const std::string name = consoleTierName(t);
        const TierSettings &ts = tier(t);
        const TierChannels &c = ts.channels;
        YAML::Node receiver;
        for (YAML::Node r : receivers)
            if (r["name"].as<std::string>() == "tier-" + name) receiver = r;
        if (!receiver) return Status::internal("the built-in policy has no receiver tier-" + name);
        if (!c.slackUrl.empty()) {
            YAML::Node n;
            n["api_url"] = c.slackUrl;
            n["send_resolved"] = true;
            receiver["slack_configs"] = sequenceWith(receiver["slack_configs"], n);
        }
        if (!c.emailTo.empty()) {
            YAML::Node n;
            n["to"] = c.emailTo;
            n["from"] = c.emailFrom.empty() ? std::string("vigil@localhost") : c.emailFrom;
            n["smarthost"] = c.smtpSmarthost;
            if (!c.smtpUsername.empty()) {
                n["auth_username"] = c.smtpUsername;
                n["auth_password"] = c.smtpPassword;
            }
            n["require_tls"] = c.smtpRequireTls;
            n["send_resolved"] = true;
            receiver["email_configs"] = sequenceWith(receiver["email_configs"], n);
        }
        if (!c.smsUrl.empty()) {
            YAML::Node n;
            n["url"] = c.smsUrl;
            receiver["sms_configs"] = sequenceWith(receiver["sms_configs"], n);
        }
        if (!c.actionCommand.empty()) {
            YAML::Node n;
            n["command"] = c.actionCommand;
            if (!c.actionArgs.empty()) n["args"] = c.actionArgs;
            receiver["action_configs"] = sequenceWith(receiver["action_configs"], n);
        }
        if (t == ConsoleTier::Emergency || ts.quiet.empty()) continue;
        YAML::Node entry;
        entry["name"] = "quiet-" + name;
        for (const QuietWindow &w : ts.quiet) {
            YAML::Node ti;
            for (const auto &[from, to] : timeRanges(w)) {
                YAML::Node range;
                range["start_time"] = from;
                range["end_time"] = to;
                ti["times"].push_back(range);
            }
            for (const auto &d : w.weekdays) ti["weekdays"].push_back(d);
            if (!w.location.empty()) ti["location"] = w.location;
            entry["time_intervals"].push_back(ti);
        }
        intervals.push_back(entry);
        bool routed = false;
        for (YAML::Node r : routes) {
            if (r["receiver"].as<std::string>() != "tier-" + name) continue;
            r["mute_time_intervals"].push_back("quiet-" + name);
            routed = true;
        }
        if (!routed) return Status::internal("the built-in policy has no route for tier-" + name);
    }
    if (intervals.size() > 0) root["time_intervals"] = intervals;
    YAML::Emitter out;
    out << root;
    return std::string(out.c_str()) + "\n";
}

Result<NotifyConfig> ConsoleNotifyConfig::toNotifyConfig() const
{
    auto yaml = toYaml();
    if (!yaml) return yaml.status();
    return NotifyConfig::loadString(*yaml, "<console notification settings>");
}

}  // namespace vigil::notify
