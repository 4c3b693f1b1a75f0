#include "models/incident_list_model.h"

#include "reports/incident_report.h"

#include <QColor>

namespace vigil::ui {

IncidentListModel::IncidentListModel(QObject *parent) : QAbstractTableModel(parent) {}

int IncidentListModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(list_.size()); }

int IncidentListModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant IncidentListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(list_.size())) return {};
    const auto &inc = list_[size_t(index.row())];
    if (role == IdRole) return qint64(inc.id);
    if (role == Qt::ForegroundRole && index.column() == State && inc.isOpen()) return QColor(0xb3, 0x26, 0x1e);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
    switch (index.column()) {
    case Id: return qint64(inc.id);
    case Title: return QString::fromStdString(inc.title);
    case Severity: return QString::fromStdString(inc.severity);
    case State:
        if (!inc.isOpen()) return tr("Resolved");
        return inc.acknowledgedAtMs > 0 ? tr("Acknowledged") : tr("Open");
    case Fired: return IncidentReport::formatTime(inc.openedAtMs);
    case ToAcknowledge: return IncidentReport::formatDuration(inc.timeToAcknowledgeMs());
    case ToResolve: return IncidentReport::formatDuration(inc.timeToResolveMs());
    }
    return {};
}

QVariant IncidentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Id: return tr("#");
    case Title: return tr("Incident");
    case Severity: return tr("Severity");
    case State: return tr("State");
    case Fired: return tr("Fired");
    case ToAcknowledge: return tr("To acknowledge");
    case ToResolve: return tr("To resolve");
    }
    return {};
}

void IncidentListModel::setIncidents(std::vector<incidents::Incident> list)
{
    beginResetModel();
    list_ = std::move(list);
    endResetModel();
}

int IncidentListModel::rowOf(int64_t id) const
{
    for (size_t i = 0; i < list_.size(); ++i) {
        if (list_[i].id == id) return int(i);
    }
    return -1;
}

}  // namespace vigil::ui
