// ExplorePage: write PromQL and look at the answer — the PromQL editor, Run
// (Ctrl+Enter) and Cancel, a query history kept in QSettings, and three views:
// Table (instant query at the current time), Graph (range query in a
// GraphPanel) and Explain (every node of the expression tree evaluated on its
// own with its result size and time). Every query runs on the engine's
// QueryService; a new run cancels the one in flight. GUI thread only.
#pragma once

#include "runtime/engine.h"
#include "runtime/query_service.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QToolButton;
class QTreeWidget;

namespace vigil::ui {

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
    bool isRunning() const { return running_; }
    QString statusText() const;

public Q_SLOTS:
    void run();
    // Graphs `query` over [fromMs, toMs] (the Alerts page's "Open graph").
    void showGraph(const QString &query, qint64 fromMs, qint64 toMs);
    void cancel();
    void openMetricsExplorer();

Q_SIGNALS:
    // After every run, with the error text (empty on success).
    void finished(const QString &error);

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
    QPushButton *runButton_;
    QPushButton *cancelButton_;
    QToolButton *historyButton_;
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
