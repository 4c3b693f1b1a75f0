// ExplorePage: write PromQL and look at the answer — the PromQL editor, Run
// (Ctrl+Enter) and Cancel, a query history kept in QSettings, and three views:
// Table (instant query at the current time), Graph (range query in a
// GraphPanel) and Explain (every node of the expression tree evaluated on its
// own with its result size and time). Every query runs on the chosen data
// source (the engine's QueryService by default, or a remote one); a new run
// cancels the one in flight. "Add to dashboard" puts the query (with the
// legend template and the graph's style, unit, thresholds and data source)
// on a dashboard as a graph panel (AddToDashboardDialog). GUI thread only.
#pragma once

#include "dashboards/dashboard.h"
#include "runtime/engine.h"
#include "runtime/query_service.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QToolButton;
class QTreeWidget;

namespace vigil::ui {

class AddToDashboardDialog;
class GraphPanel;
class InstantResultModel;
class PromqlEditor;

class ExplorePage : public QWidget {
    Q_OBJECT
public:
    enum class View { Table = 0, Graph = 1, Explain = 2 };

    explicit ExplorePage(runtime::Engine *engine, QWidget *parent = nullptr);

    PromqlEditor *editor() const { return editor_; }
    GraphPanel *graph() const { return graph_; }
    InstantResultModel *tableModel() const { return table_; }
    QTreeWidget *explainTree() const { return explain_; }
    void setView(View v);
    // "" the local engine (default), else a remote data source's name: the
    // table, graph and completion all ask that source; Explain needs the
    // local engine.
    void setDataSource(const QString &name);
    QString dataSource() const;
    QComboBox *dataSourceBox() const { return dataSourceBox_; }
    bool isRunning() const { return running_; }
    QString statusText() const;
    // The graph panel "Add to dashboard" would add: the editor's query and
    // legend template with the graph's style, unit, thresholds and legend table.
    DashboardPanel panelForDashboard() const;

public Q_SLOTS:
    // Graphs `expr` over [fromMs, toMs] (an alert's expression around its
    // firing time, from the desktop alert path).
    void showExpression(const QString &expr, qint64 fromMs, qint64 toMs);
    void run();
    // Graphs `query` over [fromMs, toMs] (the Alerts page's "Open graph").
    void showGraph(const QString &query, qint64 fromMs, qint64 toMs);
    void cancel();
    void openMetricsExplorer();
    // Opens the "Add to dashboard" dialog (nullptr without a query); it deletes itself when closed.
    AddToDashboardDialog *addToDashboard();

Q_SIGNALS:
    // After every run, with the error text (empty on success).
    void finished(const QString &error);
    // A panel was added to dashboard `name`.
    void addedToDashboard(const QString &name);
    // The user asked to see dashboard `name` (the console opens the Dashboards page).
    void dashboardRequested(const QString &name);

private:
    void setRunning(bool running);
    void runTable(const QString &query);
    void runExplain(const QString &query);
    void showHistoryMenu();
    void finish(const QString &error, const QString &summary);

    runtime::Engine *engine_;
    PromqlEditor *editor_;
    QLabel *errorLabel_;
    QLineEdit *legendField_;
    QComboBox *dataSourceBox_;
    QPushButton *runButton_;
    QPushButton *cancelButton_;
    QToolButton *historyButton_;
    QToolButton *addToDashboardButton_;
    QTabWidget *tabs_;
    InstantResultModel *table_;
    QTableView *tableView_;
    GraphPanel *graph_;
    QTreeWidget *explain_;
    QLabel *status_;
    runtime::CancelToken token_;
    uint64_t generation_ = 0;
    bool running_ = false;
};

}  // namespace vigil::ui
