#include "dashboards/panel_frame.h"

#include "dashboards/value_panel.h"
#include "widgets/graph_panel.h"
#include "widgets/graph_plot.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace vigil::ui {

PanelFrame::PanelFrame(runtime::Engine *engine, const DashboardPanel &panel, const QString &language, QWidget *parent)
    : QFrame(parent), engine_(engine), language_(language)
{
    setObjectName(QStringLiteral("panelFrame"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 6);
    layout->setSpacing(2);
    auto *bar = new QHBoxLayout;
    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("panelTitle"));
    title_->setStyleSheet(QStringLiteral("font-weight: 600;"));
    title_->setMinimumHeight(24);
    editButton_ = new QToolButton(this);
    editButton_->setText(tr("Edit"));
    editButton_->setObjectName(QStringLiteral("editPanelButton"));
    removeButton_ = new QToolButton(this);
    removeButton_->setText(tr("Remove"));
    removeButton_->setObjectName(QStringLiteral("removePanelButton"));
    bar->addWidget(title_, 1);
    bar->addWidget(editButton_);
    bar->addWidget(removeButton_);
    layout->addLayout(bar);
    connect(editButton_, &QToolButton::clicked, this, &PanelFrame::editRequested);
    connect(removeButton_, &QToolButton::clicked, this, &PanelFrame::removeRequested);
    setPanel(panel);
    setEditing(false);
}

void PanelFrame::setPanel(const DashboardPanel &panel)
{
    const bool typeChanged = !content_ || panel.type != panel_.type;
    panel_ = panel;
    title_->setText(panel_.title(language_));
    if (typeChanged) {
        delete content_;
        graph_ = nullptr;
        value_ = nullptr;
        if (panel_.type == PanelType::Graph) {
            graph_ = new GraphPanel(engine_, this);
            graph_->setToolbarVisible(false);
            content_ = graph_;
            connect(graph_, &GraphPanel::refreshed, this, &PanelFrame::refreshed);
        } else {
            value_ = new ValuePanel(engine_, panel_, this);
            content_ = value_;
            connect(value_, &ValuePanel::refreshed, this, &PanelFrame::refreshed);
        }
        static_cast<QVBoxLayout *>(layout())->addWidget(content_, 1);
    }
    if (graph_) {
        PanelConfig c = panel_.config;
        c.refreshSeconds = 0;  // the dashboard refreshes
        graph_->setConfig(c);
    } else {
        value_->setPanel(panel_);
    }
}

void PanelFrame::setEditing(bool on)
{
    editButton_->setVisible(on);
    removeButton_->setVisible(on);
    // While editing, the mouse moves and resizes the panel instead of zooming the graph.
    content_->setAttribute(Qt::WA_TransparentForMouseEvents, on);
    setCursor(on ? Qt::SizeAllCursor : Qt::ArrowCursor);
    title_->setCursor(on ? Qt::SizeAllCursor : Qt::ArrowCursor);
}

bool PanelFrame::hasData() const
{
    if (graph_) return !graph_->plot()->series().empty();
    return value_ && !value_->data().items.isEmpty();
}

void PanelFrame::refresh(const VariableContext &context)
{
    expanded_.clear();
    for (const auto &q : panel_.config.queries) expanded_ << expandVariables(q.expr, context);
    if (graph_) {
        PanelConfig c = panel_.config;
        for (int i = 0; i < c.queries.size(); ++i) c.queries[i].expr = expanded_[i];
        c.lastSeconds = context.rangeMs / 1000;
        c.refreshSeconds = 0;
        graph_->setConfig(c);
        graph_->refresh();
    } else {
        value_->refresh(expanded_, context.rangeMs);
    }
}

}  // namespace vigil::ui
