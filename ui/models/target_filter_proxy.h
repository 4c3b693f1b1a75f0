// TargetFilterProxy: the Targets page's filter over a TargetTableModel — the
// text filter (any column, case-insensitive) plus "show dropped targets":
// the dropped rows (TargetTableModel::DroppedRole) are hidden unless asked
// for, so the table shows what is scraped by default. GUI thread only.
#pragma once

#include <QSortFilterProxyModel>

namespace vigil::ui {

class TargetFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit TargetFilterProxy(QObject *parent = nullptr);

    void setShowDropped(bool show);
    bool showDropped() const { return showDropped_; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool showDropped_ = false;
};

}  // namespace vigil::ui
