#include "tray/active_alerts.h"

#include <algorithm>

namespace vigil::ui {

AlertTier tierOfSeverity(const QString &severity)
{
    const QString s = severity.toLower();
    if (s == QLatin1String("emergency")) return AlertTier::Emergency;
    if (s == QLatin1String("critical") || s == QLatin1String("page") || s == QLatin1String("error")) return AlertTier::Critical;
    if (s == QLatin1String("warning") || s == QLatin1String("warn")) return AlertTier::Warning;
    return AlertTier::Info;
}

TierCounts countTiers(const QVector<ActiveAlert> &alerts)
{
    TierCounts c;
    for (const auto &a : alerts) {
        switch (a.tier) {
        case AlertTier::Emergency: ++c.emergency; break;
        case AlertTier::Critical: ++c.critical; break;
        case AlertTier::Warning: ++c.warning; break;
        case AlertTier::Info: ++c.info; break;
        }
    }
    return c;
}

QVector<ActiveAlert> alertsFromVector(const promql::Vector &v)
{
    QVector<ActiveAlert> out;
    for (const auto &s : v) {
        if (s.metric.get("alertstate") != "firing") continue;
        ActiveAlert a;
        a.name = QString::fromStdString(std::string(s.metric.get("alertname")));
        a.severity = QString::fromStdString(std::string(s.metric.get("severity")));
        a.instance = QString::fromStdString(std::string(s.metric.get("instance")));
        a.tier = tierOfSeverity(a.severity);
        out << a;
    }
    std::sort(out.begin(), out.end(), [](const ActiveAlert &a, const ActiveAlert &b) {
        if (a.tier != b.tier) return a.tier > b.tier;
        return a.name != b.name ? a.name < b.name : a.instance < b.instance;
    });
    return out;
}

}  // namespace vigil::ui
