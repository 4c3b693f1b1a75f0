// GraphPlot: the drawing part of a graph panel — a QCustomPlot that shows
// PlotSeries as lines, stacked areas, bars or points on a time axis, with the
// panel's unit on the y axis, threshold lines and bands, a crosshair whose
// tooltip lists every visible series' value under the cursor, and min-max
// decimation per pixel column (decimation.h) redone whenever the visible range
// or the width changes, so 100 series × 10,000 points still pan smoothly.
//
// Mouse: drag = zoom to the dragged time span; Shift+drag = pan; wheel = zoom around the cursor. Zoom and pan only move the time axis;
// they emit userRangeChanged() so the panel can re-query at a finer step.
//
// Threading: GUI thread only. It holds copies of the series (plain values).
#pragma once

#include "widgets/panel_config.h"
#include "widgets/plot_series.h"

#include "widgets/qcustomplot_include.h"

#include <QSet>

#include <vector>

namespace vigil::ui {

class DenseLinesLayer;

// A deploy/change marker drawn as a vertical line with its text at the top.
struct PlotMarker {
    double xSec = 0;  // seconds since the epoch
    QString text;
    friend bool operator==(const PlotMarker &, const PlotMarker &) = default;
};

class GraphPlot : public QCustomPlot {
    Q_OBJECT
public:
    explicit GraphPlot(QWidget *parent = nullptr);

    // Replaces the data; hidden keys stay hidden. Rescales the value axis and,
    // unless keepTimeRange, sets the time axis to [fromSec, toSec].
    void setSeries(std::vector<PlotSeries> series, double fromSec, double toSec);
    const std::vector<PlotSeries> &series() const { return series_; }
    // The colour series `i` is drawn with.
    QColor colorOf(size_t i) const;

    void setStyle(PanelStyle style);
    void setUnit(ValueUnit unit);
    void setThresholds(const QList<Threshold> &thresholds);
    // Markers (engine/incidents: manual annotations and change markers).
    void setMarkers(const QList<PlotMarker> &markers);
    const QList<PlotMarker> &markers() const { return markers_; }
    void setHidden(const QSet<QString> &keys);
    // Emphasises one series (others fade); empty key: none.
    void setHighlighted(const QString &key);
    // Sets the time axis (seconds) and redoes the decimation.
    void setTimeRange(double fromSec, double toSec);

    // Min-max decimation on (the default) or off (every point goes to
    // QCustomPlot, which then only applies its own adaptive sampling); the
    // benchmark compares both.
    void setDecimationEnabled(bool on);

    // Points currently handed to QCustomPlot (after decimation) plus the
    // column spans the dense-line layer drew in the last replot.
    qsizetype drawnPointCount() const;
    // Series drawn by the dense-line layer (more points than pixel columns).
    int denseSeriesCount() const;
    // The tooltip text for time `xSec` (what the crosshair shows): one line per visible series.
    QStringList valuesAt(double xSec) const;

Q_SIGNALS:
    // The user zoomed or panned to [fromSec, toSec] (debounced).
    void userRangeChanged(double fromSec, double toSec);

protected:
    void leaveEvent(QEvent *event) override;

private:
    void rebuild();
    void redecimate();
    void rescaleValues();
    void updateThresholdItems();
    void updateMarkerItems();
    void onMouseMove(QMouseEvent *event);
    void onMousePress(QMouseEvent *event);

    std::vector<PlotSeries> series_;
    std::vector<QVector<double>> stackedY_;  // per series: y drawn (cumulative when stacked)
    std::vector<QCPGraph *> graphs_;         // parallel to series_
    PanelStyle style_ = PanelStyle::Lines;
    ValueUnit unit_ = ValueUnit::None;
    QList<Threshold> thresholds_;
    QList<QCPAbstractItem *> thresholdItems_;
    QList<PlotMarker> markers_;
    QList<QCPAbstractItem *> markerItems_;
    QSet<QString> hidden_;
    QString highlighted_;
    DenseLinesLayer *dense_ = nullptr;  // lines with more points than pixel columns
    QCPItemStraightLine *crosshair_ = nullptr;
    QCPLayer *overlay_ = nullptr;
    QTimer *rangeDebounce_ = nullptr;
    bool settingRange_ = false;
    int lastDecimationWidth_ = 0;
    bool decimation_ = true;
};

}  // namespace vigil::ui
