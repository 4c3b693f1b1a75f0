// IncidentListModel: incidents as a table — id, title, severity, state,
// fired, time to acknowledge, time to resolve. Fed with snapshots from the
// engine's IncidentService; it never reads engine state itself.
// Threading: GUI thread.
#pragma once

#include "incidents/incident.h"

#include <QAbstractTableModel>

#include <vector>

namespace vigil::ui {

class IncidentListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, Title, Severity, State, Fired, ToAcknowledge, ToResolve, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit IncidentListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setIncidents(std::vector<incidents::Incident> list);
    const incidents::Incident &incident(int row) const { return list_.at(size_t(row)); }
    // Row of the incident with this id, -1 when absent.
    int rowOf(int64_t id) const;

private:
    std::vector<incidents::Incident> list_;
};

}  // namespace vigil::ui
