// Scrapes a real prometheus-node-exporter through the ScrapeManager into a
// Head. The exporter is started on a free loopback port and killed by PID at
// the end. The test FAILS (it does not skip) when the binary is missing: CI
// must have the Debian package prometheus-node-exporter installed. Set
// VIGIL_NODE_EXPORTER to use another binary.
#include "head_reader.h"

#include "scrape/scrape_manager.h"

#include <QDeadlineTimer>
#include <QHostAddress>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <signal.h>
#include <sys/types.h>

using namespace vigil;
using namespace vigil::scrape;
using vigil::testing::lastValue;
using vigil::testing::readSeries;

class TestNodeExporterTarget : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QString bin = qEnvironmentVariable("VIGIL_NODE_EXPORTER");
        if (bin.isEmpty()) bin = QStandardPaths::findExecutable(QStringLiteral("prometheus-node-exporter"));
        QVERIFY2(!bin.isEmpty(),
                 "prometheus-node-exporter is not installed (apt-get install prometheus-node-exporter); "
                 "this test needs it and does not skip");
        for (int attempt = 0; attempt < 3 && !ready_; ++attempt) {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port_ = probe.serverPort();
            probe.close();
            exporter_.setProgram(bin);
            exporter_.setArguments({QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port_)});
            exporter_.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            exporter_.start();
            QVERIFY2(exporter_.waitForStarted(5000), "cannot start prometheus-node-exporter");
            QDeadlineTimer deadline(10000);
            while (!deadline.hasExpired() && exporter_.state() == QProcess::Running) {
                QTcpSocket s;
                s.connectToHost(QHostAddress::LocalHost, port_);
                if (s.waitForConnected(200)) {
                    ready_ = true;
                    break;
                }
                QTest::qWait(50);
            }
            if (!ready_) killExporter();
        }
        QVERIFY2(ready_, "prometheus-node-exporter did not listen on its loopback port");
    }

    void cleanupTestCase() { killExporter(); }

    void scrapesIntoTheHead()
    {
        tsdb::Head head;
        ScrapeManager mgr(&head);
        ScrapeConfig job = ScrapeConfig::withDefaults("node");
        job.scrapeIntervalMs = 500;
        job.scrapeTimeoutMs = 500;
        const std::string addr = "127.0.0.1:" + std::to_string(port_);
        QVERIFY(mgr.addStaticTarget(job, addr));
        QTRY_COMPARE_WITH_TIMEOUT(lastValue(head, {{"__name__", "up"}, {"job", "node"}}), 1.0, 10000);
        const TargetSnapshot t = mgr.targets().at(0);
        QCOMPARE(t.health.health, HealthState::Up);
        QVERIFY(t.health.lastSamples > 100);
        QVERIFY(lastValue(head, {{"__name__", "scrape_samples_scraped"}}) > 100);
        auto cpu =
            readSeries(head, {{"__name__", "node_cpu_seconds_total"}, {"job", "node"}, {"instance", addr}});
        QVERIFY(!cpu.empty());
        QVERIFY(cpu[0].labels.has("cpu"));
        auto md = mgr.metadata("node");
        QCOMPARE(md.size(), size_t(1));
        const auto &families = md.begin()->second;
        QVERIFY(families.count("node_cpu_seconds_total"));
        QCOMPARE(families.at("node_cpu_seconds_total").type, exposition::MetricType::Counter);
        QVERIFY(mgr.stats().samplesPerSecond > 100);

        QFuture<TestScrapeResult> f = mgr.testScrape(job, addr);
        QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 5000);
        QVERIFY2(f.result().status, f.result().status.message().c_str());
        QVERIFY(f.result().samplesScraped > 100);
    }

private:
    void killExporter()
    {
        if (exporter_.state() == QProcess::NotRunning) return;
        const qint64 pid = exporter_.processId();
        if (pid > 0) ::kill(pid_t(pid), SIGTERM);
        if (!exporter_.waitForFinished(3000) && pid > 0) {
            ::kill(pid_t(pid), SIGKILL);
            exporter_.waitForFinished(3000);
        }
    }

    QProcess exporter_;
    quint16 port_ = 0;
    bool ready_ = false;
};

QTEST_GUILESS_MAIN(TestNodeExporterTarget)
#include "tst_node_exporter_target.moc"
