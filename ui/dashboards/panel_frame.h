// PanelFrame: one panel of a dashboard view — a title bar (with edit and
// remove buttons shown in edit mode) over the panel's content: a GraphPanel
// for time series, a ValuePanel for the others. refresh() expands the
// dashboard's variables into the panel's queries and runs them.
// Threading: GUI thread only.
#pragma once

#include "dashboards/dashboard.h"
#include "dashboards/variable_expansion.h"
#include "runtime/engine.h"

#include <QFrame>

class QLabel;
class QToolButton;

namespace vigil::ui {

class GraphPanel;
class ValuePanel;

class PanelFrame : public QFrame {
    Q_OBJECT
public:
    PanelFrame(runtime::Engine *engine, const DashboardPanel &panel, const QString &language, QWidget *parent = nullptr);

    void setPanel(const DashboardPanel &panel);
    const DashboardPanel &panel() const { return panel_; }
    void setEditing(bool on);
    // Expands the variables into the queries and runs them (cancelling a refresh in flight).
    void refresh(const VariableContext &context);
    // The queries of the last refresh, variables expanded.
    QStringList expandedQueries() const { return expanded_; }
    bool hasData() const;  // the last refresh returned at least one series or value
    GraphPanel *graph() const { return graph_; }
    ValuePanel *valuePanel() const { return value_; }

Q_SIGNALS:
    void editRequested();
    void removeRequested();
    // After every refresh of the content; empty error on success.
    void refreshed(const QString &error);

private:
    runtime::Engine *engine_;
    DashboardPanel panel_;
    QString language_;
    QLabel *title_ = nullptr;
    QToolButton *editButton_ = nullptr;
    QToolButton *removeButton_ = nullptr;
    GraphPanel *graph_ = nullptr;
    ValuePanel *value_ = nullptr;
    QWidget *content_ = nullptr;
    QStringList expanded_;
};

}  // namespace vigil::ui
