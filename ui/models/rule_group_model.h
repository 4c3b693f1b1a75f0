// RuleGroupModel: the rule engine's groups and rules for the Rules page — a
// tree of groups (name, source, interval, last evaluation, duration) with
// their rules (name, kind, state, last evaluation, duration, health, last
// error). Groups from rule files and built-in groups are read-only
// (isEditable() false, shown with their file); groups saved in the console
// (file "app.db") are editable. GUI thread only.
#pragma once

#include "rules/rule_manager.h"

#include <QAbstractItemModel>

namespace vigil::ui {

class RuleGroupModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Name, Source, State, LastEvaluation, Duration, Health, Error, ColumnCount };

    explicit RuleGroupModel(QObject *parent = nullptr) : QAbstractItemModel(parent) {}

    void setGroups(std::vector<rules::GroupSnapshot> groups, qint64 nowMs);
    // The group at `index` or of the rule at `index`.
    const rules::GroupSnapshot *groupAt(const QModelIndex &index) const;
    // The rule at `index`, null for a group row.
    const rules::RuleSnapshot *ruleAt(const QModelIndex &index) const;
    static bool isEditable(const rules::GroupSnapshot &g) { return g.file == "app.db"; }
    QModelIndex indexOfGroup(const QString &name) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant groupData(const rules::GroupSnapshot &g, int column, int role) const;
    QVariant ruleData(const rules::RuleSnapshot &r, int column, int role) const;

    std::vector<rules::GroupSnapshot> groups_;
    qint64 nowMs_ = 0;
};

// The group as it would be written back (a RuleGroupSpec for the editor and
// for saving): name, interval, limit, the rules' specs.
rules::RuleGroupSpec groupSpec(const rules::GroupSnapshot &g);

}  // namespace vigil::ui
