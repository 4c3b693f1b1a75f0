// MetricsExplorerDialog: every metric name in storage with its TYPE and HELP
// (from the scraper's metadata), searchable by name or help text; picking
// one (double-click or OK) emits metricChosen() to start a query with it.
// Loads through the QueryService asynchronously; GUI thread only.
#pragma once

#include "runtime/engine.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace vigil::ui {

class MetricsExplorerDialog : public QDialog {
    Q_OBJECT
public:
    explicit MetricsExplorerDialog(runtime::Engine *engine, QWidget *parent = nullptr);

    QStandardItemModel *model() const { return model_; }
    QSortFilterProxyModel *proxy() const { return proxy_; }
    QLineEdit *searchField() const { return search_; }

Q_SIGNALS:
    void metricChosen(const QString &name);
    void loaded();

private:
    void load();
    void choose();

    runtime::Engine *engine_;
    QStandardItemModel *model_;
    QSortFilterProxyModel *proxy_;
    QLineEdit *search_;
    QTableView *view_;
    QLabel *status_;
};

}  // namespace vigil::ui
