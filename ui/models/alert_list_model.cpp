#include "models/alert_list_model.h"

#include <QBrush>
#include <QDateTime>
#include <QFont>
#include <QLocale>

namespace vigil::ui {

namespace {
// internalId: 0 for top-level rows, 1 + tier for an alert under its tier.
constexpr quintptr kTop = 0;
}  // namespace

AlertListModel::AlertListModel(Mode mode, QObject *parent) : QAbstractItemModel(parent), mode_(mode) {}

void AlertListModel::setRows(const QVector<AlertRow> &rows, qint64 nowMs)
{
    beginResetModel();
    nowMs_ = nowMs;
    for (auto &t : byTier_) t.clear();
    flat_.clear();
    for (const AlertRow &r : rows) {
        if (mode_ == Mode::Firing && r.state == model::AlertState::Firing) byTier_[int(r.tier)].push_back(r);
        if (mode_ == Mode::Pending && r.state == model::AlertState::Pending) flat_.push_back(r);
    }
    endResetModel();
}

void AlertListModel::setAcknowledgements(const QHash<quint64, QString> &byFingerprint)
{
    acks_ = byFingerprint;
    if (rowCount() == 0) return;
    // Only the acknowledgement column changes.
    if (mode_ == Mode::Pending) {
        Q_EMIT dataChanged(index(0, Acknowledged), index(rowCount() - 1, Acknowledged));
        return;
    }
    for (int t = 0; t < kTierCount; ++t) {
        const QModelIndex parent = index(t, 0);
        if (rowCount(parent) > 0)
            Q_EMIT dataChanged(index(0, Acknowledged, parent), index(rowCount(parent) - 1, Acknowledged, parent));
    }
}

const AlertRow *AlertListModel::rowAt(const QModelIndex &idx) const
{
    if (!idx.isValid() || idx.model() != this) return nullptr;
    if (mode_ == Mode::Pending) return idx.row() < flat_.size() ? &flat_[idx.row()] : nullptr;
    if (idx.internalId() == kTop) return nullptr;
    const auto &list = byTier_[int(idx.internalId() - 1)];
    return idx.row() < list.size() ? &list[idx.row()] : nullptr;
}

QModelIndex AlertListModel::indexOf(quint64 fingerprint) const
{
    if (mode_ == Mode::Pending) {
        for (int i = 0; i < flat_.size(); ++i)
            if (flat_[i].fingerprint == fingerprint) return index(i, 0);
        return {};
    }
    for (int t = 0; t < kTierCount; ++t)
        for (int i = 0; i < byTier_[t].size(); ++i)
            if (byTier_[t][i].fingerprint == fingerprint) return index(i, 0, index(t, 0));
    return {};
}

int AlertListModel::alertCount() const
{
    if (mode_ == Mode::Pending) return int(flat_.size());
    int n = 0;
    for (const auto &t : byTier_) n += int(t.size());
    return n;
}

QModelIndex AlertListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || row >= rowCount(parent)) return {};
    if (!parent.isValid()) return createIndex(row, column, kTop);
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex AlertListModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kTop) return {};
    return createIndex(int(child.internalId() - 1), 0, kTop);
}

int AlertListModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0) return 0;
    if (mode_ == Mode::Pending) return parent.isValid() ? 0 : int(flat_.size());
    if (!parent.isValid()) return kTierCount;
    if (parent.internalId() != kTop) return 0;
    return int(byTier_[parent.row()].size());
}

int AlertListModel::columnCount(const QModelIndex &) const { return ColumnCount; }

QVariant AlertListModel::data(const QModelIndex &idx, int role) const
{
    if (!idx.isValid()) return {};
    if (const AlertRow *r = rowAt(idx)) return alertData(*r, idx.column(), role);
    if (mode_ == Mode::Firing && idx.internalId() == kTop) return tierData(idx.row(), idx.column(), role);
    return {};
}

QVariant AlertListModel::tierData(int tier, int column, int role) const
{
    if (column != Name) return {};
    const int n = int(byTier_[tier].size());
    switch (role) {
    case Qt::DisplayRole: return tr("%1 (%2)").arg(tierTitle(Tier(tier))).arg(n);
    case Qt::UserRole: return tier;
    case Qt::ForegroundRole: return QBrush(n > 0 ? tierColor(Tier(tier)) : QColor(Qt::gray));
    case Qt::FontRole: {
        QFont f;
        f.setBold(n > 0);
        return f;
    }
    default: return {};
    }
}

QVariant AlertListModel::alertData(const AlertRow &r, int column, int role) const
{
    if (role == Qt::ForegroundRole && column == Name) return QBrush(tierColor(r.tier));
    if (role == Qt::ToolTipRole) {
        QString tip = QString::fromStdString(std::string(r.annotations.get("summary")));
        if (tip.isEmpty()) tip = QString::fromStdString(std::string(r.annotations.get("description")));
        return tip.isEmpty() ? r.expr : tip;
    }
    const bool display = role == Qt::DisplayRole;
    const bool sort = role == Qt::UserRole;
    if (!display && !sort) return {};
    switch (Column(column)) {
    case Name: return r.alertName;
    case Labels: return labelsForDisplay(r.labels);
    case Value: return sort ? QVariant(r.value) : QVariant(QLocale().toString(r.value, 'g', 6));
    case Since:
        if (mode_ == Mode::Pending) {
            const qint64 left = r.timeToFireMs(nowMs_);
            return sort ? QVariant(left) : QVariant(tr("in %1").arg(formatDuration(left)));
        }
        if (sort) return r.firedAtMs;
        return tr("%1 (%2 ago)")
            .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(r.firedAtMs), QLocale::ShortFormat),
                 formatDuration(nowMs_ - r.firedAtMs));
    case Silenced: return r.silencedBy.isEmpty() ? QString() : tr("silenced");
    case Acknowledged: return acks_.value(r.fingerprint, QStringLiteral("—"));
    case ColumnCount: break;
    }
    return {};
}

QVariant AlertListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (Column(section)) {
    case Name: return tr("Alert");
    case Labels: return tr("Labels");
    case Value: return tr("Value");
    case Since: return mode_ == Mode::Pending ? tr("Fires") : tr("Firing since");
    case Silenced: return tr("Silenced");
    case Acknowledged: return tr("Acknowledged");
    case ColumnCount: break;
    }
    return {};
}

}  // namespace vigil::ui
