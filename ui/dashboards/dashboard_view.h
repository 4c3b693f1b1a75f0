// DashboardView: shows one Dashboard — a header with its title, variable
// selectors, the dashboard-wide range and refresh, Refresh, Edit and (in
// edit mode) Add panel and Save — over a scrollable DashboardGrid of
// PanelFrames.
//
// Refresh cycle: variable values are loaded first (label_values queries run
// asynchronously through QueryService; a selection that no longer exists falls
// back as resolveSelection() says), then every panel runs its queries with
// the variables expanded; the refresh timer repeats this every "refresh"
// seconds while the view is visible. A new cycle supersedes the one in flight
// (panels cancel their own queries).
//
// Edits (moving/resizing panels, the panel editor, add/remove, range, refresh,
// variable selection) change dashboard() and emit dashboardEdited(); the owner
// saves it. Threading: GUI thread only.
#pragma once

#include "dashboards/dashboard.h"
#include "dashboards/variable_expansion.h"
#include "runtime/engine.h"

#include <QElapsedTimer>
#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QHBoxLayout;
class QPushButton;
class QTimer;
class QToolButton;

namespace vigil::ui {

class DashboardGrid;
class PanelFrame;

class DashboardView : public QWidget {
    Q_OBJECT
public:
    explicit DashboardView(runtime::Engine *engine, QWidget *parent = nullptr);
    ~DashboardView() override;

    void setDashboard(const Dashboard &dashboard);
    const Dashboard &dashboard() const { return dashboard_; }
    void setEditing(bool on);
    bool isEditing() const { return editing_; }

    DashboardGrid *grid() const { return grid_; }
    PanelFrame *panelFrame(int i) const;
    // The variables as the last refresh expanded them.
    const VariableContext &variableContext() const { return context_; }
    // Available values of a variable (after its query ran).
    QStringList variableValues(const QString &name) const { return available_.value(name); }
    // Panels whose last refresh finished (reset by every refresh).
    int panelsRefreshed() const { return refreshedCount_; }

    // Opens the panel editor for panel `i` (-1: a new panel).
    void editPanel(int i);

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void dashboardEdited(const vigil::ui::Dashboard &dashboard);
    // Every panel finished the refresh cycle; `withData` panels returned data.
    void refreshFinished(int withData);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void rebuild();
    void rebuildVariableSelectors();
    void loadVariables(uint64_t cycle);
    void refreshPanels();
    void onPanelRefreshed();
    void applyTimer();
    void edited();
    void removePanel(int i);

    runtime::Engine *engine_;
    Dashboard dashboard_;
    QString language_;
    bool editing_ = false;
    QLabel *title_ = nullptr;
    QHBoxLayout *variableBar_ = nullptr;
    QList<QWidget *> variableWidgets_;
    QComboBox *rangeBox_ = nullptr;
    QComboBox *refreshBox_ = nullptr;
    QToolButton *editButton_ = nullptr;
    QPushButton *addPanelButton_ = nullptr;
    DashboardGrid *grid_ = nullptr;
    QList<PanelFrame *> frames_;
    QTimer *timer_ = nullptr;
    QTimer *retry_ = nullptr;
    QElapsedTimer sinceShown_;
    QHash<QString, QStringList> available_;
    VariableContext context_;
    uint64_t cycle_ = 0;
    int pendingVariables_ = 0;
    int refreshedCount_ = 0;
};

}  // namespace vigil::ui
