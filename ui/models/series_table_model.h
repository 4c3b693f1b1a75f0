// SeriesTableModel: the legend table of a graph panel — one row per series
// with its colour, legend name (checkable: unchecked = hidden) and min, max,
// mean and last value formatted in the panel's unit. Rows follow the order
// given to setSeries(). Unchecking a row emits visibilityChanged(); the model
// holds plain values only, the panel owns the plot.
#pragma once

#include "widgets/plot_series.h"
#include "widgets/value_format.h"

#include <QAbstractTableModel>
#include <QColor>

namespace vigil::ui {

class SeriesTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Min, Max, Mean, Last, ColumnCount };
    struct Row {
        QString key;
        QString name;
        QColor color;
        SeriesStats stats;
        bool visible = true;
    };

    explicit SeriesTableModel(QObject *parent = nullptr);

    void setRows(QVector<Row> rows);
    void setUnit(ValueUnit unit);
    void setVisible(int row, bool visible);  // emits visibilityChanged when it changes
    const Row &row(int r) const { return rows_[r]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

Q_SIGNALS:
    void visibilityChanged(int row, bool visible);

private:
    QVector<Row> rows_;
    ValueUnit unit_ = ValueUnit::None;
};

}  // namespace vigil::ui
