#include "dashboards/dashboard_view.h"

#include "dashboards/dashboard_grid.h"
#include "dashboards/panel_editor_dialog.h"
#include "dashboards/panel_frame.h"
#include "i18n.h"
#include "promql/parser.h"
#include "runtime/query_service.h"

#include <QComboBox>
#include <QDateTime>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {

struct Choice {
    int seconds;
    const char *label;
};
const Choice kRanges[] = {
    {5 * 60, QT_TRANSLATE_NOOP("vigil::ui::DashboardView", "Last 5 minutes")},
    {15 * 60, QT_TRANSLATE_NOOP("vigil::ui::DashboardView", "Last 15 minutes")},
    {3600, QT_TRANSLATE_NOOP("vigil::ui::DashboardView", "Last 1 hour")},
    {6 * 3600, QT_TRANSLATE_NOOP("vigil::ui::DashboardView", "Last 6 hours")},
    {24 * 3600, QT_TRANSLATE_NOOP("vigil::ui::DashboardView", "Last 24 hours")},
    {7 * 86400, QT_TRANSLATE_NOOP("vigil::ui::DashboardView", "Last 7 days")},
};
const Choice kRefresh[] = {
    {0, QT_TRANSLATE_NOOP("vigil::ui::DashboardView", "Refresh off")},
    {5, QT_TRANSLATE_NOOP("vigil::ui::DashboardView", "Every 5 s")},
    {15, QT_TRANSLATE_NOOP("vigil::ui::DashboardView", "Every 15 s")},
    {30, QT_TRANSLATE_NOOP("vigil::ui::DashboardView", "Every 30 s")},
    {60, QT_TRANSLATE_NOOP("vigil::ui::DashboardView", "Every 1 min")},
};

}  // namespace

DashboardView::DashboardView(runtime::Engine *engine, QWidget *parent)
    : QWidget(parent), engine_(engine), language_(activeLanguage())
{
    setObjectName(QStringLiteral("dashboardView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 0);
    auto *header = new QHBoxLayout;
    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("dashboardTitle"));
    title_->setStyleSheet(QStringLiteral("font-size: 15pt; font-weight: 600;"));
    header->addWidget(title_);
    header->addSpacing(12);
    variableBar_ = new QHBoxLayout;
    header->addLayout(variableBar_);
    header->addStretch(1);
    rangeBox_ = new QComboBox(this);
    rangeBox_->setObjectName(QStringLiteral("dashboardRange"));
    for (const auto &r : kRanges) rangeBox_->addItem(tr(r.label), r.seconds);
    refreshBox_ = new QComboBox(this);
    refreshBox_->setObjectName(QStringLiteral("dashboardRefresh"));
    for (const auto &r : kRefresh) refreshBox_->addItem(tr(r.label), r.seconds);
    auto *refreshButton = new QToolButton(this);
    refreshButton->setText(tr("Refresh"));
    addPanelButton_ = new QPushButton(tr("Add panel"), this);
    addPanelButton_->setObjectName(QStringLiteral("addPanelButton"));
    addPanelButton_->hide();
    editButton_ = new QToolButton(this);
    editButton_->setObjectName(QStringLiteral("editDashboardButton"));
    editButton_->setText(tr("Edit"));
    editButton_->setCheckable(true);
    for (QWidget *w : std::initializer_list<QWidget *>{rangeBox_, refreshBox_, refreshButton, addPanelButton_, editButton_})
        header->addWidget(w);
    layout->addLayout(header);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    grid_ = new DashboardGrid(scroll);
    scroll->setWidget(grid_);
    layout->addWidget(scroll, 1);

    timer_ = new QTimer(this);
    connect(timer_, &QTimer::timeout, this, [this] {
        if (isVisible()) refresh();
    });
    // Until every panel has data (a fresh data directory, the first scrapes still to come), retry every
    // 2 s for the first minute instead of waiting a whole refresh interval.
    retry_ = new QTimer(this);
    retry_->setSingleShot(true);
    retry_->setInterval(2000);
    connect(retry_, &QTimer::timeout, this, [this] {
        if (isVisible()) refresh();
    });
    if (engine_) {
        connect(engine_, &runtime::Engine::stateChanged, this, [this](runtime::Engine::State s) {
            if (s == runtime::Engine::State::Running && isVisible()) refresh();
        });
    }
    sinceShown_.start();
    connect(refreshButton, &QToolButton::clicked, this, &DashboardView::refresh);
    connect(editButton_, &QToolButton::toggled, this, &DashboardView::setEditing);
    connect(addPanelButton_, &QPushButton::clicked, this, [this] { editPanel(-1); });
    connect(rangeBox_, &QComboBox::activated, this, [this] {
        dashboard_.rangeSeconds = rangeBox_->currentData().toInt();
        for (auto &p : dashboard_.panels) p.config.lastSeconds = dashboard_.rangeSeconds;
        edited();
        refresh();
    });
    connect(refreshBox_, &QComboBox::activated, this, [this] {
        dashboard_.refreshSeconds = refreshBox_->currentData().toInt();
        applyTimer();
        edited();
    });
    connect(grid_, &DashboardGrid::geometryEdited, this, [this](int i, const QRect &cells) {
        if (i < 0 || i >= dashboard_.panels.size()) return;
        dashboard_.panels[i].grid = cells;
        edited();
    });
}

DashboardView::~DashboardView() = default;

PanelFrame *DashboardView::panelFrame(int i) const { return frames_.value(i); }

void DashboardView::setDashboard(const Dashboard &dashboard)
{
    dashboard_ = dashboard;
    rebuild();
    if (isVisible()) refresh();
}

void DashboardView::rebuild()
{
    title_->setText(dashboard_.title.forLanguage(language_));
    int ri = rangeBox_->findData(int(dashboard_.rangeSeconds));
    if (ri < 0) {
        rangeBox_->addItem(tr("Last %1 s").arg(dashboard_.rangeSeconds), int(dashboard_.rangeSeconds));
        ri = rangeBox_->count() - 1;
    }
    rangeBox_->setCurrentIndex(ri);
    const int fi = refreshBox_->findData(dashboard_.refreshSeconds);
    if (fi >= 0) refreshBox_->setCurrentIndex(fi);
    grid_->clear();
    frames_.clear();
    for (int i = 0; i < dashboard_.panels.size(); ++i) {
        auto *frame = new PanelFrame(engine_, dashboard_.panels[i], language_);
        frame->setEditing(editing_);
        connect(frame, &PanelFrame::editRequested, this, [this, frame] { editPanel(int(frames_.indexOf(frame))); });
        connect(frame, &PanelFrame::removeRequested, this, [this, frame] { removePanel(int(frames_.indexOf(frame))); });
        connect(frame, &PanelFrame::refreshed, this, &DashboardView::onPanelRefreshed);
        frames_ << frame;
        grid_->addPanel(frame, dashboard_.panels[i].grid);
    }
    grid_->setEditing(editing_);
    rebuildVariableSelectors();
    applyTimer();
}

void DashboardView::rebuildVariableSelectors()
{
    qDeleteAll(variableWidgets_);
    variableWidgets_.clear();
    for (int vi = 0; vi < dashboard_.variables.size(); ++vi) {
        const DashboardVariable &v = dashboard_.variables[vi];
        auto *label = new QLabel(v.label.forLanguage(language_), this);
        auto *button = new QToolButton(this);
        button->setObjectName(QStringLiteral("variable_") + v.name);
        button->setPopupMode(QToolButton::InstantPopup);
        button->setMinimumWidth(140);
        const QStringList chosen = resolveSelection(v, available_.value(v.name));
        const bool all = v.includeAll && v.current.contains(DashboardVariable::kAllValue);
        button->setText(all ? tr("All") : chosen.isEmpty() ? tr("(none)") : chosen.join(QStringLiteral(", ")));
        auto *menu = new QMenu(button);
        auto choose = [this, vi](const QStringList &current) {
            dashboard_.variables[vi].current = current;
            rebuildVariableSelectors();
            edited();
            refresh();
        };
        if (v.includeAll) {
            QAction *a = menu->addAction(tr("All"));
            a->setCheckable(true);
            a->setChecked(all);
            connect(a, &QAction::triggered, this, [choose] { choose({DashboardVariable::kAllValue}); });
        }
        for (const QString &value : available_.value(v.name)) {
            QAction *a = menu->addAction(value);
            a->setCheckable(true);
            a->setChecked(!all && chosen.contains(value));
            connect(a, &QAction::triggered, this, [this, vi, value, choose](bool checked) {
                const DashboardVariable &var = dashboard_.variables[vi];
                if (!var.multi) return choose({value});
                QStringList cur = resolveSelection(var, available_.value(var.name));
                if (var.current.contains(DashboardVariable::kAllValue)) cur.clear();
                if (checked) cur << value;
                else cur.removeAll(value);
                choose(cur);
            });
        }
        button->setMenu(menu);
        variableBar_->addWidget(label);
        variableBar_->addWidget(button);
        variableWidgets_ << label << button;
    }
}

void DashboardView::setEditing(bool on)
{
    editing_ = on;
    editButton_->setChecked(on);
    editButton_->setText(on ? tr("Done") : tr("Edit"));
    addPanelButton_->setVisible(on);
    for (auto *f : frames_) f->setEditing(on);
    grid_->setEditing(on);
}

void DashboardView::applyTimer()
{
    if (dashboard_.refreshSeconds > 0) timer_->start(dashboard_.refreshSeconds * 1000);
    else timer_->stop();
}

void DashboardView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void DashboardView::edited() { Q_EMIT dashboardEdited(dashboard_); }

void DashboardView::refresh()
{
    const uint64_t cycle = ++cycle_;
    refreshedCount_ = 0;
    pendingVariables_ = 0;
    runtime::QueryService *qs = engine_ ? engine_->queryService() : nullptr;
    for (const auto &v : dashboard_.variables) {
        LabelValuesQuery lq;
        if (v.query.isEmpty()) {
            available_[v.name] = v.values;
            continue;
        }
        if (!qs || !parseLabelValuesQuery(v.query, &lq)) continue;
        std::vector<model::Matcher> matchers;
        if (!lq.selector.isEmpty()) {
            // The selector may use other variables (chained variables).
            auto parsed = promql::parseMetricSelector(expandVariables(lq.selector, context_).toStdString());
            if (!parsed.isOk()) continue;
            matchers = *parsed;
        }
        ++pendingVariables_;
        const int64_t now = QDateTime::currentMSecsSinceEpoch();
        auto *w = new QFutureWatcher<runtime::StringsOutcome>(this);
        const QString name = v.name;
        connect(w, &QFutureWatcher<runtime::StringsOutcome>::finished, this, [this, w, cycle, name] {
            w->deleteLater();
            if (cycle != cycle_) return;
            const auto f = w->future();
            if (f.resultCount() > 0 && f.result().status.isOk()) {
                QStringList values;
                for (const auto &s : f.result().values) values << QString::fromStdString(s);
                available_[name] = values;
            }
            if (--pendingVariables_ == 0) {
                rebuildVariableSelectors();
                refreshPanels();
            }
        });
        w->setFuture(qs->labelValues(lq.label.toStdString(), matchers, now - dashboard_.rangeSeconds * 1000, now));
    }
    if (pendingVariables_ == 0) {
        rebuildVariableSelectors();
        refreshPanels();
    }
}

void DashboardView::refreshPanels()
{
    VariableContext c;
    c.rangeMs = dashboard_.rangeSeconds * 1000;
    // About 300 points per graph, whole seconds.
    c.intervalMs = std::max<qint64>(1000, (c.rangeMs / 300 + 999) / 1000 * 1000);
    for (const auto &v : dashboard_.variables) {
        c.values.insert(v.name, resolveSelection(v, available_.value(v.name)));
        c.regex.insert(v.name, v.multi || v.includeAll);
    }
    context_ = c;
    refreshedCount_ = 0;
    for (auto *f : frames_) f->refresh(context_);
}

void DashboardView::onPanelRefreshed()
{
    if (++refreshedCount_ != frames_.size()) return;
    int withData = 0;
    for (auto *f : frames_) withData += f->hasData() ? 1 : 0;
    if (withData < frames_.size() && sinceShown_.elapsed() < 60000) retry_->start();
    Q_EMIT refreshFinished(withData);
}

void DashboardView::editPanel(int i)
{
    DashboardPanel panel;
    if (i >= 0 && i < dashboard_.panels.size()) {
        panel = dashboard_.panels[i];
    } else {
        i = -1;
        panel.grid = QRect(0, dashboard_.nextFreeRow(), 12, 6);
        panel.config.title = tr("New panel");
        panel.config.queries = {{QStringLiteral("up"), QStringLiteral("{{instance}}")}};
        panel.config.lastSeconds = dashboard_.rangeSeconds;
    }
    PanelEditorDialog dialog(panel, this);
    if (dialog.exec() != QDialog::Accepted) return;
    panel = dialog.panel();
    if (i < 0) {
        dashboard_.panels.append(panel);
        rebuild();
    } else {
        dashboard_.panels[i] = panel;
        frames_[i]->setPanel(panel);
        grid_->setCells(i, panel.grid);
    }
    edited();
    refresh();
}

void DashboardView::removePanel(int i)
{
    if (i < 0 || i >= dashboard_.panels.size()) return;
    if (QMessageBox::question(this, tr("Remove panel"),
                              tr("Remove the panel “%1”?").arg(dashboard_.panels[i].title(language_))) != QMessageBox::Yes)
        return;
    dashboard_.panels.removeAt(i);
    rebuild();
    edited();
}

}  // namespace vigil::ui
