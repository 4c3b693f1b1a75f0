#include "models/alert_rows.h"

#include "notify/label_matchers.h"

#include <QColor>
#include <QCoreApplication>

#include <algorithm>

namespace vigil::ui {

Tier tierOf(const model::Labels &labels)
{
    switch (model::alertTierFromSeverity(labels.get("severity"))) {
    case model::AlertTier::Emergency: return Tier::Emergency;
    case model::AlertTier::Critical: return Tier::Critical;
    case model::AlertTier::Warning: return Tier::Warning;
    case model::AlertTier::Unknown: break;
    }
    return Tier::Info;
}

QString tierTitle(Tier t)
{
    switch (t) {
    case Tier::Emergency: return QCoreApplication::translate("vigil::ui::AlertsPage", "Emergency");
    case Tier::Critical: return QCoreApplication::translate("vigil::ui::AlertsPage", "Critical");
    case Tier::Warning: return QCoreApplication::translate("vigil::ui::AlertsPage", "Warning");
    case Tier::Info: return QCoreApplication::translate("vigil::ui::AlertsPage", "Info");
    }
    return {};
}

QColor tierColor(Tier t)
{
    switch (t) {
    case Tier::Emergency: return QColor(0x7b, 0x1f, 0xa2);
    case Tier::Critical: return QColor(0xc6, 0x28, 0x28);
    case Tier::Warning: return QColor(0xef, 0x6c, 0x00);
    case Tier::Info: return QColor(0x15, 0x65, 0xc0);
    }
    return {};
}

QVector<AlertRow> alertRows(const runtime::AlertingSnapshot &s)
{
    QVector<AlertRow> out;
    for (const auto &g : s.groups) {
        for (const auto &r : g.rules) {
            for (const model::Alert &a : r.alerts) {
                if (a.state != model::AlertState::Pending && a.state != model::AlertState::Firing) continue;
                AlertRow row;
                row.alertName = QString::fromStdString(std::string(a.labels.get("alertname")));
                row.labels = a.labels;
                row.annotations = a.annotations;
                row.tier = tierOf(a.labels);
                row.state = a.state;
                row.value = a.value;
                row.activeAtMs = a.activeAtMs;
                row.firedAtMs = a.state == model::AlertState::Firing ? a.startsAtMs : 0;
                row.forMs = r.spec.forMs;
                row.expr = QString::fromStdString(r.query);
                row.group = QString::fromStdString(g.name);
                row.fingerprint = a.fingerprint();
                for (const auto &sil : s.silences)
                    if (sil.isActive(s.nowMs) && notify::matchesAll(sil.matchers, a.labels))
                        row.silencedBy << QString::fromStdString(sil.id);
                out.push_back(std::move(row));
            }
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const AlertRow &a, const AlertRow &b) {
        if (a.state != b.state) return a.state == model::AlertState::Firing;
        if (a.tier != b.tier) return a.tier < b.tier;
        if (a.alertName != b.alertName) return a.alertName < b.alertName;
        return a.labels < b.labels;
    });
    return out;
}

QString formatDuration(qint64 ms)
{
    qint64 sec = qMax<qint64>(0, ms / 1000);
    if (sec < 60) return QCoreApplication::translate("vigil::ui::AlertsPage", "%1 s").arg(sec);
    const qint64 min = sec / 60;
    if (min < 60) return QCoreApplication::translate("vigil::ui::AlertsPage", "%1 min %2 s").arg(min).arg(sec % 60);
    const qint64 h = min / 60;
    if (h < 48) return QCoreApplication::translate("vigil::ui::AlertsPage", "%1 h %2 min").arg(h).arg(min % 60);
    return QCoreApplication::translate("vigil::ui::AlertsPage", "%1 d %2 h").arg(h / 24).arg(h % 24);
}

QString labelsForDisplay(const model::Labels &labels)
{
    QStringList parts;
    for (const auto &l : labels) {
        if (l.name == "alertname" || l.name == "severity") continue;
        parts << QStringLiteral("%1=\"%2\"").arg(QString::fromStdString(l.name), QString::fromStdString(l.value));
    }
    return parts.join(QStringLiteral(", "));
}

}  // namespace vigil::ui
