// AlertHistoryModel: the alert history of app.db as one table, newest first
// — alert events (fired, resolved, silenced, silence expired, and any state
// other writers record, e.g. acknowledged) merged with every notification
// attempt (receiver, integration, attempt, result, error).
// AlertHistoryFilter narrows it by text (any column), tier and time range.
// GUI thread only.
#pragma once

#include "models/alert_rows.h"
#include "store/app_store.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace vigil::ui {

struct HistoryRow {
    enum class Kind { Fired, Resolved, Silenced, SilenceExpired, Notification, Other };
    qint64 timeMs = 0;
    Kind kind = Kind::Other;
    QString state;  // the stored state ("firing", "acknowledged", ...) or the attempt's status
    QString alert;  // alert name, or the notification's group labels
    int tier = -1;  // Tier, or -1 for notifications (no single tier)
    QString labels;
    QString details;
    bool failed = false;  // a failed notification attempt
};

class AlertHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Event, Alert, TierColumn, Details, ColumnCount };
    static constexpr int TierRole = Qt::UserRole + 1;  // int tier (-1: none)
    static constexpr int TimeRole = Qt::UserRole + 2;  // qint64 ms

    explicit AlertHistoryModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}

    void setHistory(const std::vector<store::AppStore::AlertEvent> &events,
                    const std::vector<store::DeliveryAttempt> &attempts);
    const HistoryRow *rowAt(int row) const { return row >= 0 && row < rows_.size() ? &rows_[row] : nullptr; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<HistoryRow> rows_;
};

class AlertHistoryFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit AlertHistoryFilter(QObject *parent = nullptr) : QSortFilterProxyModel(parent) {}
    void setText(const QString &text);
    void setTier(int tier);  // -1: all tiers (and notifications)
    void setTimeRange(qint64 fromMs, qint64 toMs);  // 0, 0: any time

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString text_;
    int tier_ = -1;
    qint64 fromMs_ = 0;
    qint64 toMs_ = 0;
};

}  // namespace vigil::ui
