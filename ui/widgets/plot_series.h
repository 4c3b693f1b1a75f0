// PlotSeries: one line of a graph panel, mapped from a PromQL range result,
// plus the legend template and statistics that go with it.
//
//   expandLegendTemplate("{{instance}} {{ mode }}", labels) -> "host:9100 idle"
//   (an unknown label expands to ""; text outside {{ }} is kept as is; an
//   empty template gives the label set in PromQL form, as Prometheus's graph
//   page shows it: up{instance="a", job="b"}).
//
// mapMatrix() turns a Matrix into series in the matrix's order: x in seconds
// since the epoch (QCustomPlot's time axis unit), y the values; a missing step
// (points further apart than 1.5 steps) becomes a NaN so the line breaks there.
// The series key identifies a series across refreshes and is what
// PanelConfig::hidden stores: "<query index>|<labels>".
// Thread safety: pure functions and value types.
#pragma once

#include "model/labels.h"
#include "promql/value.h"

#include <QString>
#include <QVector>

#include <vector>

namespace vigil::ui {

struct SeriesStats {
    double min = 0, max = 0, mean = 0, last = 0;  // over the non-NaN values; NaN when there are none
};

struct PlotSeries {
    QString key;   // "<query index>|<labels>": stable identity (PanelConfig::hidden)
    QString name;  // legend text
    int queryIndex = 0;
    QVector<double> x;  // seconds since the epoch, ascending
    QVector<double> y;  // NaN: a gap
    SeriesStats stats;
};

QString expandLegendTemplate(const QString &tmpl, const model::Labels &labels);
QString labelsText(const model::Labels &labels);  // up{instance="a", job="b"}
QString seriesKey(int queryIndex, const model::Labels &labels);
SeriesStats computeStats(const QVector<double> &y);

std::vector<PlotSeries> mapMatrix(const promql::Matrix &m, int queryIndex, const QString &legendTemplate,
                                  int64_t stepMs);

}  // namespace vigil::ui
