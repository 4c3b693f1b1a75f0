// TargetsPage: every scrape target with its health, and the console's own
// targets to add, edit and remove. Updates arrive as TargetSnapshot values
// through the scraper's queued signals.
#pragma once

#include "runtime/engine.h"
#include "store/app_store.h"

#include <QWidget>

#include <map>
#include <utility>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace vigil::ui {

class TargetTableModel;

class TargetsPage : public QWidget {
    Q_OBJECT
public:
    explicit TargetsPage(runtime::Engine *engine, QWidget *parent = nullptr);

    TargetTableModel *model() const { return model_; }
    QTableView *view() const { return view_; }
    // The stored console target behind a row, if it is one.
    const store::StoredTarget *storedTargetAt(int sourceRow) const;

    void addTarget();
    void editSelected();
    void removeSelected();

Q_SIGNALS:
    void storedTargetsLoaded();

private:
    void onEngineState(runtime::Engine::State state);
    void reloadTargets();
    void reloadStored();
    void updateSummary();
    void updateButtons();
    int selectedSourceRow() const;

    runtime::Engine *engine_;
    TargetTableModel *model_;
    QSortFilterProxyModel *proxy_;
    QTableView *view_;
    QLineEdit *filter_;
    QLabel *summary_;
    QPushButton *editButton_;
    QPushButton *removeButton_;
    QTimer *tick_;
    std::map<std::pair<std::string, std::string>, store::StoredTarget> stored_;  // by (job, address)
    bool connected_ = false;
};

}  // namespace vigil::ui
