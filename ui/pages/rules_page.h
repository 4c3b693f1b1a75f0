// RulesPage: the rule engine's groups and the notification channels.
//  - Rule groups: every group with its rules' state, last evaluation,
//    evaluation time, health and last error; groups from rule files are
//    read-only, groups saved in the console can be created, edited
//    (RuleEditorDialog: PromQL editor, validation, backtest) and deleted,
//    and exported as one rule file.
//  - Notification channels: ChannelsForm (per-tier channels, quiet hours,
//    Send test).
// Reads go through AlertingService, writes through Engine::saveRuleGroups /
// removeRuleGroup / exportRuleGroups; nothing blocks the GUI thread.
#pragma once

#include "runtime/alerting_service.h"
#include "runtime/engine.h"

#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QTabWidget;
class QTimer;
class QTreeView;

namespace vigil::ui {

class ChannelsForm;
class RuleEditorDialog;
class RuleGroupModel;

class RulesPage : public QWidget {
    Q_OBJECT
public:
    explicit RulesPage(runtime::Engine *engine, QWidget *parent = nullptr);
    ~RulesPage() override;

    RuleGroupModel *model() const { return model_; }
    QTreeView *view() const { return view_; }
    ChannelsForm *channels() const { return channels_; }
    QTabWidget *tabs() const { return tabs_; }
    QString statusText() const;
    // The editor for a new group / the selected console group (not shown;
    // the caller exec()s or show()s it). Null when the selection is read-only.
    RuleEditorDialog *editorForNewGroup();
    RuleEditorDialog *editorForSelected();

public Q_SLOTS:
    void refresh();
    void newGroup();
    void editSelected();
    void deleteSelected();
    void exportTo(const QString &path);

Q_SIGNALS:
    void refreshed(const QString &error);
    void changed(const QString &error);  // after a delete
    void exported(const QString &error);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void updateButtons();
    void setStatus(const QString &text, bool error);
    void openEditor(RuleEditorDialog *d);

    runtime::Engine *engine_;
    std::unique_ptr<runtime::AlertingService> service_;
    RuleGroupModel *model_;
    QTabWidget *tabs_ = nullptr;
    QTreeView *view_ = nullptr;
    ChannelsForm *channels_ = nullptr;
    QPushButton *edit_ = nullptr;
    QPushButton *delete_ = nullptr;
    QLabel *status_ = nullptr;
    QTimer *timer_ = nullptr;
    quint64 generation_ = 0;
};

}  // namespace vigil::ui
