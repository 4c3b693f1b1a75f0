// The graph panel's pure parts (decimation, mapping, units, PanelConfig) and
// the panel itself against a real engine scraping a real node exporter.
#include "../support/scraped_engine.h"

#include "models/series_table_model.h"
#include "widgets/decimation.h"
#include "widgets/graph_panel.h"
#include "widgets/graph_plot.h"
#include "widgets/panel_config.h"
#include "widgets/plot_series.h"
#include "widgets/value_format.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBuffer>
#include <QImage>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <cmath>
#include <map>
#include <limits>

using namespace vigil::ui;

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

// Min and max of y over x in column `c` of `width` columns spanning [lo, hi].
std::pair<double, double> columnMinMax(const QVector<double> &x, const QVector<double> &y, double lo, double hi,
                                       int width, int c)
{
    double mn = INFINITY, mx = -INFINITY;
    const double w = (hi - lo) / width;
    for (qsizetype i = 0; i < x.size(); ++i) {
        if (x[i] < lo || x[i] > hi || std::isnan(y[i])) continue;
        if (std::min(int((x[i] - lo) / w), width - 1) != c) continue;
        mn = std::min(mn, y[i]);
        mx = std::max(mx, y[i]);
    }
    return {mn, mx};
}

}  // namespace

class TestGraphPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void decimationKeepsMinMaxPerColumn_data()
    {
        QTest::addColumn<int>("points");
        QTest::addColumn<int>("width");
        QTest::addColumn<double>("lo");
        QTest::addColumn<double>("hi");
        QTest::newRow("10k into 100") << 10000 << 100 << 0.0 << 10000.0;
        QTest::newRow("10k into 997, zoomed") << 10000 << 997 << 2500.5 << 7311.0;
        QTest::newRow("100k into 1200") << 100000 << 1200 << 0.0 << 100000.0;
    }
    void decimationKeepsMinMaxPerColumn()
    {
        QFETCH(int, points);
        QFETCH(int, width);
        QFETCH(double, lo);
        QFETCH(double, hi);
        QRandomGenerator rng(42);
        QVector<double> x(points), y(points);
        double v = 0;
        for (int i = 0; i < points; ++i) {
            x[i] = i;
            v += rng.bounded(2.0) - 1.0;
            y[i] = (i % 1777 == 0) ? v + 1000 : v;  // spikes must survive
        }
        const DecimatedSeries d = decimateMinMax(x, y, lo, hi, width);
        QVERIFY(d.x.size() == d.y.size());
        QVERIFY2(d.x.size() <= 4 * width + 2, qPrintable(QString::number(d.x.size())));
        QVERIFY(std::is_sorted(d.x.begin(), d.x.end()));
        for (int c = 0; c < width; ++c) {
            const auto full = columnMinMax(x, y, lo, hi, width, c);
            const auto kept = columnMinMax(d.x, d.y, lo, hi, width, c);
            QCOMPARE(kept.first, full.first);
            QCOMPARE(kept.second, full.second);
        }
        // Every kept point is a real input point.
        for (qsizetype i = 0; i < d.x.size(); ++i) QCOMPARE(d.y[i], y[qsizetype(d.x[i])]);
        // One neighbour outside the range on each side keeps the line entering and leaving.
        if (lo > 0) QVERIFY(d.x.first() < lo);
        if (hi < points - 1) QVERIFY(d.x.last() > hi);
    }

    void decimationKeepsGapsAndSmallInputs()
    {
        QVector<double> x, y;
        for (int i = 0; i < 4000; ++i) {
            x << i;
            y << ((i >= 1000 && i < 1200) ? kNaN : double(i % 7));
        }
        const DecimatedSeries d = decimateMinMax(x, y, 0, 3999, 100);
        int nans = 0;
        for (double v : d.y) nans += std::isnan(v) ? 1 : 0;
        QCOMPARE(nans, 1);  // one NaN per gap: the line breaks once
        // Few points per column: returned unchanged.
        const DecimatedSeries same = decimateMinMax(x.mid(0, 50), y.mid(0, 50), 0, 49, 100);
        QCOMPARE(same.x, x.mid(0, 50));
        QVERIFY(decimateMinMax({}, {}, 0, 1, 10).x.isEmpty());
    }

    void legendTemplates_data()
    {
        QTest::addColumn<QString>("tmpl");
        QTest::addColumn<QString>("expected");
        QTest::newRow("one") << "{{instance}}" << "host:9100";
        QTest::newRow("two, spaces") << "{{ job }} / {{mode}}" << "node / idle";
        QTest::newRow("unknown label") << "{{nope}}x" << "x";
        QTest::newRow("plain text") << "CPU" << "CPU";
        QTest::newRow("empty: labels") << "" << "node_cpu_seconds_total{instance=\"host:9100\", job=\"node\", mode=\"idle\"}";
    }
    void legendTemplates()
    {
        QFETCH(QString, tmpl);
        QFETCH(QString, expected);
        const vigil::model::Labels ls{
            {"__name__", "node_cpu_seconds_total"}, {"instance", "host:9100"}, {"job", "node"}, {"mode", "idle"}};
        QCOMPARE(expandLegendTemplate(tmpl, ls), expected);
    }

    void matrixMapping()
    {
        vigil::promql::Matrix m(2);
        m[0].metric = vigil::model::Labels{{"instance", "a"}};
        m[0].points = {{1000, 1}, {2000, 2}, {5000, 5}, {6000, 6}};  // 3000, 4000 missing
        m[1].metric = vigil::model::Labels{{"instance", "b"}};
        m[1].points = {{1000, 10}};
        const auto s = mapMatrix(m, 3, QStringLiteral("{{instance}}"), 1000);
        QCOMPARE(s.size(), size_t(2));
        QCOMPARE(s[0].name, QStringLiteral("a"));
        QCOMPARE(s[0].key, QStringLiteral("3|{instance=\"a\"}"));
        QCOMPARE(s[0].queryIndex, 3);
        QCOMPARE(s[0].x, (QVector<double>{1, 2, 3, 5, 6}));  // seconds, a gap marker at 3
        QVERIFY(std::isnan(s[0].y[2]));
        QCOMPARE(s[0].stats.min, 1.0);
        QCOMPARE(s[0].stats.max, 6.0);
        QCOMPARE(s[0].stats.mean, 3.5);
        QCOMPARE(s[0].stats.last, 6.0);
        QCOMPARE(s[1].stats.last, 10.0);
        QVERIFY(std::isnan(computeStats({kNaN}).mean));
    }

    void units_data()
    {
        QTest::addColumn<int>("unit");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("percent") << int(ValueUnit::Percent) << 85.234 << "85.2%";
        QTest::newRow("bytes") << int(ValueUnit::Bytes) << 1.5 * 1024 * 1024 * 1024 << "1.5 GiB";
        QTest::newRow("bytes small") << int(ValueUnit::Bytes) << 512.0 << "512 B";
        QTest::newRow("bytes negative") << int(ValueUnit::Bytes) << -2048.0 << "-2 KiB";
        QTest::newRow("ms") << int(ValueUnit::Seconds) << 0.25 << "250 ms";
        QTest::newRow("us") << int(ValueUnit::Seconds) << 0.000012 << "12 µs";
        QTest::newRow("min") << int(ValueUnit::Seconds) << 150.0 << "2.5 min";
        QTest::newRow("days") << int(ValueUnit::Seconds) << 2 * 86400.0 << "2 d";
        QTest::newRow("ops") << int(ValueUnit::OpsPerSecond) << 1234.0 << "1.23k ops/s";
        QTest::newRow("ops small") << int(ValueUnit::OpsPerSecond) << 5.0 << "5 ops/s";
        QTest::newRow("none M") << int(ValueUnit::None) << 3400000.0 << "3.4M";
        QTest::newRow("none fraction") << int(ValueUnit::None) << 0.05 << "0.05";
        QTest::newRow("none zero") << int(ValueUnit::None) << 0.0 << "0";
        QTest::newRow("nan") << int(ValueUnit::Bytes) << kNaN << "NaN";
        QTest::newRow("inf") << int(ValueUnit::Percent) << double(INFINITY) << "+Inf";
    }
    void units()
    {
        QFETCH(int, unit);
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(formatValue(value, ValueUnit(unit)), text);
    }

    void panelConfigJsonRoundTrip()
    {
        PanelConfig c;
        c.title = QStringLiteral("CPU 사용률");
        c.queries = {{QStringLiteral("rate(x[5m])"), QStringLiteral("{{instance}}")}, {QStringLiteral("y"), QString()}};
        c.lastSeconds = 0;
        c.fromMs = 1700000000000;
        c.toMs = 1700003600000;
        c.refreshSeconds = 15;
        c.style = PanelStyle::StackedAreas;
        c.unit = ValueUnit::Percent;
        c.thresholds = PanelConfig::percentThresholds();
        c.hidden = {QStringLiteral("0|{instance=\"a\"}"), QStringLiteral("1|{}")};
        c.legendTable = false;
        const QByteArray json = QJsonDocument(c.toJson()).toJson();
        PanelConfig back;
        QString error;
        QVERIFY2(PanelConfig::fromJson(QJsonDocument::fromJson(json).object(), &back, &error), qPrintable(error));
        QCOMPARE(back, c);

        // Relative ranges survive too; defaults fill missing keys.
        PanelConfig d;
        QVERIFY(PanelConfig::fromJson(QJsonObject{}, &d, &error));
        QCOMPARE(d, PanelConfig());
        PanelConfig e = c;
        e.lastSeconds = 900;
        QVERIFY(PanelConfig::fromJson(e.toJson(), &back, &error));
        QCOMPARE(back.lastSeconds, qint64(900));

        // Bad input: a clear error and *out untouched.
        const PanelConfig before = back;
        QVERIFY(!PanelConfig::fromJson(QJsonObject{{QStringLiteral("style"), QStringLiteral("pie")}}, &back, &error));
        QVERIFY(error.contains(QStringLiteral("style")));
        QVERIFY(!PanelConfig::fromJson(QJsonObject{{QStringLiteral("queries"), 3}}, &back, &error));
        QVERIFY(error.contains(QStringLiteral("queries")));
        QVERIFY(!PanelConfig::fromJson(
            QJsonObject{{QStringLiteral("range"), QJsonObject{{QStringLiteral("from"), 5}, {QStringLiteral("to"), 1}}}},
            &back, &error));
        QCOMPARE(back, before);
    }

    void legendModelAndHiding()
    {
        GraphPanel panel(nullptr);
        panel.resize(900, 600);
        QAbstractItemModelTester tester(panel.legendModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        vigil::promql::Matrix m(3);
        for (int i = 0; i < 3; ++i) {
            m[size_t(i)].metric = vigil::model::Labels{{"instance", std::string(1, char('a' + i))}};
            for (int t = 0; t < 100; ++t) m[size_t(i)].points.push_back({t * 1000, double(i * 100 + t)});
        }
        panel.showSeries(mapMatrix(m, 0, QStringLiteral("{{instance}}"), 1000), 0, 99);
        SeriesTableModel *model = panel.legendModel();
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->data(model->index(1, SeriesTableModel::Name), Qt::DisplayRole).toString(), QStringLiteral("b"));
        QCOMPARE(model->data(model->index(1, SeriesTableModel::Max), Qt::DisplayRole).toString(), QStringLiteral("199"));
        QCOMPARE(model->data(model->index(2, SeriesTableModel::Mean), Qt::DisplayRole).toString(), QStringLiteral("250"));

        QSignalSpy changed(&panel, &GraphPanel::configChanged);
        QVERIFY(model->setData(model->index(1, SeriesTableModel::Name), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(changed.count(), 1);
        QVERIFY(panel.config().hidden.contains(QStringLiteral("0|{instance=\"b\"}")));
        QCOMPARE(panel.plot()->valuesAt(50).size(), 2);  // the hidden one is not in the tooltip
        QCOMPARE(panel.plot()->valuesAt(50).first(), QStringLiteral("c: 250"));
        // The hidden key is kept across new data and through the JSON config.
        panel.showSeries(mapMatrix(m, 0, QStringLiteral("{{instance}}"), 1000), 0, 99);
        QCOMPARE(model->data(model->index(1, SeriesTableModel::Name), Qt::CheckStateRole).value<Qt::CheckState>(),
                 Qt::Unchecked);

        // CSV: header plus one row per sample.
        QBuffer buf;
        buf.open(QIODevice::WriteOnly);
        QVERIFY(panel.writeCsv(&buf));
        const QList<QByteArray> lines = buf.data().trimmed().split('\n');
        QCOMPARE(lines.size(), 301);
        QCOMPARE(lines[0], QByteArray("series,time,value"));
        QCOMPARE(lines[1], QByteArray("a,1970-01-01T00:00:00.000Z,0"));

        // The plot draws (PNG export renders the same way).
        const QPixmap png = panel.plot()->toPixmap(400, 300);
        QCOMPARE(png.width(), 400);
        QVERIFY(!png.toImage().isNull());
    }

    // Pointing at a legend row emphasises that series (wider, opaque pen)
    // and fades the others; moving off the rows or leaving the table
    // restores every series. The events are the ones the legend's viewport
    // gets from the window system (QTest mouse moves, then a Leave).
    void legendHoverHighlights()
    {
        GraphPanel panel(nullptr);
        panel.resize(900, 600);
        vigil::promql::Matrix m(3);
        for (int i = 0; i < 3; ++i) {
            m[size_t(i)].metric = vigil::model::Labels{{"instance", std::string(1, char('a' + i))}};
            for (int t = 0; t < 100; ++t) m[size_t(i)].points.push_back({t * 1000, double(i * 100 + t)});
        }
        panel.showSeries(mapMatrix(m, 0, QStringLiteral("{{instance}}"), 1000), 0, 99);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTableView *legend = panel.legendView();
        QCOMPARE(legend->model()->rowCount(), 3);
        GraphPlot *plot = panel.plot();
        QCOMPARE(plot->graphCount(), 3);
        auto isPlain = [plot](int g) {
            const QPen pen = plot->graph(g)->pen();
            return pen.color() == plot->colorOf(size_t(g)) && pen.color().alpha() == 255 && pen.widthF() == 1.0;
        };
        for (int g = 0; g < 3; ++g) QVERIFY(isPlain(g));

        // Sorted by name descending, so the view's rows differ from the series' order.
        legend->sortByColumn(SeriesTableModel::Name, Qt::DescendingOrder);
        QCOMPARE(legend->model()->index(0, SeriesTableModel::Name).data().toString(), QStringLiteral("c"));
        const QModelIndex bRow = legend->model()->index(1, SeriesTableModel::Name);
        QCOMPARE(bRow.data().toString(), QStringLiteral("b"));

        QWidget *viewport = legend->viewport();
        QTest::mouseMove(viewport, legend->visualRect(bRow).center());
        QTRY_COMPARE(plot->graph(1)->pen().widthF(), 2.5);  // "b" is the second series
        QCOMPARE(plot->graph(1)->pen().color().alpha(), 255);
        for (int g : {0, 2}) {
            QCOMPARE(plot->graph(g)->pen().color().alpha(), 45);
            QCOMPARE(plot->graph(g)->pen().widthF(), 1.0);
        }

        // To another row: the highlight follows.
        QTest::mouseMove(viewport, legend->visualRect(legend->model()->index(0, SeriesTableModel::Name)).center());
        QTRY_COMPARE(plot->graph(2)->pen().widthF(), 2.5);
        QCOMPARE(plot->graph(1)->pen().color().alpha(), 45);
        QCOMPARE(plot->graph(1)->pen().widthF(), 1.0);

        // Below the last row (still inside the table): nothing is highlighted.
        const QRect last = legend->visualRect(legend->model()->index(2, SeriesTableModel::Name));
        QVERIFY(last.bottom() + 10 < viewport->height());
        QTest::mouseMove(viewport, QPoint(last.center().x(), last.bottom() + 8));
        QTRY_VERIFY(isPlain(0) && isPlain(1) && isPlain(2));

        // Back on a row, then the pointer leaves the table.
        QTest::mouseMove(viewport, legend->visualRect(bRow).center());
        QTRY_COMPARE(plot->graph(1)->pen().widthF(), 2.5);
        QEvent leave(QEvent::Leave);
        QApplication::sendEvent(viewport, &leave);
        for (int g = 0; g < 3; ++g) QVERIFY(isPlain(g));
    }

    // The same for series drawn by the dense layer (more points than pixel
    // columns): the others are drawn faded, the highlighted one in its colour.
    void legendHoverHighlightsDenseSeries()
    {
        GraphPanel panel(nullptr);
        panel.resize(700, 600);
        std::vector<PlotSeries> list;
        for (int i = 0; i < 2; ++i) {
            PlotSeries s;
            s.key = QStringLiteral("k%1").arg(i);
            s.name = QStringLiteral("s%1").arg(i);
            for (int t = 0; t < 10000; ++t) {
                s.x << t;
                s.y << (i == 0 ? 10.0 : 20.0);
            }
            list.push_back(std::move(s));
        }
        panel.showSeries(std::move(list), 0, 9999);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        GraphPlot *plot = panel.plot();
        plot->replot(QCustomPlot::rpImmediateRefresh);
        QCOMPARE(plot->denseSeriesCount(), 2);
        // Whether series `i`'s own colour is drawn on its line (a pixel or two of slack).
        auto drawnInColour = [plot](int i) {
            const QImage img = plot->toPixmap(plot->width(), plot->height()).toImage();
            const int px = int(plot->xAxis->coordToPixel(5000));
            const int py = int(plot->yAxis->coordToPixel(i == 0 ? 10.0 : 20.0));
            const QRgb want = plot->colorOf(size_t(i)).rgb() & 0xffffff;
            for (int dy = -3; dy <= 3; ++dy)
                if ((img.pixel(px, py + dy) & 0xffffff) == want) return true;
            return false;
        };
        QVERIFY(drawnInColour(0));
        QVERIFY(drawnInColour(1));
        QTableView *legend = panel.legendView();
        QTest::mouseMove(legend->viewport(), legend->visualRect(legend->model()->index(1, SeriesTableModel::Name)).center());
        QTRY_VERIFY(!drawnInColour(0));  // faded
        QVERIFY(drawnInColour(1));
        QEvent leave(QEvent::Leave);
        QApplication::sendEvent(legend->viewport(), &leave);
        QVERIFY(drawnInColour(0));
        QVERIFY(drawnInColour(1));
    }

    void denseLinesKeepSpikes()
    {
        // 10,000 points into ~350 columns: drawn by the dense layer, spike included.
        GraphPlot plot;
        plot.resize(400, 300);
        PlotSeries s;
        s.key = QStringLiteral("k");
        for (int i = 0; i < 10000; ++i) {
            s.x << i;
            s.y << (i == 6001 ? 10.0 : 5.0);
        }
        std::vector<PlotSeries> list;
        list.push_back(s);
        plot.setSeries(std::move(list), 0, 9999);
        plot.replot(QCustomPlot::rpImmediateRefresh);  // lays out and redecimates for the width
        const QImage img = plot.toPixmap(400, 300).toImage();
        if (qEnvironmentVariableIsSet("VIGIL_SAVE_DENSE")) img.save(QStringLiteral("/tmp/dense.png"));
        QCOMPARE(plot.denseSeriesCount(), 1);
        const QRgb color = plot.colorOf(0).rgb();
        auto near = [&](double x, double v) {
            const int px = int(plot.xAxis->coordToPixel(x)), py = int(plot.yAxis->coordToPixel(v));
            for (int dx = -1; dx <= 1; ++dx)
                for (int dy = -3; dy <= 3; ++dy)  // toPixmap lays out again: a pixel or two off the widget's axes
                    if ((img.pixel(px + dx, py + dy) & 0xffffff) == (color & 0xffffff)) return true;
            qInfo() << "no series colour near" << px << py << Qt::hex << img.pixel(px, py) << color;
            return false;
        };
        QVERIFY(near(6001, 10));  // the one-sample spike reaches its top
        QVERIFY(near(2000, 5));
        QVERIFY(!near(2000, 8));  // nothing drawn where there is no data
        // Hiding it empties the layer.
        plot.setHidden({QStringLiteral("k")});
        QCOMPARE(plot.denseSeriesCount(), 0);
    }

    // Every pixel column of a dense line covers its points' extremes: the
    // rows of each column's smallest and largest value carry the line's
    // colour (random walks, two lines, the second drawn over the first).
    void denseLinesCoverEachColumnsExtremes()
    {
        GraphPlot plot;
        plot.resize(500, 300);
        std::vector<PlotSeries> list;
        QRandomGenerator rng(7);
        for (int k = 0; k < 2; ++k) {
            PlotSeries s;
            s.key = QString::number(k);
            double v = k == 0 ? 20 : 80;
            for (int i = 0; i < 6000; ++i) {
                s.x << i;
                v = std::clamp(v + rng.bounded(2.0) - 1.0, 0.0, 100.0);
                s.y << v;
            }
            list.push_back(std::move(s));
        }
        const std::vector<PlotSeries> data = list;
        plot.setSeries(std::move(list), 0, 5999);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.replot(QCustomPlot::rpImmediateRefresh);
        QCOMPARE(plot.denseSeriesCount(), 2);
        const QImage img = plot.grab().toImage();
        const QRect area = plot.axisRect()->rect();
        int checked = 0;
        for (int k = 0; k < 2; ++k) {
            const QRgb want = plot.colorOf(size_t(k)).rgb() & 0xffffff;
            const QRgb other = plot.colorOf(size_t(1 - k)).rgb() & 0xffffff;
            // Per pixel column (as the layer maps x), the extremes of the points in it.
            std::map<int, std::pair<double, double>> columns;
            const double sx = double(area.width()) / 5999.0;
            for (int i = 0; i < 6000; ++i) {
                const int c = int(std::floor(double(i) * sx));
                auto [it, fresh] = columns.try_emplace(c, data[size_t(k)].y[i], data[size_t(k)].y[i]);
                it->second.first = std::min(it->second.first, data[size_t(k)].y[i]);
                it->second.second = std::max(it->second.second, data[size_t(k)].y[i]);
            }
            for (const auto &[c, mm] : columns) {
                if (c <= 0 || c >= area.width() - 1) continue;
                for (double v : {mm.first, mm.second}) {
                    const int px = area.left() + c;
                    const int py = int(std::lround(plot.yAxis->coordToPixel(v)));
                    bool found = false, covered = false;
                    for (int dy = -1; dy <= 1 && !found; ++dy) {
                        const QRgb p = img.pixel(px, py + dy) & 0xffffff;
                        found = p == want;
                        covered = covered || p == other;  // the second line may lie over the first
                    }
                    QVERIFY2(found || (k == 0 && covered),
                             qPrintable(QStringLiteral("line %1, column %2, value %3").arg(k).arg(c).arg(v)));
                    ++checked;
                }
            }
        }
        QVERIFY(checked > 1500);
    }

    void panelQueriesTheEngine()
    {
        QVERIFY2(QFile::exists(QStringLiteral("/usr/bin/prometheus-node-exporter")),
                 "prometheus-node-exporter is required (packaging/dev.sh installs it)");
        vigil::testing::ScrapedEngine fixture;
        QVERIFY2(fixture.ok(), "the engine did not scrape the node exporter");
        GraphPanel panel(fixture.engine());
        panel.resize(1000, 700);
        PanelConfig c;
        c.lastSeconds = 300;
        c.queries = {{QStringLiteral("node_cpu_seconds_total{mode=\"idle\"}"), QStringLiteral("cpu {{cpu}}")},
                     {QStringLiteral("up"), QStringLiteral("{{job}} up")}};
        panel.setConfig(c);
        QSignalSpy refreshed(&panel, &GraphPanel::refreshed);
        // A second refresh right away cancels the first: exactly one answer arrives.
        panel.refresh();
        panel.refresh();
        QVERIFY(refreshed.wait(20000));
        QTest::qWait(300);
        QCOMPARE(refreshed.count(), 1);
        QCOMPARE(refreshed.first().first().toString(), QString());
        const auto &series = panel.plot()->series();
        QVERIFY(series.size() >= 2);
        QCOMPARE(series.back().name, QStringLiteral("node up"));
        QCOMPARE(series.front().name, QStringLiteral("cpu 0"));
        QCOMPARE(panel.legendModel()->rowCount(), int(series.size()));
        QVERIFY(panel.plot()->drawnPointCount() > 0);

        // A bad query reports the parser's message.
        c.queries = {{QStringLiteral("rate(up)"), QString()}};
        panel.setConfig(c);
        panel.refresh();
        QVERIFY(refreshed.wait(20000));
        QVERIFY2(refreshed.last().first().toString().contains(QStringLiteral("range vector")),
                 qPrintable(refreshed.last().first().toString()));
    }
};

QTEST_MAIN(TestGraphPanel)
#include "tst_graph_panel.moc"
