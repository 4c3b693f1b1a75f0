// GraphPanel: a complete graph panel — toolbar (time range, live refresh,
// reset zoom, style, unit, export), the plot (GraphPlot) and the legend table
// with min/max/mean/last. It runs its PanelConfig's queries itself through the
// engine's QueryService: all queries of one refresh run at once on the
// service's pool; a refresh that starts while one is in flight cancels it, so
// the GUI never waits and never shows stale answers. Zooming or panning turns
// the range into an absolute one and re-queries it at a finer step; Reset
// goes back to the range before zooming.
//
// The panel edits its own config (range, refresh, style, unit, hidden series)
// and emits configChanged() so a dashboard can save it.
// Threading: GUI thread only.
#pragma once

#include "runtime/engine.h"
#include "runtime/query_service.h"
#include "widgets/panel_config.h"
#include "widgets/plot_series.h"

#include <QWidget>

class QComboBox;
class QIODevice;
class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QTimer;
class QToolButton;

namespace vigil::ui {

class GraphPlot;
class SeriesTableModel;

class GraphPanel : public QWidget {
    Q_OBJECT
public:
    explicit GraphPanel(runtime::Engine *engine, QWidget *parent = nullptr);
    ~GraphPanel() override;

    void setConfig(const PanelConfig &config);
    const PanelConfig &config() const { return config_; }

    // Shows `series` directly (no query), over [fromSec, toSec]; for callers
    // that already hold data, the tests and the benchmark.
    void showSeries(std::vector<PlotSeries> series, double fromSec, double toSec);

    GraphPlot *plot() const { return plot_; }
    SeriesTableModel *legendModel() const { return legend_; }
    QTableView *legendView() const { return legendView_; }
    bool isRunning() const { return running_; }
    QString statusText() const;
    // Shows or hides the toolbar's controls (range, refresh, style, unit,
    // export); a dashboard hides them and drives range and refresh itself.
    // The status line stays.
    void setToolbarVisible(bool visible);

    // The before/after comparison's label ("1 day earlier", "before “deploy 1.4”"),
    // empty when off.
    QString compareLabel() const;

    // Writes "series,time,value" rows (RFC 3339 UTC times) of every series.
    bool writeCsv(QIODevice *out) const;

public Q_SLOTS:
    // Runs the queries for the current range (cancelling any in flight).
    void refresh();
    // Stops the queries in flight; their results are dropped.
    void cancel();
    void resetZoom();
    void exportPng();
    void exportCsv();

Q_SIGNALS:
    void configChanged();
    void runningChanged(bool running);
    // After every refresh: empty error on success.
    void refreshed(const QString &error);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Pending;
    void buildToolbar();
    void syncToolbar();
    void onRangeChosen(int index);
    void onUserRange(double fromSec, double toSec);
    void finishRefresh();
    void setRunning(bool running);
    void updateLegend();
    void applyAutoRefresh();
    void onCompareChosen(int index);
    void refreshMarkers(int64_t fromMs, int64_t toMs);
    std::pair<int64_t, int64_t> currentRangeMs() const;

    runtime::Engine *engine_;
    PanelConfig config_;
    qint64 lastBeforeZoom_ = 0;  // the relative range to return to on Reset
    GraphPlot *plot_ = nullptr;
    SeriesTableModel *legend_ = nullptr;
    QSortFilterProxyModel *legendProxy_ = nullptr;
    QTableView *legendView_ = nullptr;
    QComboBox *rangeBox_ = nullptr;
    QComboBox *refreshBox_ = nullptr;
    QComboBox *styleBox_ = nullptr;
    QComboBox *unitBox_ = nullptr;
    QComboBox *compareBox_ = nullptr;
    QString markerCompareLabel_;  // set when the comparison is "before a marker"
    QObject *markerSource_ = nullptr;  // the incident service whose markersChanged is connected
    uint64_t markerGeneration_ = 0;
    QToolButton *resetButton_ = nullptr;
    QLabel *status_ = nullptr;
    QTimer *autoRefresh_ = nullptr;
    runtime::CancelToken token_;
    std::unique_ptr<Pending> pending_;
    uint64_t generation_ = 0;
    bool running_ = false;
    bool syncing_ = false;
};

}  // namespace vigil::ui
