// AlertListModel: the Alerts page's alert tables.
//  - Firing mode: a tree — the four tiers (Emergency, Critical, Warning,
//    Info) as top-level rows with their counts, their firing alerts below.
//  - Pending mode: a flat list of pending alerts with the time left until
//    they fire (`for` − elapsed).
// Columns: alert name, labels, value, since / fires in, silenced,
// acknowledgement. Qt::UserRole gives a sortable value; rowAt() the row.
//
// Acknowledgement column: filled from setAcknowledgements() (by alert
// fingerprint); the Alerts page reads Engine::acknowledgements() at every
// refresh and passes the current firing episode's newest one, else "—".
//
// GUI thread only. setRows() resets the model (the page restores the
// selection by fingerprint).
#pragma once

#include "models/alert_rows.h"

#include <QAbstractItemModel>
#include <QHash>

namespace vigil::ui {

class AlertListModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum class Mode { Firing, Pending };
    enum Column { Name, Labels, Value, Since, Silenced, Acknowledged, ColumnCount };

    explicit AlertListModel(Mode mode, QObject *parent = nullptr);

    // Keeps the rows of this model's mode; `nowMs` for the durations.
    void setRows(const QVector<AlertRow> &rows, qint64 nowMs);
    // "owner: comment" by fingerprint; see the class comment.
    void setAcknowledgements(const QHash<quint64, QString> &byFingerprint);
    // The alert at `index` (any column), or null for a tier row.
    const AlertRow *rowAt(const QModelIndex &index) const;
    // The index (column 0) of the alert with `fingerprint`, if shown.
    QModelIndex indexOf(quint64 fingerprint) const;
    int alertCount() const;
    int count(Tier tier) const { return int(byTier_[int(tier)].size()); }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant tierData(int tier, int column, int role) const;
    QVariant alertData(const AlertRow &r, int column, int role) const;

    Mode mode_;
    qint64 nowMs_ = 0;
    QVector<AlertRow> byTier_[kTierCount];  // Firing mode
    QVector<AlertRow> flat_;                 // Pending mode
    QHash<quint64, QString> acks_;
};

}  // namespace vigil::ui
