// TargetsPage: every scrape target with its health and source (console,
// configuration file or service discovery), and the console's own targets to
// add, edit, remove, pause, resume, test and re-time — one at a time or as a
// multi-selection — plus import from and export to a prometheus.yml.
// Discovered targets follow their discovery source (a changed file_sd file
// re-plans the job and the table follows, without restart); they are
// read-only here, and "Copy as console target" starts a console target from
// one. Targets the scraper does not scrape (dropped by relabeling, or with
// invalid labels) are listed with the reason under "Show dropped targets".
// Updates arrive as TargetSnapshot values through the scraper's queued
// signals; every engine call that does I/O is asynchronous.
#pragma once

#include "runtime/engine.h"
#include "store/app_store.h"

#include <QWidget>

#include <map>
#include <utility>
#include <vector>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace vigil::ui {

class TargetDialog;
class TargetFilterProxy;
class TargetTableModel;

class TargetsPage : public QWidget {
    Q_OBJECT
public:
    explicit TargetsPage(runtime::Engine *engine, QWidget *parent = nullptr);

    TargetTableModel *model() const { return model_; }
    QTableView *view() const { return view_; }
    QLineEdit *filter() const { return filter_; }
    TargetFilterProxy *proxy() const { return proxy_; }
    QCheckBox *showDroppedBox() const { return showDropped_; }
    // The stored console target behind a row, if it is one.
    const store::StoredTarget *storedTargetAt(int sourceRow) const;
    // The console targets of the selected rows.
    std::vector<store::StoredTarget> selectedStoredTargets() const;

    void addTarget();
    void editSelected();
    // Opens the add form filled from the selected non-console target (its
    // address, scheme, path, interval, timeout and labels after relabeling,
    // under the job "<job>-static"); nullptr when no such row is selected.
    TargetDialog *copySelectedAsConsoleTarget();
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
    void showContextMenu(const QPoint &pos);
    int selectedSourceRow() const;

    runtime::Engine *engine_;
    TargetTableModel *model_;
    TargetFilterProxy *proxy_;
    QTableView *view_;
    QLineEdit *filter_;
    QCheckBox *showDropped_;
    QLabel *summary_;
    QLabel *discoveryErrors_;
    QLabel *report_;
    QPushButton *editButton_;
    QPushButton *removeButton_;
    QPushButton *bulkButton_;
    QTimer *tick_;
    std::map<std::pair<std::string, std::string>, store::StoredTarget> stored_;  // by (job, address)
    bool connected_ = false;
};

}  // namespace vigil::ui
