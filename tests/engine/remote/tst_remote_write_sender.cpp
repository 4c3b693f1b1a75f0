// Vigil's remote_write (prometheus.yml `remote_write:`) against real
// receivers: Vigil scrapes a real node exporter every second and writes to
// Prometheus 2.42 (--web.enable-remote-write-receiver) and to
// VictoriaMetrics; the raw samples read back from each receiver equal
// Vigil's own. Then the Prometheus receiver is stopped for several seconds
// and restarted on the same port and storage: after catch-up the window of
// the outage has no gap. Finally a receiver answering 400 is not retried
// and one answering 500 is (a loopback HTTP responder counts the requests).
#include "../../support/peer_process.h"
#include "config/engine_options.h"
#include "runtime/engine.h"
#include "runtime/self_metrics.h"
#include "tsdb/db.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace vigil;
using runtime::Engine;

class TestRemoteWriteSender : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sendsToPrometheusAndVictoriaMetrics();
    void retriesOnlyRecoverableErrors();
};

namespace {

// Raw samples of `selector` in (from, to], one line per series, sorted.
QString rawSamples(const QString &base, const QString &selector, int64_t fromMs, int64_t toMs)
{
    const int64_t rangeS = (toMs - fromMs) / 1000;
    const QString url = base + QStringLiteral("/api/v1/query?query=") +
                        QString::fromUtf8(QUrl::toPercentEncoding(selector + QStringLiteral("[%1s]").arg(rangeS))) +
                        QStringLiteral("&time=%1").arg(double(toMs) / 1000.0, 0, 'f', 3);
    const auto r = testing::httpRequest("GET", url);
    if (r.status != 200) return QStringLiteral("HTTP %1: %2").arg(r.status).arg(QString::fromUtf8(r.body));
    QStringList out;
    const QJsonArray result =
        QJsonDocument::fromJson(r.body).object()[QStringLiteral("data")].toObject()[QStringLiteral("result")].toArray();
    for (const auto &s : result) {
        QJsonObject m = s.toObject()[QStringLiteral("metric")].toObject();
        QString line = QString::fromUtf8(QJsonDocument(m).toJson(QJsonDocument::Compact));
        for (const auto &v : s.toObject()[QStringLiteral("values")].toArray())
            line += QStringLiteral(" %1=%2").arg(v.toArray()[0].toDouble(), 0, 'f', 3).arg(v.toArray()[1].toString());
        out << line;
    }
    out.sort();
    return out.join(QLatin1Char('\n'));
}

// Waits until `a` and `b` agree (non-empty) or `timeoutMs` passed; returns both.
std::pair<QString, QString> waitAgree(const std::function<QString()> &a, const std::function<QString()> &b,
                                      int timeoutMs)
{
    QString x, y;
    for (int waited = 0; waited <= timeoutMs; waited += 500) {
        x = a();
        y = b();
        if (!x.isEmpty() && x == y) break;
        QTest::qWait(500);
    }
    return {x, y};
}

double metricValue(const std::string &text, const std::string &prefix)
{
    size_t pos = text.find("\n" + prefix);
    if (pos == std::string::npos) return -1;
    size_t eol = text.find('\n', pos + 1);
    const std::string line = text.substr(pos + 1, eol - pos - 1);
    return std::stod(line.substr(line.rfind(' ') + 1));
}

QStringList promArgs(const QTemporaryDir &dir, quint16 port)
{
    return {QStringLiteral("--config.file=") + dir.filePath(QStringLiteral("empty.yml")),
            QStringLiteral("--storage.tsdb.path=") + dir.filePath(QStringLiteral("prom-data")),
            QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port),
            QStringLiteral("--web.enable-remote-write-receiver")};
}

}  // namespace

void TestRemoteWriteSender::sendsToPrometheusAndVictoriaMetrics()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    {
        QFile f(dir.filePath(QStringLiteral("empty.yml")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("global:\n  scrape_interval: 1m\n");
    }
    testing::PeerProcess node;
    const quint16 nodePort = testing::freePort();
    QVERIFY2(node.start(QStringLiteral("/usr/bin/prometheus-node-exporter"),
                        {QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(nodePort)},
                        dir.filePath(QStringLiteral("node.log")), QStringLiteral("http://127.0.0.1:%1/metrics").arg(nodePort)),
             "prometheus-node-exporter did not start");
    const quint16 promPort = testing::freePort();
    const QString prom = QStringLiteral("http://127.0.0.1:%1").arg(promPort);
    auto prometheus = std::make_unique<testing::PeerProcess>();
    QVERIFY2(prometheus->start(QStringLiteral("/usr/bin/prometheus"), promArgs(dir, promPort),
                               dir.filePath(QStringLiteral("prometheus.log")), prom + QStringLiteral("/-/ready")),
             "prometheus 2.42 did not start");
    const quint16 vmPort = testing::freePort();
    const QString vm = QStringLiteral("http://127.0.0.1:%1").arg(vmPort);
    testing::PeerProcess victoria;
    QVERIFY2(victoria.start(QStringLiteral("/usr/bin/victoria-metrics"),
                            {QStringLiteral("-httpListenAddr=127.0.0.1:%1").arg(vmPort),
                             QStringLiteral("-storageDataPath=") + dir.filePath(QStringLiteral("vm-data")),
                             QStringLiteral("-search.latencyOffset=0s"), QStringLiteral("-dedup.minScrapeInterval=0s")},
                            dir.filePath(QStringLiteral("vm.log")), vm + QStringLiteral("/health")),
             "victoria-metrics (Debian package \"victoria-metrics\") did not start");

    QFile cfg(dir.filePath(QStringLiteral("vigil.yml")));
    QVERIFY(cfg.open(QIODevice::WriteOnly));
    cfg.write(QStringLiteral("global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
                             "scrape_configs:\n- job_name: node\n  static_configs:\n  - targets: ['127.0.0.1:%1']\n"
                             "remote_write:\n"
                             "- url: %2/api/v1/write\n  name: prom\n  queue_config:\n    batch_send_deadline: 1s\n    max_backoff: 1s\n"
                             "- url: %3/api/v1/write\n  name: vm\n  queue_config:\n    batch_send_deadline: 1s\n"
                             "  write_relabel_configs:\n  - source_labels: [__name__]\n    regex: 'up|node_cpu_seconds_total'\n    action: keep\n")
                  .arg(nodePort)
                  .arg(prom, vm)
                  .toUtf8());
    cfg.close();
    config::EngineOptions o;
    o.storagePath = dir.filePath(QStringLiteral("vigil-data")).toStdString();
    o.configFile = cfg.fileName().toStdString();
    o.listenAddress = "127.0.0.1:0";
    Engine engine(o, true);
    engine.setNodeExporterAddress(QStringLiteral("127.0.0.1:%1").arg(testing::freePort()));
    engine.start();
    QTRY_COMPARE_WITH_TIMEOUT(engine.state(), Engine::State::Running, 30000);
    const QString vigil = QStringLiteral("http://127.0.0.1:%1").arg(engine.webPort());

    QTest::qWait(6000);
    int64_t to = QDateTime::currentMSecsSinceEpoch() - 1500;
    const QString up = QStringLiteral("up{job=\"node\"}");
    const QString cpu = QStringLiteral("node_cpu_seconds_total{mode=\"idle\"}");
    for (const QString &sel : {up, cpu}) {
        auto [want, got] = waitAgree([&] { return rawSamples(vigil, sel, to - 5000, to); },
                                     [&] { return rawSamples(prom, sel, to - 5000, to); }, 20000);
        QVERIFY2(want.count(QLatin1Char('=')) >= 3, qPrintable(want));
        QCOMPARE(got, want);
        auto [want2, got2] = waitAgree([&] { return rawSamples(vigil, sel, to - 5000, to); },
                                       [&] { return rawSamples(vm, sel, to - 5000, to); }, 30000);
        QCOMPARE(got2, want2);
    }
    // write_relabel_configs: VictoriaMetrics got only the kept names.
    QCOMPARE(rawSamples(vm, QStringLiteral("scrape_duration_seconds"), to - 5000, to), QString());
    QVERIFY(!rawSamples(prom, QStringLiteral("scrape_duration_seconds"), to - 5000, to).isEmpty());

    // Outage: the Prometheus receiver is down for 8 s, then back on the same port and storage.
    const int64_t outageStart = QDateTime::currentMSecsSinceEpoch();
    prometheus->stop();
    QTest::qWait(8000);
    const std::string during = engine.selfMetrics()->render();
    QVERIFY2(metricValue(during, "prometheus_remote_storage_samples_pending{remote_name=\"prom\"") > 0, during.c_str());
    QVERIFY(metricValue(during, "prometheus_remote_storage_samples_retried_total{remote_name=\"prom\"") > 0);
    prometheus = std::make_unique<testing::PeerProcess>();
    QVERIFY2(prometheus->start(QStringLiteral("/usr/bin/prometheus"), promArgs(dir, promPort),
                               dir.filePath(QStringLiteral("prometheus2.log")), prom + QStringLiteral("/-/ready")),
             "prometheus did not restart");
    const int64_t back = QDateTime::currentMSecsSinceEpoch();
    to = back + 2000;
    QTest::qWait(3000);
    const int64_t from = outageStart - 3000;
    QElapsedTimer catchUp;
    catchUp.start();
    auto [want, got] = waitAgree([&] { return rawSamples(vigil, up, from, to); },
                                 [&] { return rawSamples(prom, up, from, to); }, 30000);
    qInfo("outage %lld ms; receiver agreed %lld ms after restart", qint64(back - outageStart),
          qint64(QDateTime::currentMSecsSinceEpoch() - back));
    QVERIFY2(want.count(QLatin1Char('=')) >= 10, qPrintable(want));
    QCOMPARE(got, want);
    const std::string after = engine.selfMetrics()->render();
    QCOMPARE(metricValue(after, "prometheus_remote_storage_samples_failed_total{remote_name=\"prom\""), 0.0);
    qInfo("samples sent to prom: %.0f", metricValue(after, "prometheus_remote_storage_samples_total{remote_name=\"prom\""));
    engine.stop();
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("vigil-data/remote_write"))));
}

namespace {
// A loopback HTTP server answering every request with `status`; counts them.
class FixedResponder : public QTcpServer {
public:
    explicit FixedResponder(int status, QByteArray extraHeader = {}) : status_(status), extra_(std::move(extraHeader))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                auto buf = std::make_shared<QByteArray>();
                connect(s, &QTcpSocket::readyRead, s, [this, s, buf] {
                    *buf += s->readAll();
                    const int end = buf->indexOf("\r\n\r\n");
                    if (end < 0) return;
                    const int cl = buf->indexOf("Content-Length: ");
                    const int len = cl < 0 ? 0 : buf->mid(cl + 16, buf->indexOf("\r\n", cl) - cl - 16).toInt();
                    if (buf->size() < end + 4 + len) return;
                    buf->remove(0, end + 4 + len);
                    ++requests;
                    times.push_back(QDateTime::currentMSecsSinceEpoch());
                    s->write(QStringLiteral("HTTP/1.1 %1 Status\r\n").arg(status_).toUtf8() + extra_ +
                             "Content-Length: 4\r\n\r\nnope");
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    int requests = 0;
    std::vector<qint64> times;  // of each request, ms

private:
    int status_;
    QByteArray extra_;
};
}  // namespace

void TestRemoteWriteSender::retriesOnlyRecoverableErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    FixedResponder bad(400), busy(500), limited(429), limitedNoRetry(429);
    FixedResponder limitedAfter(429, "Retry-After: 2\r\n"), busyAfter(503, "Retry-After: 1\r\n");
    for (QTcpServer *s : {static_cast<QTcpServer *>(&bad), static_cast<QTcpServer *>(&busy),
                          static_cast<QTcpServer *>(&limited), static_cast<QTcpServer *>(&limitedNoRetry),
                          static_cast<QTcpServer *>(&limitedAfter), static_cast<QTcpServer *>(&busyAfter)})
        QVERIFY(s->listen(QHostAddress::LocalHost, 0));
    QFile cfg(dir.filePath(QStringLiteral("vigil.yml")));
    QVERIFY(cfg.open(QIODevice::WriteOnly));
    const QString queue = QStringLiteral("  queue_config:\n    batch_send_deadline: 500ms\n    min_backoff: 50ms\n    max_backoff: 200ms\n");
    cfg.write(QStringLiteral("global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
                             "remote_write:\n"
                             "- url: http://127.0.0.1:%1/w\n  name: bad\n%5"
                             "- url: http://127.0.0.1:%2/w\n  name: busy\n%5"
                             "- url: http://127.0.0.1:%3/w\n  name: limited\n%5"
                             "- url: http://127.0.0.1:%4/w\n  name: limited_no_retry\n%5    retry_on_http_429: false\n"
                             "- url: http://127.0.0.1:%6/w\n  name: limited_after\n%5    max_shards: 1\n"
                             "- url: http://127.0.0.1:%7/w\n  name: busy_after\n%5    max_shards: 1\n")
                  .arg(bad.serverPort())
                  .arg(busy.serverPort())
                  .arg(limited.serverPort())
                  .arg(limitedNoRetry.serverPort())
                  .arg(queue)
                  .arg(limitedAfter.serverPort())
                  .arg(busyAfter.serverPort())
                  .toUtf8());
    cfg.close();
    config::EngineOptions o;
    o.storagePath = dir.filePath(QStringLiteral("vigil-data")).toStdString();
    o.configFile = cfg.fileName().toStdString();
    o.listenAddress = "127.0.0.1:0";
    Engine engine(o, true);  // no scrape_configs: the only samples are the ones appended below
    engine.setNodeExporterAddress(QStringLiteral("127.0.0.1:%1").arg(testing::freePort()));
    engine.start();
    QTRY_COMPARE_WITH_TIMEOUT(engine.state(), Engine::State::Running, 30000);
    // Samples to send: appended through the engine's storage (they go to its WAL).
    for (int i = 0; i < 5; ++i) {
        auto app = engine.storage()->appender();
        QVERIFY(app->append(0, model::Labels{{"__name__", "rw_probe"}}, QDateTime::currentMSecsSinceEpoch(), i).isOk());
        QVERIFY(app->commit().isOk());
        QTest::qWait(600);
    }
    QTest::qWait(2000);
    const std::string m = engine.selfMetrics()->render();
    auto val = [&](const char *metric, const char *name) {
        return metricValue(m, std::string(metric) + "{remote_name=\"" + name + "\"");
    };
    // 400: each batch is sent once and dropped.
    QVERIFY2(val("prometheus_remote_storage_samples_failed_total", "bad") >= 5, m.c_str());
    QCOMPARE(val("prometheus_remote_storage_samples_retried_total", "bad"), 0.0);
    QVERIFY2(bad.requests >= 1 && bad.requests <= 5, qPrintable(QString::number(bad.requests)));
    // 500 and 429: retried with backoff (capped at 200 ms: many attempts), never dropped.
    QVERIFY2(busy.requests >= 10, qPrintable(QString::number(busy.requests)));
    QCOMPARE(val("prometheus_remote_storage_samples_failed_total", "busy"), 0.0);
    QVERIFY(val("prometheus_remote_storage_samples_retried_total", "busy") > 0);
    QVERIFY(val("prometheus_remote_storage_samples_pending", "busy") > 0);
    QVERIFY2(limited.requests >= 10, qPrintable(QString::number(limited.requests)));
    QCOMPARE(val("prometheus_remote_storage_samples_failed_total", "limited"), 0.0);
    // retry_on_http_429: false makes 429 final.
    QVERIFY(val("prometheus_remote_storage_samples_failed_total", "limited_no_retry") >= 5);
    QVERIFY2(limitedNoRetry.requests <= 5, qPrintable(QString::number(limitedNoRetry.requests)));
    // Retry-After (seconds) replaces the 200 ms-capped backoff: the retries of
    // one batch are that far apart, and nothing is dropped.
    for (const FixedResponder *r : {&limitedAfter, &busyAfter}) {
        const qint64 wantGap = r == &limitedAfter ? 2000 : 1000;
        QVERIFY2(r->requests >= 2, qPrintable(QString::number(r->requests)));
        QVERIFY2(r->requests <= int(7000 / wantGap) + 1, qPrintable(QString::number(r->requests)));
        for (size_t k = 1; k < r->times.size(); ++k)
            QVERIFY2(r->times[k] - r->times[k - 1] >= wantGap - 100, qPrintable(QString::number(r->times[k] - r->times[k - 1])));
    }
    QCOMPARE(val("prometheus_remote_storage_samples_failed_total", "limited_after"), 0.0);
    QCOMPARE(val("prometheus_remote_storage_samples_failed_total", "busy_after"), 0.0);
    engine.stop();
}

QTEST_MAIN(TestRemoteWriteSender)
#include "tst_remote_write_sender.moc"
