// The console's incident parts against a real engine: the Incidents page
// (list model, timeline, notes, acknowledgement, correlation, export), markers
// on a graph panel, and the panel's before/after overlay (a shifted range
// query over the earlier window, drawn on the current one, with the change in
// percent in the legend).
#include "incidents/incident_service.h"
#include "models/incident_list_model.h"
#include "pages/incidents_page.h"
#include "rules/alert_sink.h"
#include "runtime/engine.h"
#include "tsdb/db.h"
#include "widgets/comparison.h"
#include "widgets/graph_panel.h"
#include "widgets/graph_plot.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace vigil;
using namespace vigil::ui;
using vigil::runtime::Engine;

class TestIncidentsPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        config::EngineOptions o;
        o.storagePath = dir_.filePath(QStringLiteral("data")).toStdString();
        o.webEnabled = false;
        engine_ = std::make_unique<Engine>(o);
        engine_->setNodeExporterAddress(QStringLiteral("127.0.0.1:1"));
        engine_->start();
        QTRY_COMPARE_WITH_TIMEOUT(engine_->state(), Engine::State::Running, 20000);
        // demo_load: 10 until 10.5 minutes ago, then 15 (samples every 15 s over 30 minutes);
        // pool_in_use follows it, noise does not.
        now_ = QDateTime::currentMSecsSinceEpoch() / 15000 * 15000;
        auto app = engine_->storage()->appender();
        for (int64_t t = now_ - 30 * 60'000; t <= now_; t += 15'000) {
            const double v = t < now_ - 630'000 ? 10 : 15;
            QVERIFY(app->append(0, model::Labels{{"__name__", "demo_load"}, {"instance", "h:1"}, {"job", "demo"}}, t, v).isOk());
            QVERIFY(app->append(0, model::Labels{{"__name__", "pool_in_use"}, {"instance", "h:1"}, {"job", "demo"}}, t, v * 3 + 1).isOk());
            QVERIFY(app->append(0, model::Labels{{"__name__", "noise"}, {"instance", "h:1"}, {"job", "demo"}}, t,
                                std::sin(double(t) / 7e4)).isOk());
        }
        QVERIFY(app->commit().isOk());
    }
    void cleanupTestCase() { engine_->stop(); }

    void shiftedOverlayAndChangeInLegend()
    {
        QCOMPARE(changePercent(15, 10), 50.0);
        QCOMPARE(changePercent(5, -10), 150.0);
        QVERIFY(std::isnan(changePercent(5, 0)));

        GraphPanel panel(engine_.get());
        panel.resize(900, 500);
        PanelConfig c;
        c.queries = {PanelQuery{QStringLiteral("demo_load"), QStringLiteral("{{instance}}")}};
        c.lastSeconds = 0;
        c.fromMs = now_ - 600'000;
        c.toMs = now_;
        c.compareOffsetSeconds = 600;
        panel.setConfig(c);
        QCOMPARE(PanelConfig::fromJson(c.toJson(), &c, nullptr), true);
        QCOMPARE(c.compareOffsetSeconds, qint64(600));
        QSignalSpy done(&panel, &GraphPanel::refreshed);
        panel.refresh();
        QVERIFY(done.wait(20000));
        QCOMPARE(done.first().at(0).toString(), QString());
        const auto &series = panel.plot()->series();
        QCOMPARE(series.size(), size_t(2));
        const PlotSeries &now = series[0], &earlier = series[1];
        QVERIFY(earlier.key.startsWith(QStringLiteral("cmp|")));
        // The earlier window's points sit on the current window's times.
        QCOMPARE(earlier.x.size(), now.x.size());
        QCOMPARE(earlier.x.front(), now.x.front());
        QCOMPARE(earlier.x.back(), now.x.back());
        QVERIFY(earlier.x.front() >= double(now_ - 600'000) / 1000.0);
        QCOMPARE(earlier.y.front(), 10.0);  // demo_load 20 minutes ago
        QCOMPARE(now.y.back(), 15.0);
        QVERIFY(now.stats.mean > 14.9);
        QVERIFY(earlier.stats.mean > 10 && earlier.stats.mean < 11);  // the last 30 s of it are 15
        const double pct = changePercent(now.stats.mean, earlier.stats.mean);
        QVERIFY2(now.name.contains(QStringLiteral("(+%1 % vs 10 min earlier)").arg(pct, 0, 'f', 1)), qPrintable(now.name));
        QVERIFY(earlier.name.endsWith(QStringLiteral("(10 min earlier)")));
        QCOMPARE(panel.compareLabel(), QStringLiteral("10 min earlier"));
    }

    void markersOnEveryGraph()
    {
        incidents::Marker m;
        m.timeMs = now_ - 300'000;
        m.text = "deploy demo 2.0";
        QFuture<Status> added = engine_->incidents()->addMarker(m);
        QTRY_VERIFY(added.isFinished());
        QVERIFY(added.result().isOk());
        GraphPanel panel(engine_.get());
        PanelConfig c;
        c.queries = {PanelQuery{QStringLiteral("demo_load"), QString()}};
        c.lastSeconds = 0;
        c.fromMs = now_ - 600'000;
        c.toMs = now_;
        panel.setConfig(c);
        panel.refresh();
        QTRY_COMPARE(panel.plot()->markers().size(), qsizetype(1));
        QCOMPARE(panel.plot()->markers().front().text, QStringLiteral("deploy demo 2.0"));
        QCOMPARE(panel.plot()->markers().front().xSec, double(m.timeMs) / 1000.0);
        // "Before the marker" is offered for comparison; choosing it compares with the 5 minutes before it.
        auto *box = panel.findChild<QComboBox *>(QStringLiteral("compareBox"));
        QVERIFY(box);
        const int idx = box->findText(QStringLiteral("Before marker: deploy demo 2.0"));
        QVERIFY(idx > 0);
        box->setCurrentIndex(idx);
        QSignalSpy done(&panel, &GraphPanel::refreshed);
        Q_EMIT box->activated(idx);
        QVERIFY(done.wait(20000));
        QCOMPARE(panel.config().compareOffsetSeconds, qint64(300));
        QCOMPARE(panel.compareLabel(), QStringLiteral("before “deploy demo 2.0”"));
        QCOMPARE(panel.plot()->series().size(), size_t(2));
        // A marker added later reaches the panel by itself.
        m.timeMs = now_ - 200'000;
        m.text = "config change";
        engine_->incidents()->addMarker(m);
        QTRY_COMPARE(panel.plot()->markers().size(), qsizetype(2));
    }

    void manualMarkerFromPage()
    {
        // "Add marker…" on the Incidents page stores a manual marker at the current time.
        IncidentsPage page(engine_.get());
        QSignalSpy added(&page, &IncidentsPage::markerAdded);
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        page.addMarker(QStringLiteral("deploy api 3.1"));
        QVERIFY(added.wait(20000));
        QCOMPARE(added.first().at(0).toString(), QString());
        auto markers = engine_->incidents()->markers(before, QDateTime::currentMSecsSinceEpoch() + 1000);
        QTRY_VERIFY(markers.isFinished());
        bool found = false;
        for (const auto &m : markers.result().markers)
            if (m.text == "deploy api 3.1" && m.source == "manual" && m.timeMs >= before) found = true;
        QVERIFY(found);
    }

    void pageFollowsAnIncident()
    {
        IncidentsPage page(engine_.get());
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        model::Alert a;
        a.labels = model::Labels{{"alertname", "DemoHigh"}, {"severity", "critical"}, {"instance", "h:1"}, {"job", "demo"}};
        a.activeAtMs = now_ - 120'000;
        a.startsAtMs = now_ - 60'000;
        a.generatorUrl = "/graph?g0.expr=demo_load+%3E+12&g0.tab=1";
        engine_->incidents()->alertSink()->send({a});
        QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 1, 10000);
        QCOMPARE(page.model()->data(page.model()->index(0, IncidentListModel::Title)).toString(), QStringLiteral("DemoHigh on h:1"));
        QCOMPARE(page.model()->data(page.model()->index(0, IncidentListModel::State)).toString(), QStringLiteral("Open"));
        page.select(page.model()->incident(0).id);
        QTRY_COMPARE(page.timelineTable()->rowCount(), 1);
        QCOMPARE(page.timelineTable()->item(0, 1)->text(), QStringLiteral("fired"));

        // A note typed into the page lands on the timeline.
        auto *note = page.findChild<QLineEdit *>(QStringLiteral("noteEdit"));
        QVERIFY(note);
        note->setText(QStringLiteral("load doubled after the deploy"));
        Q_EMIT note->returnPressed();
        QTRY_COMPARE(page.timelineTable()->rowCount(), 2);
        QCOMPARE(page.timelineTable()->item(1, 3)->text(), QStringLiteral("load doubled after the deploy"));
        QVERIFY(note->text().isEmpty());
        page.acknowledge();
        QTRY_COMPARE(page.model()->data(page.model()->index(0, IncidentListModel::State)).toString(),
                     QStringLiteral("Acknowledged"));

        // Scope: the alert expression, its input and the node's four panels.
        page.showScope();
        QCOMPARE(page.scopePanels().size(), 6);

        // Correlation over the 30 minutes before the alert: pool_in_use moved with demo_load.
        QSignalSpy correlated(&page, &IncidentsPage::correlated);
        page.correlate();
        QVERIFY(correlated.wait(20000));
        QVERIFY(page.correlationTable()->rowCount() >= 1);
        QVERIFY2(page.correlationTable()->item(0, 0)->text().startsWith(QStringLiteral("pool_in_use{")),
                 qPrintable(page.correlationTable()->item(0, 0)->text()));
        QCOMPARE(page.correlationTable()->item(0, 1)->text(), QStringLiteral("1.000"));

        // Export from the page (Markdown with the correlation section).
        QSignalSpy exported(&page, &IncidentsPage::exported);
        const QString md = dir_.filePath(QStringLiteral("page.md"));
        page.exportTo(md);
        QVERIFY(exported.wait(30000));
        QCOMPARE(exported.first().at(1).toString(), QString());
        QFile f(md);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("## Correlated series"));
        QVERIFY(text.contains("load doubled after the deploy"));
        QVERIFY(QFile::exists(dir_.filePath(QStringLiteral("page-graph-1.png"))));
    }

private:
    QTemporaryDir dir_;
    std::unique_ptr<Engine> engine_;
    int64_t now_ = 0;
};

QTEST_MAIN(TestIncidentsPage)
#include "tst_incidents_page.moc"
