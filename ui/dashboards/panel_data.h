// PanelData: what a value panel (stat, gauge, table, status grid) shows — the
// series of its instant queries at "now" with their legend names, and, for a
// single stat, the first query's recent history for the sparkline. Built on
// the GUI thread from QueryService results; a plain value.
#pragma once

#include "promql/value.h"
#include "widgets/panel_config.h"

#include <QColor>
#include <QString>
#include <QVector>

namespace vigil::ui {

struct PanelItem {
    QString name;  // legend template expanded, or the label set
    double value = 0;
    int queryIndex = 0;
};

struct PanelData {
    QVector<PanelItem> items;  // in query order, then in the result's order
    QVector<double> sparkX, sparkY;  // seconds, values of query 0 over the range (stat panels)
    QString error;  // empty when every query succeeded
    bool loaded = false;  // false until the first refresh finished
};

// The items of an instant-query value: one per vector element, one for a scalar.
QVector<PanelItem> itemsFromValue(const promql::Value &value, int queryIndex, const QString &legendTemplate);

// The colour `value` gets from ascending `thresholds` (each colours from its
// value up to the next); `base` below the first. NaN: grey.
QColor thresholdColor(double value, const QList<Threshold> &thresholds, const QColor &base);

// The default colour of a value below every threshold (a healthy green).
QColor baseColor();

}  // namespace vigil::ui
