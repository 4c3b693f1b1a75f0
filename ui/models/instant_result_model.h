// InstantResultModel: the table view of an instant query's result — one row
// per series (labels, value) for a vector, one row for a scalar or string,
// and for a range vector one row per series with its samples listed
// ("value @ time" lines). Holds a copy of the result (a plain value).
// At most kMaxRows rows are shown; truncated() tells when more were dropped.
#pragma once

#include "promql/value.h"

#include <QAbstractTableModel>

namespace vigil::ui {

class InstantResultModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Series, Value, ColumnCount };
    static constexpr int kMaxRows = 10000;

    explicit InstantResultModel(QObject *parent = nullptr);

    void setResult(const promql::Value &value);
    void clear();
    bool truncated() const { return truncated_; }
    // Total elements in the result (series, or 1 for a scalar/string).
    int totalCount() const { return total_; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

private:
    struct Row {
        QString series;
        QString value;
        double sortValue = 0;
    };
    QVector<Row> rows_;
    bool truncated_ = false;
    int total_ = 0;
};

}  // namespace vigil::ui
