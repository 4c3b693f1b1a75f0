// Vigil as a Remote-Write 1.0 receiver (--web.enable-remote-write-receiver):
// a real Prometheus 2.42 scrapes a real node exporter on loopback every
// second and remote-writes to Vigil's /api/v1/write; the raw samples of `up`
// and of a counter read from both servers' query APIs must be identical.
// Also: without the flag the endpoint answers 404 as Prometheus does; bad
// bodies and out-of-order samples are 400 with a clear message.
#include "../../support/peer_process.h"
#include "config/engine_options.h"
#include "remote/remote_write.h"
#include "runtime/engine.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using runtime::Engine;

class TestRemoteWriteReceiver : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void disabledAnswers404();
    void badRequestsAre400();
    void prometheusStreamsIntoVigil();
};

namespace {

std::unique_ptr<Engine> startEngine(const QTemporaryDir &dir, bool receiver)
{
    config::EngineOptions o;
    o.storagePath = dir.filePath(QStringLiteral("vigil-data")).toStdString();
    o.listenAddress = "127.0.0.1:0";
    o.enableRemoteWriteReceiver = receiver;
    o.selfScrape = false;
    auto e = std::make_unique<Engine>(o, true);
    e->setNodeExporterAddress(QStringLiteral("127.0.0.1:%1").arg(testing::freePort()));  // nobody there
    e->start();
    for (int i = 0; i < 300 && e->state() != Engine::State::Running; ++i) QTest::qWait(100);
    return e;
}

QList<std::pair<QByteArray, QByteArray>> rwHeaders()
{
    QList<std::pair<QByteArray, QByteArray>> h;
    for (const auto &[k, v] : remote::remoteWriteHeaders()) h.append({QByteArray::fromStdString(k), QByteArray::fromStdString(v)});
    return h;
}

// Raw samples of `selector` over the 30 s before `atMs`, as "labels -> [t=v ...]" text.
QString rawSamples(const QString &base, const QString &selector, int64_t atMs)
{
    const QString url = base + QStringLiteral("/api/v1/query?query=") +
                        QString::fromUtf8(QUrl::toPercentEncoding(selector + QStringLiteral("[30s]"))) +
                        QStringLiteral("&time=%1").arg(double(atMs) / 1000.0, 0, 'f', 3);
    const auto r = testing::httpRequest("GET", url);
    if (r.status != 200) return QStringLiteral("HTTP %1: %2").arg(r.status).arg(QString::fromUtf8(r.body));
    QStringList out;
    const QJsonArray result =
        QJsonDocument::fromJson(r.body).object()[QStringLiteral("data")].toObject()[QStringLiteral("result")].toArray();
    for (const auto &s : result) {
        QString line = QString::fromUtf8(QJsonDocument(s.toObject()[QStringLiteral("metric")].toObject()).toJson(QJsonDocument::Compact));
        for (const auto &v : s.toObject()[QStringLiteral("values")].toArray()) {
            line += QStringLiteral(" %1=%2").arg(v.toArray()[0].toDouble(), 0, 'f', 3).arg(v.toArray()[1].toString());
        }
        out << line;
    }
    out.sort();
    return out.join(QLatin1Char('\n'));
}

}  // namespace

void TestRemoteWriteReceiver::disabledAnswers404()
{
    QTemporaryDir dir;
    auto e = startEngine(dir, false);
    QCOMPARE(e->state(), Engine::State::Running);
    remote::WriteRequest req;
    req.series.push_back({model::Labels{{"__name__", "m"}}, {{1000, 1}}, {}});
    const auto r = testing::httpRequest("POST", QStringLiteral("http://127.0.0.1:%1/api/v1/write").arg(e->webPort()),
                                        QByteArray::fromStdString(remote::encodeWriteRequest(req)), rwHeaders());
    QCOMPARE(r.status, 404);
    QVERIFY2(r.body.contains("--web.enable-remote-write-receiver"), r.body.constData());
    e->stop();
}

void TestRemoteWriteReceiver::badRequestsAre400()
{
    QTemporaryDir dir;
    auto e = startEngine(dir, true);
    QCOMPARE(e->state(), Engine::State::Running);
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(e->webPort());
    const QString url = base + QStringLiteral("/api/v1/write");

    auto r = testing::httpRequest("POST", url, "this is not snappy", rwHeaders());
    QCOMPARE(r.status, 400);
    QVERIFY2(r.body.contains("snappy"), r.body.constData());

    const int64_t now = QDateTime::currentMSecsSinceEpoch();
    remote::WriteRequest ok;
    ok.series.push_back({model::Labels{{"__name__", "rw_test"}, {"k", "v"}}, {{now - 2000, 1}, {now - 1000, 2}}, {}});
    r = testing::httpRequest("POST", url, QByteArray::fromStdString(remote::encodeWriteRequest(ok)), rwHeaders());
    QCOMPARE(r.status, 204);

    // A duplicate timestamp with another value: 400, and the good sample of
    // the same request (another series) is rolled back with it.
    remote::WriteRequest dup;
    dup.series.push_back({model::Labels{{"__name__", "rw_other"}}, {{now - 1000, 7}}, {}});
    dup.series.push_back({model::Labels{{"__name__", "rw_test"}, {"k", "v"}}, {{now - 1000, 3}}, {}});
    r = testing::httpRequest("POST", url, QByteArray::fromStdString(remote::encodeWriteRequest(dup)), rwHeaders());
    QCOMPARE(r.status, 400);
    QVERIFY2(r.body.contains("rw_test"), r.body.constData());

    const QString got = rawSamples(base, QStringLiteral("{__name__=~\"rw_.*\"}"), now);
    QCOMPARE(got, QStringLiteral("{\"__name__\":\"rw_test\",\"k\":\"v\"} %1=1 %2=2")
                      .arg(double(now - 2000) / 1000.0, 0, 'f', 3)
                      .arg(double(now - 1000) / 1000.0, 0, 'f', 3));
    e->stop();
}

void TestRemoteWriteReceiver::prometheusStreamsIntoVigil()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto e = startEngine(dir, true);
    QCOMPARE(e->state(), Engine::State::Running);
    const QString vigil = QStringLiteral("http://127.0.0.1:%1").arg(e->webPort());

    testing::PeerProcess node;
    const quint16 nodePort = testing::freePort();
    QVERIFY2(node.start(QStringLiteral("/usr/bin/prometheus-node-exporter"),
                        {QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(nodePort)},
                        dir.filePath(QStringLiteral("node.log")),
                        QStringLiteral("http://127.0.0.1:%1/metrics").arg(nodePort)),
             "prometheus-node-exporter did not start");

    QFile cfg(dir.filePath(QStringLiteral("prometheus.yml")));
    QVERIFY(cfg.open(QIODevice::WriteOnly));
    cfg.write(QStringLiteral("global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
                             "scrape_configs:\n- job_name: node\n  static_configs:\n"
                             "  - targets: ['127.0.0.1:%1']\n"
                             "remote_write:\n- url: %2/api/v1/write\n  queue_config:\n    batch_send_deadline: 1s\n")
                  .arg(nodePort)
                  .arg(vigil)
                  .toUtf8());
    cfg.close();
    const quint16 promPort = testing::freePort();
    const QString prom = QStringLiteral("http://127.0.0.1:%1").arg(promPort);
    testing::PeerProcess prometheus;
    QVERIFY2(prometheus.start(QStringLiteral("/usr/bin/prometheus"),
                              {QStringLiteral("--config.file=") + cfg.fileName(),
                               QStringLiteral("--storage.tsdb.path=") + dir.filePath(QStringLiteral("prom-data")),
                               QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(promPort)},
                              dir.filePath(QStringLiteral("prometheus.log")), prom + QStringLiteral("/-/ready")),
             "prometheus 2.42 (Debian package \"prometheus\") did not start");

    // Until Prometheus has scraped a few times.
    for (int i = 0; i < 60; ++i) {
        if (rawSamples(prom, QStringLiteral("up{job=\"node\"}"), QDateTime::currentMSecsSinceEpoch()).count(QLatin1Char('=')) >= 6) break;
        QTest::qWait(500);
    }
    const int64_t at = QDateTime::currentMSecsSinceEpoch() - 2000;
    const QString selectors[] = {QStringLiteral("up{job=\"node\"}"),
                                 QStringLiteral("node_cpu_seconds_total{mode=\"idle\"}"),
                                 QStringLiteral("scrape_samples_scraped")};
    for (const QString &sel : selectors) {
        QString want, got;
        for (int i = 0; i < 40; ++i) {  // Prometheus sends every second; allow for its queue
            want = rawSamples(prom, sel, at);
            got = rawSamples(vigil, sel, at);
            if (!want.isEmpty() && want == got) break;
            QTest::qWait(500);
        }
        QVERIFY2(!want.isEmpty(), qPrintable(sel + QStringLiteral(": prometheus has no samples")));
        QVERIFY2(want.count(QLatin1Char('=')) >= 4, qPrintable(want));
        QCOMPARE(got, want);
    }
    // Prometheus saw no failures sending to Vigil.
    const auto m = testing::httpRequest("GET", prom + QStringLiteral("/metrics"));
    for (const QByteArray &line : m.body.split('\n')) {
        if (line.startsWith("prometheus_remote_storage_samples_failed_total{")) {
            QVERIFY2(line.endsWith(" 0"), line.constData());
        }
    }
    prometheus.stop();
    node.stop();
    e->stop();
}

QTEST_MAIN(TestRemoteWriteReceiver)
#include "tst_remote_write_receiver.moc"
