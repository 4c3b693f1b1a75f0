// ValuePanel: the non-graph panels of a dashboard — single stat (big number
// in its threshold colour over a sparkline; a second query shows as
// "value / total"), gauge (an arc from min to max), table (one row per series)
// and status grid (one tile per series, coloured by its value).
//
// refresh() runs every query as an instant query at now (and, for a single
// stat, query 0 as a range query over the dashboard range for the sparkline)
// through the engine's QueryService, all at once on its pool; a refresh that
// starts while one is in flight cancels it, and answers of a superseded
// refresh are dropped. The GUI thread never waits.
// Threading: GUI thread only.
#pragma once

#include "dashboards/dashboard.h"
#include "dashboards/panel_data.h"
#include "runtime/engine.h"
#include "runtime/query_service.h"

#include <QWidget>

class QTableView;

namespace vigil::ui {

class PanelTableModel;

class ValuePanel : public QWidget {
    Q_OBJECT
public:
    ValuePanel(runtime::Engine *engine, const DashboardPanel &panel, QWidget *parent = nullptr);
    ~ValuePanel() override;

    void setPanel(const DashboardPanel &panel);
    // Runs `queries` (variables already expanded) at now; the sparkline covers the last rangeMs.
    void refresh(const QStringList &queries, qint64 rangeMs);
    // Shows `data` directly (tests, benchmark).
    void setData(PanelData data);
    const PanelData &data() const { return data_; }
    bool isRunning() const { return outstanding_ > 0; }
    PanelTableModel *tableModel() const { return table_; }

Q_SIGNALS:
    // After every refresh: empty error on success.
    void refreshed(const QString &error);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void finish();
    void paintStat(QPainter &p, const QRect &r);
    void paintGauge(QPainter &p, const QRect &r);
    void paintStatusGrid(QPainter &p, const QRect &r);
    void paintMessage(QPainter &p, const QRect &r, const QString &text, const QColor &color);

    runtime::Engine *engine_;
    DashboardPanel panel_;
    PanelData data_;
    PanelData next_;  // being filled by the refresh in flight
    PanelTableModel *table_ = nullptr;
    QTableView *tableView_ = nullptr;
    runtime::CancelToken token_;
    uint64_t generation_ = 0;
    int outstanding_ = 0;
    QVector<QVector<PanelItem>> perQuery_;
    QStringList errors_;
};

}  // namespace vigil::ui
