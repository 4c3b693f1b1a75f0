#include "dashboards/value_panel.h"

#include "data_sources.h"

#include "dashboards/panel_table_model.h"
#include "widgets/value_format.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QPainter>
#include <QPainterPath>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace vigil::ui {

namespace {

constexpr int kSparkPoints = 120;

QColor mutedText() { return QColor(0x75, 0x75, 0x75); }

// The largest point size at which `text` fits into `box`.
QFont fittedFont(QFont f, const QString &text, const QSizeF &box, qreal maxPt)
{
    qreal pt = maxPt;
    for (; pt > 7; pt *= 0.85) {
        f.setPointSizeF(pt);
        const QFontMetricsF fm(f);
        if (fm.horizontalAdvance(text) <= box.width() && fm.height() <= box.height()) break;
    }
    f.setPointSizeF(std::max<qreal>(pt, 7));
    return f;
}

}  // namespace

ValuePanel::ValuePanel(runtime::Engine *engine, const DashboardPanel &panel, QWidget *parent)
    : QWidget(parent), engine_(engine), table_(new PanelTableModel(this))
{
    setObjectName(QStringLiteral("valuePanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    tableView_ = new QTableView(this);
    tableView_->setObjectName(QStringLiteral("panelTable"));
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(table_);
    proxy->setSortRole(Qt::UserRole);
    tableView_->setModel(proxy);
    tableView_->setSortingEnabled(true);
    tableView_->verticalHeader()->hide();
    tableView_->verticalHeader()->setDefaultSectionSize(22);
    tableView_->horizontalHeader()->setSectionResizeMode(PanelTableModel::Name, QHeaderView::Stretch);
    tableView_->setShowGrid(false);
    tableView_->setSelectionMode(QAbstractItemView::NoSelection);
    layout->addWidget(tableView_);
    setPanel(panel);
}

ValuePanel::~ValuePanel()
{
    if (token_) token_->cancel();
}

void ValuePanel::setPanel(const DashboardPanel &panel)
{
    panel_ = panel;
    tableView_->setVisible(panel_.type == PanelType::Table);
    table_->setItems(data_.items, panel_.config.unit, panel_.config.thresholds);
    update();
}

void ValuePanel::setData(PanelData data)
{
    data_ = std::move(data);
    data_.loaded = true;
    table_->setItems(data_.items, panel_.config.unit, panel_.config.thresholds);
    update();
}

void ValuePanel::refresh(const QStringList &queries, qint64 rangeMs)
{
    if (token_) token_->cancel();  // the previous refresh's answers are no longer wanted
    runtime::QueryBackend *qs = queryBackend(engine_, panel_.config.dataSource);
    const uint64_t gen = ++generation_;
    outstanding_ = 0;
    errors_.clear();
    next_ = PanelData{};
    perQuery_ = QVector<QVector<PanelItem>>(queries.size());
    if (!qs) {
        data_.error = unavailableText(panel_.config.dataSource);
        update();
        Q_EMIT refreshed(data_.error);
        return;
    }
    token_ = std::make_shared<promql::CancellationToken>();
    const int64_t now = QDateTime::currentMSecsSinceEpoch();
    auto done = [this, gen] {
        if (gen != generation_) return false;
        if (--outstanding_ == 0) finish();
        return true;
    };
    for (int i = 0; i < queries.size(); ++i) {
        if (queries[i].trimmed().isEmpty()) continue;
        ++outstanding_;
        const QString legend = i < panel_.config.queries.size() ? panel_.config.queries[i].legend : QString();
        auto *w = new QFutureWatcher<runtime::QueryOutcome>(this);
        connect(w, &QFutureWatcher<runtime::QueryOutcome>::finished, this, [this, w, gen, i, legend, done] {
            w->deleteLater();
            if (gen != generation_) return;
            const auto f = w->future();
            if (f.resultCount() == 0) {
                errors_ << tr("The engine stopped.");
            } else if (const auto out = f.result(); !out.status.isOk()) {
                errors_ << QString::fromStdString(out.status.message());
            } else {
                perQuery_[i] = itemsFromValue(out.result.value, i, legend);
            }
            done();
        });
        w->setFuture(qs->instantQuery(queries[i].toStdString(), now, token_));
    }
    if (panel_.type == PanelType::Stat && !queries.isEmpty() && !queries[0].trimmed().isEmpty()) {
        ++outstanding_;
        const int64_t step = std::max<int64_t>(1000, (rangeMs / kSparkPoints + 999) / 1000 * 1000);
        auto *w = new QFutureWatcher<runtime::QueryOutcome>(this);
        connect(w, &QFutureWatcher<runtime::QueryOutcome>::finished, this, [this, w, gen, done] {
            w->deleteLater();
            if (gen != generation_) return;
            const auto f = w->future();
            if (f.resultCount() > 0) {
                const auto out = f.result();
                const auto *m = std::get_if<promql::Matrix>(&out.result.value);
                if (out.status.isOk() && m && !m->empty()) {
                    for (const auto &pt : m->front().points) {
                        next_.sparkX << double(pt.t) / 1000.0;
                        next_.sparkY << pt.v;
                    }
                }
            }
            done();
        });
        w->setFuture(qs->rangeQuery(queries[0].toStdString(), now - rangeMs, now, step, token_));
    }
    if (outstanding_ == 0) finish();
}

void ValuePanel::finish()
{
    token_.reset();
    for (const auto &list : perQuery_) next_.items += list;
    next_.error = errors_.join(QLatin1Char('\n'));
    const QString error = next_.error;
    setData(std::move(next_));
    next_ = PanelData{};
    Q_EMIT refreshed(error);
}

void ValuePanel::paintEvent(QPaintEvent *)
{
    if (panel_.type == PanelType::Table) return;  // the table view draws itself
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRect r = rect().adjusted(6, 4, -6, -6);
    if (!data_.loaded) return paintMessage(p, r, tr("Loading…"), mutedText());
    if (!data_.error.isEmpty() && data_.items.isEmpty())
        return paintMessage(p, r, data_.error, QColor(0xb3, 0x26, 0x1e));
    if (data_.items.isEmpty()) return paintMessage(p, r, tr("No data"), mutedText());
    switch (panel_.type) {
    case PanelType::Stat: paintStat(p, r); break;
    case PanelType::Gauge: paintGauge(p, r); break;
    case PanelType::StatusGrid: paintStatusGrid(p, r); break;
    default: break;
    }
}

void ValuePanel::paintMessage(QPainter &p, const QRect &r, const QString &text, const QColor &color)
{
    p.setPen(color);
    p.drawText(r, Qt::AlignCenter | Qt::TextWordWrap, text);
}

void ValuePanel::paintStat(QPainter &p, const QRect &r)
{
    const PanelItem &first = data_.items.front();
    const QColor color = thresholdColor(first.value, panel_.config.thresholds, baseColor());
    // Sparkline under the number, in a light tint of its colour.
    if (data_.sparkX.size() > 1) {
        double lo = INFINITY, hi = -INFINITY;
        for (double y : data_.sparkY) {
            if (std::isfinite(y)) lo = std::min(lo, y), hi = std::max(hi, y);
        }
        if (std::isfinite(lo)) {
            if (hi - lo < 1e-12) hi = lo + 1, lo = lo - 1;
            const QRectF band(r.left(), r.top() + r.height() * 0.55, r.width(), r.height() * 0.45);
            const double x0 = data_.sparkX.front(), x1 = data_.sparkX.back();
            QPainterPath path;
            bool started = false;
            for (qsizetype i = 0; i < data_.sparkX.size(); ++i) {
                if (!std::isfinite(data_.sparkY[i])) continue;
                const QPointF pt(band.left() + (data_.sparkX[i] - x0) / std::max(1e-9, x1 - x0) * band.width(),
                                 band.bottom() - (data_.sparkY[i] - lo) / (hi - lo) * band.height());
                if (!started) path.moveTo(pt), started = true;
                else path.lineTo(pt);
            }
            QPainterPath area = path;
            area.lineTo(band.right(), band.bottom());
            area.lineTo(band.left(), band.bottom());
            QColor fill = color;
            fill.setAlpha(40);
            p.fillPath(area, fill);
            QColor line = color;
            line.setAlpha(160);
            p.setPen(QPen(line, 1.5));
            p.drawPath(path);
        }
    }
    QString text = formatValue(first.value, panel_.config.unit);
    for (const auto &item : data_.items) {
        if (item.queryIndex == 1) {  // a second query is the total: "3 / 4"
            text += QStringLiteral(" / ") + formatValue(item.value, panel_.config.unit);
            break;
        }
    }
    QFont f = font();
    f.setBold(true);
    p.setFont(fittedFont(f, text, QSizeF(r.width(), r.height() * 0.6), 40));
    p.setPen(color);
    p.drawText(QRect(r.left(), r.top(), r.width(), int(r.height() * 0.62)), Qt::AlignCenter, text);
}

void ValuePanel::paintGauge(QPainter &p, const QRect &r)
{
    const double v = data_.items.front().value;
    const QColor color = thresholdColor(v, panel_.config.thresholds, baseColor());
    // A 220° arc spans 1 + sin(20°) ≈ 1.34 radii vertically; keep it and the
    // threshold ring (outside the arc) inside the panel.
    const double diameter = std::max(20.0, std::min(double(r.width()) * 0.9, double(r.height()) / 0.74));
    const qreal thick = std::max(6.0, diameter / 12.0);
    const double inner = diameter - 2.6 * thick;
    const QRectF arc(r.center().x() - inner / 2.0, r.top() + 1.3 * thick, inner, inner);
    const double frac = std::isfinite(v) ? std::clamp((v - panel_.min) / (panel_.max - panel_.min), 0.0, 1.0) : 0.0;
    // 220° sweep from lower left to lower right.
    p.setPen(QPen(QColor(0xe0, 0xe0, 0xe0), thick, Qt::SolidLine, Qt::FlatCap));
    p.drawArc(arc, 200 * 16, -220 * 16);
    // Threshold marks along the outer edge.
    for (const auto &t : panel_.config.thresholds) {
        const double tf = std::clamp((t.value - panel_.min) / (panel_.max - panel_.min), 0.0, 1.0);
        p.setPen(QPen(t.color, thick / 3, Qt::SolidLine, Qt::FlatCap));
        const QRectF outer = arc.adjusted(-thick * 0.75, -thick * 0.75, thick * 0.75, thick * 0.75);
        p.drawArc(outer, int((200 - 220 * tf) * 16), -int(220 * (1 - tf) * 16));
    }
    p.setPen(QPen(color, thick, Qt::SolidLine, Qt::FlatCap));
    p.drawArc(arc, 200 * 16, -int(220 * frac * 16));
    const QString text = formatValue(v, panel_.config.unit);
    QFont f = font();
    f.setBold(true);
    const QRectF hole = arc.adjusted(thick, thick, -thick, -thick);
    p.setFont(fittedFont(f, text, QSizeF(hole.width(), hole.height() / 2), 28));
    p.setPen(color);
    p.drawText(hole, Qt::AlignCenter, text);
}

void ValuePanel::paintStatusGrid(QPainter &p, const QRect &r)
{
    const int n = int(data_.items.size());
    // Columns so tiles stay roughly 2.2:1 wide.
    int cols = 1;
    while (cols < n) {
        const int rows = (n + cols - 1) / cols;
        const double w = double(r.width()) / cols, h = double(r.height()) / rows;
        if (w / h <= 2.2) break;
        ++cols;
    }
    const int rows = (n + cols - 1) / cols;
    const double w = double(r.width()) / cols, h = double(r.height()) / rows;
    QFont f = font();
    for (int i = 0; i < n; ++i) {
        const PanelItem &item = data_.items[i];
        const QRectF tile(r.left() + (i % cols) * w + 2, r.top() + (i / cols) * h + 2, w - 4, h - 4);
        const QColor c = thresholdColor(item.value, panel_.config.thresholds, baseColor());
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawRoundedRect(tile, 4, 4);
        p.setPen(c.lightness() > 150 ? Qt::black : Qt::white);
        const QString value = formatValue(item.value, panel_.config.unit);
        if (item.name.isEmpty()) {  // a status light: the value alone
            QFont big = f;
            big.setBold(true);
            const QRectF box = tile.adjusted(4, 4, -4, -4);
            p.setFont(fittedFont(big, value, QSizeF(box.width(), box.height() * 0.6), 28));
            p.drawText(box, Qt::AlignCenter, value);
            continue;
        }
        const QRectF top(tile.left() + 4, tile.top() + 2, tile.width() - 8, tile.height() * 0.55);
        p.setFont(fittedFont(f, item.name, top.size(), 11));
        p.drawText(top, Qt::AlignHCenter | Qt::AlignBottom, p.fontMetrics().elidedText(item.name, Qt::ElideMiddle, int(top.width())));
        QFont bold = f;
        bold.setBold(true);
        const QRectF bottom(tile.left() + 4, top.bottom(), tile.width() - 8, tile.height() * 0.42);
        p.setFont(fittedFont(bold, value, bottom.size(), 14));
        p.drawText(bottom, Qt::AlignHCenter | Qt::AlignTop, value);
        p.setBrush(Qt::NoBrush);
    }
}

}  // namespace vigil::ui
