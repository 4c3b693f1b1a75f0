// AlertRow: one pending or firing alert as the Alerts page shows it, built
// from an AlertingSnapshot (rule groups with their alerts, silences).
// Plain values; GUI thread or any.
#pragma once

#include "model/alert.h"
#include "runtime/alerting_service.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace vigil::ui {

// The page's four tiers: severity emergency, critical, warning; anything
// else (info, none) is Info.
enum class Tier { Emergency = 0, Critical = 1, Warning = 2, Info = 3 };
inline constexpr int kTierCount = 4;
Tier tierOf(const model::Labels &labels);
QString tierTitle(Tier t);  // translated
QColor tierColor(Tier t);

struct AlertRow {
    QString alertName;
    model::Labels labels;       // the alert's labels (alertname, severity, ...)
    model::Labels annotations;
    Tier tier = Tier::Info;
    model::AlertState state = model::AlertState::Pending;  // Pending or Firing
    double value = 0;
    qint64 activeAtMs = 0;  // pending since
    qint64 firedAtMs = 0;   // firing since (0 while pending)
    qint64 forMs = 0;       // the rule's `for`
    QString expr;           // the rule's expression (printed)
    QString group;
    quint64 fingerprint = 0;
    QStringList silencedBy;  // ids of active silences matching the labels

    // Pending: ms until it fires if it stays active (for - elapsed, >= 0).
    qint64 timeToFireMs(qint64 nowMs) const { return qMax<qint64>(0, activeAtMs + forMs - nowMs); }
};

// Every pending and firing alert of the snapshot, firing first, then by tier and name.
QVector<AlertRow> alertRows(const runtime::AlertingSnapshot &s);

// "3 h 12 min", "45 s": a duration for the tables.
QString formatDuration(qint64 ms);
// {a="b", c="d"} without alertname and severity (shown in their own columns).
QString labelsForDisplay(const model::Labels &labels);

}  // namespace vigil::ui
