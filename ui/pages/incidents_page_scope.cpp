// IncidentsPage: scope view, correlation and report export.
#include "pages/incidents_page.h"

#include "incidents/scope.h"
#include "reports/incident_report.h"
#include "reports/report_graphs.h"
#include "widgets/graph_panel.h"

#include <QDateTime>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <set>

namespace vigil::ui {

namespace {

// The console's title of a scope query (the engine's are plain English).
QString scopeTitle(const incidents::ScopeQuery &q, const incidents::Incident &inc)
{
    std::string instance;
    for (const auto &a : inc.alerts) {
        if (q.expr.find(std::string(a.labels.get("instance"))) != std::string::npos) instance = std::string(a.labels.get("instance"));
    }
    const QString where = QString::fromStdString(instance);
    if (q.kind == "alert") return IncidentsPage::tr("Alert expression");
    if (q.kind == "input") return IncidentsPage::tr("Input %1").arg(QString::fromStdString(q.expr));
    if (q.kind == "cpu") return IncidentsPage::tr("CPU busy on %1").arg(where);
    if (q.kind == "memory") return IncidentsPage::tr("Memory in use on %1").arg(where);
    if (q.kind == "disk") return IncidentsPage::tr("Filesystem use on %1").arg(where);
    if (q.kind == "network") return IncidentsPage::tr("Network bytes/s on %1").arg(where);
    return QString::fromStdString(q.title);
}

}  // namespace

void IncidentsPage::showScope()
{
    const auto &inc = current_.incident;
    if (inc.id == 0) return;
    for (QWidget *p : scopePanels_) p->deleteLater();
    scopePanels_.clear();
    // Affected targets: the instances and jobs of the incident's alerts.
    std::set<QString> targets;
    for (const auto &a : inc.alerts) {
        const QString instance = QString::fromStdString(std::string(a.labels.get("instance")));
        const QString job = QString::fromStdString(std::string(a.labels.get("job")));
        targets.insert(job.isEmpty() ? instance : instance.isEmpty() ? job : job + QStringLiteral(" / ") + instance);
    }
    QStringList t(targets.begin(), targets.end());
    t.removeAll(QString());
    scopeTargets_->setText(tr("Affected targets: %1").arg(t.isEmpty() ? tr("none named") : t.join(QStringLiteral(", "))));

    const auto [from, to] = IncidentReport::graphWindow(inc, QDateTime::currentMSecsSinceEpoch());
    for (const auto &q : incidents::scopeQueries(inc)) {
        auto *panel = new GraphPanel(engine_, scopeLayout_->parentWidget());
        panel->setToolbarVisible(false);
        panel->setMinimumHeight(260);
        PanelConfig c;
        c.title = scopeTitle(q, inc);
        c.queries = {PanelQuery{QString::fromStdString(q.expr), QString()}};
        c.lastSeconds = 0;
        c.fromMs = from;
        c.toMs = to;
        c.legendTable = false;
        if (q.kind == "cpu" || q.kind == "memory" || q.kind == "disk") c.unit = ValueUnit::Percent;
        if (q.kind == "network") c.unit = ValueUnit::Bytes;
        panel->setConfig(c);
        auto *title = new QLabel(QStringLiteral("<b>%1</b>").arg(c.title.toHtmlEscaped()), scopeLayout_->parentWidget());
        scopeLayout_->addWidget(title);
        scopeLayout_->addWidget(panel);
        scopePanels_ << panel;
        connect(panel, &QObject::destroyed, title, &QObject::deleteLater);
        panel->refresh();
    }
}

void IncidentsPage::correlate()
{
    auto *svc = service();
    const auto &inc = current_.incident;
    if (!svc || inc.id == 0 || inc.alerts.empty()) return;
    const auto &alert = inc.alerts.front();
    incidents::CorrelationRequest r;
    // The alert's first input is the series it watches; without one, the expression itself.
    const auto inputs = incidents::inputSelectors(alert.expr);
    r.targetExpr = inputs.empty() ? alert.expr : inputs.front();
    if (const auto inst = alert.labels.get("instance"); !inst.empty()) {
        r.scopeLabel = "instance";
        r.scopeValue = std::string(inst);
    } else {
        r.scopeLabel = "job";
        r.scopeValue = std::string(alert.labels.get("job"));
    }
    if (r.targetExpr.find("rate(") == std::string::npos && r.targetExpr.find('[') == std::string::npos &&
        incidents::looksLikeCounter(incidents::inputMetricNames(r.targetExpr).empty() ? std::string()
                                                                                     : incidents::inputMetricNames(r.targetExpr).front())) {
        r.targetExpr = "rate(" + r.targetExpr + "[1m])";
    }
    r.endMs = alert.startsAtMs;
    r.startMs = r.endMs - 30 * 60 * 1000;
    r.stepMs = 15000;
    if (correlationToken_) correlationToken_->cancel();
    correlationToken_ = std::make_shared<promql::CancellationToken>();
    correlationStatus_->setText(tr("Correlating %1 with the series of %2=%3…")
                                    .arg(QString::fromStdString(r.targetExpr), QString::fromStdString(r.scopeLabel),
                                         QString::fromStdString(r.scopeValue)));
    auto *w = new QFutureWatcher<incidents::CorrelationOutcome>(this);
    const auto token = correlationToken_;
    connect(w, &QFutureWatcher<incidents::CorrelationOutcome>::finished, this, [this, w, token] {
        w->deleteLater();
        if (token != correlationToken_ || w->future().resultCount() == 0) return;
        const incidents::CorrelationOutcome out = w->future().result();
        if (!out.status.isOk()) {
            correlationStatus_->setText(tr("No correlation: %1").arg(QString::fromStdString(out.status.message())));
            return;
        }
        lastCorrelation_ = out.result;
        correlationStatus_->setText(tr("%n series compared.", nullptr, int(out.result.candidates)) +
                                    (out.result.note.empty() ? QString() : QStringLiteral(" ") + QString::fromStdString(out.result.note)));
        correlation_->setRowCount(int(out.result.ranked.size()));
        for (int i = 0; i < int(out.result.ranked.size()); ++i) {
            const auto &c = out.result.ranked[size_t(i)];
            auto *name = new QTableWidgetItem(QString::fromStdString(c.labels.toString()));
            name->setToolTip(QString::fromStdString(c.expr));
            correlation_->setItem(i, 0, name);
            correlation_->setItem(i, 1, new QTableWidgetItem(QString::number(c.coefficient, 'f', 3)));
        }
        Q_EMIT correlated();
    });
    w->setFuture(svc->correlate(r, correlationToken_));
}

void IncidentsPage::exportTo(const QString &path)
{
    const auto &inc = current_.incident;
    if (inc.id == 0) {
        Q_EMIT exported(path, tr("No incident is selected."));
        return;
    }
    // The report's graphs: the alert expressions and their inputs.
    QList<ReportGraphs::Query> queries;
    for (const auto &q : incidents::scopeQueries(inc)) {
        if (q.kind == "alert" || q.kind == "input") queries.push_back({scopeTitle(q, inc), QString::fromStdString(q.expr)});
    }
    const auto [from, to] = IncidentReport::graphWindow(inc, QDateTime::currentMSecsSinceEpoch());
    delete reportGraphs_;
    reportGraphs_ = new ReportGraphs(engine_, queries, from, to, this);
    auto *graphs = reportGraphs_;
    connect(graphs, &ReportGraphs::finished, this, [this, graphs, path] {
        IncidentReport report;
        report.incident = current_.incident;
        report.timeline = current_.timeline;
        report.graphs = graphs->graphs();
        report.correlations = lastCorrelation_.ranked;
        QString error;
        const bool pdf = QFileInfo(path).suffix().compare(QStringLiteral("pdf"), Qt::CaseInsensitive) == 0;
        const bool ok = pdf ? report.writePdf(path, &error) : report.writeMarkdown(path, &error);
        status_->setText(ok ? tr("Report written to %1.").arg(path) : error);
        graphs->deleteLater();
        if (reportGraphs_ == graphs) reportGraphs_ = nullptr;
        Q_EMIT exported(path, ok ? QString() : error);
    });
    status_->setText(tr("Drawing the report's graphs…"));
    graphs->start();
}

}  // namespace vigil::ui
