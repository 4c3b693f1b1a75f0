// PanelConfig: everything that describes one graph panel — its queries and
// legend templates, time range, refresh, style, unit, thresholds and the
// series the user hid — as a plain value that dashboards store as JSON.
//
// JSON (toJson/fromJson), all keys optional on reading:
//   {"title": "CPU", "queries": [{"expr": "rate(x[5m])", "legend": "{{instance}}"}],
//    "range": {"last": 3600} | {"from": <ms>, "to": <ms>},
//    "refresh": 15, "style": "lines|stacked|bars|points", "unit": "percent",
//    "thresholds": [{"value": 70, "color": "#f2c037"}, ...],
//    "hidden": ["<series key>", ...], "legendTable": true,
//    "compareOffset": 86400}   (seconds; only written when set)
// fromJson() refuses a wrong type or an unknown style/unit with a message
// naming the key, and leaves *out untouched then.
// Thread safety: a value type.
#pragma once

#include "widgets/value_format.h"

#include <QColor>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

namespace vigil::ui {

struct PanelQuery {
    QString expr;
    QString legend;  // legend template, e.g. "{{instance}} {{mode}}"; empty: the series' label set
    friend bool operator==(const PanelQuery &, const PanelQuery &) = default;
};

struct Threshold {
    double value = 0;
    QColor color;
    friend bool operator==(const Threshold &, const Threshold &) = default;
};

enum class PanelStyle { Lines, StackedAreas, Bars, Points };

struct PanelConfig {
    QString title;
    QList<PanelQuery> queries;
    // Time range: the last `lastSeconds` up to now, or [fromMs, toMs] when lastSeconds == 0.
    qint64 lastSeconds = 3600;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    int refreshSeconds = 0;  // 0: off
    PanelStyle style = PanelStyle::Lines;
    ValueUnit unit = ValueUnit::None;
    QList<Threshold> thresholds;  // ascending values; each colours the band up to the next
    QSet<QString> hidden;         // series keys (see seriesKey()) the user hid
    bool legendTable = true;
    // Before/after comparison: also draw every query over the window this
    // many seconds earlier, shifted onto the current one (0: off).
    qint64 compareOffsetSeconds = 0;

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &json, PanelConfig *out, QString *error);

    // The usual 70/85/95 % warning, high and critical bands.
    static QList<Threshold> percentThresholds();

    friend bool operator==(const PanelConfig &, const PanelConfig &) = default;
};

QString styleName(PanelStyle s);

}  // namespace vigil::ui
