#include "models/rule_group_model.h"

#include "config/duration.h"
#include "models/alert_rows.h"

#include <QBrush>
#include <QDateTime>
#include <QFont>
#include <QLocale>

namespace vigil::ui {

namespace {
constexpr quintptr kTop = 0;  // internalId of group rows; rules: 1 + group row

QString durationText(double seconds)
{
    if (seconds <= 0) return {};
    if (seconds < 1) return RuleGroupModel::tr("%1 ms").arg(QLocale().toString(seconds * 1000, 'f', 1));
    return RuleGroupModel::tr("%1 s").arg(QLocale().toString(seconds, 'f', 2));
}
}  // namespace

rules::RuleGroupSpec groupSpec(const rules::GroupSnapshot &g)
{
    rules::RuleGroupSpec s;
    s.name = g.name;
    s.file = g.file;
    s.intervalMs = g.intervalMs;
    s.limit = g.limit;
    for (const auto &r : g.rules) s.rules.push_back(r.spec);
    return s;
}

void RuleGroupModel::setGroups(std::vector<rules::GroupSnapshot> groups, qint64 nowMs)
{
    beginResetModel();
    groups_ = std::move(groups);
    nowMs_ = nowMs;
    endResetModel();
}

const rules::GroupSnapshot *RuleGroupModel::groupAt(const QModelIndex &idx) const
{
    if (!idx.isValid() || idx.model() != this) return nullptr;
    const int g = idx.internalId() == kTop ? idx.row() : int(idx.internalId() - 1);
    return g >= 0 && size_t(g) < groups_.size() ? &groups_[size_t(g)] : nullptr;
}

const rules::RuleSnapshot *RuleGroupModel::ruleAt(const QModelIndex &idx) const
{
    if (!idx.isValid() || idx.internalId() == kTop) return nullptr;
    const rules::GroupSnapshot *g = groupAt(idx);
    return g && size_t(idx.row()) < g->rules.size() ? &g->rules[size_t(idx.row())] : nullptr;
}

QModelIndex RuleGroupModel::indexOfGroup(const QString &name) const
{
    for (size_t i = 0; i < groups_.size(); ++i)
        if (QString::fromStdString(groups_[i].name) == name) return index(int(i), 0);
    return {};
}

QModelIndex RuleGroupModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || row >= rowCount(parent)) return {};
    if (!parent.isValid()) return createIndex(row, column, kTop);
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex RuleGroupModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kTop) return {};
    return createIndex(int(child.internalId() - 1), 0, kTop);
}

int RuleGroupModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0) return 0;
    if (!parent.isValid()) return int(groups_.size());
    if (parent.internalId() != kTop) return 0;
    return int(groups_[size_t(parent.row())].rules.size());
}

int RuleGroupModel::columnCount(const QModelIndex &) const { return ColumnCount; }

QVariant RuleGroupModel::data(const QModelIndex &idx, int role) const
{
    if (const rules::RuleSnapshot *r = ruleAt(idx)) return ruleData(*r, idx.column(), role);
    if (const rules::GroupSnapshot *g = groupAt(idx)) return groupData(*g, idx.column(), role);
    return {};
}

QVariant RuleGroupModel::groupData(const rules::GroupSnapshot &g, int column, int role) const
{
    const bool editable = isEditable(g);
    if (role == Qt::FontRole && column == Name) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::ForegroundRole && column == Source && !editable) return QBrush(Qt::darkGray);
    if (role == Qt::ToolTipRole && column == Source)
        return editable ? tr("Saved in the console; editable") : tr("From a rule file; read-only");
    if (role != Qt::DisplayRole && role != Qt::UserRole) return {};
    switch (Column(column)) {
    case Name: return QString::fromStdString(g.name);
    case Source:
        if (editable) return tr("console");
        if (g.file == "builtin") return tr("built-in (read-only)");
        return tr("%1 (read-only)").arg(QString::fromStdString(g.file));
    case State: return tr("every %1").arg(QString::fromStdString(config::formatDuration(g.intervalMs)));
    case LastEvaluation:
        if (g.lastEvaluationMs == 0) return role == Qt::UserRole ? QVariant(qint64(0)) : QVariant(tr("never"));
        if (role == Qt::UserRole) return QVariant(qint64(g.lastEvaluationMs));
        return tr("%1 ago").arg(formatDuration(nowMs_ - g.lastEvaluationMs));
    case Duration: return role == Qt::UserRole ? QVariant(g.evaluationSeconds) : QVariant(durationText(g.evaluationSeconds));
    case Health: case Error: case ColumnCount: break;
    }
    return {};
}

QVariant RuleGroupModel::ruleData(const rules::RuleSnapshot &r, int column, int role) const
{
    const bool alerting = r.spec.kind == rules::RuleSpec::Kind::Alerting;
    const bool bad = r.status.health == rules::RuleHealth::Bad;
    if (role == Qt::ForegroundRole) {
        if (column == Health && bad) return QBrush(QColor(0xb3, 0x26, 0x1e));
        if (column == State && r.state == model::AlertState::Firing) return QBrush(tierColor(tierOf(r.spec.labels)));
        return {};
    }
    if (role == Qt::ToolTipRole) return QString::fromStdString(column == Error ? r.status.lastError : r.query);
    if (role != Qt::DisplayRole && role != Qt::UserRole) return {};
    switch (Column(column)) {
    case Name: return QString::fromStdString(r.spec.name);
    case Source: return alerting ? tr("alert") : tr("recording");
    case State:
        if (!alerting) return QString();
        switch (r.state) {
        case model::AlertState::Firing: return tr("firing (%1)").arg(r.alerts.size());
        case model::AlertState::Pending: return tr("pending (%1)").arg(r.alerts.size());
        default: return tr("inactive");
        }
    case LastEvaluation:
        if (r.status.lastEvaluationMs == 0) return role == Qt::UserRole ? QVariant(qint64(0)) : QVariant(tr("never"));
        if (role == Qt::UserRole) return QVariant(qint64(r.status.lastEvaluationMs));
        return tr("%1 ago").arg(formatDuration(nowMs_ - r.status.lastEvaluationMs));
    case Duration:
        return role == Qt::UserRole ? QVariant(r.status.evaluationSeconds) : QVariant(durationText(r.status.evaluationSeconds));
    case Health:
        switch (r.status.health) {
        case rules::RuleHealth::Good: return tr("ok");
        case rules::RuleHealth::Bad: return tr("error");
        case rules::RuleHealth::Unknown: return tr("unknown");
        }
        return {};
    case Error: return QString::fromStdString(r.status.lastError);
    case ColumnCount: break;
    }
    return {};
}

QVariant RuleGroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (Column(section)) {
    case Name: return tr("Group / rule");
    case Source: return tr("Source / kind");
    case State: return tr("State");
    case LastEvaluation: return tr("Last evaluation");
    case Duration: return tr("Duration");
    case Health: return tr("Health");
    case Error: return tr("Last error");
    case ColumnCount: break;
    }
    return {};
}

}  // namespace vigil::ui
