#include "models/alert_history_model.h"

#include <QBrush>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>

namespace vigil::ui {

namespace {

QString eventTitle(HistoryRow::Kind k, const QString &state)
{
    switch (k) {
    case HistoryRow::Kind::Fired: return AlertHistoryModel::tr("fired");
    case HistoryRow::Kind::Resolved: return AlertHistoryModel::tr("resolved");
    case HistoryRow::Kind::Silenced: return AlertHistoryModel::tr("silenced");
    case HistoryRow::Kind::SilenceExpired: return AlertHistoryModel::tr("silence expired");
    case HistoryRow::Kind::Notification: return AlertHistoryModel::tr("notification");
    case HistoryRow::Kind::Other: break;
    }
    return state;  // e.g. "acknowledged", written by other parts of Vigil
}

// {alertname="A", instance="b"} out of Alertmanager's group key "{}/{...}:{alertname=...}".
QString groupLabels(const std::string &groupKey)
{
    const QString k = QString::fromStdString(groupKey);
    const int colon = k.lastIndexOf(QStringLiteral(":{"));
    return colon >= 0 ? k.mid(colon + 1) : k;
}

}  // namespace

void AlertHistoryModel::setHistory(const std::vector<store::AppStore::AlertEvent> &events,
                                   const std::vector<store::DeliveryAttempt> &attempts)
{
    beginResetModel();
    rows_.clear();
    for (const auto &e : events) {
        HistoryRow r;
        r.timeMs = e.timeMs;
        r.state = QString::fromStdString(e.state);
        if (e.state == "fired" || e.state == "firing") r.kind = HistoryRow::Kind::Fired;
        else if (e.state == "resolved") r.kind = HistoryRow::Kind::Resolved;
        else if (e.state == "silenced") r.kind = HistoryRow::Kind::Silenced;
        else if (e.state == "silence expired") r.kind = HistoryRow::Kind::SilenceExpired;
        r.alert = QString::fromStdString(e.alertName);
        std::vector<model::Label> ls;
        const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(e.labelsJson)).object();
        for (auto it = o.begin(); it != o.end(); ++it) ls.push_back({it.key().toStdString(), it.value().toString().toStdString()});
        const model::Labels labels = model::Labels::fromUnsorted(std::move(ls));
        r.tier = int(tierOf(labels));
        r.labels = labelsForDisplay(labels);
        r.details = QString::fromStdString(e.message);
        rows_.push_back(std::move(r));
    }
    for (const auto &a : attempts) {
        HistoryRow r;
        r.timeMs = a.timeMs;
        r.kind = HistoryRow::Kind::Notification;
        r.state = QString::fromStdString(a.status);
        r.alert = groupLabels(a.groupKey);
        r.failed = a.status != "ok";
        QString result = a.status == "ok" ? tr("delivered")
                         : a.status == "retry" ? tr("failed, will retry")
                                               : tr("failed");
        r.details = tr("%1 %2, attempt %3: %4")
                        .arg(QString::fromStdString(a.receiver), QString::fromStdString(a.integration))
                        .arg(a.attempt)
                        .arg(result);
        if (!a.error.empty()) r.details += QStringLiteral(" — ") + QString::fromStdString(a.error);
        if (!a.detail.empty()) r.details += QStringLiteral(" (") + QString::fromStdString(a.detail) + QLatin1Char(')');
        rows_.push_back(std::move(r));
    }
    std::stable_sort(rows_.begin(), rows_.end(), [](const HistoryRow &a, const HistoryRow &b) { return a.timeMs > b.timeMs; });
    endResetModel();
}

int AlertHistoryModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(rows_.size()); }
int AlertHistoryModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant AlertHistoryModel::data(const QModelIndex &index, int role) const
{
    const HistoryRow *r = rowAt(index.row());
    if (!r || !index.isValid()) return {};
    if (role == TierRole) return r->tier;
    if (role == TimeRole) return r->timeMs;
    if (role == Qt::ForegroundRole) {
        if (r->failed) return QBrush(QColor(0xb3, 0x26, 0x1e));
        if (index.column() == TierColumn && r->tier >= 0) return QBrush(tierColor(Tier(r->tier)));
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == Alert) return r->labels;
    if (role != Qt::DisplayRole && role != Qt::UserRole) return {};
    switch (Column(index.column())) {
    case Time:
        if (role == Qt::UserRole) return r->timeMs;
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(r->timeMs), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case Event: return eventTitle(r->kind, r->state);
    case Alert: return r->labels.isEmpty() ? r->alert : QStringLiteral("%1 {%2}").arg(r->alert, r->labels);
    case TierColumn: return r->tier >= 0 ? tierTitle(Tier(r->tier)) : QString();
    case Details: return r->details;
    case ColumnCount: break;
    }
    return {};
}

QVariant AlertHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (Column(section)) {
    case Time: return tr("Time");
    case Event: return tr("Event");
    case Alert: return tr("Alert");
    case TierColumn: return tr("Tier");
    case Details: return tr("Details");
    case ColumnCount: break;
    }
    return {};
}

void AlertHistoryFilter::setText(const QString &text)
{
    text_ = text.trimmed();
    invalidateFilter();
}

void AlertHistoryFilter::setTier(int tier)
{
    tier_ = tier;
    invalidateFilter();
}

void AlertHistoryFilter::setTimeRange(qint64 fromMs, qint64 toMs)
{
    fromMs_ = fromMs;
    toMs_ = toMs;
    invalidateFilter();
}

bool AlertHistoryFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *m = sourceModel();
    const QModelIndex first = m->index(sourceRow, 0, sourceParent);
    if (tier_ >= 0 && m->data(first, AlertHistoryModel::TierRole).toInt() != tier_) return false;
    const qint64 t = m->data(first, AlertHistoryModel::TimeRole).toLongLong();
    if (fromMs_ > 0 && t < fromMs_) return false;
    if (toMs_ > 0 && t > toMs_) return false;
    if (text_.isEmpty()) return true;
    for (int c = 0; c < m->columnCount(sourceParent); ++c) {
        const QModelIndex i = m->index(sourceRow, c, sourceParent);
        if (m->data(i).toString().contains(text_, Qt::CaseInsensitive)) return true;
        if (c == AlertHistoryModel::Alert && m->data(i, Qt::ToolTipRole).toString().contains(text_, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

}  // namespace vigil::ui
