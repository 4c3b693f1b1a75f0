// The API as the Engine serves it: registered once storage is open and before
// /-/ready, answering from the engine's own storage and scraper, and closed
// cleanly by Engine::stop() while requests are in flight.
#include "config/engine_options.h"
#include "runtime/engine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using vigil::runtime::Engine;

class TestApiV1Engine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void servesTheEngine();

private:
    QJsonObject get(const QString &url, int *status = nullptr)
    {
        QNetworkReply *r = nam_.get(QNetworkRequest(QUrl(url)));
        QSignalSpy done(r, &QNetworkReply::finished);
        if (!r->isFinished()) done.wait(30000);
        if (status) *status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject o = QJsonDocument::fromJson(r->readAll()).object();
        r->deleteLater();
        return o;
    }
    QNetworkAccessManager nam_;
};

void TestApiV1Engine::servesTheEngine()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    vigil::config::EngineOptions o;
    o.storagePath = dir.filePath(QStringLiteral("data")).toStdString();
    o.listenAddress = "127.0.0.1:0";
    Engine engine(o, true);
    {
        QTcpServer closed;  // a port nobody listens on: no node exporter target
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        engine.setNodeExporterAddress(QStringLiteral("127.0.0.1:%1").arg(closed.serverPort()));
    }
    engine.start();
    QTRY_COMPARE_WITH_TIMEOUT(engine.state(), Engine::State::Running, 30000);
    const QString base = QStringLiteral("http://127.0.0.1:%1/api/v1/").arg(engine.webPort());

    int status = 0;
    QJsonObject q = get(base + QStringLiteral("query?query=vector(2)&time=100"), &status);
    QCOMPARE(status, 200);
    QCOMPARE(q.value(QStringLiteral("data")).toObject().value(QStringLiteral("resultType")).toString(),
             QStringLiteral("vector"));
    QCOMPARE(q.value(QStringLiteral("data"))
                 .toObject()
                 .value(QStringLiteral("result"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("value"))
                 .toArray()
                 .last()
                 .toString(),
             QStringLiteral("2"));

    // The engine's default target set: Vigil scraping itself.
    const QJsonObject t = get(base + QStringLiteral("targets"), &status);
    QCOMPARE(status, 200);
    const QJsonArray active =
        t.value(QStringLiteral("data")).toObject().value(QStringLiteral("activeTargets")).toArray();
    QCOMPARE(active.size(), 1);
    QCOMPARE(active.first().toObject().value(QStringLiteral("scrapePool")).toString(),
             QStringLiteral("vigil"));

    // The self-scrape lands in storage and is visible through /series.
    QTRY_VERIFY_WITH_TIMEOUT(
        get(base + QStringLiteral("series?match[]=up")).value(QStringLiteral("data")).toArray().size() == 1,
        90000);
    const QJsonObject cfg = get(base + QStringLiteral("status/config"), &status);
    QCOMPARE(status, 200);
    QVERIFY(cfg.value(QStringLiteral("data"))
                .toObject()
                .value(QStringLiteral("yaml"))
                .toString()
                .contains(QStringLiteral("job_name: vigil")));

    // stop() with queries in flight: they finish or the connection closes; no crash, no hang.
    QList<QNetworkReply *> inflight;
    for (int i = 0; i < 4; ++i) {
        inflight << nam_.get(
            QNetworkRequest(QUrl(base + QStringLiteral("query_range?query=up&start=0&end=10000&step=1"))));
    }
    QTest::qWait(20);
    engine.stop();
    QCOMPARE(engine.state(), Engine::State::Stopped);
    for (QNetworkReply *r : inflight) {
        QSignalSpy done(r, &QNetworkReply::finished);
        if (!r->isFinished()) QVERIFY(done.wait(10000));
        r->deleteLater();
    }
}

QTEST_GUILESS_MAIN(TestApiV1Engine)
#include "tst_api_v1_engine.moc"
