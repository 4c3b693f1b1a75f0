#include "pages/rule_editor_dialog.h"

#include "config/duration.h"
#include "editor/promql_editor.h"
#include "widgets/graph_panel.h"
#include "widgets/graph_plot.h"
#include "widgets/qcustomplot_include.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {

constexpr qint64 kHour = 3'600'000;
const char *const kTiers[] = {"warning", "critical", "emergency", "info"};

QString q(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

// "" for 0, else Prometheus's duration text ("5m").
QString durationField(int64_t ms) { return ms > 0 ? QString::fromStdString(config::formatDuration(ms)) : QString(); }

}  // namespace

RuleEditorDialog::RuleEditorDialog(runtime::Engine *engine, rules::RuleGroupSpec group, QWidget *parent)
    : QDialog(parent), engine_(engine), group_(std::move(group))
{
    setWindowTitle(group_.name.empty() ? tr("New rule group") : tr("Edit rule group %1").arg(q(group_.name)));
    buildUi();
    groupName_->setText(q(group_.name));
    groupName_->setReadOnly(!group_.name.empty());  // renaming would leave the old group behind
    interval_->setText(durationField(group_.intervalMs));
    if (group_.rules.empty()) addAlertingRule();
    refreshList();
    selectRule(0);
    resize(1100, 820);
}

RuleEditorDialog::~RuleEditorDialog()
{
    if (backtestToken_) backtestToken_->cancel();
}

void RuleEditorDialog::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    auto *top = new QFormLayout;
    groupName_ = new QLineEdit(this);
    groupName_->setObjectName(QStringLiteral("groupName"));
    interval_ = new QLineEdit(this);
    interval_->setPlaceholderText(tr("global evaluation interval"));
    interval_->setToolTip(tr("How often the group is evaluated, e.g. 30s or 1m"));
    top->addRow(tr("Group name"), groupName_);
    top->addRow(tr("Interval"), interval_);
    layout->addLayout(top);

    auto *split = new QSplitter(Qt::Horizontal, this);
    auto *left = new QWidget(split);
    auto *ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    ruleList_ = new QListWidget(left);
    ruleList_->setObjectName(QStringLiteral("ruleList"));
    auto *addAlert = new QPushButton(tr("Add alert"), left);
    auto *addRecord = new QPushButton(tr("Add recording rule"), left);
    auto *remove = new QPushButton(tr("Remove rule"), left);
    ll->addWidget(ruleList_, 1);
    ll->addWidget(addAlert);
    ll->addWidget(addRecord);
    ll->addWidget(remove);

    auto *right = new QWidget(split);
    auto *form = new QFormLayout(right);
    ruleName_ = new QLineEdit(right);
    ruleName_->setObjectName(QStringLiteral("ruleName"));
    kindLabel_ = new QLabel(right);
    expr_ = new PromqlEditor(engine_, right);
    expr_->setObjectName(QStringLiteral("ruleExpr"));
    expr_->setMinimumHeight(70);
    expr_->setMaximumHeight(120);
    exprError_ = new QLabel(right);
    exprError_->setStyleSheet(QStringLiteral("color: #b3261e;"));
    exprError_->setWordWrap(true);
    for_ = new QLineEdit(right);
    for_->setPlaceholderText(tr("0s: fire at once"));
    keepFiring_ = new QLineEdit(right);
    keepFiring_->setPlaceholderText(tr("0s"));
    tier_ = new QComboBox(right);
    tier_->addItem(tr("Warning"), QStringLiteral("warning"));
    tier_->addItem(tr("Critical"), QStringLiteral("critical"));
    tier_->addItem(tr("Emergency"), QStringLiteral("emergency"));
    tier_->addItem(tr("Info"), QStringLiteral("info"));
    tier_->addItem(tr("No severity"), QString());
    labels_ = new QTableWidget(0, 2, right);
    labels_->setHorizontalHeaderLabels({tr("Label"), tr("Value")});
    labels_->horizontalHeader()->setStretchLastSection(true);
    labels_->verticalHeader()->hide();
    labels_->setMaximumHeight(110);
    auto *labelButtons = new QHBoxLayout;
    auto *addLabel = new QPushButton(tr("Add label"), right);
    auto *removeLabel = new QPushButton(tr("Remove label"), right);
    labelButtons->addWidget(addLabel);
    labelButtons->addWidget(removeLabel);
    labelButtons->addStretch(1);
    summary_ = new QLineEdit(right);
    summary_->setPlaceholderText(tr("{{ $labels.instance }} is down"));
    description_ = new QPlainTextEdit(right);
    description_->setMaximumHeight(60);
    runbook_ = new QLineEdit(right);
    runbook_->setPlaceholderText(tr("https://wiki.example.org/runbooks/..."));
    form->addRow(tr("Name"), ruleName_);
    form->addRow(tr("Kind"), kindLabel_);
    form->addRow(tr("Expression"), expr_);
    form->addRow(QString(), exprError_);
    form->addRow(tr("For"), for_);
    form->addRow(tr("Keep firing for"), keepFiring_);
    form->addRow(tr("Tier"), tier_);
    form->addRow(tr("Labels"), labels_);
    form->addRow(QString(), labelButtons);
    form->addRow(tr("Summary"), summary_);
    form->addRow(tr("Description"), description_);
    form->addRow(tr("Runbook URL"), runbook_);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 3);

    auto *btRow = new QHBoxLayout;
    backtestRange_ = new QComboBox(this);
    backtestRange_->addItem(tr("last hour"), kHour);
    backtestRange_->addItem(tr("last 6 hours"), 6 * kHour);
    backtestRange_->addItem(tr("last 24 hours"), 24 * kHour);
    backtestRange_->addItem(tr("last 7 days"), 7 * 24 * kHour);
    backtestRange_->setCurrentIndex(1);
    backtestButton_ = new QPushButton(tr("Backtest"), this);
    backtestButton_->setToolTip(tr("When would this rule have fired? Evaluates it over the stored history"));
    backtestLabel_ = new QLabel(this);
    backtestLabel_->setWordWrap(true);
    btRow->addWidget(new QLabel(tr("Backtest over"), this));
    btRow->addWidget(backtestRange_);
    btRow->addWidget(backtestButton_);
    btRow->addWidget(backtestLabel_, 1);
    layout->addLayout(btRow);
    graph_ = new GraphPanel(engine_, this);
    graph_->setObjectName(QStringLiteral("backtestGraph"));
    graph_->setToolbarVisible(false);
    graph_->setMinimumHeight(220);
    layout->addWidget(graph_, 2);

    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("ruleEditorMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(message_);
    auto *buttons = new QDialogButtonBox(this);
    auto *validateButton = buttons->addButton(tr("Validate"), QDialogButtonBox::ActionRole);
    saveButton_ = buttons->addButton(tr("Save"), QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);

    connect(ruleList_, &QListWidget::currentRowChanged, this, [this](int row) {
        if (loading_) return;
        commitRule();
        loadRule(row);
    });
    connect(addAlert, &QPushButton::clicked, this, &RuleEditorDialog::addAlertingRule);
    connect(addRecord, &QPushButton::clicked, this, &RuleEditorDialog::addRecordingRule);
    connect(remove, &QPushButton::clicked, this, [this] {
        if (current_ < 0 || size_t(current_) >= group_.rules.size()) return;
        group_.rules.erase(group_.rules.begin() + current_);
        current_ = -1;
        refreshList();
        selectRule(0);
    });
    connect(addLabel, &QPushButton::clicked, this, [this] { labels_->insertRow(labels_->rowCount()); });
    connect(removeLabel, &QPushButton::clicked, this, [this] {
        if (labels_->currentRow() >= 0) labels_->removeRow(labels_->currentRow());
    });
    connect(ruleName_, &QLineEdit::textChanged, this, [this](const QString &t) {
        if (auto *item = ruleList_->item(current_)) item->setText(t);
    });
    connect(expr_, &PromqlEditor::parseErrorChanged, exprError_, &QLabel::setText);
    connect(validateButton, &QPushButton::clicked, this, [this] {
        const QString errors = validate();
        message_->setStyleSheet(errors.isEmpty() ? QString() : QStringLiteral("color: #b3261e;"));
        message_->setText(errors.isEmpty() ? tr("The group is valid.") : errors);
    });
    connect(saveButton_, &QPushButton::clicked, this, &RuleEditorDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(backtestButton_, &QPushButton::clicked, this, &RuleEditorDialog::backtest);
}

void RuleEditorDialog::refreshList()
{
    loading_ = true;
    ruleList_->clear();
    for (const auto &r : group_.rules) ruleList_->addItem(q(r.name));
    loading_ = false;
}

void RuleEditorDialog::selectRule(int row)
{
    if (group_.rules.empty()) {
        current_ = -1;
        return;
    }
    row = std::clamp(row, 0, int(group_.rules.size()) - 1);
    if (ruleList_->currentRow() == row && current_ == row) return;
    commitRule();
    loading_ = true;
    ruleList_->setCurrentRow(row);
    loading_ = false;
    loadRule(row);
}

void RuleEditorDialog::addAlertingRule()
{
    commitRule();
    rules::RuleSpec r;
    r.kind = rules::RuleSpec::Kind::Alerting;
    r.name = "NewAlert";
    r.expr = "up == 0";
    r.forMs = 5 * 60'000;
    r.labels = model::Labels{{"severity", "warning"}};
    r.annotations = model::Labels{{"summary", "{{ $labels.instance }} of {{ $labels.job }} is down"}};
    group_.rules.push_back(r);
    current_ = -1;
    refreshList();
    selectRule(int(group_.rules.size()) - 1);
}

void RuleEditorDialog::addRecordingRule()
{
    commitRule();
    rules::RuleSpec r;
    r.kind = rules::RuleSpec::Kind::Recording;
    r.name = "job:up:sum";
    r.expr = "sum by (job) (up)";
    group_.rules.push_back(r);
    current_ = -1;
    refreshList();
    selectRule(int(group_.rules.size()) - 1);
}

void RuleEditorDialog::loadRule(int row)
{
    current_ = row;
    if (row < 0 || size_t(row) >= group_.rules.size()) return;
    const rules::RuleSpec &r = group_.rules[size_t(row)];
    const bool alerting = r.kind == rules::RuleSpec::Kind::Alerting;
    ruleName_->setText(q(r.name));
    kindLabel_->setText(alerting ? tr("alerting rule") : tr("recording rule"));
    expr_->setPlainText(q(r.expr));
    for_->setText(durationField(r.forMs));
    keepFiring_->setText(durationField(r.keepFiringForMs));
    const QString severity = q(r.labels.get("severity"));
    int t = tier_->findData(severity);
    tier_->setCurrentIndex(t >= 0 ? t : tier_->count() - 1);
    labels_->setRowCount(0);
    for (const auto &l : r.labels) {
        if (l.name == "severity") continue;
        const int i = labels_->rowCount();
        labels_->insertRow(i);
        labels_->setItem(i, 0, new QTableWidgetItem(q(l.name)));
        labels_->setItem(i, 1, new QTableWidgetItem(q(l.value)));
    }
    summary_->setText(q(r.annotations.get("summary")));
    description_->setPlainText(q(r.annotations.get("description")));
    runbook_->setText(q(r.annotations.get("runbook_url")));
    for (QWidget *w : std::initializer_list<QWidget *>{for_, keepFiring_, tier_, summary_, description_, runbook_})
        w->setEnabled(alerting);
    backtestButton_->setEnabled(alerting);
}

void RuleEditorDialog::commitRule()
{
    if (current_ < 0 || size_t(current_) >= group_.rules.size()) return;
    rules::RuleSpec &r = group_.rules[size_t(current_)];
    r.name = ruleName_->text().trimmed().toStdString();
    r.expr = expr_->query().trimmed().toStdString();
    auto duration = [](QLineEdit *f) -> int64_t {
        const std::string t = f->text().trimmed().toStdString();
        if (t.empty()) return 0;
        auto d = config::parseDuration(t);
        return d ? *d : -1;  // -1: reported by yaml()
    };
    r.forMs = duration(for_);
    r.keepFiringForMs = duration(keepFiring_);
    std::vector<model::Label> labels;
    for (int i = 0; i < labels_->rowCount(); ++i) {
        const auto *k = labels_->item(i, 0);
        const auto *v = labels_->item(i, 1);
        if (!k || k->text().trimmed().isEmpty()) continue;
        labels.push_back({k->text().trimmed().toStdString(), v ? v->text().toStdString() : std::string()});
    }
    const bool alerting = r.kind == rules::RuleSpec::Kind::Alerting;
    if (alerting && !tier_->currentData().toString().isEmpty())
        labels.push_back({"severity", tier_->currentData().toString().toStdString()});
    r.labels = model::Labels::fromUnsorted(std::move(labels));
    if (alerting) {
        // Other annotations of the rule stay as they were.
        model::LabelsBuilder b(r.annotations);
        auto set = [&b](const char *name, const QString &v) {
            if (v.trimmed().isEmpty()) b.del(name);
            else b.set(name, v.trimmed().toStdString());
        };
        set("summary", summary_->text());
        set("description", description_->toPlainText());
        set("runbook_url", runbook_->text());
        r.annotations = b.labels();
    }
}

rules::RuleGroupSpec RuleEditorDialog::group()
{
    commitRule();
    rules::RuleGroupSpec g = group_;
    g.name = groupName_->text().trimmed().toStdString();
    g.file.clear();
    const std::string iv = interval_->text().trimmed().toStdString();
    g.intervalMs = 0;
    if (!iv.empty()) {
        auto d = config::parseDuration(iv);
        g.intervalMs = d ? *d : -1;
    }
    return g;
}

Result<std::string> RuleEditorDialog::yaml()
{
    const rules::RuleGroupSpec g = group();
    if (g.name.empty()) return Status::invalidArgument(tr("The group needs a name.").toStdString());
    if (g.intervalMs < 0) return Status::invalidArgument(tr("The interval is not a duration (e.g. 30s, 1m).").toStdString());
    for (const auto &r : g.rules)
        if (r.forMs < 0 || r.keepFiringForMs < 0)
            return Status::invalidArgument(
                tr("Rule %1: “for” and “keep firing for” must be durations (e.g. 5m).").arg(q(r.name)).toStdString());
    return rules::toRuleFileYaml({g});
}

QString RuleEditorDialog::validate()
{
    auto y = yaml();
    if (!y) return QString::fromStdString(y.status().message());
    // What `vigil check rules` runs on a file.
    const rules::RuleFileParse p = rules::parseRuleFile(*y, "console");
    QStringList errors;
    for (const auto &e : p.errors) errors << QString::fromStdString(e);
    if (p.ok() && p.ruleCount() == 0) errors << tr("The group has no rules.");
    return errors.join(QLatin1Char('\n'));
}

void RuleEditorDialog::save()
{
    const QString errors = validate();
    if (!errors.isEmpty()) {
        message_->setStyleSheet(QStringLiteral("color: #b3261e;"));
        message_->setText(errors);
        Q_EMIT saveFinished(errors);
        return;
    }
    saveButton_->setEnabled(false);
    message_->setStyleSheet(QString());
    message_->setText(tr("Saving…"));
    engine_->saveRuleGroups(*yaml()).then(this, [this](const Status &s) {
        saveButton_->setEnabled(true);
        if (!s.isOk()) {
            message_->setStyleSheet(QStringLiteral("color: #b3261e;"));
            message_->setText(tr("Not saved: %1").arg(QString::fromStdString(s.message())));
            Q_EMIT saveFinished(QString::fromStdString(s.message()));
            return;
        }
        Q_EMIT saveFinished(QString());
        accept();
    });
}

void RuleEditorDialog::backtest()
{
    commitRule();
    if (current_ < 0 || size_t(current_) >= group_.rules.size()) return;
    runtime::QueryService *qs = engine_->queryService();
    if (!qs) {
        backtestLabel_->setText(tr("The engine is not running."));
        Q_EMIT backtestFinished(backtestLabel_->text());
        return;
    }
    const rules::RuleGroupSpec g = group();
    rules::BacktestRequest req;
    req.rule = g.rules[size_t(current_)];
    if (req.rule.forMs < 0 || req.rule.keepFiringForMs < 0 || g.intervalMs < 0) {
        backtestLabel_->setText(tr("Fix the durations first."));
        Q_EMIT backtestFinished(backtestLabel_->text());
        return;
    }
    req.intervalMs = g.intervalMs > 0 ? g.intervalMs : 60'000;
    req.endMs = QDateTime::currentMSecsSinceEpoch();
    req.startMs = req.endMs - backtestRange_->currentData().toLongLong();
    if (backtestToken_) backtestToken_->cancel();
    backtestToken_ = std::make_shared<promql::CancellationToken>();
    const quint64 gen = ++backtestGeneration_;
    backtestLabel_->setText(tr("Evaluating…"));
    backtestButton_->setEnabled(false);

    // The expression's graph over the same range.
    PanelConfig c = graph_->config();
    c.queries = {PanelQuery{q(req.rule.expr), QString()}};
    c.lastSeconds = 0;
    c.fromMs = req.startMs;
    c.toMs = req.endMs;
    graph_->setConfig(c);
    graph_->refresh();

    const int64_t from = req.startMs, to = req.endMs, step = req.intervalMs;
    qs->backtest(req, backtestToken_).then(this, [this, gen, from, to, step](const runtime::BacktestOutcome &o) {
        if (gen != backtestGeneration_) return;
        backtestButton_->setEnabled(true);
        if (!o.status.isOk()) {
            backtestLabel_->setText(tr("Backtest failed: %1").arg(QString::fromStdString(o.status.message())));
            Q_EMIT backtestFinished(QString::fromStdString(o.status.message()));
            return;
        }
        lastBacktest_ = o.result;
        int firing = 0, pending = 0;
        for (const auto &s : o.result.series) {
            firing += int(s.firing.size());
            pending += int(s.pending.size());
        }
        if (firing == 0 && pending == 0)
            backtestLabel_->setText(tr("It would not have fired in this range (%n evaluations).", nullptr,
                                       int(o.result.steps.size())));
        else
            backtestLabel_->setText(tr("Would have fired %n time(s) across %1 series; pending %2 time(s) "
                                       "(red: firing, amber: pending).",
                                       nullptr, firing)
                                        .arg(o.result.series.size())
                                        .arg(pending));
        drawIntervals(o.result, from, to, step);
        Q_EMIT backtestFinished(QString());
    });
}

void RuleEditorDialog::drawIntervals(const rules::BacktestResult &r, int64_t fromMs, int64_t toMs, int64_t stepMs)
{
    GraphPlot *plot = graph_->plot();
    // Earlier shading goes first; the graph's own items (thresholds) stay.
    for (int i = plot->itemCount() - 1; i >= 0; --i)
        if (plot->item(i)->objectName() == QLatin1String("backtestInterval")) plot->removeItem(i);
    shaded_ = 0;
    auto shade = [&](const rules::BacktestInterval &iv, const QColor &color) {
        auto *rect = new QCPItemRect(plot);
        rect->setObjectName(QStringLiteral("backtestInterval"));
        rect->setLayer(QStringLiteral("background"));
        rect->topLeft->setTypeX(QCPItemPosition::ptPlotCoords);
        rect->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
        rect->bottomRight->setTypeX(QCPItemPosition::ptPlotCoords);
        rect->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
        // The state holds from its first evaluation until the next one after its last.
        const int64_t end = iv.open ? iv.endMs : std::min(iv.endMs + stepMs, toMs);
        rect->topLeft->setCoords(double(std::max(iv.startMs, fromMs)) / 1000.0, 0);
        rect->bottomRight->setCoords(double(end) / 1000.0, 1);
        rect->setPen(Qt::NoPen);
        rect->setBrush(color);
        ++shaded_;
    };
    for (const auto &s : r.series) {
        for (const auto &iv : s.pending) shade(iv, QColor(255, 179, 0, 60));
        for (const auto &iv : s.firing) shade(iv, QColor(211, 47, 47, 70));
    }
    plot->replot();
}

}  // namespace vigil::ui
