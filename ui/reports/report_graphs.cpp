#include "reports/report_graphs.h"

#include "widgets/graph_panel.h"
#include "widgets/graph_plot.h"

#include <QTimer>

namespace vigil::ui {

ReportGraphs::ReportGraphs(runtime::Engine *engine, QList<Query> queries, int64_t fromMs, int64_t toMs, QObject *parent)
    : QObject(parent), engine_(engine), queries_(std::move(queries)), fromMs_(fromMs), toMs_(toMs)
{
}

ReportGraphs::~ReportGraphs() { delete panel_; }

void ReportGraphs::start()
{
    graphs_.clear();
    QTimer::singleShot(0, this, &ReportGraphs::next);
}

void ReportGraphs::next()
{
    if (graphs_.size() >= size_t(queries_.size())) {
        delete panel_;
        panel_ = nullptr;
        Q_EMIT finished();
        return;
    }
    const Query q = queries_.at(qsizetype(graphs_.size()));
    if (q.expr.trimmed().isEmpty() || !engine_ || !engine_->queryService()) {
        // GraphPanel::refresh() would not answer for an empty query.
        graphs_.push_back({q.title, q.expr, {}, q.expr.trimmed().isEmpty() ? tr("no query") : tr("the engine is not running")});
        QTimer::singleShot(0, this, &ReportGraphs::next);
        return;
    }
    if (!panel_) {
        // Never shown: a top-level widget sized like the image, drawn with render().
        panel_ = new GraphPanel(engine_);
        panel_->setAttribute(Qt::WA_DontShowOnScreen);
        panel_->setToolbarVisible(false);
        panel_->resize(size_.width(), size_.height() + 200);
        connect(panel_, &GraphPanel::refreshed, this, [this](const QString &error) {
            const Query done = queries_.at(qsizetype(graphs_.size()));
            ReportGraph g;
            g.title = done.title;
            g.expr = done.expr;
            if (error.isEmpty()) {
                g.image = panel_->plot()->toPixmap(size_.width(), size_.height()).toImage();
            } else {
                g.error = error;
            }
            graphs_.push_back(std::move(g));
            QTimer::singleShot(0, this, &ReportGraphs::next);
        });
    }
    PanelConfig c;
    c.title = q.title;
    c.queries = {PanelQuery{q.expr, QString()}};
    c.lastSeconds = 0;
    c.fromMs = fromMs_;
    c.toMs = toMs_;
    c.legendTable = false;
    panel_->setConfig(c);
    panel_->refresh();
}

}  // namespace vigil::ui
