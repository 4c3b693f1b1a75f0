// TargetsPage: every scrape target with its health and source (console or
// configuration file), and the console's own targets to add, edit, remove,
// pause, resume, test and re-time — one at a time or as a multi-selection —
// plus import from and export to a prometheus.yml. Updates arrive as
// TargetSnapshot values through the scraper's queued signals; every engine
// call is asynchronous.
#pragma once

#include "runtime/engine.h"
#include "store/app_store.h"

#include <QWidget>

#include <map>
#include <utility>
#include <vector>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace vigil::ui {

class TargetTableModel;

class TargetsPage : public QWidget {
    Q_OBJECT
public:
    explicit TargetsPage(runtime::Engine *engine, QWidget *parent = nullptr);

    TargetTableModel *model() const { return model_; }
    QTableView *view() const { return view_; }
    QLineEdit *filter() const { return filter_; }
    // The stored console target behind a row, if it is one.
    const store::StoredTarget *storedTargetAt(int sourceRow) const;
    // The console targets of the selected rows.
    std::vector<store::StoredTarget> selectedStoredTargets() const;

    void addTarget();
    void editSelected();
    // Bulk actions on the selected console targets. removeSelected() asks
    // for confirmation unless `confirm` is false.
    void removeSelected(bool confirm = true);
    void setSelectedEnabled(bool enabled);
    void setSelectedInterval(int seconds);
    void testSelected();
    // prometheus.yml import/export (the buttons ask for the file).
    void importFile(const QString &path);
    void exportFile(const QString &path);

Q_SIGNALS:
    void storedTargetsLoaded();
    // A bulk action finished; `report` is the translated summary shown.
    void bulkFinished(const QString &report);
    void importFinished(const QString &report);
    void exportFinished(bool ok, const QString &message);

private:
    void onEngineState(runtime::Engine::State state);
    void reloadTargets();
    void reloadStored();
    void updateSummary();
    void updateButtons();
    void updateOrigins();
    // Saves each target in turn (the engine's work pool is sequential), then
    // reports "<what>: n done, m failed" with the failures.
    void saveAll(std::vector<store::StoredTarget> targets, const QString &what);
    void showReport(const QString &title, const QString &report);
    int selectedSourceRow() const;

    runtime::Engine *engine_;
    TargetTableModel *model_;
    QSortFilterProxyModel *proxy_;
    QTableView *view_;
    QLineEdit *filter_;
    QLabel *summary_;
    QLabel *report_;
    QPushButton *editButton_;
    QPushButton *removeButton_;
    QPushButton *bulkButton_;
    QTimer *tick_;
    std::map<std::pair<std::string, std::string>, store::StoredTarget> stored_;  // by (job, address)
    bool connected_ = false;
};

}  // namespace vigil::ui
