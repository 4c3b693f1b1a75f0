// RuleEditorDialog: edits one rule group saved in the console — its name and
// interval, and each rule: name, `expr` in the PromQL editor (parse errors
// underlined), `for`, `keep_firing_for`, the tier (severity label) and other
// labels, the summary / description / runbook_url annotations.
//
// Validate checks the group as `vigil check rules` does (parseRuleFile of the
// generated YAML); Save validates and calls Engine::saveRuleGroups (applied
// without a restart) and closes on success. Backtest runs the selected
// alerting rule over stored history (QueryService::backtest) and shows the
// expression's graph with the pending (amber) and firing (red) intervals
// shaded, before anything is saved.
//
// GUI thread only; every engine call is asynchronous.
#pragma once

#include "rules/rule_file.h"
#include "runtime/engine.h"
#include "runtime/query_service.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace vigil::ui {

class GraphPanel;
class PromqlEditor;

class RuleEditorDialog : public QDialog {
    Q_OBJECT
public:
    // `group` with an empty name: a new group.
    RuleEditorDialog(runtime::Engine *engine, rules::RuleGroupSpec group, QWidget *parent = nullptr);
    ~RuleEditorDialog() override;

    // The group as the form holds it now.
    rules::RuleGroupSpec group();
    // The group as rule-file YAML, or the form's first error.
    Result<std::string> yaml();
    // Checks the group; empty when valid, else the errors (one a line).
    QString validate();

    void selectRule(int row);
    void addAlertingRule();
    void addRecordingRule();

    QLineEdit *groupName() const { return groupName_; }
    QLineEdit *interval() const { return interval_; }
    QListWidget *ruleList() const { return ruleList_; }
    QLineEdit *ruleName() const { return ruleName_; }
    PromqlEditor *exprEditor() const { return expr_; }
    QLineEdit *forField() const { return for_; }
    QLineEdit *keepFiringField() const { return keepFiring_; }
    QComboBox *tierBox() const { return tier_; }
    QTableWidget *labelTable() const { return labels_; }
    QLineEdit *summaryField() const { return summary_; }
    QPlainTextEdit *descriptionField() const { return description_; }
    QLineEdit *runbookField() const { return runbook_; }
    QComboBox *backtestRange() const { return backtestRange_; }
    QLabel *messageLabel() const { return message_; }
    QLabel *backtestLabel() const { return backtestLabel_; }
    GraphPanel *backtestGraph() const { return graph_; }
    const rules::BacktestResult &lastBacktest() const { return lastBacktest_; }
    // Shaded rectangles on the graph (pending, firing) of the last backtest.
    int shadedIntervals() const { return shaded_; }

public Q_SLOTS:
    void backtest();
    void save();

Q_SIGNALS:
    void backtestFinished(const QString &error);
    void saveFinished(const QString &error);

private:
    void buildUi();
    void loadRule(int row);
    void commitRule();  // form -> rules_[current_]
    void refreshList();
    void drawIntervals(const rules::BacktestResult &r, int64_t fromMs, int64_t toMs, int64_t stepMs);

    runtime::Engine *engine_;
    rules::RuleGroupSpec group_;
    int current_ = -1;
    QLineEdit *groupName_ = nullptr;
    QLineEdit *interval_ = nullptr;
    QListWidget *ruleList_ = nullptr;
    QLineEdit *ruleName_ = nullptr;
    QLabel *kindLabel_ = nullptr;
    PromqlEditor *expr_ = nullptr;
    QLabel *exprError_ = nullptr;
    QLineEdit *for_ = nullptr;
    QLineEdit *keepFiring_ = nullptr;
    QComboBox *tier_ = nullptr;
    QTableWidget *labels_ = nullptr;
    QLineEdit *summary_ = nullptr;
    QPlainTextEdit *description_ = nullptr;
    QLineEdit *runbook_ = nullptr;
    QComboBox *backtestRange_ = nullptr;
    QPushButton *backtestButton_ = nullptr;
    QPushButton *saveButton_ = nullptr;
    QLabel *message_ = nullptr;
    QLabel *backtestLabel_ = nullptr;
    GraphPanel *graph_ = nullptr;
    runtime::CancelToken backtestToken_;
    quint64 backtestGeneration_ = 0;
    rules::BacktestResult lastBacktest_;
    int shaded_ = 0;
    bool loading_ = false;
};

}  // namespace vigil::ui
