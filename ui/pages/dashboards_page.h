// DashboardsPage: the list of dashboards (built-in and the user's, from
// dashboard_library) beside the open dashboard (DashboardView), with New,
// Duplicate, Delete, Import and Export, and an "Add target" button that
// leads to the Targets page's add form (the first-run path).
//
// app.db is read and written on a worker thread (QThreadPool::globalInstance)
// and results come back as queued calls; until the engine runs, the built-in
// dashboards are listed. Edits in the view are saved one second after the
// last change, or at once when the page is hidden. Other parts of the console
// (Explore's "Add to dashboard") and `vigil dashboards import` write app.db
// too, so the list is read again whenever the page is shown (or reload() is
// called); the open dashboard is shown again when its stored version changed
// and the view has no unsaved edit. A read that overlapped one of the page's
// own saves is discarded and repeated. Threading: GUI thread only.
#pragma once

#include "dashboards/dashboard_library.h"
#include "runtime/engine.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTimer;

namespace vigil::ui {

class DashboardView;

class DashboardsPage : public QWidget {
    Q_OBJECT
public:
    explicit DashboardsPage(runtime::Engine *engine, QWidget *parent = nullptr);

    // Opens the named dashboard (once the list is loaded if it is not yet); false if unknown.
    bool openDashboard(const QString &name);
    QString currentName() const { return current_; }
    QStringList names() const;
    DashboardView *view() const { return view_; }
    QListWidget *list() const { return list_; }

    void newDashboard();
    void duplicateCurrent();
    void deleteCurrent();
    void importFile(const QString &file);
    void exportCurrent(const QString &file);
    // Reads the list from app.db again (asynchronously; listLoaded() follows).
    void reload();

Q_SIGNALS:
    void addTargetRequested();
    // The list (re)loaded from app.db.
    void listLoaded();
    // A save to app.db finished; empty error on success.
    void saved(const QString &name, const QString &error);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void setEntries(const QList<DashboardEntry> &entries);
    void save(const Dashboard &d);
    void showEntry(int row);
    QString uniqueName(const QString &base) const;

    runtime::Engine *engine_;
    QListWidget *list_ = nullptr;
    DashboardView *view_ = nullptr;
    QLabel *message_ = nullptr;
    QPushButton *deleteButton_ = nullptr;
    QTimer *saveTimer_ = nullptr;
    QList<DashboardEntry> entries_;
    QString current_;
    QString wanted_;  // requested before the list was loaded
    Dashboard pendingSave_;
    int savesInFlight_ = 0;
    uint64_t savesDone_ = 0;
    bool reloadAfterSaves_ = false;
};

}  // namespace vigil::ui
