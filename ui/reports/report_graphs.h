// ReportGraphs: draws the graphs of an incident report off screen — one
// GraphPanel per query over a fixed window, never shown, its plot rendered
// to an image once its queries answered — and hands the images back in
// finished(). Queries run on the engine's query service (asynchronous); the
// GUI thread never waits. Panels are drawn one after another so a large
// incident does not start dozens of queries at once.
//
// Threading: GUI thread. Delete it to cancel (panels cancel their queries).
#pragma once

#include "reports/incident_report.h"
#include "runtime/engine.h"

#include <QObject>
#include <QSize>

namespace vigil::ui {

class GraphPanel;

class ReportGraphs : public QObject {
    Q_OBJECT
public:
    struct Query {
        QString title;
        QString expr;
    };
    ReportGraphs(runtime::Engine *engine, QList<Query> queries, int64_t fromMs, int64_t toMs, QObject *parent = nullptr);
    ~ReportGraphs() override;

    void setImageSize(QSize size) { size_ = size; }
    // Starts drawing; finished() follows (also for an empty list).
    void start();
    const std::vector<ReportGraph> &graphs() const { return graphs_; }

Q_SIGNALS:
    void finished();

private:
    void next();

    runtime::Engine *engine_;
    QList<Query> queries_;
    int64_t fromMs_, toMs_;
    QSize size_{900, 320};
    std::vector<ReportGraph> graphs_;
    GraphPanel *panel_ = nullptr;
};

}  // namespace vigil::ui
