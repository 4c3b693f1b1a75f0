// The built-in dashboards against real data: an Engine with its HTTP API on
// that scrapes itself and a real prometheus-node-exporter every second (both
// on free loopback ports, the exporter stopped by its PID). Every panel of
// every built-in must show data, except those that only have data while
// alerts fire (no rule engine runs here); variables fill from label values;
// a narrowed selection reaches the queries. Screenshots of the three
// dashboards in English and Korean go to <build>/artifacts/screenshots/.
// Runs under Xvfb (tests/ui/CMakeLists.txt).
#include "dashboards/dashboard_library.h"
#include "dashboards/dashboard_view.h"
#include "dashboards/panel_frame.h"
#include "dashboards/value_panel.h"
#include "dashboards/dashboard_grid.h"
#include "i18n.h"
#include "pages/dashboards_page.h"
#include "runtime/engine.h"
#include "runtime/query_service.h"
#include "widgets/graph_panel.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QRegularExpression>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace vigil;
using namespace vigil::ui;

namespace {

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

// Panels that have data only while alerts fire: ALERTS without a fallback.
bool needsFiringAlerts(const DashboardPanel &p)
{
    for (const auto &q : p.config.queries) {
        if (q.expr.contains(QLatin1String("ALERTS")) && !q.expr.contains(QLatin1String("vector(0)"))) return true;
    }
    return false;
}

}  // namespace

class TestDashboardsLive : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QProcess node_;
    std::unique_ptr<runtime::Engine> engine_;
    quint16 nodePort_ = 0, webPort_ = 0;

    double instant(const std::string &q)
    {
        QFutureWatcher<runtime::QueryOutcome> w;
        QSignalSpy spy(&w, &QFutureWatcher<runtime::QueryOutcome>::finished);
        w.setFuture(engine_->queryService()->instantQuery(q, QDateTime::currentMSecsSinceEpoch()));
        if (!spy.wait(10000)) return -1;
        const auto out = w.future().result();
        const auto *v = std::get_if<promql::Vector>(&out.result.value);
        return out.status.isOk() && v && !v->empty() ? v->front().v : -1;
    }

    // A view of the built-in `name` over the last 5 minutes, shown and refreshed once.
    std::unique_ptr<DashboardView> openView(const QString &name, int *withData, int rangeSeconds = 300)
    {
        auto d = dashboard_library::find(nullptr, name);
        if (!d.isOk()) return nullptr;
        Dashboard dash = *d;
        dash.rangeSeconds = rangeSeconds;
        for (auto &p : dash.panels) p.config.lastSeconds = rangeSeconds;
        auto view = std::make_unique<DashboardView>(engine_.get());
        view->resize(1500, 1100);
        QSignalSpy spy(view.get(), &DashboardView::refreshFinished);
        view->setDashboard(dash);
        view->show();
        if (!spy.wait(30000)) return nullptr;
        *withData = spy.last().at(0).toInt();
        return view;
    }

private Q_SLOTS:
    void initTestCase()
    {
        nodePort_ = freePort();
        node_.start(QStringLiteral("/usr/bin/prometheus-node-exporter"),
                    {QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(nodePort_)});
        QVERIFY2(node_.waitForStarted(5000), "prometheus-node-exporter must be installed (packaging/dev.sh deps)");
        webPort_ = freePort();
        QFile cfg(dir_.filePath(QStringLiteral("prometheus.yml")));
        QVERIFY(cfg.open(QIODevice::WriteOnly));
        cfg.write(QStringLiteral("global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n"
                                 "- job_name: vigil\n  static_configs:\n  - targets: ['127.0.0.1:%1']\n"
                                 "- job_name: node\n  static_configs:\n  - targets: ['127.0.0.1:%2']\n")
                      .arg(webPort_)
                      .arg(nodePort_)
                      .toUtf8());
        cfg.close();
        config::EngineOptions o;
        o.storagePath = dir_.filePath(QStringLiteral("data")).toStdString();
        o.configFile = cfg.fileName().toStdString();
        o.listenAddress = "127.0.0.1:" + std::to_string(webPort_);
        engine_ = std::make_unique<runtime::Engine>(o);
        engine_->setNodeExporterAddress(QStringLiteral("127.0.0.1:1"));
        engine_->start();
        QTRY_VERIFY_WITH_TIMEOUT(engine_->state() == runtime::Engine::State::Running, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(instant("count(up == 1)") == 2, 20000);
        // Some API traffic besides the scrapes of /metrics, for the latency and throughput panels.
        QNetworkAccessManager nam;
        for (int i = 0; i < 5; ++i) {
            QNetworkReply *r = nam.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/query?query=up").arg(webPort_))));
            QSignalSpy done(r, &QNetworkReply::finished);
            QVERIFY(done.wait(5000));
            QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            r->deleteLater();
            QTest::qWait(300);
        }
        // Rates need two samples of the counters after the traffic.
        QTRY_VERIFY_WITH_TIMEOUT(instant("sum(rate(vigil_http_requests_total{handler=\"/api/v1/query\"}[1m]))") > 0, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(instant("count(rate(node_cpu_seconds_total[1m]))") > 0, 20000);
    }

    void cleanupTestCase()
    {
        if (engine_) engine_->stop();
        engine_.reset();
        node_.kill();
        node_.waitForFinished(5000);
    }

    void everyPanelShowsData_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *n : {"executive", "operations", "developers"}) QTest::newRow(n) << QString::fromLatin1(n);
    }
    void everyPanelShowsData()
    {
        QFETCH(QString, name);
        int withData = 0;
        auto view = openView(name, &withData);
        QVERIFY(view);
        const Dashboard &d = view->dashboard();
        int exempt = 0;
        for (int i = 0; i < d.panels.size(); ++i) {
            PanelFrame *f = view->panelFrame(i);
            const QString what = name + QStringLiteral(" / ") + d.panels[i].config.title + QStringLiteral(": ") +
                                 f->expandedQueries().join(QStringLiteral(" ; "));
            if (f->valuePanel()) QVERIFY2(f->valuePanel()->data().error.isEmpty(), qPrintable(what + f->valuePanel()->data().error));
            if (needsFiringAlerts(d.panels[i])) {
                ++exempt;
                QVERIFY2(!f->hasData(), qPrintable(what));  // no rule engine here: nothing fires
                continue;
            }
            QVERIFY2(f->hasData(), qPrintable(what));
        }
        QCOMPARE(withData, d.panels.size() - exempt);
    }

    void variablesFillAndNarrowQueries()
    {
        int withData = 0;
        auto view = openView(QStringLiteral("operations"), &withData);
        QVERIFY(view);
        const QString node = QStringLiteral("127.0.0.1:%1").arg(nodePort_);
        QCOMPARE(view->variableValues(QStringLiteral("instance")), QStringList{node});
        // All of one value: a regex of that value, its dots escaped.
        QString cpu;
        for (int i = 0; i < view->dashboard().panels.size(); ++i) {
            if (view->dashboard().panels[i].config.title.startsWith(QLatin1String("CPU"))) cpu = view->panelFrame(i)->expandedQueries().join(QString());
        }
        QVERIFY2(cpu.contains(QStringLiteral("instance=~\"127\\\\.0\\\\.0\\\\.1:%1\"").arg(nodePort_)), qPrintable(cpu));

        auto dev = openView(QStringLiteral("developers"), &withData);
        QVERIFY(dev);
        const QStringList handlers = dev->variableValues(QStringLiteral("handler"));
        QVERIFY2(handlers.contains(QStringLiteral("/metrics")) && handlers.contains(QStringLiteral("/api/v1/query")),
                 qPrintable(handlers.join(QLatin1Char(','))));
    }

    // A refresh started while one is in flight supersedes it: one answer, the second's.
    void supersededRefreshIsDropped()
    {
        DashboardPanel p;
        p.type = PanelType::Table;
        p.config.queries = {{QStringLiteral("up"), QStringLiteral("{{job}}")}};
        ValuePanel panel(engine_.get(), p);
        QSignalSpy spy(&panel, &ValuePanel::refreshed);
        panel.refresh({QStringLiteral("up")}, 60000);
        panel.refresh({QStringLiteral("up{job=\"node\"}")}, 60000);
        QVERIFY(spy.wait(10000));
        QTest::qWait(300);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(panel.data().items.size(), 1);
        QCOMPARE(panel.data().items.front().name, QStringLiteral("node"));
    }

    // The Dashboards page over the engine's app.db: lists the built-ins, its Add target button asks
    // for the Targets form, a duplicate and an edit are saved and read back, a delete removes it.
    void dashboardsPage()
    {
        DashboardsPage page(engine_.get());
        page.resize(1400, 900);
        QSignalSpy loaded(&page, &DashboardsPage::listLoaded);
        QVERIFY(loaded.count() > 0 || loaded.wait(10000));
        QVERIFY(page.names().contains(QStringLiteral("operations")));
        QVERIFY(page.openDashboard(QStringLiteral("operations")));
        page.show();
        QCOMPARE(page.view()->dashboard().name, QStringLiteral("operations"));

        QSignalSpy addTarget(&page, &DashboardsPage::addTargetRequested);
        page.findChild<QPushButton *>(QStringLiteral("addTargetButton"))->click();
        QCOMPARE(addTarget.count(), 1);

        QSignalSpy saved(&page, &DashboardsPage::saved);
        page.duplicateCurrent();
        QVERIFY(saved.wait(10000));
        QCOMPARE(saved.last().at(0).toString(), QStringLiteral("operations-copy"));
        QCOMPARE(saved.last().at(1).toString(), QString());
        QCOMPARE(page.currentName(), QStringLiteral("operations-copy"));
        // A drag in the grid is saved (debounced) into app.db.
        Q_EMIT page.view()->grid()->geometryEdited(0, QRect(10, 20, 5, 3));
        QVERIFY(saved.wait(10000));
        auto stored = dashboard_library::find(engine_->appStore(), QStringLiteral("operations-copy"));
        QVERIFY(stored.isOk());
        QCOMPARE(stored->panels[0].grid, QRect(10, 20, 5, 3));
        // A fresh page reads it back from app.db.
        DashboardsPage again(engine_.get());
        QSignalSpy loaded2(&again, &DashboardsPage::listLoaded);
        QVERIFY(loaded2.wait(10000));
        QVERIFY(again.names().contains(QStringLiteral("operations-copy")));

        QTimer::singleShot(300, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) box->button(QMessageBox::Yes)->click();
        });
        QSignalSpy reloaded(&page, &DashboardsPage::listLoaded);
        page.deleteCurrent();
        QVERIFY(reloaded.wait(10000));
        QVERIFY(!page.names().contains(QStringLiteral("operations-copy")));
        QCOMPARE(dashboard_library::find(engine_->appStore(), QStringLiteral("operations-copy")).status().code(),
                 Status::Code::NotFound);
    }

    void screenshots()
    {
        const QString outDir = qEnvironmentVariable("VIGIL_BINARY_DIR") + QStringLiteral("/artifacts/screenshots");
        QVERIFY(QDir().mkpath(outDir));
        QTest::qWait(10000);  // some history for the graphs to show
        for (const QString lang : {QStringLiteral("en"), QStringLiteral("ko")}) {
            QList<QTranslator *> before = qApp->findChildren<QTranslator *>();
            QVERIFY(installTranslators(*qApp, lang));
            for (const QString name : {QStringLiteral("executive"), QStringLiteral("operations"), QStringLiteral("developers")}) {
                int withData = 0;
                auto view = openView(name, &withData, 60);  // the last minute: the data this test has
                QVERIFY(view);
                QTest::qWait(200);  // queued replots
                const QString title = view->findChild<QLabel *>(QStringLiteral("dashboardTitle"))->text();
                QCOMPARE(title, view->dashboard().title.forLanguage(lang));
                if (lang == QLatin1String("ko")) QVERIFY(title.contains(QRegularExpression(QStringLiteral("[\\x{AC00}-\\x{D7A3}]"))));
                const QImage img = view->grab().toImage();
                // Not blank: many distinct colours (panels, text, tiles).
                QSet<QRgb> colours;
                for (int y = 0; y < img.height(); y += 7)
                    for (int x = 0; x < img.width(); x += 7) colours.insert(img.pixel(x, y));
                QVERIFY2(colours.size() > 20, qPrintable(name));
                const QString file = outDir + QStringLiteral("/dashboard-%1-%2.png").arg(name, lang);
                QVERIFY(img.save(file));
            }
            for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
                if (!before.contains(t)) {
                    QCoreApplication::removeTranslator(t);
                    delete t;
                }
            }
        }
        installTranslators(*qApp, QStringLiteral("en"));
    }
};

QTEST_MAIN(TestDashboardsLive)
#include "tst_dashboards_live.moc"
