// Repaint time of Vigil's graph panel (GraphPlot: QCustomPlot + min-max
// decimation), offscreen:
//   A. one panel, 100 series x 10,000 points (1600 x 700 px): full repaint,
//      pan (shift the time axis by 2 %, re-decimate, repaint), zoom (halve the
//      span around the middle), and the same repaint with decimation off;
//   B. 12 panels of 50 series x 240 points (480 x 260 px each): repaint of
//      one panel and of all twelve.
// Each figure is the median and 95th percentile of REPS timed repaints after
// warm-ups; a repaint is QCustomPlot::replot(rpImmediateRefresh), which draws
// every layer into the widget's buffer and paints it; a widget repaint
// (expose, crosshair move) only paints the buffers. Goal: < 16 ms.
//
//   QT_QPA_PLATFORM=offscreen bench_ui_repaint [REPS=30]
#include "widgets/graph_plot.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPixmap>
#include <QRandomGenerator>

#include <ctime>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace vigil::ui;

namespace {

struct Figures {
    double median = 0, p95 = 0;
    double cpuMedian = 0;  // CPU time of this thread (the machine is shared: wall time includes waiting)
};

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

Figures timeIt(int reps, const std::function<void(int)> &step)
{
    for (int i = 0; i < 3; ++i) step(-1 - i);  // warm-up
    std::vector<double> ms, cpu;
    for (int i = 0; i < reps; ++i) {
        QElapsedTimer t;
        const double c0 = threadCpuMs();
        t.start();
        step(i);
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
        cpu.push_back(threadCpuMs() - c0);
    }
    std::sort(ms.begin(), ms.end());
    std::sort(cpu.begin(), cpu.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, size_t(double(ms.size()) * 0.95))], cpu[cpu.size() / 2]};
}

// `count` random-walk series of `points` points at a 15 s step ending at `end`.
std::vector<PlotSeries> makeSeries(int count, int points, double end, quint32 seed)
{
    QRandomGenerator rng(seed);
    std::vector<PlotSeries> out(static_cast<size_t>(count));
    for (int s = 0; s < count; ++s) {
        PlotSeries &p = out[size_t(s)];
        p.key = QString::number(s);
        p.name = QStringLiteral("series %1").arg(s);
        p.x.resize(points);
        p.y.resize(points);
        double v = 50 + s;
        for (int i = 0; i < points; ++i) {
            p.x[i] = end - double(points - 1 - i) * 15;
            v = std::clamp(v + rng.bounded(4.0) - 2.0, 0.0, 200.0);
            p.y[i] = v;
        }
        p.stats = computeStats(p.y);
    }
    return out;
}

void print(const char *what, const Figures &f, qsizetype points)
{
    std::printf("| %s | %.2f | %.2f | %.2f | %lld |\n", what, f.median, f.p95, f.cpuMedian,
                static_cast<long long>(points));
}

}  // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int reps = argc > 1 ? std::max(5, atoi(argv[1])) : 30;
    const double end = 1.7e9;

    std::printf("| repaint | median ms | p95 ms | median CPU ms | points drawn |\n|---|---|---|---|---|\n");
    {
        GraphPlot plot;
        plot.resize(1600, 700);
        plot.show();
        const double span = 15.0 * 9999;
        plot.setSeries(makeSeries(100, 10000, end, 1), end - span, end);
        plot.replot(QCustomPlot::rpImmediateRefresh);
        QPixmap target(plot.size());
        print("A. 1 panel, 100 x 10,000: widget repaint (expose, crosshair: the buffers are reused)",
              timeIt(reps, [&](int) { plot.render(&target); }), plot.drawnPointCount());
        print("A. 1 panel, 100 x 10,000: full replot", timeIt(reps, [&](int) { plot.replot(QCustomPlot::rpImmediateRefresh); }),
              plot.drawnPointCount());
        double offset = 0;
        print("A. pan by 2 % (re-decimate + repaint)", timeIt(reps, [&](int i) {
                  offset = (i % 2 == 0) ? span * 0.02 : 0;
                  plot.setTimeRange(end - span - offset, end - offset);
                  plot.replot(QCustomPlot::rpImmediateRefresh);
              }),
              plot.drawnPointCount());
        print("A. zoom to half the span (re-decimate + repaint)", timeIt(reps, [&](int i) {
                  const double half = (i % 2 == 0) ? span / 4 : span / 2;
                  plot.setTimeRange(end - span / 2 - half, end - span / 2 + half);
                  plot.replot(QCustomPlot::rpImmediateRefresh);
              }),
              plot.drawnPointCount());
        plot.setTimeRange(end - span, end);
        plot.setDecimationEnabled(false);
        plot.replot(QCustomPlot::rpImmediateRefresh);
        print("A. same, decimation off (QCustomPlot adaptive sampling only)",
              timeIt(std::max(5, reps / 3), [&](int) { plot.replot(QCustomPlot::rpImmediateRefresh); }),
              plot.drawnPointCount());
    }
    {
        std::vector<std::unique_ptr<GraphPlot>> plots;
        const double span = 15.0 * 239;
        qsizetype drawn = 0;
        for (int p = 0; p < 12; ++p) {
            auto plot = std::make_unique<GraphPlot>();
            plot->resize(480, 260);
            plot->show();
            plot->setSeries(makeSeries(50, 240, end, quint32(100 + p)), end - span, end);
            plot->replot(QCustomPlot::rpImmediateRefresh);
            drawn += plot->drawnPointCount();
            plots.push_back(std::move(plot));
        }
        print("B. 1 of 12 panels, 50 x 240", timeIt(reps, [&](int i) {
                  plots[size_t(std::max(i, 0)) % plots.size()]->replot(QCustomPlot::rpImmediateRefresh);
              }),
              plots[0]->drawnPointCount());
        print("B. all 12 panels, 50 x 240 each", timeIt(reps, [&](int) {
                  for (auto &p : plots) p->replot(QCustomPlot::rpImmediateRefresh);
              }),
              drawn);
    }
    return 0;
}
