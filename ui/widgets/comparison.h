// Before/after comparison of a graph panel: the same query over an earlier
// window (shifted range query), drawn over the current one, and the change in
// percent of each series' mean against its earlier self.
//
//   change = (mean(now window) - mean(earlier window)) / |mean(earlier window)| * 100
//
// NaN when the earlier mean is 0 or either window has no values. A series is
// matched with its earlier self by its key (query index and labels).
// Pure functions; thread-safe.
#pragma once

#include "widgets/plot_series.h"

#include <vector>

namespace vigil::ui {

double changePercent(double now, double before);

// Moves `earlier` (the query's result over [from - offset, to - offset]) by
// +offsetSec onto the current window; keys become "cmp|<key>" and names
// "<name> (<label>)", e.g. "(1 day earlier)".
std::vector<PlotSeries> shiftSeries(std::vector<PlotSeries> earlier, double offsetSec, const QString &label);

// Appends " (+12.3 % vs <label>)" to the name of each current series that has
// an earlier self among `shifted` (as returned by shiftSeries); returns the
// number of series annotated.
int annotateChanges(std::vector<PlotSeries> &current, const std::vector<PlotSeries> &shifted, const QString &label);

// The label of a fixed offset: "1 day earlier", "1 week earlier", "3 h
// earlier", "10 min earlier" (the panel labels "before <marker>" itself).
QString offsetLabel(qint64 offsetSeconds);

}  // namespace vigil::ui
