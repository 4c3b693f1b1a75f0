#include "widgets/graph_plot.h"

#include "widgets/decimation.h"
#include "widgets/dense_lines_layer.h"
#include "widgets/value_format.h"

#include <QHash>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace vigil::ui {

namespace {

// The y-axis labels in the panel's unit.
class UnitTicker : public QCPAxisTicker {
public:
    explicit UnitTicker(ValueUnit unit) : unit_(unit) {}

protected:
    QString getTickLabel(double tick, const QLocale &, QChar, int) override { return formatValue(tick, unit_); }

private:
    ValueUnit unit_;
};

const QColor kPalette[] = {
    QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c), QColor(0xd6, 0x27, 0x28),
    QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2), QColor(0x7f, 0x7f, 0x7f),
    QColor(0xbc, 0xbd, 0x22), QColor(0x17, 0xbe, 0xcf), QColor(0x39, 0x3b, 0x79), QColor(0xad, 0x49, 0x4a),
};

}  // namespace

GraphPlot::GraphPlot(QWidget *parent) : QCustomPlot(parent)
{
    setObjectName(QStringLiteral("graphPlot"));
    setMinimumHeight(160);
    auto dt = QSharedPointer<QCPAxisTickerDateTime>::create();
    dt->setDateTimeFormat(QStringLiteral("HH:mm"));
    dt->setDateTimeSpec(Qt::LocalTime);
    xAxis->setTicker(dt);
    yAxis->setTicker(QSharedPointer<UnitTicker>::create(unit_));
    for (QCPAxis *a : {xAxis, yAxis}) {
        a->grid()->setPen(QPen(QColor(0, 0, 0, 28), 1));
        a->setBasePen(QPen(QColor(0, 0, 0, 90)));
        a->setTickPen(QPen(QColor(0, 0, 0, 90)));
        a->setSubTickPen(Qt::NoPen);
    }
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    axisRect()->setRangeDrag(Qt::Horizontal);
    axisRect()->setRangeZoom(Qt::Horizontal);
    axisRect()->setRangeZoomAxes(xAxis, nullptr);
    axisRect()->setRangeDragAxes(xAxis, nullptr);
    setSelectionRectMode(QCP::srmZoom);
    selectionRect()->setBrush(QColor(0x1f, 0x77, 0xb4, 40));
    selectionRect()->setPen(QPen(QColor(0x1f, 0x77, 0xb4), 1, Qt::DashLine));
    setNoAntialiasingOnDrag(true);
    setPlottingHint(QCP::phCacheLabels, true);
    setPlottingHint(QCP::phFastPolylines, true);  // non-antialiased lines as one drawLines call (bench/ui_repaint)

    dense_ = new DenseLinesLayer(this, xAxis, yAxis);

    // The crosshair lives on its own buffered layer so moving it repaints only that layer.
    addLayer(QStringLiteral("crosshair"), layer(QStringLiteral("main")), limAbove);
    overlay_ = layer(QStringLiteral("crosshair"));
    overlay_->setMode(QCPLayer::lmBuffered);
    crosshair_ = new QCPItemStraightLine(this);
    crosshair_->setLayer(overlay_);
    crosshair_->setPen(QPen(QColor(0, 0, 0, 110), 1, Qt::DashLine));
    crosshair_->setVisible(false);
    crosshair_->setSelectable(false);

    rangeDebounce_ = new QTimer(this);
    rangeDebounce_->setSingleShot(true);
    rangeDebounce_->setInterval(300);
    connect(rangeDebounce_, &QTimer::timeout, this,
            [this] { Q_EMIT userRangeChanged(xAxis->range().lower, xAxis->range().upper); });
    connect(xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, [this](const QCPRange &) {
        redecimate();
        if (!settingRange_) rangeDebounce_->start();
    });
    // The decimation depends on the plot's width in pixels, known after layout.
    connect(this, &QCustomPlot::afterLayout, this, [this] {
        if (axisRect()->width() != lastDecimationWidth_) redecimate();
    });
    connect(this, &QCustomPlot::mouseMove, this, &GraphPlot::onMouseMove);
    connect(this, &QCustomPlot::mousePress, this, &GraphPlot::onMousePress);
}

QColor GraphPlot::colorOf(size_t i) const
{
    constexpr size_t n = std::size(kPalette);
    if (i < n) return kPalette[i];
    QColor c = kPalette[i % n];
    return QColor::fromHsv((c.hue() + int(i / n) * 23) % 360, c.saturation(), std::max(90, c.value() - 30));
}

void GraphPlot::setSeries(std::vector<PlotSeries> series, double fromSec, double toSec)
{
    series_ = std::move(series);
    rebuild();
    setTimeRange(fromSec, toSec);
    rescaleValues();
}

void GraphPlot::setStyle(PanelStyle style)
{
    if (style_ == style) return;
    style_ = style;
    rebuild();
    rescaleValues();
    replot(rpQueuedReplot);
}

void GraphPlot::setUnit(ValueUnit unit)
{
    unit_ = unit;
    yAxis->setTicker(QSharedPointer<UnitTicker>::create(unit_));
    replot(rpQueuedReplot);
}

void GraphPlot::setThresholds(const QList<Threshold> &thresholds)
{
    thresholds_ = thresholds;
    std::sort(thresholds_.begin(), thresholds_.end(), [](const Threshold &a, const Threshold &b) { return a.value < b.value; });
    updateThresholdItems();
    rescaleValues();
    replot(rpQueuedReplot);
}

void GraphPlot::setHidden(const QSet<QString> &keys)
{
    hidden_ = keys;
    if (style_ == PanelStyle::StackedAreas) {
        rebuild();  // the stack changes
    } else {
        for (size_t i = 0; i < graphs_.size(); ++i) graphs_[i]->setVisible(!hidden_.contains(series_[i].key));
        redecimate();
    }
    rescaleValues();
    replot(rpQueuedReplot);
}

void GraphPlot::setHighlighted(const QString &key)
{
    if (highlighted_ == key) return;
    highlighted_ = key;
    for (size_t i = 0; i < graphs_.size(); ++i) {
        QColor c = colorOf(i);
        QPen pen = graphs_[i]->pen();
        const bool on = series_[i].key == key;
        if (!key.isEmpty() && !on) c.setAlpha(45);
        pen.setColor(c);
        pen.setWidthF(on ? 2.5 : style_ == PanelStyle::Bars ? 3 : 1.0);
        graphs_[i]->setPen(pen);
        // Points and areas carry the colour in their scatter style and brush too.
        if (style_ == PanelStyle::Points) graphs_[i]->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, c, on ? 6 : 4));
        if (style_ == PanelStyle::StackedAreas) {
            QColor fill = colorOf(i);
            fill.setAlpha(!key.isEmpty() && !on ? 25 : 90);
            graphs_[i]->setBrush(fill);
        }
    }
    redecimate();  // the dense layer takes colours from the highlight too
    replot(rpQueuedReplot);
}

void GraphPlot::setTimeRange(double fromSec, double toSec)
{
    settingRange_ = true;
    xAxis->setRange(fromSec, toSec);
    settingRange_ = false;
    redecimate();
    auto dt = xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>();
    if (dt) dt->setDateTimeFormat(toSec - fromSec > 86400 * 2 ? QStringLiteral("MM-dd HH:mm") : QStringLiteral("HH:mm"));
}

void GraphPlot::rebuild()
{
    clearGraphs();
    graphs_.clear();
    stackedY_.assign(series_.size(), {});
    QHash<double, double> stack;  // x -> sum of the visible series below
    const bool stacked = style_ == PanelStyle::StackedAreas;
    QCPGraph *below = nullptr;
    const bool many = series_.size() > 20;
    setNotAntialiasedElements(many ? QCP::aePlottables : QCP::aeNone);
    for (size_t i = 0; i < series_.size(); ++i) {
        const PlotSeries &s = series_[i];
        const bool visible = !hidden_.contains(s.key);
        QVector<double> y = s.y;
        if (stacked && visible) {
            for (qsizetype k = 0; k < y.size(); ++k) {
                if (std::isnan(y[k])) continue;
                double &acc = stack[s.x[k]];
                acc += y[k];
                y[k] = acc;
            }
        }
        stackedY_[i] = std::move(y);
        QCPGraph *g = addGraph();
        const QColor c = colorOf(i);
        // Width 1 keeps QPainter on its fast line path (wider pens go through the stroker, ~10x slower).
        QPen pen(c, style_ == PanelStyle::Bars ? 3 : 1.0);
        g->setPen(pen);
        switch (style_) {
        case PanelStyle::Lines: g->setLineStyle(QCPGraph::lsLine); break;
        case PanelStyle::StackedAreas: {
            g->setLineStyle(QCPGraph::lsLine);
            QColor fill = c;
            fill.setAlpha(90);
            g->setBrush(fill);
            if (visible) {
                g->setChannelFillGraph(below);  // null: fills down to zero
                below = g;
            }
            break;
        }
        case PanelStyle::Bars: g->setLineStyle(QCPGraph::lsImpulse); break;
        case PanelStyle::Points:
            g->setLineStyle(QCPGraph::lsNone);
            g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, c, 4));
            break;
        }
        g->setVisible(visible);
        g->setSelectable(QCP::stNone);
        graphs_.push_back(g);
    }
    lastDecimationWidth_ = 0;
    redecimate();
    const QString h = highlighted_;
    highlighted_.clear();
    if (!h.isEmpty()) setHighlighted(h);
}

void GraphPlot::setDecimationEnabled(bool on)
{
    decimation_ = on;
    redecimate();
}

void GraphPlot::redecimate()
{
    const QCPRange r = xAxis->range();
    const int width = std::max(1, axisRect()->width());
    lastDecimationWidth_ = width;
    std::vector<DenseLinesLayer::Line> dense;
    for (size_t i = 0; i < graphs_.size(); ++i) {
        const QVector<double> &x = series_[i].x;
        // A plain line with more than two points per pixel column: drawn as
        // column spans by the dense layer (exact, and cheaper than any polyline).
        const qsizetype visible = std::upper_bound(x.begin(), x.end(), r.upper) - std::lower_bound(x.begin(), x.end(), r.lower);
        if (decimation_ && style_ == PanelStyle::Lines && visible > 2 * qsizetype(width)) {
            graphs_[i]->data()->clear();
            if (hidden_.contains(series_[i].key)) continue;
            const bool front = !highlighted_.isEmpty() && series_[i].key == highlighted_;
            QColor c = colorOf(i);
            if (!highlighted_.isEmpty() && !front) {  // faded: towards white, drawn opaque
                c = QColor(c.red() + (255 - c.red()) * 3 / 4, c.green() + (255 - c.green()) * 3 / 4,
                           c.blue() + (255 - c.blue()) * 3 / 4);
            }
            dense.push_back({&x, &stackedY_[i], c, front});
            continue;
        }
        DecimatedSeries d = decimateMinMax(x, stackedY_[i], r.lower, r.upper, decimation_ ? width : 0);
        graphs_[i]->setData(d.x, d.y, true);
    }
    dense_->setLines(std::move(dense));
}

int GraphPlot::denseSeriesCount() const { return int(dense_->lineCount()); }

void GraphPlot::rescaleValues()
{
    double lo = 0, hi = 0;
    bool any = false;
    for (size_t i = 0; i < series_.size(); ++i) {
        if (hidden_.contains(series_[i].key)) continue;
        for (double v : stackedY_[i]) {
            if (!std::isfinite(v)) continue;
            if (!any) lo = hi = v;
            lo = std::min(lo, v);
            hi = std::max(hi, v);
            any = true;
        }
    }
    if (!any) {
        lo = 0;
        hi = 1;
    }
    if (style_ != PanelStyle::Lines && style_ != PanelStyle::Points) lo = std::min(lo, 0.0);
    if (lo >= 0 && hi > 0 && lo < hi * 0.3) lo = 0;  // small offsets from zero read better from zero
    if (unit_ == ValueUnit::Percent && hi <= 100 && lo >= 0 && !thresholds_.isEmpty()) hi = 100;
    const double pad = hi > lo ? (hi - lo) * 0.05 : std::max(1.0, std::fabs(hi) * 0.1);
    yAxis->setRange(lo == 0 ? 0 : lo - pad, hi + pad);
}

void GraphPlot::setMarkers(const QList<PlotMarker> &markers)
{
    if (markers == markers_) return;
    markers_ = markers;
    updateMarkerItems();
    replot(QCustomPlot::rpQueuedReplot);
}

void GraphPlot::updateMarkerItems()
{
    for (QCPAbstractItem *item : markerItems_) removeItem(item);
    markerItems_.clear();
    const QColor colour(0x7e, 0x57, 0xc2);  // apart from the series palette and threshold colours
    for (const PlotMarker &m : markers_) {
        auto *line = new QCPItemStraightLine(this);
        line->point1->setTypeY(QCPItemPosition::ptAxisRectRatio);
        line->point2->setTypeY(QCPItemPosition::ptAxisRectRatio);
        line->point1->setCoords(m.xSec, 0);
        line->point2->setCoords(m.xSec, 1);
        line->setPen(QPen(colour, 1.2, Qt::DashDotLine));
        line->setSelectable(false);
        auto *label = new QCPItemText(this);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(m.xSec, 0);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setPadding(QMargins(3, 1, 3, 1));
        label->setText(m.text.size() > 40 ? m.text.left(39) + QChar(0x2026) : m.text);
        label->setColor(colour);
        label->setClipToAxisRect(true);
        label->setSelectable(false);
        markerItems_ << line << label;
    }
}

void GraphPlot::updateThresholdItems()
{
    for (QCPAbstractItem *item : thresholdItems_) removeItem(item);
    thresholdItems_.clear();
    for (qsizetype i = 0; i < thresholds_.size(); ++i) {
        const Threshold &t = thresholds_[i];
        auto *band = new QCPItemRect(this);
        band->topLeft->setTypeX(QCPItemPosition::ptAxisRectRatio);
        band->bottomRight->setTypeX(QCPItemPosition::ptAxisRectRatio);
        const double top = i + 1 < thresholds_.size() ? thresholds_[i + 1].value : 1e300;
        band->topLeft->setCoords(0, top);
        band->bottomRight->setCoords(1, t.value);
        band->setClipToAxisRect(true);
        QColor fill = t.color;
        fill.setAlpha(28);
        band->setBrush(fill);
        band->setPen(Qt::NoPen);
        band->setLayer(QStringLiteral("background"));
        band->setSelectable(false);
        auto *line = new QCPItemStraightLine(this);
        line->point1->setCoords(0, t.value);
        line->point2->setCoords(1, t.value);
        line->setPen(QPen(t.color, 1.5, Qt::DashLine));
        line->setSelectable(false);
        thresholdItems_ << band << line;
    }
}

qsizetype GraphPlot::drawnPointCount() const
{
    qsizetype n = 0;
    for (QCPGraph *g : graphs_) n += g->data()->size();
    return n + dense_->lastSpanCount();
}

QStringList GraphPlot::valuesAt(double xSec) const
{
    struct Entry {
        double v;
        QString text;
    };
    std::vector<Entry> entries;
    for (size_t i = 0; i < series_.size(); ++i) {
        const PlotSeries &s = series_[i];
        if (hidden_.contains(s.key) || s.x.isEmpty()) continue;
        auto it = std::lower_bound(s.x.begin(), s.x.end(), xSec);
        qsizetype k = it - s.x.begin();
        if (k == s.x.size() || (k > 0 && xSec - s.x[k - 1] < s.x[k] - xSec)) --k;
        const double spacing = s.x.size() > 1 ? (s.x.last() - s.x.first()) / double(s.x.size() - 1) : 60;
        if (std::fabs(s.x[k] - xSec) > spacing * 1.5 || std::isnan(s.y[k])) continue;
        entries.push_back({s.y[k], QStringLiteral("%1: %2").arg(s.name, formatValue(s.y[k], unit_))});
    }
    std::stable_sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.v > b.v; });
    QStringList out;
    for (const auto &e : entries) out << e.text;
    return out;
}

void GraphPlot::onMousePress(QMouseEvent *event)
{
    // Shift+drag pans; a plain drag selects a span to zoom to.
    setSelectionRectMode(event->modifiers() & Qt::ShiftModifier ? QCP::srmNone : QCP::srmZoom);
    QToolTip::hideText();
}

void GraphPlot::onMouseMove(QMouseEvent *event)
{
    const QPointF pos = event->position();
    if (!axisRect()->rect().contains(pos.toPoint()) || event->buttons() != Qt::NoButton) {
        if (crosshair_->visible()) {
            crosshair_->setVisible(false);
            overlay_->replot();
        }
        return;
    }
    const double x = xAxis->pixelToCoord(pos.x());
    crosshair_->point1->setCoords(x, 0);
    crosshair_->point2->setCoords(x, 1);
    crosshair_->setVisible(true);
    overlay_->replot();

    QStringList lines = valuesAt(x);
    if (lines.isEmpty()) {
        QToolTip::hideText();
        return;
    }
    const int total = int(lines.size());
    constexpr int kMaxLines = 25;
    if (total > kMaxLines) {
        lines = lines.mid(0, kMaxLines);
        lines << tr("… and %n more", nullptr, total - kMaxLines);
    }
    const QString when = QDateTime::fromMSecsSinceEpoch(qint64(x * 1000)).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    QString html = QStringLiteral("<b>%1</b>").arg(when);
    for (const QString &l : lines) html += QStringLiteral("<br>") + l.toHtmlEscaped();
    QToolTip::showText(event->globalPosition().toPoint() + QPoint(16, 16), html, this);
}

void GraphPlot::leaveEvent(QEvent *event)
{
    crosshair_->setVisible(false);
    overlay_->replot();
    QToolTip::hideText();
    QCustomPlot::leaveEvent(event);
}


}  // namespace vigil::ui
