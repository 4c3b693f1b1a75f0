#include "reports/incident_report.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>

#include <algorithm>

namespace vigil::ui {

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

// A table cell in Markdown: pipes escaped, line breaks as <br>.
QString mdCell(QString s)
{
    s = s.trimmed();
    s.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    s.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return s;
}

QString htmlText(const QString &s) { return s.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")); }

}  // namespace

QString IncidentReport::formatDuration(int64_t ms)
{
    if (ms < 0) return QStringLiteral("—");
    if (ms < 10000) return tr("%1 s").arg(QString::number(double(ms) / 1000.0, 'f', 1));
    int64_t s = (ms + 500) / 1000;
    const int64_t h = s / 3600;
    const int64_t m = (s % 3600) / 60;
    s %= 60;
    if (h > 0) return tr("%1 h %2 min").arg(h).arg(m);
    if (m > 0) return tr("%1 min %2 s").arg(m).arg(s);
    return tr("%1 s").arg(s);
}

QString IncidentReport::formatTime(int64_t ms)
{
    if (ms <= 0) return QStringLiteral("—");
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) +
           QStringLiteral(" UTC");
}

QString IncidentReport::eventTitle(incidents::EventKind kind)
{
    using K = incidents::EventKind;
    switch (kind) {
    case K::Fired: return tr("fired");
    case K::Acknowledged: return tr("acknowledged");
    case K::Note: return tr("note");
    case K::Silence: return tr("silenced");
    case K::Action: return tr("action run");
    case K::AlertResolved: return tr("alert resolved");
    case K::Resolved: return tr("resolved");
    }
    return {};
}

std::pair<int64_t, int64_t> IncidentReport::graphWindow(const incidents::Incident &inc, int64_t nowMs)
{
    const int64_t start = inc.detectedAtMs > 0 ? std::min(inc.detectedAtMs, inc.openedAtMs) : inc.openedAtMs;
    const int64_t end = inc.resolvedAtMs > 0 ? inc.resolvedAtMs : nowMs;
    const int64_t margin = std::max<int64_t>(5 * 60 * 1000, (end - start) / 2);
    return {start - margin, std::min(nowMs, end + margin / 2)};
}

QString IncidentReport::toMarkdown(const QString &imageBaseName) const
{
    const auto &inc = incident;
    QString md;
    md += QStringLiteral("# ") + tr("Incident %1: %2").arg(inc.id).arg(q(inc.title)) + QStringLiteral("\n\n");
    md += QStringLiteral("## ") + tr("Summary") + QStringLiteral("\n\n");
    md += QStringLiteral("- ") + tr("Severity: %1").arg(q(inc.severity)) + QLatin1Char('\n');
    md += QStringLiteral("- ") + tr("State: %1").arg(inc.isOpen() ? tr("open") : tr("resolved")) + QLatin1Char('\n');
    md += QStringLiteral("- ") + tr("Grouped by: %1").arg(q(inc.groupKey)) + QLatin1Char('\n');
    md += QStringLiteral("- ") + tr("Condition first true: %1").arg(formatTime(inc.detectedAtMs)) + QLatin1Char('\n');
    md += QStringLiteral("- ") + tr("Fired: %1").arg(formatTime(inc.openedAtMs)) + QLatin1Char('\n');
    md += QStringLiteral("- ") +
          (inc.acknowledgedAtMs > 0 ? tr("Acknowledged: %1 by %2").arg(formatTime(inc.acknowledgedAtMs), q(inc.acknowledgedBy))
                                    : tr("Acknowledged: —")) +
          QLatin1Char('\n');
    md += QStringLiteral("- ") + tr("Resolved: %1").arg(formatTime(inc.resolvedAtMs)) + QStringLiteral("\n\n");

    md += QStringLiteral("## ") + tr("Response times") + QStringLiteral("\n\n");
    md += QStringLiteral("| ") + tr("Measure") + QStringLiteral(" | ") + tr("Duration") + QStringLiteral(" |\n|---|---|\n");
    md += QStringLiteral("| ") + tr("Time to detect") + QStringLiteral(" | ") + formatDuration(inc.timeToDetectMs()) + QStringLiteral(" |\n");
    md += QStringLiteral("| ") + tr("Time to acknowledge") + QStringLiteral(" | ") + formatDuration(inc.timeToAcknowledgeMs()) + QStringLiteral(" |\n");
    md += QStringLiteral("| ") + tr("Time to resolve") + QStringLiteral(" | ") + formatDuration(inc.timeToResolveMs()) + QStringLiteral(" |\n\n");

    md += QStringLiteral("## ") + tr("Alerts") + QStringLiteral("\n\n");
    md += QStringLiteral("| ") + tr("Alert") + QStringLiteral(" | ") + tr("Labels") + QStringLiteral(" | ") + tr("Expression") +
          QStringLiteral(" | ") + tr("Fired") + QStringLiteral(" | ") + tr("Resolved") + QStringLiteral(" |\n|---|---|---|---|---|\n");
    for (const auto &a : inc.alerts) {
        md += QStringLiteral("| ") + mdCell(q(a.alertName)) + QStringLiteral(" | `") + mdCell(q(a.labels.toString())) +
              QStringLiteral("` | `") + mdCell(q(a.expr)) + QStringLiteral("` | ") + formatTime(a.startsAtMs) +
              QStringLiteral(" | ") + formatTime(a.endsAtMs) + QStringLiteral(" |\n");
    }
    md += QLatin1Char('\n');

    md += QStringLiteral("## ") + tr("Timeline") + QStringLiteral("\n\n");
    md += QStringLiteral("| ") + tr("Time") + QStringLiteral(" | ") + tr("Event") + QStringLiteral(" | ") + tr("By") +
          QStringLiteral(" | ") + tr("Details") + QStringLiteral(" |\n|---|---|---|---|\n");
    for (const auto &e : timeline) {
        md += QStringLiteral("| ") + formatTime(e.timeMs) + QStringLiteral(" | ") + eventTitle(e.kind) + QStringLiteral(" | ") +
              mdCell(q(e.author)) + QStringLiteral(" | ") + mdCell(q(e.text)) + QStringLiteral(" |\n");
    }
    md += QLatin1Char('\n');

    md += QStringLiteral("## ") + tr("Notes") + QStringLiteral("\n\n");
    bool anyNote = false;
    for (const auto &e : timeline) {
        if (e.kind != incidents::EventKind::Note) continue;
        anyNote = true;
        md += QStringLiteral("- ") + formatTime(e.timeMs) + QStringLiteral(" — ") +
              (e.author.empty() ? QString() : q(e.author) + QStringLiteral(": ")) +
              q(e.text).replace(QLatin1Char('\n'), QStringLiteral("\n  ")) + QLatin1Char('\n');
    }
    if (!anyNote) md += tr("No notes.") + QLatin1Char('\n');
    md += QLatin1Char('\n');

    md += QStringLiteral("## ") + tr("Graphs") + QStringLiteral("\n\n");
    for (size_t i = 0; i < graphs.size(); ++i) {
        const auto &g = graphs[i];
        md += QStringLiteral("### ") + g.title + QStringLiteral("\n\n`") + g.expr + QStringLiteral("`\n\n");
        if (g.image.isNull()) md += tr("Not drawn: %1").arg(g.error) + QStringLiteral("\n\n");
        else md += QStringLiteral("![%1](%2-graph-%3.png)\n\n").arg(g.title, imageBaseName).arg(i + 1);
    }
    if (graphs.empty()) md += tr("No graphs.") + QStringLiteral("\n\n");

    if (!correlations.empty()) {
        md += QStringLiteral("## ") + tr("Correlated series") + QStringLiteral("\n\n");
        md += QStringLiteral("| ") + tr("Series") + QStringLiteral(" | ") + tr("Pearson r") +
              QStringLiteral(" |\n|---|---|\n");
        for (const auto &c : correlations) {
            md += QStringLiteral("| `") + mdCell(q(c.labels.toString())) + QStringLiteral("` | ") +
                  QString::number(c.coefficient, 'f', 3) + QStringLiteral(" |\n");
        }
        md += QLatin1Char('\n');
    }
    return md;
}

bool IncidentReport::writeMarkdown(const QString &path, QString *error) const
{
    const QFileInfo info(path);
    const QString base = info.completeBaseName();
    for (size_t i = 0; i < graphs.size(); ++i) {
        if (graphs[i].image.isNull()) continue;
        const QString png = info.dir().filePath(QStringLiteral("%1-graph-%2.png").arg(base).arg(i + 1));
        if (!graphs[i].image.save(png, "PNG")) {
            if (error) *error = tr("Could not write %1.").arg(png);
            return false;
        }
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(toMarkdown(base).toUtf8()) < 0 || !f.commit()) {
        if (error) *error = tr("Could not write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

QString IncidentReport::toHtml() const
{
    const auto &inc = incident;
    QString h = QStringLiteral("<html><body style=\"font-family: sans-serif;\">");
    h += QStringLiteral("<h1>") + htmlText(tr("Incident %1: %2").arg(inc.id).arg(q(inc.title))) + QStringLiteral("</h1>");
    h += QStringLiteral("<h2>") + tr("Summary") + QStringLiteral("</h2><ul>");
    auto li = [&h](const QString &s) { h += QStringLiteral("<li>") + htmlText(s) + QStringLiteral("</li>"); };
    li(tr("Severity: %1").arg(q(inc.severity)));
    li(tr("State: %1").arg(inc.isOpen() ? tr("open") : tr("resolved")));
    li(tr("Grouped by: %1").arg(q(inc.groupKey)));
    li(tr("Condition first true: %1").arg(formatTime(inc.detectedAtMs)));
    li(tr("Fired: %1").arg(formatTime(inc.openedAtMs)));
    li(inc.acknowledgedAtMs > 0 ? tr("Acknowledged: %1 by %2").arg(formatTime(inc.acknowledgedAtMs), q(inc.acknowledgedBy))
                                : tr("Acknowledged: —"));
    li(tr("Resolved: %1").arg(formatTime(inc.resolvedAtMs)));
    h += QStringLiteral("</ul>");

    auto table = [&h](const QStringList &header, const QList<QStringList> &rows) {
        h += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr>");
        for (const auto &c : header) h += QStringLiteral("<th>") + htmlText(c) + QStringLiteral("</th>");
        h += QStringLiteral("</tr>");
        for (const auto &r : rows) {
            h += QStringLiteral("<tr>");
            for (const auto &c : r) h += QStringLiteral("<td>") + htmlText(c) + QStringLiteral("</td>");
            h += QStringLiteral("</tr>");
        }
        h += QStringLiteral("</table>");
    };
    h += QStringLiteral("<h2>") + tr("Response times") + QStringLiteral("</h2>");
    table({tr("Measure"), tr("Duration")}, {{tr("Time to detect"), formatDuration(inc.timeToDetectMs())},
                                            {tr("Time to acknowledge"), formatDuration(inc.timeToAcknowledgeMs())},
                                            {tr("Time to resolve"), formatDuration(inc.timeToResolveMs())}});
    h += QStringLiteral("<h2>") + tr("Alerts") + QStringLiteral("</h2>");
    QList<QStringList> rows;
    for (const auto &a : inc.alerts)
        rows.push_back({q(a.alertName), q(a.labels.toString()), q(a.expr), formatTime(a.startsAtMs), formatTime(a.endsAtMs)});
    table({tr("Alert"), tr("Labels"), tr("Expression"), tr("Fired"), tr("Resolved")}, rows);
    h += QStringLiteral("<h2>") + tr("Timeline") + QStringLiteral("</h2>");
    rows.clear();
    for (const auto &e : timeline) rows.push_back({formatTime(e.timeMs), eventTitle(e.kind), q(e.author), q(e.text)});
    table({tr("Time"), tr("Event"), tr("By"), tr("Details")}, rows);
    h += QStringLiteral("<h2>") + tr("Notes") + QStringLiteral("</h2><ul>");
    bool anyNote = false;
    for (const auto &e : timeline) {
        if (e.kind != incidents::EventKind::Note) continue;
        anyNote = true;
        li(formatTime(e.timeMs) + QStringLiteral(" — ") + (e.author.empty() ? QString() : q(e.author) + QStringLiteral(": ")) + q(e.text));
    }
    if (!anyNote) li(tr("No notes."));
    h += QStringLiteral("</ul><h2>") + tr("Graphs") + QStringLiteral("</h2>");
    for (size_t i = 0; i < graphs.size(); ++i) {
        h += QStringLiteral("<h3>") + htmlText(graphs[i].title) + QStringLiteral("</h3><p><code>") + htmlText(graphs[i].expr) +
             QStringLiteral("</code></p>");
        if (graphs[i].image.isNull()) h += QStringLiteral("<p>") + htmlText(tr("Not drawn: %1").arg(graphs[i].error)) + QStringLiteral("</p>");
        else h += QStringLiteral("<p><img src=\"graph-%1\" width=\"600\"></p>").arg(i + 1);
    }
    if (!correlations.empty()) {
        h += QStringLiteral("<h2>") + tr("Correlated series") + QStringLiteral("</h2>");
        rows.clear();
        for (const auto &c : correlations) rows.push_back({q(c.labels.toString()), QString::number(c.coefficient, 'f', 3)});
        table({tr("Series"), tr("Pearson r")}, rows);
    }
    h += QStringLiteral("</body></html>");
    return h;
}

bool IncidentReport::writePdf(const QString &path, QString *error) const
{
    QTextDocument doc;
    for (size_t i = 0; i < graphs.size(); ++i) {
        if (!graphs[i].image.isNull())
            doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("graph-%1").arg(i + 1)), graphs[i].image);
    }
    doc.setHtml(toHtml());
    QFile probe(path);  // QPdfWriter does not report open failures itself
    if (!probe.open(QIODevice::WriteOnly)) {
        if (error) *error = tr("Could not write %1: %2").arg(path, probe.errorString());
        return false;
    }
    probe.close();
    {
        QPdfWriter pdf(path);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setResolution(150);
        pdf.setTitle(tr("Incident %1: %2").arg(incident.id).arg(q(incident.title)));
        pdf.setCreator(QStringLiteral("Vigil"));
        doc.print(&pdf);
    }
    if (QFileInfo(path).size() == 0) {
        if (error) *error = tr("Could not write %1.").arg(path);
        return false;
    }
    return true;
}

}  // namespace vigil::ui
