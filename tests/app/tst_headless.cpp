// Headless mode as an operator or a unit file runs it: the real binary,
// Prometheus-style flags, readiness over HTTP, clean exit on SIGTERM.
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

int httpStatus(const QString &url, QByteArray *body = nullptr)
{
    QNetworkAccessManager nam;
    QNetworkRequest req{QUrl(url)};
    req.setTransferTimeout(2000);
    QNetworkReply *r = nam.get(req);
    QSignalSpy done(r, &QNetworkReply::finished);
    if (!r->isFinished()) done.wait(3000);
    if (body) *body = r->readAll();
    const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r->deleteLater();
    return status;
}

}  // namespace

class TestHeadless : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readyWithinFiveSecondsAndStopsOnSigterm_data()
    {
        QTest::addColumn<int>("signo");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT") << int(SIGINT);
    }
    void readyWithinFiveSecondsAndStopsOnSigterm()
    {
        QFETCH(int, signo);
        QTemporaryDir dir;
        const quint16 port = freePort();
        QFile cfg(dir.filePath(QStringLiteral("prometheus.yml")));
        QVERIFY(cfg.open(QIODevice::WriteOnly));
        cfg.write("global:\n  scrape_interval: 15s\n");
        cfg.close();
        QProcess vigil;
        vigil.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        vigil.start(QStringLiteral(VIGIL_EXE),
                    {QStringLiteral("--headless"), QStringLiteral("--config.file=") + cfg.fileName(),
                     QStringLiteral("--storage.tsdb.path=") + dir.filePath(QStringLiteral("data")),
                     QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port)});
        QVERIFY(vigil.waitForStarted(5000));
        QElapsedTimer t;
        t.start();
        int status = 0;
        while (t.elapsed() < 5000 && status != 200) {
            status = httpStatus(QStringLiteral("http://127.0.0.1:%1/-/ready").arg(port));
            if (status != 200) QTest::qWait(50);
        }
        QCOMPARE(status, 200);
        QCOMPARE(httpStatus(QStringLiteral("http://127.0.0.1:%1/-/healthy").arg(port)), 200);
        QByteArray metrics;
        QCOMPARE(httpStatus(QStringLiteral("http://127.0.0.1:%1/metrics").arg(port), &metrics), 200);
        QVERIFY(metrics.contains("vigil_build_info{version=\""));

        ::kill(pid_t(vigil.processId()), signo);
        QVERIFY(vigil.waitForFinished(10000));
        QCOMPARE(vigil.exitStatus(), QProcess::NormalExit);
        QCOMPARE(vigil.exitCode(), 0);
        // The lock was released: a second run can take the directory.
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("data/lock"))));
    }

    void sighupReloadsConfig()
    {
        QTemporaryDir dir;
        const quint16 port = freePort();
        QFile cfg(dir.filePath(QStringLiteral("prometheus.yml")));
        QVERIFY(cfg.open(QIODevice::WriteOnly));
        cfg.write("scrape_configs:\n  - job_name: a\n    static_configs:\n      - targets: ['127.0.0.1:1']\n");
        cfg.close();
        QProcess vigil;
        vigil.start(QStringLiteral(VIGIL_EXE),
                    {QStringLiteral("--headless"), QStringLiteral("--config.file=") + cfg.fileName(),
                     QStringLiteral("--storage.tsdb.path=") + dir.filePath(QStringLiteral("data")),
                     QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port)});
        QVERIFY(vigil.waitForStarted(5000));
        QTRY_COMPARE_WITH_TIMEOUT(httpStatus(QStringLiteral("http://127.0.0.1:%1/-/ready").arg(port)), 200, 5000);
        ::kill(pid_t(vigil.processId()), SIGHUP);
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += vigil.readAllStandardError()).contains("configuration reloaded"), 5000);
        ::kill(pid_t(vigil.processId()), SIGTERM);
        QVERIFY(vigil.waitForFinished(10000));
        QCOMPARE(vigil.exitCode(), 0);
    }

    void unknownFlagExitsTwo()
    {
        QProcess vigil;
        vigil.start(QStringLiteral(VIGIL_EXE), {QStringLiteral("--headless"), QStringLiteral("--storage.tsdb.pth=x")});
        QVERIFY(vigil.waitForFinished(10000));
        QCOMPARE(vigil.exitCode(), 2);
        QVERIFY(vigil.readAllStandardError().contains("unknown flag --storage.tsdb.pth"));
    }

    void portInUseExitsOne()
    {
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
        QTemporaryDir dir;
        QProcess vigil;
        vigil.start(QStringLiteral(VIGIL_EXE),
                    {QStringLiteral("--headless"), QStringLiteral("--storage.tsdb.path=") + dir.path(),
                     QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(taken.serverPort())});
        QVERIFY(vigil.waitForFinished(10000));
        QCOMPARE(vigil.exitCode(), 1);
        QVERIFY(vigil.readAllStandardError().contains("cannot listen on"));
    }

    void nonLoopbackRefusedWithoutFlag()
    {
        QTemporaryDir dir;
        QProcess vigil;
        vigil.start(QStringLiteral(VIGIL_EXE),
                    {QStringLiteral("--headless"), QStringLiteral("--storage.tsdb.path=") + dir.path(),
                     QStringLiteral("--web.listen-address=0.0.0.0:%1").arg(freePort())});
        QVERIFY(vigil.waitForFinished(10000));
        QCOMPARE(vigil.exitCode(), 1);
        QVERIFY(vigil.readAllStandardError().contains("--web.allow-non-loopback"));
    }

    void badWebConfigExitsOne()
    {
        QTemporaryDir dir;
        QFile web(dir.filePath(QStringLiteral("web.yml")));
        QVERIFY(web.open(QIODevice::WriteOnly));
        web.write("tls_server_config:\n  cert_file: server.crt\n");  // key_file missing
        web.close();
        QProcess vigil;
        vigil.start(QStringLiteral(VIGIL_EXE),
                    {QStringLiteral("--headless"), QStringLiteral("--storage.tsdb.path=") + dir.path(),
                     QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(freePort()),
                     QStringLiteral("--web.config.file=") + web.fileName()});
        QVERIFY(vigil.waitForFinished(10000));
        QCOMPARE(vigil.exitCode(), 1);
        QVERIFY(vigil.readAllStandardError().contains("tls_server_config.key_file: missing key_file"));
    }
};

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
