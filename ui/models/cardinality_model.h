// CardinalityModel: one top-10 table of the TSDB status page — name and count,
// with the count's share of `total` (series, or label pairs) as a percentage.
// Qt::UserRole gives raw numbers for sorting. Holds a copy (plain values).
#pragma once

#include "runtime/tsdb_status.h"

#include <QAbstractTableModel>

namespace vigil::ui {

class CardinalityModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Count, Share, ColumnCount };

    CardinalityModel(const QString &nameHeader, QObject *parent = nullptr);
    // `total` <= 0: no share column values.
    void setCounts(const runtime::TsdbStatus::Counts &counts, double total);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

private:
    QString nameHeader_;
    runtime::TsdbStatus::Counts counts_;
    double total_ = 0;
};

}  // namespace vigil::ui
