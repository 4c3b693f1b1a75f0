#include "widgets/dense_lines_layer.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdlib>

namespace vigil::ui {

namespace {

// Columns drawn together: every line walks one block before the next block
// starts. A block of 64 ARGB columns is 256 bytes of each row, so the rows
// under a block (700 rows: 175 KiB) stay in cache while a hundred lines draw
// into it, where line after line over the whole image missed the cache on
// most pixels of a vertical run (profiled with perf on bench/ui_repaint's
// 100 x 10,000 panel: ~15 % fewer samples in this layer than whole lines).
constexpr int kBlockColumns = 64;

// floor(v) for v clamped to +-1e6, without a libm call or a branch:
// truncation is floor for the shifted, positive value.
inline int clampedFloor(double v)
{
    constexpr double kShift = 1 << 21;
    return int(std::min(std::max(v, -1e6), 1e6) + kShift) - (1 << 21);
}

// The image being drawn into and the data -> pixel mapping.
struct Raster {
    QRgb *bits = nullptr;
    qsizetype stride = 0;  // in pixels
    int w = 0, h = 0;
    double keyLower = 0, sx = 0;  // x -> column
    double columnWidth = 0;       // 1 / sx
    double top = 0, sy = 0;       // value -> row (the panel's y axis is linear)
    qsizetype spans = 0;

    int column(double x) const { return clampedFloor((x - keyLower) * sx); }
    int row(double v) const { return clampedFloor((top - v) * sy + 0.5); }

    void run(QRgb rgb, int x, int y0, int y1)  // pixels (x, y0..y1), clipped
    {
        if (x < 0 || x >= w) return;
        if (y0 > y1) std::swap(y0, y1);
        y0 = std::max(y0, 0);
        y1 = std::min(y1, h - 1);
        for (QRgb *p = bits + y0 * stride + x; y0 <= y1; ++y0, p += stride) *p = rgb;
    }
    void segment(QRgb rgb, int x0, int y0, int x1, int y1)  // both ends included
    {
        if (x1 - x0 == 1 || x1 == x0) {  // the usual case, the next column: a vertical run there
            run(rgb, x1, y0, y1);
            return;
        }
        const int steps = std::max(std::abs(x1 - x0), std::abs(y1 - y0));  // a simple DDA
        if (steps > 4 * (w + h)) return;                                   // far outside: not worth walking
        for (int i = 0; i <= steps; ++i) {
            const double t = double(i) / steps;
            const int x = int(std::lround(x0 + (x1 - x0) * t)), y = int(std::lround(y0 + (y1 - y0) * t));
            if (x >= 0 && x < w && y >= 0 && y < h) bits[y * stride + x] = rgb;
        }
    }
};

// One line's walk through its points, a block of columns at a time: per pixel
// column one span from the smallest to the largest value, joined to the
// previous column by a segment from its last value to this one's first.
// Points are grouped by column by comparing x with the column's right edge
// and reduced to min/max in data units; only four values per column are
// mapped to rows (the per-point mapping cost more than the drawing).
struct LineWalk {
    const double *xs = nullptr;
    const double *ys = nullptr;
    qsizetype i = 0, end = 0;
    QRgb rgb = 0;
    bool havePrev = false;
    int prevCol = 0, prevLast = 0;

    // Draws the points of the columns before `limit`.
    void advance(Raster &r, int limit)
    {
        while (i < end) {
            const double y0 = ys[i];
            if (std::isnan(y0)) {  // a gap breaks the line
                havePrev = false;
                ++i;
                continue;
            }
            const int col = r.column(xs[i]);
            if (col >= limit) return;
            // The column's points: up to its right edge, or the next gap.
            const double edge = r.keyLower + double(col + 1) * r.columnWidth;
            double mn = y0, mx = y0, yl = y0;
            qsizetype j = i + 1;
            for (; j < end && xs[j] < edge; ++j) {
                const double y = ys[j];
                if (std::isnan(y)) break;
                mn = std::min(mn, y);
                mx = std::max(mx, y);
                yl = y;
            }
            const int first = r.row(y0), last = r.row(yl);
            if (havePrev) r.segment(rgb, prevCol, prevLast, col, first);
            r.run(rgb, col, r.row(mx), r.row(mn));
            if (col >= 0 && col < r.w) ++r.spans;
            prevCol = col;
            prevLast = last;
            havePrev = true;
            i = j;
        }
    }
};

}  // namespace

DenseLinesLayer::DenseLinesLayer(QCustomPlot *plot, QCPAxis *keyAxis, QCPAxis *valueAxis)
    : QCPLayerable(plot), keyAxis_(keyAxis), valueAxis_(valueAxis)
{
    setLayer(QStringLiteral("main"));
}

void DenseLinesLayer::applyDefaultAntialiasingHint(QCPPainter *painter) const
{
    painter->setAntialiasing(false);
}

void DenseLinesLayer::draw(QCPPainter *painter)
{
    spans_ = 0;
    const QRect rect = keyAxis_->axisRect()->rect();
    if (lines_.empty() || rect.width() <= 0 || rect.height() <= 0) return;
    if (image_.size() != rect.size()) image_ = QImage(rect.size(), QImage::Format_ARGB32_Premultiplied);
    image_.fill(Qt::transparent);

    Raster r;
    r.bits = reinterpret_cast<QRgb *>(image_.bits());
    r.stride = image_.bytesPerLine() / 4;
    r.w = image_.width();
    r.h = image_.height();
    const QCPRange kr = keyAxis_->range();
    r.keyLower = kr.lower;
    r.sx = double(r.w) / (kr.upper - kr.lower);
    r.columnWidth = (kr.upper - kr.lower) / double(r.w);
    r.top = valueAxis_->range().upper;
    r.sy = double(r.h - 1) / (r.top - valueAxis_->range().lower);

    // Drawing order: the lines in order, the highlighted ("front") ones last.
    std::vector<LineWalk> walks;
    walks.reserve(lines_.size());
    for (int pass = 0; pass < 2; ++pass) {
        for (const Line &l : lines_) {
            if (l.front != (pass == 1)) continue;
            LineWalk w;
            w.xs = l.x->constData();
            w.ys = l.y->constData();
            const qsizetype n = std::min(l.x->size(), l.y->size());
            // From the last point before the range to the first after it, so the line leaves the edges.
            w.i = std::lower_bound(w.xs, w.xs + n, kr.lower) - w.xs;
            w.end = std::upper_bound(w.xs, w.xs + n, kr.upper) - w.xs;
            if (w.i > 0) --w.i;
            if (w.end < n) ++w.end;
            w.rgb = l.color.rgba();
            walks.push_back(w);
        }
    }
    // Block by block, every line in order: each column gets the same drawing
    // order as line-by-line drawing. (A segment across a gap of several
    // columns, rare in dense data, may be drawn under a later line there.)
    for (int start = 0; start < r.w; start += kBlockColumns) {
        const int limit = start + kBlockColumns >= r.w ? INT_MAX : start + kBlockColumns;
        for (LineWalk &w : walks) w.advance(r, limit);
    }
    spans_ = r.spans;
    painter->drawImage(rect.topLeft(), image_);
}

}  // namespace vigil::ui
