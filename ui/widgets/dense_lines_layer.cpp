#include "widgets/dense_lines_layer.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace vigil::ui {

namespace {

// floor() for the per-point pixel mapping without a libm call (|v| < 2^31).
inline int fastFloor(double v)
{
    const int i = int(v);
    return v < double(i) ? i - 1 : i;
}

}  // namespace

DenseLinesLayer::DenseLinesLayer(QCustomPlot *plot, QCPAxis *keyAxis, QCPAxis *valueAxis)
    : QCPLayerable(plot), keyAxis_(keyAxis), valueAxis_(valueAxis)
{
    setLayer(QStringLiteral("main"));
}

void DenseLinesLayer::applyDefaultAntialiasingHint(QCPPainter *painter) const { painter->setAntialiasing(false); }

void DenseLinesLayer::draw(QCPPainter *painter)
{
    spans_ = 0;
    const QRect rect = keyAxis_->axisRect()->rect();
    if (lines_.empty() || rect.width() <= 0 || rect.height() <= 0) return;
    QImage img(rect.size(), QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::transparent);
    for (int pass = 0; pass < 2; ++pass) {
        for (const Line &l : lines_) {
            if (l.front == (pass == 1)) drawLine(img, l, l.color.rgba());
        }
    }
    painter->drawImage(rect.topLeft(), img);
}

void DenseLinesLayer::drawLine(QImage &img, const Line &line, QRgb rgb)
{
    const int w = img.width(), h = img.height();
    const QCPRange kr = keyAxis_->range();
    const double sx = double(w) / (kr.upper - kr.lower);
    // value -> row: linear in the value axis (the panel uses a linear y axis).
    const double top = valueAxis_->range().upper, bottom = valueAxis_->range().lower;
    const double sy = double(h - 1) / (top - bottom);
    auto *bits = reinterpret_cast<QRgb *>(img.bits());
    const qsizetype stride = img.bytesPerLine() / 4;
    auto plot = [&](int x, int y) {
        if (x >= 0 && x < w && y >= 0 && y < h) bits[y * stride + x] = rgb;
    };
    auto span = [&](int x, int y0, int y1) {
        if (x < 0 || x >= w) return;
        if (y0 > y1) std::swap(y0, y1);
        y0 = std::max(y0, 0);
        y1 = std::min(y1, h - 1);
        for (int y = y0; y <= y1; ++y) bits[y * stride + x] = rgb;
        ++spans_;
    };
    auto segment = [&](int x0, int y0, int x1, int y1) {  // simple DDA, both ends included
        if (x1 - x0 == 1 || x1 == x0) {  // the usual case, next column: a vertical run
            if (x1 >= 0 && x1 < w) {
                int a = std::max(std::min(y0, y1), 0), b = std::min(std::max(y0, y1), h - 1);
                for (int y = a; y <= b; ++y) bits[y * stride + x1] = rgb;
            }
            return;
        }
        const int steps = std::max(std::abs(x1 - x0), std::abs(y1 - y0));
        if (steps > 4 * (w + h)) return;  // far outside: not worth walking
        for (int i = 0; i <= steps; ++i) {
            const double t = steps == 0 ? 0 : double(i) / steps;
            plot(int(std::lround(x0 + (x1 - x0) * t)), int(std::lround(y0 + (y1 - y0) * t)));
        }
    };
    const QVector<double> &xs = *line.x;
    const QVector<double> &ys = *line.y;
    const qsizetype n = std::min(xs.size(), ys.size());
    qsizetype i = std::lower_bound(xs.begin(), xs.begin() + n, kr.lower) - xs.begin();
    qsizetype end = std::upper_bound(xs.begin(), xs.begin() + n, kr.upper) - xs.begin();
    if (i > 0) --i;
    if (end < n) ++end;
    auto row = [&](double v) {
        return fastFloor(std::clamp((top - v) * sy, -1e6, 1e6) + 0.5);
    };
    bool havePrev = false, haveCol = false;
    int prevCol = 0, prevLast = 0;
    int col = 0, first = 0, last = 0, lo = 0, hi = 0;
    auto flush = [&] {
        if (!haveCol) return;
        if (havePrev) segment(prevCol, prevLast, col, first);
        span(col, lo, hi);
        prevCol = col;
        prevLast = last;
        havePrev = true;
        haveCol = false;
    };
    for (; i < end; ++i) {
        if (std::isnan(ys[i])) {
            flush();
            havePrev = false;
            continue;
        }
        const int c = fastFloor(std::clamp((xs[i] - kr.lower) * sx, -1e6, 1e6));
        const int r = row(ys[i]);
        if (haveCol && c == col) {
            lo = std::min(lo, r);
            hi = std::max(hi, r);
            last = r;
            continue;
        }
        flush();
        col = c;
        first = last = lo = hi = r;
        haveCol = true;
    }
    flush();
}

}  // namespace vigil::ui
