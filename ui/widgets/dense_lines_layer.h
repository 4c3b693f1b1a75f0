// DenseLinesLayer: draws line series that have more points than the plot has
// pixel columns, straight into an image: per series and pixel column one
// vertical span from the column's smallest to its largest value, joined to the
// next column by a line from its last value to the next one's first. That is
// exactly what a 1-pixel polyline through all points looks like, at a cost
// bounded by the plot's size instead of the number of points, and it skips
// QPainter's line rasteriser (see bench/ui_repaint for the figures).
// NaN values break the line. Colours are written opaque, later series over
// earlier ones; the highlighted series (if any) is drawn last. The image is
// drawn in blocks of columns, every line in turn, so the rows under a block
// stay in the CPU cache (see draw()); the image is kept between draws.
//
// GraphPlot owns it and feeds it the series it decided are dense; the layer
// holds pointers into GraphPlot's data, valid until the next setSeries().
// GUI thread only.
#pragma once

#include "widgets/qcustomplot_include.h"

#include <QColor>
#include <QImage>
#include <QVector>

#include <vector>

namespace vigil::ui {

class DenseLinesLayer : public QCPLayerable {
    Q_OBJECT
public:
    struct Line {
        const QVector<double> *x = nullptr;
        const QVector<double> *y = nullptr;
        QColor color;
        bool front = false;  // drawn last (highlighted)
    };

    DenseLinesLayer(QCustomPlot *plot, QCPAxis *keyAxis, QCPAxis *valueAxis);

    void setLines(std::vector<Line> lines) { lines_ = std::move(lines); }
    size_t lineCount() const { return lines_.size(); }
    // Column spans written by the last draw (for the benchmark).
    qsizetype lastSpanCount() const { return spans_; }

protected:
    void applyDefaultAntialiasingHint(QCPPainter *painter) const override;
    void draw(QCPPainter *painter) override;

private:
    QCPAxis *keyAxis_;
    QCPAxis *valueAxis_;
    std::vector<Line> lines_;
    QImage image_;  // reused while the plot keeps its size
    qsizetype spans_ = 0;
};

}  // namespace vigil::ui
