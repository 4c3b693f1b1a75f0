#include "widgets/decimation.h"

#include <algorithm>
#include <cmath>

namespace vigil::ui {

DecimatedSeries decimateMinMax(const QVector<double> &x, const QVector<double> &y, double xMin, double xMax,
                               int pixelWidth)
{
    DecimatedSeries out;
    const qsizetype n = std::min(x.size(), y.size());
    if (n == 0) return out;
    // Visible slice plus one neighbour on each side.
    qsizetype lo = std::lower_bound(x.begin(), x.begin() + n, xMin) - x.begin();
    qsizetype hi = std::upper_bound(x.begin(), x.begin() + n, xMax) - x.begin();  // exclusive
    if (lo > 0) --lo;
    if (hi < n) ++hi;
    const qsizetype count = hi - lo;
    if (pixelWidth <= 0 || xMax <= xMin || count < 4 * qsizetype(pixelWidth)) {
        out.x = x.mid(lo, count);
        out.y = y.mid(lo, count);
        return out;
    }
    out.x.reserve(4 * pixelWidth + 8);
    out.y.reserve(4 * pixelWidth + 8);
    const double colWidth = (xMax - xMin) / pixelWidth;
    auto column = [&](double xv) {
        return xv < xMin ? -1 : xv > xMax ? pixelWidth : std::min(int((xv - xMin) / colWidth), pixelWidth - 1);
    };
    auto push = [&](qsizetype i) {
        out.x.push_back(x[i]);
        out.y.push_back(y[i]);
    };
    qsizetype i = lo;
    while (i < hi) {
        if (std::isnan(y[i])) {  // a gap: one NaN per run
            push(i);
            while (i < hi && std::isnan(y[i])) ++i;
            continue;
        }
        // One column's run of numbers: first, min, max, last.
        const int col = column(x[i]);
        const qsizetype first = i;
        qsizetype minI = i, maxI = i, last = i;
        for (; i < hi && !std::isnan(y[i]) && column(x[i]) == col; ++i) {
            if (y[i] < y[minI]) minI = i;
            if (y[i] > y[maxI]) maxI = i;
            last = i;
        }
        qsizetype keep[4] = {first, std::min(minI, maxI), std::max(minI, maxI), last};
        qsizetype prev = -1;
        for (qsizetype k : keep) {
            if (k != prev) push(k);
            prev = k;
        }
    }
    return out;
}

}  // namespace vigil::ui
