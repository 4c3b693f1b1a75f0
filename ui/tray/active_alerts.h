// ActiveAlert and the tiers the tray counts: firing alerts as read from the
// ALERTS series the rule engine writes (ALERTS{alertname, alertstate="firing",
// severity, ...}). Severity names map to tiers: "emergency"; "critical" (also
// "page", "error"); "warning" (also "warn"); anything else is counted as
// info and does not colour the icon.
// Thread safety: plain values and pure functions.
#pragma once

#include "promql/value.h"

#include <QString>
#include <QVector>

namespace vigil::ui {

enum class AlertTier { Info, Warning, Critical, Emergency };

struct ActiveAlert {
    QString name;      // alertname
    QString severity;  // as labelled
    QString instance;  // instance label, may be empty
    AlertTier tier = AlertTier::Info;
    friend bool operator==(const ActiveAlert &, const ActiveAlert &) = default;
};

struct TierCounts {
    int warning = 0, critical = 0, emergency = 0, info = 0;
    int total() const { return warning + critical + emergency + info; }
    friend bool operator==(const TierCounts &, const TierCounts &) = default;
};

AlertTier tierOfSeverity(const QString &severity);
TierCounts countTiers(const QVector<ActiveAlert> &alerts);
// Firing alerts of an instant query's vector (elements with alertstate other than "firing" are skipped),
// worst tier first, then by name.
QVector<ActiveAlert> alertsFromVector(const promql::Vector &v);

}  // namespace vigil::ui
