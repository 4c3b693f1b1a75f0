#include "models/cardinality_model.h"

#include <QLocale>

namespace vigil::ui {

CardinalityModel::CardinalityModel(const QString &nameHeader, QObject *parent)
    : QAbstractTableModel(parent), nameHeader_(nameHeader)
{
}

void CardinalityModel::setCounts(const runtime::TsdbStatus::Counts &counts, double total)
{
    beginResetModel();
    counts_ = counts;
    total_ = total;
    endResetModel();
}

int CardinalityModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(counts_.size()); }

int CardinalityModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant CardinalityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const auto &[name, count] = counts_[size_t(index.row())];
    const double share = total_ > 0 ? 100.0 * double(count) / total_ : 0;
    switch (index.column()) {
    case Name:
        if (role == Qt::DisplayRole || role == Qt::UserRole || role == Qt::ToolTipRole) return QString::fromStdString(name);
        return {};
    case Count:
        if (role == Qt::DisplayRole) return QLocale().toString(qulonglong(count));
        if (role == Qt::UserRole) return qulonglong(count);
        break;
    case Share:
        if (total_ <= 0) return {};
        if (role == Qt::DisplayRole) return QStringLiteral("%1%").arg(QLocale().toString(share, 'f', 1));
        if (role == Qt::UserRole) return share;
        break;
    default: return {};
    }
    if (role == Qt::TextAlignmentRole) return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant CardinalityModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Name: return nameHeader_;
    case Count: return tr("Count");
    case Share: return tr("Share");
    default: return {};
    }
}

}  // namespace vigil::ui
