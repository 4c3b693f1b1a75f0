#include "notify/payloads.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace vigil::notify {

namespace {

QJsonObject labelsObject(const model::Labels &ls)
{
    QJsonObject o;
    for (const model::Label &l : ls) o.insert(QString::fromStdString(l.name), QString::fromStdString(l.value));
    return o;
}

const char *statusOf(const model::Alert &a)
{
    return a.state == model::AlertState::Resolved ? "resolved" : "firing";
}

std::string firstAnnotation(const Notification &n, std::string_view name)
{
    const model::Labels common = n.commonAnnotations();
    if (std::string_view v = common.get(name); !v.empty()) return std::string(v);
    for (const model::Alert &a : n.alerts)
        if (std::string_view v = a.annotations.get(name); !v.empty()) return std::string(v);
    return {};
}

size_t countFiring(const Notification &n)
{
    size_t c = 0;
    for (const model::Alert &a : n.alerts) c += a.state != model::AlertState::Resolved;
    return c;
}

// The label values of commonLabels minus groupLabels, as Alertmanager's
// default title shows them in parentheses.
std::string extraCommonValues(const Notification &n)
{
    std::string out;
    for (const model::Label &l : n.commonLabels()) {
        if (n.groupLabels.has(l.name)) continue;
        out += (out.empty() ? "" : " ") + l.value;
    }
    return out;
}

std::string jsonEscaped(const std::string &s)
{
    const QByteArray j = QJsonDocument(QJsonArray{QString::fromStdString(s)}).toJson(QJsonDocument::Compact);
    // ["..."] -> ...
    return j.mid(2, j.size() - 4).toStdString();
}

}  // namespace

std::string rfc3339(int64_t ms)
{
    if (ms == 0) return "0001-01-01T00:00:00Z";
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs).toStdString();
}

std::string fingerprintHex(uint64_t fp)
{
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(fp));
    return buf;
}

QByteArray webhookJson(const Notification &n, const std::string &externalUrl, uint64_t maxAlerts)
{
    QJsonArray alerts;
    size_t truncated = 0;
    for (size_t i = 0; i < n.alerts.size(); ++i) {
        if (maxAlerts > 0 && i >= maxAlerts) {
            ++truncated;
            continue;
        }
        const model::Alert &a = n.alerts[i];
        alerts.append(QJsonObject{
            {"status", statusOf(a)},
            {"labels", labelsObject(a.labels)},
            {"annotations", labelsObject(a.annotations)},
            {"startsAt", QString::fromStdString(rfc3339(a.startsAtMs))},
            {"endsAt", QString::fromStdString(rfc3339(a.state == model::AlertState::Resolved ? a.endsAtMs : 0))},
            {"generatorURL", QString::fromStdString(a.generatorUrl)},
            {"fingerprint", QString::fromStdString(fingerprintHex(a.fingerprint()))},
        });
    }
    const QJsonObject body{
        {"version", "4"},
        {"groupKey", QString::fromStdString(n.groupKey)},
        {"truncatedAlerts", qint64(truncated)},
        {"status", n.firing() ? "firing" : "resolved"},
        {"receiver", QString::fromStdString(n.receiver)},
        {"groupLabels", labelsObject(n.groupLabels)},
        {"commonLabels", labelsObject(n.commonLabels())},
        {"commonAnnotations", labelsObject(n.commonAnnotations())},
        {"externalURL", QString::fromStdString(externalUrl)},
        {"alerts", alerts},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

std::string expandText(const std::string &tmpl, const Notification &n, const std::string &externalUrl,
                       bool jsonEscape)
{
    auto value = [&](const std::string &name) -> std::string {
        if (name == "status") return n.firing() ? "firing" : "resolved";
        if (name == "receiver") return n.receiver;
        if (name == "count") return std::to_string(n.alerts.size());
        if (name == "externalURL") return externalUrl;
        if (name == "alertname" || name == "severity") {
            const model::Labels common = n.commonLabels();
            if (std::string_view v = common.get(name); !v.empty()) return std::string(v);
            return n.alerts.empty() ? std::string() : std::string(n.alerts.front().labels.get(name));
        }
        if (name == "summary" || name == "description") return firstAnnotation(n, name);
        if (name.rfind("labels.", 0) == 0) {
            const model::Labels common = n.commonLabels();
            return std::string(common.get(name.substr(7)));
        }
        if (name == "alerts") {
            std::string out;
            for (const model::Alert &a : n.alerts) {
                out += a.state == model::AlertState::Resolved ? "[RESOLVED] " : "[FIRING] ";
                out += a.labels.toString();
                if (std::string_view s = a.annotations.get("summary"); !s.empty()) out += " " + std::string(s);
                out += "\n";
            }
            return out;
        }
        return {};
    };
    std::string out;
    size_t i = 0;
    while (i < tmpl.size()) {
        const size_t open = tmpl.find("{{", i);
        if (open == std::string::npos) break;
        const size_t close = tmpl.find("}}", open + 2);
        if (close == std::string::npos) break;
        out.append(tmpl, i, open - i);
        std::string name = tmpl.substr(open + 2, close - open - 2);
        while (!name.empty() && name.front() == ' ') name.erase(0, 1);
        while (!name.empty() && name.back() == ' ') name.pop_back();
        if (!name.empty() && name.front() == '.') name.erase(0, 1);
        const std::string v = value(name);
        out += jsonEscape ? jsonEscaped(v) : v;
        i = close + 2;
    }
    out.append(tmpl, i, std::string::npos);
    return out;
}

std::string emailSubject(const Notification &n)
{
    // Alertmanager's __subject: [STATUS:count] groupLabels values (extra common labels)
    std::string s = n.firing() ? "[FIRING:" + std::to_string(countFiring(n)) + "] " : "[RESOLVED] ";
    std::string values;
    for (const model::Label &l : n.groupLabels) values += (values.empty() ? "" : " ") + l.value;
    s += values;
    if (const std::string extra = extraCommonValues(n); !extra.empty()) s += (values.empty() ? "(" : " (") + extra + ")";
    return s;
}

std::string emailText(const Notification &n, const std::string &externalUrl)
{
    std::string out = emailSubject(n) + "\n\n";
    for (const char *section : {"firing", "resolved"}) {
        std::string part;
        for (const model::Alert &a : n.alerts) {
            if (std::string_view(statusOf(a)) != section) continue;
            part += "Labels:\n";
            for (const model::Label &l : a.labels) part += " - " + l.name + " = " + l.value + "\n";
            if (!a.annotations.empty()) part += "Annotations:\n";
            for (const model::Label &l : a.annotations) part += " - " + l.name + " = " + l.value + "\n";
            part += "Source: " + a.generatorUrl + "\n\n";
        }
        if (part.empty()) continue;
        out += std::string(section == std::string_view("firing") ? "Firing" : "Resolved") + " alerts:\n\n" + part;
    }
    if (!externalUrl.empty()) out += "Sent by Vigil: " + externalUrl + "\n";
    return out;
}

QByteArray slackJson(const Notification &n, const SlackConfig &c, const std::string &externalUrl)
{
    // Alertmanager's default slack title: "[FIRING:1] name (extra)"; text:
    // empty, Vigil shows the alerts' summaries (the default template's
    // "{{ .CommonAnnotations.summary }}" spirit).
    const std::string title = c.title.empty() ? emailSubject(n) : expandText(c.title, n, externalUrl);
    std::string text = c.text.empty() ? std::string() : expandText(c.text, n, externalUrl);
    if (c.text.empty()) {
        for (const model::Alert &a : n.alerts) {
            std::string_view s = a.annotations.get("summary");
            if (s.empty()) s = a.annotations.get("description");
            text += "*" + std::string(a.labels.get("alertname")) + "*" + (s.empty() ? "" : ": " + std::string(s)) + "\n";
        }
    }
    QJsonObject att{
        {"title", QString::fromStdString(title)},
        {"text", QString::fromStdString(text)},
        {"fallback", QString::fromStdString(title)},
        {"color", QString::fromStdString(c.color.empty() ? (n.firing() ? "danger" : "good") : expandText(c.color, n, externalUrl))},
        {"mrkdwn_in", QJsonArray{"fallback", "pretext", "text"}},
    };
    if (!c.titleLink.empty()) att.insert("title_link", QString::fromStdString(expandText(c.titleLink, n, externalUrl)));
    QJsonObject body{{"attachments", QJsonArray{att}}};
    if (!c.channel.empty()) body.insert("channel", QString::fromStdString(c.channel));
    if (!c.username.empty()) body.insert("username", QString::fromStdString(c.username));
    if (!c.iconEmoji.empty()) body.insert("icon_emoji", QString::fromStdString(c.iconEmoji));
    if (!c.iconUrl.empty()) body.insert("icon_url", QString::fromStdString(c.iconUrl));
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

}  // namespace vigil::notify
