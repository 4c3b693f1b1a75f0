// IncidentsPage: the incident workflow in the console — the list of
// incidents, the selected one's timeline with a note field and an
// Acknowledge button, its scope (affected targets and related graphs over the
// incident window: alert expression, inputs, the node's CPU, memory, disk and
// network), the correlation helper's ranking, and Markdown/PDF export.
//
// All engine work goes through the IncidentService's futures (never waits on
// the GUI thread); the page follows incidentChanged() to stay current.
// Threading: GUI thread.
#pragma once

#include "incidents/incident_service.h"
#include "runtime/engine.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTableWidget;
class QVBoxLayout;

namespace vigil::ui {

class IncidentListModel;
class ReportGraphs;

class IncidentsPage : public QWidget {
    Q_OBJECT
public:
    explicit IncidentsPage(runtime::Engine *engine, QWidget *parent = nullptr);
    ~IncidentsPage() override;

    IncidentListModel *model() const { return model_; }
    // The selected incident as last loaded (id 0: none).
    const incidents::IncidentDetail &current() const { return current_; }
    QTableWidget *timelineTable() const { return timeline_; }
    QTableWidget *correlationTable() const { return correlation_; }
    // Graph panels of the scope view (after showScope()).
    QList<QWidget *> scopePanels() const { return scopePanels_; }

public Q_SLOTS:
    void reload();
    void select(qint64 id);
    void addNote();
    void acknowledge();
    void showScope();
    void correlate();
    // A manual deploy/change marker at the current time (drawn on every
    // graph); markerAdded(error) follows.
    void addMarker(const QString &text);
    // Writes the report to `path` (.md or .pdf by suffix) after drawing its
    // graphs; exported(path, error) follows.
    void exportTo(const QString &path);

Q_SIGNALS:
    void loaded();           // the list arrived
    void detailLoaded();     // the selected incident arrived
    void correlated();       // the correlation table was filled
    void exported(const QString &path, const QString &error);
    void markerAdded(const QString &error);

private:
    void onEngineState(runtime::Engine::State state);
    void connectService();
    void loadDetail(qint64 id);
    void showDetail();
    void chooseExport(bool pdf);
    incidents::IncidentService *service() const;

    runtime::Engine *engine_;
    IncidentListModel *model_ = nullptr;
    QTableView *list_ = nullptr;
    QCheckBox *openOnly_ = nullptr;
    QLabel *header_ = nullptr;
    QLabel *status_ = nullptr;
    QTabWidget *tabs_ = nullptr;
    QTableWidget *timeline_ = nullptr;
    QLineEdit *note_ = nullptr;
    QPushButton *ackButton_ = nullptr;
    QPushButton *noteButton_ = nullptr;
    QLabel *scopeTargets_ = nullptr;
    QVBoxLayout *scopeLayout_ = nullptr;
    QList<QWidget *> scopePanels_;
    QTableWidget *correlation_ = nullptr;
    QLabel *correlationStatus_ = nullptr;
    std::shared_ptr<promql::CancellationToken> correlationToken_;
    ReportGraphs *reportGraphs_ = nullptr;
    incidents::IncidentDetail current_;
    incidents::CorrelationResult lastCorrelation_;
    qint64 selected_ = 0;
    QObject *serviceConnection_ = nullptr;  // the service whose signals are connected
};

}  // namespace vigil::ui
