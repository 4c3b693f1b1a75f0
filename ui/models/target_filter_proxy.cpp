#include "models/target_filter_proxy.h"

#include "models/target_table_model.h"

namespace vigil::ui {

TargetFilterProxy::TargetFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setFilterKeyColumn(-1);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

void TargetFilterProxy::setShowDropped(bool show)
{
    if (showDropped_ == show) return;
    showDropped_ = show;
    invalidateRowsFilter();
}

bool TargetFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!showDropped_ &&
        sourceModel()->index(sourceRow, 0, sourceParent).data(TargetTableModel::DroppedRole).toBool())
        return false;
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

}  // namespace vigil::ui
