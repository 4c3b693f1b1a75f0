// Dashboard: a named page of panels on a 24-column grid, with variables and a
// dashboard-wide time range and refresh, as a plain value that is saved in
// app.db (as its export JSON) and exported/imported as a file.
//
// JSON (format version 1; toJson() always writes every key):
//   {"vigilDashboard": 1, "name": "operations",
//    "title": "Operations", "titles": {"ko": "운영팀"},
//    "range": 3600, "refresh": 15,                       // seconds; refresh 0: off
//    "variables": [{"name": "instance", "label": "Instance", "titles": {"ko": "인스턴스"},
//                   "query": "label_values(up, instance)", "values": ["a", "b"],  // fixed values when no query
//                   "multi": true, "includeAll": true, "current": ["All"]}],
//    "panels": [{"type": "graph|stat|gauge|table|statusgrid",
//                "grid": {"x": 0, "y": 0, "w": 6, "h": 4}, "titles": {"ko": "..."},
//                "min": 0, "max": 100,                   // gauge scale
//                ...PanelConfig keys (title, queries, unit, thresholds, style, legendTable)}]}
// fromJson() refuses a missing or newer "vigilDashboard" version, a name
// that is not [a-z0-9_-]+, an unknown panel type, a panel outside the grid,
// or a bad PanelConfig, with a message naming the panel and key; *out is
// left untouched then. Unknown keys are ignored (forward compatible).
// Thread safety: value types.
#pragma once

#include "widgets/panel_config.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QRect>
#include <QString>
#include <QStringList>

namespace vigil::ui {

enum class PanelType { Graph, Stat, Gauge, Table, StatusGrid };

QString panelTypeName(PanelType t);
bool panelTypeFromName(const QString &name, PanelType *out);

// Localized titles: the default ("title") plus translations by language code.
struct LocalizedText {
    QString text;
    QHash<QString, QString> translations;  // "ko" -> "운영팀"
    // The translation for `language` when there is one, else the default.
    QString forLanguage(const QString &language) const;
    friend bool operator==(const LocalizedText &, const LocalizedText &) = default;
};

struct DashboardVariable {
    QString name;   // used as $name / ${name} in queries
    LocalizedText label;
    QString query;  // label_values(metric, label) or label_values(label); empty: fixed `values`
    QStringList values;
    bool multi = false;
    bool includeAll = false;
    QStringList current;  // selected values; "All" (kAllValue) selects every value
    static inline const QString kAllValue = QStringLiteral("$__all");
    friend bool operator==(const DashboardVariable &, const DashboardVariable &) = default;
};

struct DashboardPanel {
    PanelType type = PanelType::Graph;
    QRect grid{0, 0, 6, 4};  // in grid cells: x 0..23, w 1..24, y >= 0, h >= 1
    PanelConfig config;      // title (default language), queries, unit, thresholds, style
    QHash<QString, QString> titleTranslations;
    double min = 0, max = 100;  // gauge scale

    QString title(const QString &language) const;
    friend bool operator==(const DashboardPanel &, const DashboardPanel &) = default;
};

struct Dashboard {
    static constexpr int kFormatVersion = 1;
    static constexpr int kColumns = 24;

    QString name;  // identity: [a-z0-9_-]+
    LocalizedText title;
    qint64 rangeSeconds = 3600;
    int refreshSeconds = 30;
    QList<DashboardVariable> variables;
    QList<DashboardPanel> panels;

    QJsonObject toJson() const;
    QByteArray toJsonBytes() const;  // indented UTF-8
    static bool fromJson(const QJsonObject &json, Dashboard *out, QString *error);
    static bool fromJsonBytes(const QByteArray &bytes, Dashboard *out, QString *error);

    static bool isValidName(const QString &name);
    // The first free row below every panel (where a new panel goes).
    int nextFreeRow() const;

    friend bool operator==(const Dashboard &, const Dashboard &) = default;
};

}  // namespace vigil::ui
