#include "models/series_table_model.h"

#include <QPixmap>

#include <cmath>

namespace vigil::ui {

SeriesTableModel::SeriesTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void SeriesTableModel::setRows(QVector<Row> rows)
{
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
}

void SeriesTableModel::setUnit(ValueUnit unit)
{
    unit_ = unit;
    if (!rows_.isEmpty()) Q_EMIT dataChanged(index(0, Min), index(rowCount() - 1, Last));
}

void SeriesTableModel::setVisible(int r, bool visible)
{
    if (r < 0 || r >= rows_.size() || rows_[r].visible == visible) return;
    rows_[r].visible = visible;
    Q_EMIT dataChanged(index(r, Name), index(r, Name), {Qt::CheckStateRole});
    Q_EMIT visibilityChanged(r, visible);
}

int SeriesTableModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(rows_.size()); }
int SeriesTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant SeriesTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Row &r = rows_[index.row()];
    const double values[] = {0, r.stats.min, r.stats.max, r.stats.mean, r.stats.last};
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == Name) return r.name;
        return formatValue(values[index.column()], unit_);
    case Qt::ToolTipRole:
        return index.column() == Name ? r.name : QString::number(values[index.column()], 'g', 15);
    case Qt::CheckStateRole:
        if (index.column() == Name) return r.visible ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::DecorationRole:
        if (index.column() == Name) {
            QPixmap swatch(12, 12);
            swatch.fill(r.color);
            return swatch;
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Name ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                      : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::UserRole:  // sort key: the raw number
        return index.column() == Name ? QVariant(r.name) : QVariant(values[index.column()]);
    default: return {};
    }
}

bool SeriesTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || index.column() != Name || role != Qt::CheckStateRole)
        return false;
    setVisible(index.row(), value.value<Qt::CheckState>() == Qt::Checked);
    return true;
}

Qt::ItemFlags SeriesTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Name) f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant SeriesTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, o, role);
    switch (section) {
    case Name: return tr("Series");
    case Min: return tr("Min");
    case Max: return tr("Max");
    case Mean: return tr("Mean");
    case Last: return tr("Last");
    }
    return {};
}

}  // namespace vigil::ui
