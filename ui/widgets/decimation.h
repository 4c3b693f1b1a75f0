// decimateMinMax: reduces a series to what a plot of `pixelWidth` columns can
// show, without losing a spike. The x range [xMin, xMax] is cut into
// pixelWidth equal columns; of the points in one column it keeps the first,
// the smallest, the largest and the last (in x order, each at most once), so
// the drawn envelope and the joins between columns are exactly those of the
// full data. Points outside [xMin, xMax] are dropped except the nearest one on
// each side (so a line still enters and leaves the visible area). A NaN value
// is a gap: it is kept (once per run of NaNs) so the plot breaks the line there.
//
// Input: x sorted ascending (equal x allowed), x.size() == y.size().
// Output: a subsequence of the input points, still sorted by x. With
// pixelWidth <= 0, xMax <= xMin or fewer than 4 points per column on average,
// the visible points are returned unchanged.
// Pure function, thread-safe.
#pragma once

#include <QVector>

namespace vigil::ui {

struct DecimatedSeries {
    QVector<double> x;
    QVector<double> y;
};

DecimatedSeries decimateMinMax(const QVector<double> &x, const QVector<double> &y, double xMin, double xMax,
                               int pixelWidth);

}  // namespace vigil::ui
