#include "models/silence_model.h"

#include <QBrush>
#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace vigil::ui {

void SilenceModel::setSilences(std::vector<notify::Silence> silences, const QSet<QString> &untilResolved, qint64 nowMs)
{
    beginResetModel();
    nowMs_ = nowMs;
    untilResolved_ = untilResolved;
    silences_ = std::move(silences);
    std::stable_sort(silences_.begin(), silences_.end(), [nowMs](const notify::Silence &a, const notify::Silence &b) {
        const bool ea = a.state(nowMs) == notify::Silence::State::Expired;
        const bool eb = b.state(nowMs) == notify::Silence::State::Expired;
        if (ea != eb) return !ea;
        return a.startsAtMs > b.startsAtMs;
    });
    endResetModel();
}

const notify::Silence *SilenceModel::silenceAt(int row) const
{
    return row >= 0 && size_t(row) < silences_.size() ? &silences_[size_t(row)] : nullptr;
}

int SilenceModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(silences_.size()); }
int SilenceModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant SilenceModel::data(const QModelIndex &index, int role) const
{
    const notify::Silence *s = silenceAt(index.row());
    if (!s || !index.isValid()) return {};
    const auto state = s->state(nowMs_);
    if (role == Qt::ForegroundRole && state == notify::Silence::State::Expired) return QBrush(Qt::gray);
    if (role != Qt::DisplayRole && role != Qt::UserRole) return {};
    const auto time = [&](qint64 ms) -> QVariant {
        if (role == Qt::UserRole) return QVariant(ms);
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
    };
    switch (Column(index.column())) {
    case Matchers: return QString::fromStdString(notify::matchersToString(s->matchers));
    case State:
        switch (state) {
        case notify::Silence::State::Active: return tr("active");
        case notify::Silence::State::Pending: return tr("pending");
        case notify::Silence::State::Expired: return tr("expired");
        }
        return {};
    case Starts: return time(s->startsAtMs);
    case Ends:
        if (untilResolved_.contains(QString::fromStdString(s->id)) && state != notify::Silence::State::Expired)
            return role == Qt::UserRole ? QVariant(qint64(s->endsAtMs)) : QVariant(tr("until resolved"));
        return time(s->endsAtMs);
    case CreatedBy: return QString::fromStdString(s->createdBy);
    case Comment: return QString::fromStdString(s->comment);
    case ColumnCount: break;
    }
    return {};
}

QVariant SilenceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (Column(section)) {
    case Matchers: return tr("Matchers");
    case State: return tr("State");
    case Starts: return tr("Starts");
    case Ends: return tr("Ends");
    case CreatedBy: return tr("Created by");
    case Comment: return tr("Comment");
    case ColumnCount: break;
    }
    return {};
}

}  // namespace vigil::ui
