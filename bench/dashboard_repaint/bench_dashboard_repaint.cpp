// Repaint of the built-in Operations dashboard at 1600x1000 with synthetic data
// for N nodes: graphs get one hour of 15 s points per series, value panels one
// value per node. Measures QWidget::repaint() of the whole view (every panel
// paints synchronously into the backing store), the steady state of a live
// dashboard between refreshes, and after new data arrived in every panel the
// graphs' replots plus the repaint.
//   bench_dashboard_repaint [nodes=10] [reps=50]
#include "dashboards/dashboard_library.h"
#include "dashboards/dashboard_view.h"
#include "dashboards/panel_frame.h"
#include "dashboards/value_panel.h"
#include "runtime/engine.h"
#include "widgets/graph_panel.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

using namespace vigil;
using namespace vigil::ui;

namespace {

void fill(DashboardView &view, int nodes, int seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0, 100);
    const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    const double from = now - 3600;
    for (int i = 0; i < view.dashboard().panels.size(); ++i) {
        PanelFrame *f = view.panelFrame(i);
        const DashboardPanel &p = view.dashboard().panels[i];
        if (f->graph()) {
            std::vector<PlotSeries> series;
            for (int q = 0; q < p.config.queries.size(); ++q) {
                for (int n = 0; n < nodes; ++n) {
                    PlotSeries s;
                    s.name = QStringLiteral("node%1:9100").arg(n);
                    s.key = QStringLiteral("%1|%2").arg(q).arg(s.name);
                    s.queryIndex = q;
                    double v = u(rng);
                    for (double t = from; t <= now; t += 15) {
                        v = std::clamp(v + u(rng) / 10 - 5, 0.0, 100.0);
                        s.x << t;
                        s.y << v;
                    }
                    s.stats = computeStats(s.y);
                    series.push_back(std::move(s));
                }
            }
            f->graph()->showSeries(std::move(series), from, now);
        } else {
            PanelData d;
            const int items = p.type == PanelType::Stat || p.type == PanelType::Gauge ? 1 : nodes;
            for (int n = 0; n < items; ++n) d.items.push_back({QStringLiteral("node%1:9100").arg(n), u(rng), 0});
            for (double t = from; t <= now; t += 30) {
                d.sparkX << t;
                d.sparkY << u(rng);
            }
            f->valuePanel()->setData(std::move(d));
        }
    }
}

struct Stats {
    double median, p95, max;
};

Stats measure(DashboardView &view, int reps, int nodes, bool newData)
{
    std::vector<double> ms;
    for (int r = 0; r < reps; ++r) {
        if (newData) fill(view, nodes, r + 1);  // data generation is not timed
        QElapsedTimer t;
        t.start();
        QApplication::processEvents();  // the graphs' queued replots of the new data
        view.repaint();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, size_t(double(ms.size()) * 0.95))], ms.back()};
}

}  // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int nodes = argc > 1 ? std::max(1, atoi(argv[1])) : 10;
    const int reps = argc > 2 ? std::max(5, atoi(argv[2])) : 50;
    auto d = dashboard_library::find(nullptr, QStringLiteral("operations"));
    if (!d.isOk()) return 1;
    QTemporaryDir dir;
    config::EngineOptions o;
    o.storagePath = dir.path().toStdString();
    runtime::Engine engine(o);  // never started: panels get their data directly
    DashboardView view(&engine);
    view.resize(1600, 1000);
    view.setDashboard(*d);
    view.show();
    QApplication::processEvents();
    fill(view, nodes, 1);
    for (int i = 0; i < 5; ++i) {  // warm-up: fonts, glyph caches, decimation
        QApplication::processEvents();
        view.repaint();
    }
    const Stats steady = measure(view, reps, nodes, false);
    const Stats fresh = measure(view, reps, nodes, true);
    std::printf("| case | median ms | p95 ms | max ms |\n|---|---|---|---|\n");
    std::printf("| Operations, %d nodes, repaint | %.2f | %.2f | %.2f |\n", nodes, steady.median, steady.p95, steady.max);
    std::printf("| Operations, %d nodes, repaint after new data in every panel | %.2f | %.2f | %.2f |\n", nodes,
                fresh.median, fresh.p95, fresh.max);
    return 0;
}
