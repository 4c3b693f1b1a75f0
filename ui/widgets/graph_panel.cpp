#include "widgets/graph_panel.h"

#include "incidents/incident_service.h"
#include "models/series_table_model.h"
#include "widgets/comparison.h"
#include "widgets/graph_plot.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace vigil::ui {

namespace {

struct RangePreset {
    qint64 seconds;
    const char *label;
};
const RangePreset kRanges[] = {
    {5 * 60, QT_TRANSLATE_NOOP("vigil::ui::GraphPanel", "Last 5 minutes")},
    {15 * 60, QT_TRANSLATE_NOOP("vigil::ui::GraphPanel", "Last 15 minutes")},
    {30 * 60, QT_TRANSLATE_NOOP("vigil::ui::GraphPanel", "Last 30 minutes")},
    {3600, QT_TRANSLATE_NOOP("vigil::ui::GraphPanel", "Last 1 hour")},
    {3 * 3600, QT_TRANSLATE_NOOP("vigil::ui::GraphPanel", "Last 3 hours")},
    {6 * 3600, QT_TRANSLATE_NOOP("vigil::ui::GraphPanel", "Last 6 hours")},
    {12 * 3600, QT_TRANSLATE_NOOP("vigil::ui::GraphPanel", "Last 12 hours")},
    {24 * 3600, QT_TRANSLATE_NOOP("vigil::ui::GraphPanel", "Last 24 hours")},
    {2 * 86400, QT_TRANSLATE_NOOP("vigil::ui::GraphPanel", "Last 2 days")},
    {7 * 86400, QT_TRANSLATE_NOOP("vigil::ui::GraphPanel", "Last 7 days")},
    {30 * 86400, QT_TRANSLATE_NOOP("vigil::ui::GraphPanel", "Last 30 days")},
};
constexpr int kRangeCount = int(std::size(kRanges));
const int kRefreshSeconds[] = {0, 5, 15, 30, 60};

}  // namespace

// The queries of one refresh: results arrive in any order.
struct GraphPanel::Pending {
    uint64_t generation = 0;
    int64_t fromMs = 0, toMs = 0, stepMs = 0;
    int outstanding = 0;
    std::vector<PlotSeries> series;
    std::vector<std::vector<PlotSeries>> perQuery;
    std::vector<std::vector<PlotSeries>> perQueryEarlier;  // the comparison window's results
    qint64 compareOffsetSec = 0;
    QString compareLabel;
    QStringList errors;
    QStringList warnings;
    int64_t elapsedMs = 0;
};

GraphPanel::GraphPanel(runtime::Engine *engine, QWidget *parent)
    : QWidget(parent), engine_(engine), legend_(new SeriesTableModel(this))
{
    setObjectName(QStringLiteral("graphPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    buildToolbar();

    auto *split = new QSplitter(Qt::Vertical, this);
    plot_ = new GraphPlot(split);
    legendView_ = new QTableView(split);
    legendView_->setObjectName(QStringLiteral("legendTable"));
    legendProxy_ = new QSortFilterProxyModel(this);
    legendProxy_->setSourceModel(legend_);
    legendProxy_->setSortRole(Qt::UserRole);
    legendView_->setModel(legendProxy_);
    legendView_->setSortingEnabled(true);
    legendView_->sortByColumn(-1, Qt::AscendingOrder);
    legendView_->setSelectionMode(QAbstractItemView::NoSelection);
    legendView_->setMouseTracking(true);
    legendView_->verticalHeader()->hide();
    legendView_->verticalHeader()->setDefaultSectionSize(22);
    legendView_->horizontalHeader()->setSectionResizeMode(SeriesTableModel::Name, QHeaderView::Stretch);
    legendView_->setShowGrid(false);
    legendView_->setToolTip(tr("Click a series' box to hide or show it; point at it to highlight it."));
    split->addWidget(plot_);
    split->addWidget(legendView_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setSizes({600, 180});
    layout->addWidget(split, 1);

    // Hover highlights the series in the plot; pointing below the rows or leaving the table clears it.
    connect(legendView_, &QTableView::entered, this, [this](const QModelIndex &i) {
        plot_->setHighlighted(legend_->row(legendProxy_->mapToSource(i).row()).key);
    });
    connect(legendView_, &QTableView::viewportEntered, this, [this] { plot_->setHighlighted(QString()); });
    legendView_->viewport()->installEventFilter(this);
    connect(legend_, &SeriesTableModel::visibilityChanged, this, [this](int row, bool visible) {
        const QString key = legend_->row(row).key;
        if (visible) config_.hidden.remove(key);
        else config_.hidden.insert(key);
        plot_->setHidden(config_.hidden);
        Q_EMIT configChanged();
    });
    connect(plot_, &GraphPlot::userRangeChanged, this, &GraphPanel::onUserRange);

    autoRefresh_ = new QTimer(this);
    connect(autoRefresh_, &QTimer::timeout, this, [this] {
        if (!running_ && isVisible()) refresh();  // a slow query is not piled up on
    });
    setConfig(config_);
    const auto [from, to] = currentRangeMs();
    plot_->setTimeRange(double(from) / 1000.0, double(to) / 1000.0);
}

GraphPanel::~GraphPanel()
{
    if (token_) token_->cancel();
}

void GraphPanel::buildToolbar()
{
    auto *bar = new QHBoxLayout;
    bar->setSpacing(6);
    rangeBox_ = new QComboBox(this);
    rangeBox_->setObjectName(QStringLiteral("rangeBox"));
    for (const auto &r : kRanges) rangeBox_->addItem(tr(r.label), r.seconds);
    rangeBox_->addItem(tr("Absolute range…"), 0);
    refreshBox_ = new QComboBox(this);
    refreshBox_->setObjectName(QStringLiteral("refreshBox"));
    refreshBox_->addItem(tr("Refresh off"), 0);
    refreshBox_->addItem(tr("Every 5 s"), 5);
    refreshBox_->addItem(tr("Every 15 s"), 15);
    refreshBox_->addItem(tr("Every 30 s"), 30);
    refreshBox_->addItem(tr("Every 1 min"), 60);
    styleBox_ = new QComboBox(this);
    styleBox_->setObjectName(QStringLiteral("styleBox"));
    styleBox_->addItem(tr("Lines"), int(PanelStyle::Lines));
    styleBox_->addItem(tr("Stacked areas"), int(PanelStyle::StackedAreas));
    styleBox_->addItem(tr("Bars"), int(PanelStyle::Bars));
    styleBox_->addItem(tr("Points"), int(PanelStyle::Points));
    unitBox_ = new QComboBox(this);
    unitBox_->setObjectName(QStringLiteral("unitBox"));
    unitBox_->addItem(tr("No unit"), int(ValueUnit::None));
    unitBox_->addItem(tr("Percent"), int(ValueUnit::Percent));
    unitBox_->addItem(tr("Bytes"), int(ValueUnit::Bytes));
    unitBox_->addItem(tr("Seconds"), int(ValueUnit::Seconds));
    unitBox_->addItem(tr("Operations/s"), int(ValueUnit::OpsPerSecond));
    compareBox_ = new QComboBox(this);
    compareBox_->setObjectName(QStringLiteral("compareBox"));
    compareBox_->setToolTip(tr("Overlay the same queries over an earlier window and show each series' change in percent."));
    compareBox_->addItem(tr("No comparison"), qint64(0));
    compareBox_->addItem(tr("1 day earlier"), qint64(86400));
    compareBox_->addItem(tr("1 week earlier"), qint64(7 * 86400));
    resetButton_ = new QToolButton(this);
    resetButton_->setText(tr("Reset zoom"));
    resetButton_->setToolTip(tr("Drag across the graph to zoom, Shift+drag to pan, the wheel to zoom around the cursor."));
    auto *exportButton = new QToolButton(this);
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(exportButton);
    menu->addAction(tr("Image (PNG)…"), this, &GraphPanel::exportPng);
    menu->addAction(tr("Data (CSV)…"), this, &GraphPanel::exportCsv);
    exportButton->setMenu(menu);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("panelStatus"));
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    status_->setWordWrap(true);

    bar->addWidget(rangeBox_);
    bar->addWidget(refreshBox_);
    bar->addWidget(resetButton_);
    bar->addWidget(compareBox_);
    bar->addSpacing(8);
    bar->addWidget(styleBox_);
    bar->addWidget(unitBox_);
    bar->addWidget(exportButton);
    bar->addWidget(status_, 1);
    static_cast<QVBoxLayout *>(layout())->addLayout(bar);

    connect(rangeBox_, &QComboBox::activated, this, &GraphPanel::onRangeChosen);
    connect(refreshBox_, &QComboBox::activated, this, [this] {
        config_.refreshSeconds = refreshBox_->currentData().toInt();
        applyAutoRefresh();
        Q_EMIT configChanged();
        if (config_.refreshSeconds > 0) refresh();
    });
    connect(styleBox_, &QComboBox::activated, this, [this] {
        config_.style = PanelStyle(styleBox_->currentData().toInt());
        plot_->setStyle(config_.style);
        Q_EMIT configChanged();
    });
    connect(unitBox_, &QComboBox::activated, this, [this] {
        config_.unit = ValueUnit(unitBox_->currentData().toInt());
        plot_->setUnit(config_.unit);
        legend_->setUnit(config_.unit);
        if (config_.unit == ValueUnit::Percent && config_.thresholds.isEmpty()) {
            config_.thresholds = PanelConfig::percentThresholds();
            plot_->setThresholds(config_.thresholds);
        }
        Q_EMIT configChanged();
    });
    connect(resetButton_, &QToolButton::clicked, this, &GraphPanel::resetZoom);
    connect(compareBox_, &QComboBox::activated, this, &GraphPanel::onCompareChosen);
}

// Marker entries carry the marker's time (ms) in this role; fixed offsets carry seconds in the data.
constexpr int kMarkerTimeRole = Qt::UserRole + 1;

void GraphPanel::onCompareChosen(int index)
{
    const QVariant markerTime = compareBox_->itemData(index, kMarkerTimeRole);
    if (markerTime.isValid()) {
        // Before a marker: the window of the same length that ends at the marker.
        const auto [from, to] = currentRangeMs();
        Q_UNUSED(from);
        config_.compareOffsetSeconds = std::max<qint64>(1, (to - markerTime.toLongLong()) / 1000);
        markerCompareLabel_ = tr("before “%1”").arg(compareBox_->itemText(index).section(QStringLiteral(": "), 1));
    } else {
        config_.compareOffsetSeconds = compareBox_->itemData(index).toLongLong();
        markerCompareLabel_.clear();
    }
    Q_EMIT configChanged();
    if (!config_.queries.isEmpty()) refresh();
}

QString GraphPanel::compareLabel() const
{
    if (config_.compareOffsetSeconds <= 0) return {};
    return markerCompareLabel_.isEmpty() ? offsetLabel(config_.compareOffsetSeconds) : markerCompareLabel_;
}

void GraphPanel::refreshMarkers(int64_t fromMs, int64_t toMs)
{
    incidents::IncidentService *svc =
        engine_ && engine_->state() == runtime::Engine::State::Running ? engine_->incidents() : nullptr;
    if (!svc) return;
    if (markerSource_ != svc) {
        markerSource_ = svc;
        connect(svc, &incidents::IncidentService::markersChanged, this, [this] {
            const auto [from, to] = currentRangeMs();
            refreshMarkers(from, to);
        });
    }
    const uint64_t gen = ++markerGeneration_;
    auto *watcher = new QFutureWatcher<incidents::MarkerList>(this);
    connect(watcher, &QFutureWatcher<incidents::MarkerList>::finished, this, [this, watcher, gen] {
        watcher->deleteLater();
        if (gen != markerGeneration_ || watcher->future().resultCount() == 0) return;
        const incidents::MarkerList list = watcher->future().result();
        QList<PlotMarker> markers;
        for (const auto &m : list.markers) markers.push_back({double(m.timeMs) / 1000.0, QString::fromStdString(m.text)});
        plot_->setMarkers(markers);
        // "Before <marker>" choices for the comparison.
        const QSignalBlocker block(compareBox_);
        const int keep = compareBox_->currentIndex();
        const QVariant keepTime = compareBox_->itemData(keep, kMarkerTimeRole);
        while (compareBox_->count() > 3) compareBox_->removeItem(3);
        for (const auto &m : list.markers) {
            compareBox_->addItem(tr("Before marker: %1").arg(QString::fromStdString(m.text)), qint64(0));
            compareBox_->setItemData(compareBox_->count() - 1, qint64(m.timeMs), kMarkerTimeRole);
            if (keepTime.isValid() && keepTime.toLongLong() == m.timeMs) compareBox_->setCurrentIndex(compareBox_->count() - 1);
        }
    });
    watcher->setFuture(svc->markers(fromMs, toMs));
}

bool GraphPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == legendView_->viewport() && event->type() == QEvent::Leave) plot_->setHighlighted(QString());
    return QWidget::eventFilter(watched, event);
}

void GraphPanel::setConfig(const PanelConfig &config)
{
    config_ = config;
    if (config_.lastSeconds > 0) lastBeforeZoom_ = config_.lastSeconds;
    plot_->setStyle(config_.style);
    plot_->setUnit(config_.unit);
    plot_->setThresholds(config_.thresholds);
    plot_->setHidden(config_.hidden);
    legend_->setUnit(config_.unit);
    legendView_->setVisible(config_.legendTable);
    syncToolbar();
    applyAutoRefresh();
}

void GraphPanel::syncToolbar()
{
    syncing_ = true;
    int rangeIndex = kRangeCount;
    for (int i = 0; i < kRangeCount; ++i) {
        if (kRanges[i].seconds == config_.lastSeconds) rangeIndex = i;
    }
    if (config_.lastSeconds > 0 && rangeIndex == kRangeCount) {  // a relative range not in the list
        rangeBox_->setItemText(kRangeCount, tr("Last %1 s").arg(config_.lastSeconds));
    } else if (config_.lastSeconds == 0) {
        const QString f = QStringLiteral("yyyy-MM-dd HH:mm");
        rangeBox_->setItemText(kRangeCount, QStringLiteral("%1 – %2").arg(
                                                QDateTime::fromMSecsSinceEpoch(config_.fromMs).toString(f),
                                                QDateTime::fromMSecsSinceEpoch(config_.toMs).toString(f)));
    } else {
        rangeBox_->setItemText(kRangeCount, tr("Absolute range…"));
    }
    rangeBox_->setCurrentIndex(rangeIndex);
    for (int i = 0; i < refreshBox_->count(); ++i) {
        if (refreshBox_->itemData(i).toInt() == config_.refreshSeconds) refreshBox_->setCurrentIndex(i);
    }
    if (markerCompareLabel_.isEmpty()) {
        const int ci = compareBox_->findData(config_.compareOffsetSeconds);
        if (ci >= 0) {
            compareBox_->setCurrentIndex(ci);
        } else {  // an offset from a saved dashboard that is not in the list
            compareBox_->addItem(offsetLabel(config_.compareOffsetSeconds), config_.compareOffsetSeconds);
            compareBox_->setCurrentIndex(compareBox_->count() - 1);
        }
    }
    styleBox_->setCurrentIndex(styleBox_->findData(int(config_.style)));
    unitBox_->setCurrentIndex(unitBox_->findData(int(config_.unit)));
    resetButton_->setEnabled(config_.lastSeconds == 0 && lastBeforeZoom_ > 0);
    syncing_ = false;
}

void GraphPanel::applyAutoRefresh()
{
    // Live refresh only makes sense for a range that ends now.
    if (config_.refreshSeconds > 0 && config_.lastSeconds > 0) {
        autoRefresh_->start(config_.refreshSeconds * 1000);
    } else {
        autoRefresh_->stop();
    }
}

void GraphPanel::onRangeChosen(int index)
{
    if (index < kRangeCount) {
        config_.lastSeconds = kRanges[index].seconds;
        lastBeforeZoom_ = config_.lastSeconds;
    } else {
        // Absolute range: two date-time fields, prefilled with the current range.
        const auto [from, to] = currentRangeMs();
        QDialog dialog(this);
        dialog.setWindowTitle(tr("Absolute time range"));
        auto *form = new QFormLayout(&dialog);
        auto *fromEdit = new QDateTimeEdit(QDateTime::fromMSecsSinceEpoch(from), &dialog);
        auto *toEdit = new QDateTimeEdit(QDateTime::fromMSecsSinceEpoch(to), &dialog);
        for (auto *e : {fromEdit, toEdit}) {
            e->setCalendarPopup(true);
            e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        }
        form->addRow(tr("From"), fromEdit);
        form->addRow(tr("To"), toEdit);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
        form->addRow(buttons);
        connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        if (dialog.exec() != QDialog::Accepted) {
            syncToolbar();
            return;
        }
        if (fromEdit->dateTime() >= toEdit->dateTime()) {
            QMessageBox::warning(this, tr("Absolute time range"), tr("The start must be before the end."));
            syncToolbar();
            return;
        }
        config_.lastSeconds = 0;
        config_.fromMs = fromEdit->dateTime().toMSecsSinceEpoch();
        config_.toMs = toEdit->dateTime().toMSecsSinceEpoch();
    }
    syncToolbar();
    applyAutoRefresh();
    Q_EMIT configChanged();
    refresh();
}

void GraphPanel::onUserRange(double fromSec, double toSec)
{
    // A zoom or pan: from now on this absolute range, at a finer step.
    config_.lastSeconds = 0;
    config_.fromMs = qint64(fromSec * 1000);
    config_.toMs = qint64(toSec * 1000);
    syncToolbar();
    applyAutoRefresh();
    Q_EMIT configChanged();
    if (!config_.queries.isEmpty()) refresh();
}

void GraphPanel::resetZoom()
{
    if (lastBeforeZoom_ <= 0) return;
    config_.lastSeconds = lastBeforeZoom_;
    syncToolbar();
    applyAutoRefresh();
    Q_EMIT configChanged();
    refresh();
}

std::pair<int64_t, int64_t> GraphPanel::currentRangeMs() const
{
    if (config_.lastSeconds > 0) {
        const int64_t now = QDateTime::currentMSecsSinceEpoch();
        return {now - config_.lastSeconds * 1000, now};
    }
    return {config_.fromMs, config_.toMs};
}

QString GraphPanel::statusText() const { return status_->text(); }

void GraphPanel::setToolbarVisible(bool visible)
{
    QLayout *bar = layout()->itemAt(0)->layout();  // buildToolbar() adds it first
    for (int i = 0; bar && i < bar->count(); ++i) {
        QWidget *w = bar->itemAt(i)->widget();
        if (w && w != status_) w->setVisible(visible);
    }
}

void GraphPanel::setRunning(bool running)
{
    if (running_ == running) return;
    running_ = running;
    Q_EMIT runningChanged(running);
}

void GraphPanel::cancel()
{
    if (token_) token_->cancel();
    token_.reset();
    pending_.reset();
    ++generation_;
    if (running_) status_->setText(tr("Cancelled."));
    setRunning(false);
}

void GraphPanel::refresh()
{
    if (token_) token_->cancel();  // the previous refresh's answers are no longer wanted
    runtime::QueryService *qs = engine_ ? engine_->queryService() : nullptr;
    if (!qs) {
        status_->setText(tr("The engine is not running."));
        Q_EMIT refreshed(status_->text());
        return;
    }
    const auto [from, to] = currentRangeMs();
    // About one point per pixel column, at least 1 s, at most 11,000 points.
    const int64_t width = std::max(200, plot_->axisRect()->width());
    int64_t step = std::max<int64_t>(1000, (to - from) / width);
    step = std::max(step, (to - from) / 11000 + 1);
    step = (step + 999) / 1000 * 1000;

    token_ = std::make_shared<promql::CancellationToken>();
    pending_ = std::make_unique<Pending>();
    pending_->generation = ++generation_;
    pending_->fromMs = from;
    pending_->toMs = to;
    pending_->stepMs = step;
    pending_->perQuery.resize(size_t(config_.queries.size()));
    pending_->perQueryEarlier.resize(size_t(config_.queries.size()));
    pending_->compareOffsetSec = config_.compareOffsetSeconds;
    pending_->compareLabel = compareLabel();
    refreshMarkers(from, to);
    for (int i = 0; i < config_.queries.size(); ++i) {
        const PanelQuery q = config_.queries[i];
        if (q.expr.trimmed().isEmpty()) continue;
        ++pending_->outstanding;
        auto *watcher = new QFutureWatcher<runtime::QueryOutcome>(this);
        const uint64_t gen = generation_;
        connect(watcher, &QFutureWatcher<runtime::QueryOutcome>::finished, this, [this, watcher, gen, i, q] {
            watcher->deleteLater();
            if (!pending_ || pending_->generation != gen) return;  // superseded or cancelled
            Pending &p = *pending_;
            const auto future = watcher->future();
            if (future.resultCount() == 0) {
                p.errors << tr("The engine stopped.");
            } else {
                const runtime::QueryOutcome out = future.result();
                if (!out.status.isOk()) {
                    p.errors << QString::fromStdString(out.status.message());
                } else if (const auto *m = std::get_if<promql::Matrix>(&out.result.value)) {
                    p.perQuery[size_t(i)] = mapMatrix(*m, i, q.legend, p.stepMs);
                }
                for (const auto &w : out.result.warnings) p.warnings << QString::fromStdString(w);
                p.elapsedMs = std::max(p.elapsedMs, out.elapsedMs);
            }
            if (--p.outstanding == 0) finishRefresh();
        });
        watcher->setFuture(qs->rangeQuery(q.expr.toStdString(), from, to, step, token_));
        if (pending_->compareOffsetSec > 0) {
            // The same query over the earlier window (a shifted range query), moved onto this one when drawn.
            const int64_t off = pending_->compareOffsetSec * 1000;
            ++pending_->outstanding;
            auto *earlier = new QFutureWatcher<runtime::QueryOutcome>(this);
            connect(earlier, &QFutureWatcher<runtime::QueryOutcome>::finished, this, [this, earlier, gen, i, q] {
                earlier->deleteLater();
                if (!pending_ || pending_->generation != gen) return;
                Pending &p = *pending_;
                const auto future = earlier->future();
                if (future.resultCount() > 0) {
                    const runtime::QueryOutcome out = future.result();
                    if (!out.status.isOk()) p.errors << QString::fromStdString(out.status.message());
                    else if (const auto *m = std::get_if<promql::Matrix>(&out.result.value))
                        p.perQueryEarlier[size_t(i)] = mapMatrix(*m, i, q.legend, p.stepMs);
                }
                if (--p.outstanding == 0) finishRefresh();
            });
            earlier->setFuture(qs->rangeQuery(q.expr.toStdString(), from - off, to - off, step, token_));
        }
    }
    if (pending_->outstanding == 0) {
        pending_.reset();
        status_->setText(tr("No query."));
        return;
    }
    status_->setText(tr("Running…"));
    setRunning(true);
}

void GraphPanel::finishRefresh()
{
    std::unique_ptr<Pending> p = std::move(pending_);
    token_.reset();
    std::vector<PlotSeries> all;
    for (size_t i = 0; i < p->perQuery.size(); ++i) {
        std::vector<PlotSeries> earlier;
        if (p->compareOffsetSec > 0) {
            earlier = shiftSeries(std::move(p->perQueryEarlier[i]), double(p->compareOffsetSec), p->compareLabel);
            annotateChanges(p->perQuery[i], earlier, p->compareLabel);
        }
        for (auto &s : p->perQuery[i]) all.push_back(std::move(s));
        for (auto &s : earlier) all.push_back(std::move(s));
    }
    const size_t count = all.size();
    plot_->setSeries(std::move(all), double(p->fromMs) / 1000.0, double(p->toMs) / 1000.0);
    plot_->replot(QCustomPlot::rpQueuedReplot);
    updateLegend();
    QString text;
    if (!p->errors.isEmpty()) {
        text = p->errors.join(QLatin1Char('\n'));
        status_->setStyleSheet(QStringLiteral("color: #b3261e;"));
    } else {
        text = tr("%n series", nullptr, int(count)) + QStringLiteral(" · ") +
               tr("step %1 s").arg(p->stepMs / 1000) + QStringLiteral(" · ") + tr("%1 ms").arg(p->elapsedMs);
        if (!p->warnings.isEmpty()) text += QStringLiteral(" · ") + p->warnings.join(QStringLiteral("; "));
        status_->setStyleSheet(QString());
    }
    status_->setText(text);
    setRunning(false);
    Q_EMIT refreshed(p->errors.join(QLatin1Char('\n')));
}

void GraphPanel::showSeries(std::vector<PlotSeries> series, double fromSec, double toSec)
{
    plot_->setSeries(std::move(series), fromSec, toSec);
    plot_->replot(QCustomPlot::rpQueuedReplot);
    updateLegend();
}

void GraphPanel::updateLegend()
{
    QVector<SeriesTableModel::Row> rows;
    const auto &series = plot_->series();
    rows.reserve(qsizetype(series.size()));
    for (size_t i = 0; i < series.size(); ++i) {
        rows.push_back({series[i].key, series[i].name, plot_->colorOf(i), series[i].stats,
                        !config_.hidden.contains(series[i].key)});
    }
    legend_->setRows(std::move(rows));
    legendView_->resizeColumnsToContents();
    legendView_->horizontalHeader()->setSectionResizeMode(SeriesTableModel::Name, QHeaderView::Stretch);
}

bool GraphPanel::writeCsv(QIODevice *out) const
{
    auto quote = [](QString s) {
        if (s.contains(QLatin1Char('"')) || s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('\n')))
            s = QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
        return s;
    };
    QByteArray buf = "series,time,value\n";
    for (const auto &s : plot_->series()) {
        const QByteArray name = quote(s.name).toUtf8();
        for (qsizetype k = 0; k < s.x.size(); ++k) {
            if (std::isnan(s.y[k])) continue;  // a gap, not a sample
            buf += name + ',' +
                   QDateTime::fromMSecsSinceEpoch(qint64(std::llround(s.x[k] * 1000)), Qt::UTC)
                       .toString(Qt::ISODateWithMs)
                       .toUtf8() +
                   ',' + QByteArray::number(s.y[k], 'g', 17) + '\n';
        }
    }
    return out->write(buf) == buf.size();
}

void GraphPanel::exportPng()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export graph as PNG"), config_.title.isEmpty() ? QStringLiteral("graph.png") : config_.title + QStringLiteral(".png"),
                                                      tr("PNG images (*.png)"));
    if (file.isEmpty()) return;
    if (!plot_->savePng(file, 0, 0, 2.0)) QMessageBox::warning(this, tr("Export"), tr("Could not write %1.").arg(file));
}

void GraphPanel::exportCsv()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export data as CSV"), config_.title.isEmpty() ? QStringLiteral("graph.csv") : config_.title + QStringLiteral(".csv"),
                                                      tr("CSV files (*.csv)"));
    if (file.isEmpty()) return;
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || !writeCsv(&f) || !f.flush()) {
        QMessageBox::warning(this, tr("Export"), tr("Could not write %1: %2").arg(file, f.errorString()));
    }
}

}  // namespace vigil::ui
