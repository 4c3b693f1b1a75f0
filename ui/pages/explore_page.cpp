#include "pages/explore_page.h"

#include "data_sources.h"

#include "editor/promql_editor.h"
#include "models/instant_result_model.h"
#include "pages/add_to_dashboard_dialog.h"
#include "pages/metrics_explorer_dialog.h"
#include "ui_settings.h"
#include "widgets/graph_panel.h"

#include <QComboBox>
#include <QDateTime>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vigil::ui {

ExplorePage::ExplorePage(runtime::Engine *engine, QWidget *parent)
    : QWidget(parent), engine_(engine), table_(new InstantResultModel(this))
{
    setObjectName(QStringLiteral("explorePage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 12);
    auto *title = new QLabel(tr("Explore"), this);
    title->setStyleSheet(QStringLiteral("font-size: 20pt; font-weight: 600;"));
    layout->addWidget(title);

    auto *editorRow = new QHBoxLayout;
    editor_ = new PromqlEditor(engine_, this);
    editor_->setFixedHeight(editor_->fontMetrics().lineSpacing() * 4 + 14);
    editorRow->addWidget(editor_, 1);
    auto *buttons = new QVBoxLayout;
    runButton_ = new QPushButton(tr("Run"), this);
    runButton_->setObjectName(QStringLiteral("runButton"));
    runButton_->setToolTip(tr("Run the query (Ctrl+Enter)"));
    runButton_->setDefault(true);
    cancelButton_ = new QPushButton(tr("Cancel"), this);
    cancelButton_->setObjectName(QStringLiteral("cancelButton"));
    cancelButton_->setEnabled(false);
    buttons->addWidget(runButton_);
    buttons->addWidget(cancelButton_);
    buttons->addStretch();
    editorRow->addLayout(buttons);
    layout->addLayout(editorRow);

    auto *toolRow = new QHBoxLayout;
    errorLabel_ = new QLabel(this);
    errorLabel_->setObjectName(QStringLiteral("parseError"));
    errorLabel_->setStyleSheet(QStringLiteral("color: #b3261e;"));
    errorLabel_->setWordWrap(true);
    errorLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    historyButton_ = new QToolButton(this);
    historyButton_->setText(tr("History"));
    historyButton_->setToolTip(tr("Queries run before"));
    auto *metricsButton = new QToolButton(this);
    metricsButton->setText(tr("Metrics…"));
    metricsButton->setToolTip(tr("Browse the metric names with their descriptions"));
    addToDashboardButton_ = new QToolButton(this);
    addToDashboardButton_->setObjectName(QStringLiteral("addToDashboardButton"));
    addToDashboardButton_->setText(tr("Add to dashboard…"));
    addToDashboardButton_->setToolTip(tr("Put this query on a dashboard as a graph panel"));
    legendField_ = new QLineEdit(this);
    legendField_->setObjectName(QStringLiteral("legendTemplate"));
    legendField_->setPlaceholderText(tr("Legend, e.g. {{instance}}"));
    legendField_->setToolTip(tr("Graph legend template: {{label}} is replaced by the series' label value; "
                                "empty shows every label"));
    legendField_->setMinimumWidth(220);
    legendField_->setMaximumWidth(300);
    dataSourceBox_ = new QComboBox(this);
    dataSourceBox_->setObjectName(QStringLiteral("dataSource"));
    dataSourceBox_->setToolTip(tr("Where the query runs: the local engine or a remote Prometheus-compatible server"));
    populateDataSourceBox(dataSourceBox_, QString());
    toolRow->addWidget(errorLabel_, 1);
    toolRow->addWidget(dataSourceBox_);
    toolRow->addWidget(legendField_);
    toolRow->addWidget(historyButton_);
    toolRow->addWidget(metricsButton);
    toolRow->addWidget(addToDashboardButton_);
    layout->addLayout(toolRow);

    tabs_ = new QTabWidget(this);
    tableView_ = new QTableView(tabs_);
    tableView_->setObjectName(QStringLiteral("resultTable"));
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(table_);
    proxy->setSortRole(Qt::UserRole);
    tableView_->setModel(proxy);
    tableView_->setSortingEnabled(true);
    tableView_->sortByColumn(-1, Qt::AscendingOrder);
    tableView_->verticalHeader()->hide();
    tableView_->setWordWrap(false);
    tableView_->horizontalHeader()->setSectionResizeMode(InstantResultModel::Series, QHeaderView::Stretch);
    tableView_->horizontalHeader()->setSectionResizeMode(InstantResultModel::Value, QHeaderView::ResizeToContents);
    graph_ = new GraphPanel(engine_, tabs_);
    explain_ = new QTreeWidget(tabs_);
    explain_->setObjectName(QStringLiteral("explainTree"));
    explain_->setHeaderLabels({tr("Expression"), tr("Node"), tr("Result"), tr("Time")});
    explain_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    explain_->header()->setStretchLastSection(false);
    tabs_->addTab(tableView_, tr("Table"));
    tabs_->addTab(graph_, tr("Graph"));
    tabs_->addTab(explain_, tr("Explain"));
    tabs_->setCurrentIndex(int(View::Graph));
    layout->addWidget(tabs_, 1);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("exploreStatus"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(status_);

    // Start from the last query run (the history's newest entry).
    if (const QStringList history = UiSettings::queryHistory(); !history.isEmpty()) editor_->setPlainText(history.first());

    connect(dataSourceBox_, &QComboBox::currentIndexChanged, this, [this] {
        setDataSource(dataSourceBox_->currentData().toString());
        if (!editor_->query().trimmed().isEmpty()) run();
    });
    connect(editor_, &PromqlEditor::runRequested, this, &ExplorePage::run);
    connect(editor_, &PromqlEditor::parseErrorChanged, errorLabel_, &QLabel::setText);
    connect(runButton_, &QPushButton::clicked, this, &ExplorePage::run);
    connect(cancelButton_, &QPushButton::clicked, this, &ExplorePage::cancel);
    connect(historyButton_, &QToolButton::clicked, this, &ExplorePage::showHistoryMenu);
    connect(metricsButton, &QToolButton::clicked, this, &ExplorePage::openMetricsExplorer);
    connect(addToDashboardButton_, &QToolButton::clicked, this, &ExplorePage::addToDashboard);
    auto updateAddButton = [this] { addToDashboardButton_->setEnabled(!editor_->query().trimmed().isEmpty()); };
    connect(editor_, &PromqlEditor::textChanged, this, updateAddButton);
    updateAddButton();
    connect(legendField_, &QLineEdit::returnPressed, this, [this] {
        if (tabs_->currentIndex() == int(View::Graph)) run();
    });
    connect(tabs_, &QTabWidget::currentChanged, this, [this] {
        if (!editor_->query().trimmed().isEmpty()) run();  // each view shows the current query
    });
    connect(graph_, &GraphPanel::runningChanged, this, [this](bool r) {
        if (tabs_->currentIndex() == int(View::Graph)) setRunning(r);
    });
    connect(graph_, &GraphPanel::refreshed, this, [this](const QString &error) {
        if (tabs_->currentIndex() != int(View::Graph)) return;
        finish(error, QString());  // the panel shows its own summary
    });
}

void ExplorePage::setView(View v) { tabs_->setCurrentIndex(int(v)); }

void ExplorePage::setDataSource(const QString &name)
{
    if (const int i = dataSourceBox_->findData(name); i >= 0 && i != dataSourceBox_->currentIndex()) {
        const QSignalBlocker block(dataSourceBox_);
        dataSourceBox_->setCurrentIndex(i);
    }
    editor_->setDataSource(name);
    PanelConfig c = graph_->config();
    c.dataSource = name;
    graph_->setConfig(c);
}

QString ExplorePage::dataSource() const { return editor_->dataSource(); }

QString ExplorePage::statusText() const { return status_->text(); }

void ExplorePage::setRunning(bool running)
{
    running_ = running;
    cancelButton_->setEnabled(running);
}

void ExplorePage::showExpression(const QString &expr, qint64 fromMs, qint64 toMs)
{
    editor_->setPlainText(expr);
    PanelConfig c = graph_->config();
    c.lastSeconds = 0;
    c.fromMs = fromMs;
    c.toMs = toMs;
    graph_->setConfig(c);
    setView(View::Graph);
    run();
}

void ExplorePage::run()
{
    const QString query = editor_->query().trimmed();
    editor_->checkNow();
    if (query.isEmpty()) return;
    cancel();
    UiSettings::addQueryHistory(query);
    status_->setText(tr("Running…"));
    status_->setStyleSheet(QString());
    switch (View(tabs_->currentIndex())) {
    case View::Table: runTable(query); break;
    case View::Graph: {
        PanelConfig c = graph_->config();
        c.queries = {PanelQuery{query, legendField_->text().trimmed()}};
        c.hidden.clear();
        graph_->setConfig(c);
        graph_->refresh();
        break;
    }
    case View::Explain: runExplain(query); break;
    }
}

void ExplorePage::showGraph(const QString &query, qint64 fromMs, qint64 toMs)
{
    cancel();
    editor_->setPlainText(query);
    PanelConfig c = graph_->config();
    c.lastSeconds = 0;
    c.fromMs = fromMs;
    c.toMs = toMs;
    graph_->setConfig(c);
    setView(View::Graph);
    run();
}

void ExplorePage::cancel()
{
    if (token_) token_->cancel();
    token_.reset();
    ++generation_;
    if (graph_->isRunning()) graph_->cancel();
    if (running_) {
        status_->setText(tr("Cancelled."));
        setRunning(false);
    }
}

void ExplorePage::finish(const QString &error, const QString &summary)
{
    setRunning(false);
    status_->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("color: #b3261e;"));
    status_->setText(error.isEmpty() ? summary : error);
    Q_EMIT finished(error);
}

void ExplorePage::runTable(const QString &query)
{
    runtime::QueryBackend *qs = queryBackend(engine_, dataSource());
    if (!qs) return finish(unavailableText(dataSource()), {});
    token_ = std::make_shared<promql::CancellationToken>();
    const uint64_t gen = ++generation_;
    auto *w = new QFutureWatcher<runtime::QueryOutcome>(this);
    connect(w, &QFutureWatcher<runtime::QueryOutcome>::finished, this, [this, w, gen] {
        w->deleteLater();
        if (gen != generation_) return;
        token_.reset();
        if (w->future().resultCount() == 0) return finish(tr("The engine stopped."), {});
        const runtime::QueryOutcome out = w->future().result();
        if (!out.status.isOk()) {
            table_->clear();
            return finish(QString::fromStdString(out.status.message()), {});
        }
        table_->setResult(out.result.value);
        QString summary = tr("%n result(s)", nullptr, table_->totalCount()) + QStringLiteral(" · ") +
                          tr("%1 ms").arg(out.elapsedMs);
        if (table_->truncated()) summary += QStringLiteral(" · ") + tr("showing the first %1").arg(table_->rowCount());
        for (const auto &warning : out.result.warnings) summary += QStringLiteral(" · ") + QString::fromStdString(warning);
        finish(QString(), summary);
    });
    setRunning(true);
    w->setFuture(qs->instantQuery(query.toStdString(), QDateTime::currentMSecsSinceEpoch(), token_));
}

void ExplorePage::runExplain(const QString &query)
{
    if (!dataSource().isEmpty()) {
        explain_->clear();
        return finish(tr("Explain evaluates each part of the query on the local engine; choose “Local engine” to use it."), {});
    }
    runtime::QueryService *qs = engine_ ? engine_->queryService() : nullptr;
    if (!qs) return finish(tr("The engine is not running."), {});
    token_ = std::make_shared<promql::CancellationToken>();
    const uint64_t gen = ++generation_;
    auto *w = new QFutureWatcher<runtime::ExplainOutcome>(this);
    connect(w, &QFutureWatcher<runtime::ExplainOutcome>::finished, this, [this, w, gen] {
        w->deleteLater();
        if (gen != generation_) return;
        token_.reset();
        if (w->future().resultCount() == 0) return finish(tr("The engine stopped."), {});
        const runtime::ExplainOutcome out = w->future().result();
        explain_->clear();
        if (!out.status.isOk()) return finish(QString::fromStdString(out.status.message()), {});
        // Pre-order with depths -> tree items.
        std::vector<QTreeWidgetItem *> parents;
        double total = 0;
        for (const auto &n : out.nodes) {
            auto *item = new QTreeWidgetItem;
            item->setText(0, QString::fromStdString(n.expr));
            item->setToolTip(0, QString::fromStdString(n.expr));
            item->setText(1, QStringLiteral("%1 (%2)").arg(QString::fromStdString(n.kind), QString::fromStdString(n.type)));
            if (n.status.isOk()) {
                item->setText(2, n.type == "matrix" ? tr("%n series", nullptr, int(n.seriesCount)) + QStringLiteral(", ") +
                                                         tr("%n sample(s)", nullptr, int(n.sampleCount))
                                                   : tr("%n series", nullptr, int(n.seriesCount)));
            } else {
                item->setText(2, QString::fromStdString(n.status.message()));
                item->setForeground(2, QColor(0xb3, 0x26, 0x1e));
            }
            item->setText(3, tr("%1 ms").arg(n.elapsedMs, 0, 'f', 2));
            item->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
            if (n.depth == 0) total = n.elapsedMs;
            parents.resize(size_t(n.depth));
            if (parents.empty()) explain_->addTopLevelItem(item);
            else parents.back()->addChild(item);
            parents.push_back(item);
        }
        explain_->expandAll();
        explain_->resizeColumnToContents(1);
        explain_->resizeColumnToContents(2);
        explain_->resizeColumnToContents(3);
        finish(QString(), tr("%n node(s)", nullptr, int(out.nodes.size())) + QStringLiteral(" · ") +
                              tr("whole query %1 ms").arg(total, 0, 'f', 2));
    });
    setRunning(true);
    w->setFuture(qs->explain(query.toStdString(), QDateTime::currentMSecsSinceEpoch(), token_));
}

void ExplorePage::showHistoryMenu()
{
    QMenu menu(this);
    const QStringList history = UiSettings::queryHistory();
    if (history.isEmpty()) menu.addAction(tr("No queries yet"))->setEnabled(false);
    for (const QString &q : history) {
        QString shown = q;
        shown.replace(QLatin1Char('\n'), QLatin1Char(' '));
        if (shown.size() > 90) shown = shown.left(88) + QStringLiteral("…");
        menu.addAction(shown, this, [this, q] {
            editor_->setPlainText(q);
            editor_->checkNow();
            run();
        });
    }
    menu.exec(historyButton_->mapToGlobal(QPoint(0, historyButton_->height())));
}

void ExplorePage::openMetricsExplorer()
{
    auto *dialog = new MetricsExplorerDialog(engine_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &MetricsExplorerDialog::metricChosen, this, [this](const QString &name) {
        editor_->setPlainText(name);
        editor_->moveCursor(QTextCursor::End);
        editor_->setFocus();
        run();
    });
    dialog->open();
}

DashboardPanel ExplorePage::panelForDashboard() const
{
    const QString query = editor_->query().trimmed();
    DashboardPanel panel;
    panel.type = PanelType::Graph;
    panel.grid = QRect(0, 0, 12, 6);  // as the dashboard's own "Add panel"
    panel.config = graph_->config();
    panel.config.queries = {PanelQuery{query, legendField_->text().trimmed()}};
    panel.config.hidden.clear();  // series keys of this run mean nothing on the dashboard
    QString title = query.simplified();
    if (title.size() > 60) title = title.left(58) + QStringLiteral("…");
    panel.config.title = title;
    return panel;
}

AddToDashboardDialog *ExplorePage::addToDashboard()
{
    if (editor_->query().trimmed().isEmpty()) return nullptr;
    auto *dialog = new AddToDashboardDialog(engine_, panelForDashboard(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AddToDashboardDialog::added, this, [this](const QString &name, const QString &panelTitle, bool openIt) {
        status_->setStyleSheet(QString());
        status_->setText(tr("Added the panel “%1” to the dashboard “%2”.").arg(panelTitle, name));
        Q_EMIT addedToDashboard(name);
        if (openIt) Q_EMIT dashboardRequested(name);
    });
    dialog->open();
    return dialog;
}

}  // namespace vigil::ui
