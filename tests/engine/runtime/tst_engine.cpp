#include "runtime/engine.h"
#include "incidents/incident_service.h"
#include "notify/notifier.h"
#include "store/app_store.h"
#include "scrape/scrape_manager.h"
#include "tsdb/db.h"

#include <QProcess>
#include <QTcpServer>

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using vigil::runtime::Engine;

namespace {

struct Reply {
    int status = 0;
    QByteArray body;
};

Reply get(const QString &url)
{
    QNetworkAccessManager nam;
    QNetworkRequest req{QUrl(url)};
    req.setTransferTimeout(5000);
    QNetworkReply *r = nam.get(req);
    QSignalSpy done(r, &QNetworkReply::finished);
    if (!r->isFinished()) done.wait(6000);
    Reply out{r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), r->readAll()};
    r->deleteLater();
    return out;
}

vigil::config::EngineOptions optionsFor(const QTemporaryDir &dir)
{
    vigil::config::EngineOptions o;
    o.storagePath = dir.filePath(QStringLiteral("data")).toStdString();
    o.listenAddress = "127.0.0.1:0";
    return o;
}

}  // namespace

class TestEngine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void notifierFromFlag()
    {
        // --notifier.config.file: the engine's Notifier routes alerts with it
        // (here to an action, whose attempt lands in app.db).
        QTemporaryDir dir;
        const QString am = dir.filePath(QStringLiteral("am.yml"));
        {
            QFile f(am);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("route:\n  receiver: act\n  group_wait: 0s\nreceivers:\n- name: act\n  action_configs:\n"
                    "  - command: /bin/true\n");
        }
        vigil::config::EngineOptions o = optionsFor(dir);
        QVERIFY(vigil::config::parseFlags({"--notifier.config.file=" + am.toStdString()}, o).isOk());
        Engine engine(o, true);
        engine.start();
        QTRY_COMPARE(engine.state(), Engine::State::Running);
        QVERIFY(engine.notifier());
        QCOMPARE(engine.notifier()->config().route.receiver, std::string("act"));
        vigil::model::Alert a;
        a.labels = vigil::model::Labels{{"alertname", "X"}, {"severity", "critical"}};
        engine.notifier()->send({a});
        QTRY_COMPARE(engine.appStore()->deliveryAttempts(5)->size(), size_t(1));
        QCOMPARE(engine.appStore()->deliveryAttempts(5)->at(0).status, std::string("ok"));
        engine.stop();

        // A bad notification config is fatal in headless mode.
        {
            QFile f(am);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write("route:\n  receiver: nope\n");
        }
        Engine bad(o, true);
        QSignalSpy errors(&bad, &Engine::errorOccurred);
        bad.start();
        QTRY_COMPARE(bad.state(), Engine::State::Failed);
        QVERIFY(errors.count() >= 1);
        QCOMPARE(errors.last().at(0).toString(), QStringLiteral("notifier"));
    }
    void acknowledgeAndHistoryThroughEngine()
    {
        // The console's asynchronous acknowledgement and history API (issue 10).
        QTemporaryDir dir;
        Engine stopped(optionsFor(dir), true);
        auto early = stopped.acknowledge({1, {}}, "alice", {});
        QVERIFY(early.isFinished());
        QCOMPARE(early.result().status.code(), vigil::Status::Code::FailedPrecondition);

        Engine engine(optionsFor(dir), true);
        engine.start();
        QTRY_COMPARE(engine.state(), Engine::State::Running);
        vigil::model::Alert a;
        a.labels = vigil::model::Labels{{"alertname", "DiskFull"}, {"severity", "warning"}, {"instance", "web1"}};
        engine.notifier()->send({a});
        vigil::notify::HistoryFilter fired;
        fired.fingerprint = a.fingerprint();
        auto ack = engine.acknowledge({a.fingerprint(), {}}, "alice", "looking");
        QVERIFY(!ack.isFinished());  // queued, never answered inside the call
        QTRY_VERIFY(ack.isFinished());
        QVERIFY2(ack.result().status.isOk(), ack.result().status.message().c_str());
        QCOMPARE(ack.result().acknowledgements.size(), size_t(1));
        auto stored = engine.acknowledgements(0, INT64_MAX);
        QTRY_VERIFY(stored.isFinished());
        QCOMPARE(stored.result().acknowledgements.size(), size_t(1));
        QCOMPARE(stored.result().acknowledgements[0].comment, std::string("looking"));
        auto h = engine.alertHistory(fired);
        QTRY_VERIFY(h.isFinished());
        QCOMPARE(h.result().events.size(), size_t(1));
        QCOMPARE(h.result().events[0].kind, vigil::notify::HistoryEvent::Kind::Acknowledged);
        QCOMPARE(h.result().events[0].actor, std::string("alice"));
        // The acknowledgement is a marker on graphs too.
        bool marked = false;
        for (int i = 0; i < 50 && !marked; ++i) {
            auto markers = engine.incidents()->markers(0, INT64_MAX);
            QTRY_VERIFY(markers.isFinished());
            for (const auto &m : markers.result().markers)
                if (m.source == "acknowledgement" && m.text == "Acknowledged DiskFull by alice: looking") marked = true;
            if (!marked) QTest::qWait(100);
        }
        QVERIFY(marked);
        engine.stop();
    }
    void ruleAlertReachesNotifier()
    {
        // End to end: a rule file from --config.file fires, and the engine hands
        // the alert to the notifier configured with --notifier.config.file.
        QTemporaryDir dir;
        auto write = [&dir](const char *name, const char *text) {
            QFile f(dir.filePath(QString::fromLatin1(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        };
        write("prometheus.yml", "global:\n  evaluation_interval: 1s\nrule_files:\n- rules.yml\n");
        write("rules.yml", "groups:\n- name: g\n  interval: 1s\n  rules:\n  - alert: AlwaysOn\n"
                           "    expr: vector(1)\n    labels:\n      severity: critical\n");
        write("am.yml", "route:\n  receiver: act\n  group_wait: 0s\n  group_by: [alertname]\nreceivers:\n"
                        "- name: act\n  action_configs:\n  - command: /bin/true\n");
        vigil::config::EngineOptions o = optionsFor(dir);
        QVERIFY(vigil::config::parseFlags({"--config.file=" + dir.filePath(QStringLiteral("prometheus.yml")).toStdString(),
                                           "--notifier.config.file=" + dir.filePath(QStringLiteral("am.yml")).toStdString()},
                                          o)
                    .isOk());
        Engine engine(o, true);
        engine.start();
        QTRY_COMPARE(engine.state(), Engine::State::Running);
        QTRY_VERIFY_WITH_TIMEOUT(!engine.appStore()->deliveryAttempts(5)->empty(), 20000);
        const auto attempt = engine.appStore()->deliveryAttempts(5)->at(0);
        QCOMPARE(attempt.receiver, std::string("act"));
        QCOMPARE(attempt.status, std::string("ok"));
        QVERIFY2(attempt.groupKey.find("AlwaysOn") != std::string::npos, attempt.groupKey.c_str());
        engine.stop();
    }
    void startsServesAndStops()
    {
        QTemporaryDir dir;
        Engine engine(optionsFor(dir), true);
        QSignalSpy states(&engine, &Engine::stateChanged);
        engine.start();
        QTRY_COMPARE(engine.state(), Engine::State::Running);
        QVERIFY(engine.webPort() > 0);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("data/app.db"))));
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(engine.webPort());
        Reply ready = get(base + QStringLiteral("/-/ready"));
        QCOMPARE(ready.status, 200);
        QCOMPARE(get(base + QStringLiteral("/-/healthy")).status, 200);
        Reply metrics = get(base + QStringLiteral("/metrics"));
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.body.contains("# TYPE process_cpu_seconds_total counter"));
        QVERIFY(metrics.body.contains("process_resident_memory_bytes "));
        // Lifecycle endpoints are off by default.
        QCOMPARE(engine.status().ready, true);
        engine.stop();
        QCOMPARE(engine.state(), Engine::State::Stopped);
        QVERIFY(states.count() >= 3);  // Starting, Running, Stopping, Stopped
        QCOMPARE(states.last().at(0).value<Engine::State>(), Engine::State::Stopped);
        // The port is released.
        QVERIFY(get(base + QStringLiteral("/-/ready")).status == 0);
    }

    void dataDirectoryIsExclusive()
    {
        QTemporaryDir dir;
        Engine first(optionsFor(dir), true);
        first.start();
        QTRY_COMPARE(first.state(), Engine::State::Running);
        Engine second(optionsFor(dir), true);
        QSignalSpy errors(&second, &Engine::errorOccurred);
        second.start();
        QCOMPARE(second.state(), Engine::State::Failed);
        QCOMPARE(errors.count(), 1);
        QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("storage"));
        QVERIFY(errors.at(0).at(1).toString().contains(QStringLiteral("in use by another Vigil")));
        first.stop();
        // Once released, the directory can be taken.
        Engine third(optionsFor(dir), true);
        third.start();
        QTRY_COMPARE(third.state(), Engine::State::Running);
    }

    void nonLoopbackNeedsExplicitFlag()
    {
        QTemporaryDir dir;
        auto o = optionsFor(dir);
        o.listenAddress = "0.0.0.0:0";
        Engine headless(o, true);
        QSignalSpy errors(&headless, &Engine::errorOccurred);
        headless.start();
        QCOMPARE(headless.state(), Engine::State::Failed);
        QVERIFY(errors.at(0).at(1).toString().contains(QStringLiteral("--web.allow-non-loopback")));

        // In the console the API is optional: reported, engine keeps running.
        Engine console(o, false);
        QSignalSpy consoleErrors(&console, &Engine::errorOccurred);
        console.start();
        QTRY_COMPARE(console.state(), Engine::State::Running);
        QCOMPARE(consoleErrors.count(), 1);
        QCOMPARE(console.webPort(), uint16_t(0));
        QVERIFY(console.status().listenAddress.isEmpty());
    }

    void unusableDataDirectoryFails()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("file")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        auto o = optionsFor(dir);
        o.storagePath = dir.filePath(QStringLiteral("file/sub")).toStdString();
        Engine engine(o, true);
        QSignalSpy errors(&engine, &Engine::errorOccurred);
        engine.start();
        QCOMPARE(engine.state(), Engine::State::Failed);
        QVERIFY(errors.at(0).at(1).toString().contains(QStringLiteral("cannot create data directory")));
    }

    void corruptAppDatabaseFails()
    {
        QTemporaryDir dir;
        QDir().mkpath(dir.filePath(QStringLiteral("data")));
        QFile f(dir.filePath(QStringLiteral("data/app.db")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'z'));
        f.close();
        Engine engine(optionsFor(dir), false);
        QSignalSpy errors(&engine, &Engine::errorOccurred);
        engine.start();
        QCOMPARE(engine.state(), Engine::State::Failed);
        QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("store"));
        QVERIFY(errors.at(0).at(1).toString().startsWith(QStringLiteral("corruption")));
    }

    void scrapesItselfAndNodeExporterAndKeepsDataAcrossRestart()
    {
        // A real node exporter on a free loopback port stands in for localhost:9100.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 nodePort = probe.serverPort();
        probe.close();
        QVERIFY2(QFile::exists(QStringLiteral("/usr/bin/prometheus-node-exporter")),
                 "prometheus-node-exporter is required (packaging/dev.sh installs it)");
        QProcess node;
        node.start(QStringLiteral("/usr/bin/prometheus-node-exporter"),
                   {QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(nodePort)});
        QVERIFY(node.waitForStarted(5000));
        auto killNode = qScopeGuard([&] {
            node.kill();
            node.waitForFinished(5000);
        });
        QTRY_COMPARE_WITH_TIMEOUT(get(QStringLiteral("http://127.0.0.1:%1/metrics").arg(nodePort)).status, 200, 5000);

        QTemporaryDir dir;
        uint64_t seriesBefore = 0;
        {
            Engine engine(optionsFor(dir), true);
            engine.setNodeExporterAddress(QStringLiteral("127.0.0.1:%1").arg(nodePort));
            engine.start();
            QTRY_COMPARE(engine.state(), Engine::State::Running);
            // Both default targets are scraped at once (their first scrape is
            // spread within the interval, so allow one 15 s interval).
            QTRY_COMPARE_WITH_TIMEOUT(engine.scraper()->stats().targetsUp, uint64_t(2), 20000);
            QTRY_VERIFY_WITH_TIMEOUT(engine.storage()->stats().head.numSeries > 100, 5000);
            const auto targets = engine.scraper()->targets();
            QStringList jobs;
            for (const auto &t : targets) jobs << QString::fromStdString(t.job);
            jobs.sort();
            QCOMPARE(jobs, (QStringList{QStringLiteral("node"), QStringLiteral("vigil")}));
            seriesBefore = engine.storage()->stats().head.numSeries;
            engine.stop();
        }
        Engine again(optionsFor(dir), true);
        again.setNodeExporterAddress(QStringLiteral("127.0.0.1:1"));  // nothing there now
        again.start();
        QTRY_COMPARE(again.state(), Engine::State::Running);
        // Replayed from the write-ahead log.
        QVERIFY(again.storage()->stats().replayedSamples > 0);
        QVERIFY(again.storage()->stats().head.numSeries >= seriesBefore);
    }

    void badConfigFileIsFatalHeadless()
    {
        QTemporaryDir dir;
        QFile cfg(dir.filePath(QStringLiteral("prometheus.yml")));
        QVERIFY(cfg.open(QIODevice::WriteOnly));
        cfg.write("scrape_configs:\n  - job_name: a\n    scrape_interval: nonsense\n");
        cfg.close();
        auto o = optionsFor(dir);
        o.configFile = cfg.fileName().toStdString();
        Engine engine(o, true);
        QSignalSpy errors(&engine, &Engine::errorOccurred);
        engine.start();
        QTRY_COMPARE(engine.state(), Engine::State::Failed);
        QCOMPARE(errors.last().at(0).toString(), QStringLiteral("config"));
        QVERIFY2(errors.last().at(1).toString().contains(QStringLiteral("prometheus.yml:3")),
                 qPrintable(errors.last().at(1).toString()));
    }

    void reloadAppliesNewConfigAndKeepsOldOnError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("prometheus.yml"));
        auto write = [&](const QByteArray &yaml) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(yaml);
        };
        write("scrape_configs:\n  - job_name: first\n    static_configs:\n      - targets: ['127.0.0.1:1']\n");
        auto o = optionsFor(dir);
        o.configFile = path.toStdString();
        Engine engine(o, true);
        engine.start();
        QTRY_COMPARE(engine.state(), Engine::State::Running);
        auto jobs = [&] {
            QStringList out;
            for (const auto &t : engine.scraper()->targets()) out << QString::fromStdString(t.job);
            return out;
        };
        QCOMPARE(jobs(), QStringList{QStringLiteral("first")});

        write("scrape_configs:\n  - job_name: second\n    static_configs:\n      - targets: ['127.0.0.1:2', '127.0.0.1:3']\n");
        QVERIFY(engine.reload().isOk());
        QCOMPARE(jobs(), (QStringList{QStringLiteral("second"), QStringLiteral("second")}));

        write("scrape_configs:\n  - job_name: broken\n    scrape_interval: 1x\n");
        QSignalSpy errors(&engine, &Engine::errorOccurred);
        QVERIFY(!engine.reload().isOk());
        QCOMPARE(errors.count(), 1);
        QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("config"));
        QCOMPARE(jobs(), (QStringList{QStringLiteral("second"), QStringLiteral("second")}));
    }

    void statusSnapshotsArrive()
    {
        QTemporaryDir dir;
        Engine engine(optionsFor(dir), true);
        QSignalSpy status(&engine, &Engine::statusUpdated);
        engine.start();
        QTRY_COMPARE(engine.state(), Engine::State::Running);
        QVERIFY(status.count() >= 1 || status.wait(5000));
        auto s = status.last().at(0).value<vigil::runtime::EngineStatus>();
        QVERIFY(s.ready);
        QVERIFY(s.diskBytes > 0);  // app.db exists
        QCOMPARE(s.dataDir, QDir(dir.filePath(QStringLiteral("data"))).absolutePath());
    }
};

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
