// PanelTableModel: the rows of a table panel — one per series (its legend
// name and its value formatted in the panel's unit). Qt::UserRole gives the
// raw value for sorting. Holds a copy of the items (plain values).
#pragma once

#include "dashboards/panel_data.h"
#include "widgets/value_format.h"

#include <QAbstractTableModel>

namespace vigil::ui {

class PanelTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Value, ColumnCount };

    explicit PanelTableModel(QObject *parent = nullptr);

    void setItems(QVector<PanelItem> items, ValueUnit unit, const QList<Threshold> &thresholds);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

private:
    QVector<PanelItem> items_;
    ValueUnit unit_ = ValueUnit::None;
    QList<Threshold> thresholds_;
};

}  // namespace vigil::ui
