// IncidentReport: the post-incident report — summary, times to detect /
// acknowledge / resolve, alerts, timeline, notes, graphs and correlated
// series — as Markdown (with the graphs as PNG files next to it) and as PDF
// (QTextDocument printed on a QPdfWriter, graphs embedded).
//
// Definitions (incident.h): time to detect = first firing - the earliest
// moment an alert's condition held; to acknowledge = first acknowledgement -
// first firing; to resolve = all alerts resolved - first firing. Times are
// printed in UTC.
//
// Text is translated (tr) with the console's language. Thread safety: a value
// type; writing the PDF uses Qt Gui painting, so call it on the GUI thread.
#pragma once

#include "incidents/correlation.h"
#include "incidents/incident.h"

#include <QCoreApplication>
#include <QImage>
#include <QString>

#include <vector>

namespace vigil::ui {

struct ReportGraph {
    QString title;
    QString expr;
    QImage image;  // null when the graph could not be drawn
    QString error; // why, then
};

class IncidentReport {
    Q_DECLARE_TR_FUNCTIONS(vigil::ui::IncidentReport)
public:
    incidents::Incident incident;
    std::vector<incidents::IncidentEvent> timeline;  // oldest first
    std::vector<ReportGraph> graphs;
    std::vector<incidents::CorrelatedSeries> correlations;

    // Markdown text; graph i is referenced as "<imageBaseName>-graph-<i+1>.png".
    QString toMarkdown(const QString &imageBaseName) const;
    // Writes `path` (.md) and the graphs' PNG files next to it. False with
    // *error on a write failure (nothing is left half-written on purpose:
    // files written before the failure stay).
    bool writeMarkdown(const QString &path, QString *error) const;
    // The same content as HTML for QTextDocument (graphs as resources
    // "graph-<i+1>"); writePdf prints it on A4 pages.
    QString toHtml() const;
    bool writePdf(const QString &path, QString *error) const;

    // "2 min 5 s", "1 h 3 min", "45 s", "2.4 s" (under 10 s), "—" for a negative (not yet) duration.
    static QString formatDuration(int64_t ms);
    // "2026-11-25 14:30:05 UTC"; "—" for 0.
    static QString formatTime(int64_t ms);
    // The translated name of a timeline event kind.
    static QString eventTitle(incidents::EventKind kind);

    // The window the report's graphs cover: from a little before detection
    // to a little after resolution (or now).
    static std::pair<int64_t, int64_t> graphWindow(const incidents::Incident &incident, int64_t nowMs);
};

}  // namespace vigil::ui
