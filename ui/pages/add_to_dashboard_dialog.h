// AddToDashboardDialog: Explore's "Add to dashboard" — asks for the panel's
// title and the dashboard to put it on (an existing one, built-ins included,
// or a new one with its title), then appends the panel through
// dashboard_library::addPanel() (below the dashboard's other panels).
//
// The list of dashboards is read and the panel saved on
// QThreadPool::globalInstance() (app.db I/O), never on the GUI thread; the
// results come back through QFutureWatcher. On success the dialog emits
// added() and closes; on failure it stays open with the error. Without a
// running engine it shows why and adds nothing. GUI thread only.
#pragma once

#include "dashboards/dashboard.h"
#include "runtime/engine.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace vigil::ui {

class AddToDashboardDialog : public QDialog {
    Q_OBJECT
public:
    // `panel` is added as given except for its place on the grid and its range (the dashboard's).
    AddToDashboardDialog(runtime::Engine *engine, const DashboardPanel &panel, QWidget *parent = nullptr);

    QComboBox *dashboardBox() const { return dashboards_; }
    QLineEdit *titleField() const { return title_; }
    QLineEdit *newTitleField() const { return newTitle_; }
    // Selects the dashboard `name` in the list (empty: a new dashboard); false if it is not listed.
    bool selectDashboard(const QString &name);
    QString errorText() const;

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    // The list of dashboards arrived (or could not be read: see errorText()).
    void loaded();
    // The panel was saved on dashboard `name`; `openIt`: the user asked to see it.
    void added(const QString &name, const QString &panelTitle, bool openIt);
    // Saving failed with `error` (shown in the dialog, which stays open).
    void failed(const QString &error);

private:
    void load();
    void updateFields();
    void showError(const QString &error);

    runtime::Engine *engine_;
    DashboardPanel panel_;
    QLineEdit *title_;
    QComboBox *dashboards_;
    QLineEdit *newTitle_;
    QCheckBox *openAfter_;
    QLabel *message_;
    QPushButton *addButton_;
    bool saving_ = false;
};

}  // namespace vigil::ui
