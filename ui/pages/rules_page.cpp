#include "pages/rules_page.h"

#include "models/rule_group_model.h"
#include "pages/channels_form.h"
#include "pages/rule_editor_dialog.h"

#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace vigil::ui {

RulesPage::RulesPage(runtime::Engine *engine, QWidget *parent)
    : QWidget(parent), engine_(engine), service_(std::make_unique<runtime::AlertingService>(engine)),
      model_(new RuleGroupModel(this))
{
    auto *layout = new QVBoxLayout(this);
    tabs_ = new QTabWidget(this);

    auto *rulesTab = new QWidget(tabs_);
    auto *rl = new QVBoxLayout(rulesTab);
    auto *row = new QHBoxLayout;
    auto *add = new QPushButton(tr("New group…"), rulesTab);
    edit_ = new QPushButton(tr("Edit…"), rulesTab);
    delete_ = new QPushButton(tr("Delete"), rulesTab);
    auto *exportButton = new QPushButton(tr("Export…"), rulesTab);
    exportButton->setToolTip(tr("Save the console's rule groups as one rule file"));
    auto *refreshButton = new QPushButton(tr("Refresh"), rulesTab);
    for (QPushButton *b : {add, edit_, delete_, exportButton}) row->addWidget(b);
    row->addStretch(1);
    row->addWidget(refreshButton);
    rl->addLayout(row);
    view_ = new QTreeView(rulesTab);
    view_->setObjectName(QStringLiteral("ruleGroups"));
    view_->setModel(model_);
    view_->setUniformRowHeights(true);
    view_->setAlternatingRowColors(true);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->header()->setStretchLastSection(true);
    view_->header()->setSectionResizeMode(RuleGroupModel::Name, QHeaderView::ResizeToContents);
    view_->header()->setSectionResizeMode(RuleGroupModel::Source, QHeaderView::ResizeToContents);
    rl->addWidget(view_, 1);
    tabs_->addTab(rulesTab, tr("Rule groups"));
    channels_ = new ChannelsForm(engine_, nullptr, tabs_);
    tabs_->addTab(channels_, tr("Notification channels"));
    layout->addWidget(tabs_, 1);
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    layout->addWidget(status_);

    timer_ = new QTimer(this);
    timer_->setInterval(5000);
    connect(timer_, &QTimer::timeout, this, &RulesPage::refresh);
    connect(add, &QPushButton::clicked, this, &RulesPage::newGroup);
    connect(edit_, &QPushButton::clicked, this, &RulesPage::editSelected);
    connect(delete_, &QPushButton::clicked, this, &RulesPage::deleteSelected);
    connect(refreshButton, &QPushButton::clicked, this, &RulesPage::refresh);
    connect(view_, &QTreeView::doubleClicked, this, &RulesPage::editSelected);
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RulesPage::updateButtons);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export rule groups"), QStringLiteral("vigil-rules.yml"),
                                                          tr("Rule files (*.yml *.yaml)"));
        if (!path.isEmpty()) exportTo(path);
    });
    connect(engine_, &runtime::Engine::stateChanged, this, [this](runtime::Engine::State s) {
        if (s == runtime::Engine::State::Running && isVisible()) refresh();
    });
    updateButtons();
}

RulesPage::~RulesPage() = default;

QString RulesPage::statusText() const { return status_->text(); }

void RulesPage::setStatus(const QString &text, bool error)
{
    status_->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
    status_->setText(text);
}

void RulesPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    timer_->start();
    refresh();
}

void RulesPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    timer_->stop();
}

void RulesPage::refresh()
{
    const quint64 gen = ++generation_;
    service_->snapshot().then(this, [this, gen](const runtime::AlertingSnapshot &s) {
        if (gen != generation_) return;
        if (!s.status.isOk()) {
            setStatus(tr("Rules are not available: %1").arg(QString::fromStdString(s.status.message())), true);
            Q_EMIT refreshed(QString::fromStdString(s.status.message()));
            return;
        }
        const rules::GroupSnapshot *sel = view_->selectionModel()->hasSelection()
                                              ? model_->groupAt(view_->selectionModel()->selectedRows().value(0))
                                              : nullptr;
        const QString selected = sel ? QString::fromStdString(sel->name) : QString();
        QSet<QString> expanded;
        for (int i = 0; i < model_->rowCount(); ++i)
            if (view_->isExpanded(model_->index(i, 0)))
                expanded.insert(QString::fromStdString(model_->groupAt(model_->index(i, 0))->name));
        const bool first = model_->rowCount() == 0;
        model_->setGroups(s.groups, s.nowMs);
        for (int i = 0; i < model_->rowCount(); ++i) {
            const QModelIndex g = model_->index(i, 0);
            if (first || expanded.contains(QString::fromStdString(model_->groupAt(g)->name))) view_->expand(g);
        }
        if (QModelIndex i = model_->indexOfGroup(selected); i.isValid())
            view_->selectionModel()->select(i, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        int rules = 0, bad = 0;
        for (const auto &g : s.groups)
            for (const auto &r : g.rules) {
                ++rules;
                if (r.status.health == rules::RuleHealth::Bad) ++bad;
            }
        setStatus(bad > 0 ? tr("%1 groups, %2 rules; %3 failing.").arg(s.groups.size()).arg(rules).arg(bad)
                          : tr("%1 groups, %2 rules.").arg(s.groups.size()).arg(rules),
                  bad > 0);
        updateButtons();
        Q_EMIT refreshed(QString());
    });
}

void RulesPage::updateButtons()
{
    const QModelIndexList rows = view_->selectionModel()->selectedRows();
    const rules::GroupSnapshot *g = rows.isEmpty() ? nullptr : model_->groupAt(rows.first());
    const bool editable = g && RuleGroupModel::isEditable(*g);
    edit_->setEnabled(editable);
    delete_->setEnabled(editable);
    if (g && !editable) edit_->setToolTip(tr("Groups from rule files are read-only; edit the file instead"));
    else edit_->setToolTip(QString());
}

RuleEditorDialog *RulesPage::editorForNewGroup() { return new RuleEditorDialog(engine_, {}, this); }

RuleEditorDialog *RulesPage::editorForSelected()
{
    const QModelIndexList rows = view_->selectionModel()->selectedRows();
    const rules::GroupSnapshot *g = rows.isEmpty() ? nullptr : model_->groupAt(rows.first());
    if (!g || !RuleGroupModel::isEditable(*g)) return nullptr;
    return new RuleEditorDialog(engine_, groupSpec(*g), this);
}

void RulesPage::openEditor(RuleEditorDialog *d)
{
    if (!d) return;
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &QDialog::accepted, this, [this] {
        setStatus(tr("Saved; the rules are reloaded."), false);
        refresh();
    });
    d->open();
}

void RulesPage::newGroup() { openEditor(editorForNewGroup()); }

void RulesPage::editSelected() { openEditor(editorForSelected()); }

void RulesPage::deleteSelected()
{
    const QModelIndexList rows = view_->selectionModel()->selectedRows();
    const rules::GroupSnapshot *g = rows.isEmpty() ? nullptr : model_->groupAt(rows.first());
    if (!g || !RuleGroupModel::isEditable(*g)) return;
    const QString name = QString::fromStdString(g->name);
    if (!property("noConfirm").toBool() &&
        QMessageBox::question(this, tr("Delete rule group"), tr("Delete the rule group “%1” and its rules?").arg(name)) !=
            QMessageBox::Yes)
        return;
    engine_->removeRuleGroup(name.toStdString()).then(this, [this, name](const Status &s) {
        setStatus(s.isOk() ? tr("Deleted %1.").arg(name)
                           : tr("Could not delete %1: %2").arg(name, QString::fromStdString(s.message())),
                  !s.isOk());
        refresh();
        Q_EMIT changed(QString::fromStdString(s.message()));
    });
}

void RulesPage::exportTo(const QString &path)
{
    engine_->exportRuleGroups().then(this, [this, path](const std::string &yaml) {
        QFile f(path);
        QString error;
        if (yaml.empty()) error = tr("There are no rule groups saved in the console.");
        else if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(QByteArray::fromStdString(yaml)) < 0)
            error = tr("Could not write %1: %2").arg(path, f.errorString());
        setStatus(error.isEmpty() ? tr("Exported to %1.").arg(path) : error, !error.isEmpty());
        Q_EMIT exported(error);
    });
}

}  // namespace vigil::ui
