#include "dashboards/panel_table_model.h"

namespace vigil::ui {

PanelTableModel::PanelTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void PanelTableModel::setItems(QVector<PanelItem> items, ValueUnit unit, const QList<Threshold> &thresholds)
{
    beginResetModel();
    items_ = std::move(items);
    unit_ = unit;
    thresholds_ = thresholds;
    endResetModel();
}

int PanelTableModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(items_.size()); }

int PanelTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant PanelTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const PanelItem &item = items_[index.row()];
    if (index.column() == Name) {
        if (role == Qt::DisplayRole || role == Qt::UserRole || role == Qt::ToolTipRole) return item.name;
        return {};
    }
    switch (role) {
    case Qt::DisplayRole: return formatValue(item.value, unit_);
    case Qt::UserRole: return item.value;
    case Qt::TextAlignmentRole: return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (!thresholds_.isEmpty()) return thresholdColor(item.value, thresholds_, baseColor());
        return {};
    default: return {};
    }
}

QVariant PanelTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return {};
    return section == Name ? tr("Series") : tr("Value");
}

}  // namespace vigil::ui
