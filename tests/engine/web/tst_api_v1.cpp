// The /api/v1 endpoints against Prometheus 2.42 (Debian's /usr/bin/prometheus).
//
// Both sides get the same data: an OpenMetrics file imported into Vigil's
// storage (tsdb::importOpenMetrics) and into Prometheus's (promtool tsdb
// create-blocks-from openmetrics), plus one static exporter served by this
// test on a loopback port that both scrape with the same prometheus.yml (it
// also has a target dropped by relabeling). Every request is sent to both
// and the answers compared: status code, then either the whole JSON
// ("equal": same data, same semantics) or its shape ("shape": same types and
// object keys, for values that legitimately differ such as build info).
// Rows marked "grafana" are the requests Grafana's Prometheus data source sends.
//
// Needs prometheus and promtool (Debian package "prometheus"): the test fails
// when they are missing. All waits are bounded; Prometheus is stopped by PID.
#include "config/engine_options.h"
#include "core/thread_handoff.h"
#include "runtime/self_metrics.h"
#include "scrape/prometheus_config.h"
#include "scrape/scrape_manager.h"
#include "tsdb/db.h"
#include "tsdb/openmetrics_import.h"
#include "web/api_v1.h"
#include "web/api_v1_engine_sources.h"
#include "web/web_server.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrlQuery>

using namespace vigil;

namespace {

const QByteArray kExporterBody =
    "# HELP demo_items_total Items processed.\n"
    "# TYPE demo_items_total counter\n"
    "demo_items_total{kind=\"a\"} 10\n"
    "demo_items_total{kind=\"b\"} 20\n"
    "# HELP demo_temperature_celsius Current temperature.\n"
    "# TYPE demo_temperature_celsius gauge\n"
    "demo_temperature_celsius 21.5\n";

// A minimal HTTP/1.1 exporter: answers every request with kExporterBody.
class Exporter : public QTcpServer {
public:
    Exporter()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [s] {
                    const QByteArray buf = s->property("request").toByteArray() + s->readAll();
                    s->setProperty("request", buf);
                    if (!buf.contains("\r\n\r\n")) return;
                    s->write(
                        "HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: " +
                        QByteArray::number(kExporterBody.size()) + "\r\nConnection: close\r\n\r\n" +
                        kExporterBody);
                    s->disconnectFromHost();
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
};

struct Answer {
    int status = 0;
    QJsonDocument json;
    QByteArray body;
};

QString describe(const QJsonValue &v)
{
    if (v.isObject()) return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray()) return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return v.toVariant().toString();
}

// Same types and object keys, recursively; arrays: same emptiness, and the
// first elements compared. Returns "" or the first difference with its path.
QString shapeDiff(const QJsonValue &a, const QJsonValue &b, const QString &path)
{
    if (a.type() != b.type()) {
        return QStringLiteral("%1: type %2 vs %3 (%4 vs %5)")
            .arg(path)
            .arg(int(a.type()))
            .arg(int(b.type()))
            .arg(describe(a).left(200), describe(b).left(200));
    }
    if (a.isObject()) {
        QStringList ka = a.toObject().keys(), kb = b.toObject().keys();
        if (ka != kb) {
            return QStringLiteral("%1: keys [%2] vs [%3]")
                .arg(path, ka.join(QLatin1Char(',')), kb.join(QLatin1Char(',')));
        }
        for (const QString &k : ka) {
            const QString d =
                shapeDiff(a.toObject().value(k), b.toObject().value(k), path + QLatin1Char('.') + k);
            if (!d.isEmpty()) return d;
        }
    } else if (a.isArray()) {
        const QJsonArray aa = a.toArray(), ba = b.toArray();
        if (aa.isEmpty() != ba.isEmpty())
            return QStringLiteral("%1: %2 vs %3 elements").arg(path).arg(aa.size()).arg(ba.size());
        if (!aa.isEmpty()) return shapeDiff(aa.first(), ba.first(), path + QStringLiteral("[0]"));
    }
    return {};
}

// Object-key-order-insensitive equality (QJsonValue already is).
QString valueDiff(const QJsonValue &a, const QJsonValue &b, const QString &path)
{
    if (a == b) return {};
    if (a.isObject() && b.isObject()) {
        QStringList keys = a.toObject().keys() + b.toObject().keys();
        keys.removeDuplicates();
        for (const QString &k : keys) {
            const QString d =
                valueDiff(a.toObject().value(k), b.toObject().value(k), path + QLatin1Char('.') + k);
            if (!d.isEmpty()) return d;
        }
    }
    if (a.isArray() && b.isArray() && a.toArray().size() == b.toArray().size()) {
        for (qsizetype i = 0; i < a.toArray().size(); ++i) {
            const QString d = valueDiff(a.toArray()[i], b.toArray()[i], path + QStringLiteral("[%1]").arg(i));
            if (!d.isEmpty()) return d;
        }
    }
    return QStringLiteral("%1: %2 vs %3").arg(path, describe(a).left(400), describe(b).left(400));
}

}  // namespace

class TestApiV1 : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void compare_data();
    void compare();
    void valueEncoding();
    void parseQuery();
    void queryIsAsync();
    void closeAnswersUnavailable();

private:
    Answer fetch(uint16_t port, const QString &path, const QString &query, bool post);
    void waitUntilScraped(uint16_t port, const char *who);

    QTemporaryDir dir_;
    QNetworkAccessManager nam_;
    Exporter exporter_;
    QProcess prometheus_;
    uint16_t promPort_ = 0;
    std::unique_ptr<tsdb::Db> db_;
    std::unique_ptr<scrape::ScrapeManager> scraper_;
    runtime::SelfMetrics selfMetrics_;
    QThread webThread_;
    web::WebServer *web_ = nullptr;
    web::ApiV1 *api_ = nullptr;
    int64_t t0_ = 0;
};

Answer TestApiV1::fetch(uint16_t port, const QString &path, const QString &query, bool post)
{
    QUrl url(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path));
    QNetworkReply *r = nullptr;
    if (post) {
        QNetworkRequest req(url);
        req.setHeader(QNetworkRequest::ContentTypeHeader,
                      QStringLiteral("application/x-www-form-urlencoded"));
        r = nam_.post(req, query.toUtf8());
    } else {
        url.setQuery(query, QUrl::StrictMode);
        r = nam_.get(QNetworkRequest(url));
    }
    QSignalSpy done(r, &QNetworkReply::finished);
    if (!r->isFinished()) done.wait(30000);
    Answer a;
    a.status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.body = r->readAll();
    a.json = QJsonDocument::fromJson(a.body);
    r->deleteLater();
    return a;
}

void TestApiV1::waitUntilScraped(uint16_t port, const char *who)
{
    // Up, with metadata, within 30 s.
    bool ok = false;
    for (int i = 0; i < 60 && !ok; ++i) {
        const Answer t = fetch(port, QStringLiteral("/api/v1/targets"), {}, false);
        const QJsonArray active = t.json.object()
                                      .value(QStringLiteral("data"))
                                      .toObject()
                                      .value(QStringLiteral("activeTargets"))
                                      .toArray();
        const Answer m = fetch(port, QStringLiteral("/api/v1/metadata"), {}, false);
        ok = active.size() == 1 &&
             active.first().toObject().value(QStringLiteral("health")).toString() == QLatin1String("up") &&
             m.json.object()
                 .value(QStringLiteral("data"))
                 .toObject()
                 .contains(QStringLiteral("demo_items_total"));
        if (!ok) QTest::qWait(500);
    }
    QVERIFY2(ok,
             qPrintable(
                 QStringLiteral("%1 did not scrape the test exporter within 30 s").arg(QLatin1String(who))));
}

void TestApiV1::initTestCase()
{
    const QString promtool = QStringLiteral("/usr/bin/promtool");
    const QString prometheus = QStringLiteral("/usr/bin/prometheus");
    QVERIFY2(QFile::exists(promtool) && QFile::exists(prometheus),
             "promtool and prometheus (Debian package \"prometheus\") are required");
    QVERIFY(dir_.isValid());
    QVERIFY(exporter_.listen(QHostAddress::LocalHost, 0));

    // Imported data: 2 h of one-minute samples, ~4 h ago, aligned to the hour.
    t0_ = (QDateTime::currentMSecsSinceEpoch() - 4 * 3600 * 1000) / 3600000 * 3600000;
    QByteArray om;
    om += "# HELP test_counter A counter.\n# TYPE test_counter counter\n";
    for (const char *code : {"200", "500"}) {
        for (int i = 0; i <= 120; ++i) {
            om += QByteArray("test_counter_total{code=\"") + code + "\",job=\"imported\"} " +
                  QByteArray::number(i * (code[0] == '2' ? 7 : 1)) + " " +
                  QByteArray::number((t0_ + i * 60000) / 1000) + "\n";
        }
    }
    om += "# HELP test_gauge A gauge.\n# TYPE test_gauge gauge\n";
    for (const char *room : {"kitchen", "hall"}) {
        for (int i = 0; i <= 120; ++i) {
            om += QByteArray("test_gauge{job=\"imported\",room=\"") + room + "\"} " +
                  QByteArray::number(20 + (i % 7) * 0.25 + (room[0] == 'h' ? 1 : 0)) + " " +
                  QByteArray::number((t0_ + i * 60000) / 1000) + "\n";
        }
    }
    om += "# EOF\n";
    const QString omPath = dir_.filePath(QStringLiteral("data.om.txt"));
    {
        QFile f(omPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(om);
    }
    const QString promData = dir_.filePath(QStringLiteral("prometheus-data"));
    QProcess tool;
    tool.start(promtool, {QStringLiteral("tsdb"), QStringLiteral("create-blocks-from"),
                          QStringLiteral("openmetrics"), omPath, promData});
    QVERIFY2(tool.waitForFinished(120000), "promtool did not finish in 120 s");
    QVERIFY2(tool.exitCode() == 0, tool.readAllStandardError().constData());

    const QString vigilData = dir_.filePath(QStringLiteral("vigil-data"));
    tsdb::ImportStats stats;
    const Status imported = tsdb::importOpenMetrics(omPath.toStdString(), vigilData.toStdString(), &stats);
    QVERIFY2(imported.isOk(), imported.toString().c_str());

    // One prometheus.yml for both: the exporter, and a target relabeling drops.
    const QByteArray yaml =
        "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
        "scrape_configs:\n- job_name: demo\n  static_configs:\n  - targets: ['127.0.0.1:" +
        QByteArray::number(exporter_.serverPort()) +
        "', '127.0.0.1:1']\n  relabel_configs:\n  - source_labels: [__address__]\n"
        "    regex: '.*:1'\n    action: drop\n";
    const QString configPath = dir_.filePath(QStringLiteral("prometheus.yml"));
    {
        QFile f(configPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(yaml);
    }

    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        promPort_ = probe.serverPort();
    }
    prometheus_.setProcessChannelMode(QProcess::MergedChannels);
    prometheus_.setStandardOutputFile(dir_.filePath(QStringLiteral("prometheus.log")));
    prometheus_.start(prometheus, {QStringLiteral("--storage.tsdb.path=") + promData,
                                   QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(promPort_),
                                   QStringLiteral("--config.file=") + configPath});
    QVERIFY2(prometheus_.waitForStarted(10000), "prometheus did not start");

    // Vigil: storage with the imported blocks, the scraper, the web server and the API.
    auto db = tsdb::Db::open(vigilData.toStdString());
    QVERIFY2(db.isOk(), db.status().toString().c_str());
    db_ = std::move(*db);
    scraper_ = std::make_unique<scrape::ScrapeManager>(db_.get());
    auto cfg = scrape::PrometheusConfig::loadString(yaml.toStdString(), configPath.toStdString());
    QVERIFY2(cfg.isOk(), cfg.status().toString().c_str());
    QVERIFY(scraper_->applyConfig(*cfg).isOk());

    web::WebServer::Options wo;
    wo.listenAddress = "127.0.0.1:0";
    web_ = new web::WebServer(wo, &selfMetrics_);
    web_->moveToThread(&webThread_);
    connect(&webThread_, &QThread::finished, web_, &QObject::deleteLater);
    webThread_.setObjectName(QStringLiteral("vigil-web"));
    webThread_.start();
    Status listened;
    vigil::invokeBlocking(web_, [&] { listened = web_->listen(); });  // core/thread_handoff.h: ordered for TSan
    QVERIFY2(listened.isOk(), listened.toString().c_str());
    config::EngineOptions options;
    options.configFile = configPath.toStdString();
    options.storagePath = vigilData.toStdString();
    api_ = new web::ApiV1(web::engineApiSources(db_.get(), scraper_.get(), options));
    web_->addRoutes(api_, [api = api_](QHttpServer *s) { api->registerRoutes(s); });
    web_->setReady(true);

    // Prometheus ready within 60 s.
    bool ready = false;
    for (int i = 0; i < 120 && !ready; ++i) {
        const Answer a = fetch(promPort_, QStringLiteral("/-/ready"), {}, false);
        ready = a.status == 200;
        if (!ready) QTest::qWait(500);
        QVERIFY2(prometheus_.state() == QProcess::Running, "prometheus exited during startup");
    }
    QVERIFY2(ready, "prometheus did not become ready in 60 s");
    waitUntilScraped(promPort_, "prometheus");
    waitUntilScraped(web_->port(), "vigil");
}

void TestApiV1::cleanupTestCase()
{
    if (api_) api_->close();
    if (scraper_) scraper_->stop();
    webThread_.quit();
    webThread_.wait(10000);
    scraper_.reset();
    if (db_) db_->close();
    if (prometheus_.state() != QProcess::NotRunning) {
        prometheus_.terminate();  // SIGTERM to its PID
        if (!prometheus_.waitForFinished(15000)) {
            prometheus_.kill();
            prometheus_.waitForFinished(5000);
        }
    }
}

void TestApiV1::compare_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("query");  // form-encoded parameters
    QTest::addColumn<bool>("post");
    QTest::addColumn<QString>("mode");  // equal, shape, error

    const int64_t t0 = (QDateTime::currentMSecsSinceEpoch() - 4 * 3600 * 1000) / 3600000 * 3600000;
    const QString eval = QString::number(double(t0 + 90 * 60000 + 30000) / 1000, 'f', 3);
    const QString start = QString::number((t0 + 40 * 60000 + 30000) / 1000);
    const QString end = QString::number((t0 + 115 * 60000 + 30000) / 1000);
    const QString range = QStringLiteral("&start=%1&end=%2").arg(start, end);
    const QString startRfc = QDateTime::fromMSecsSinceEpoch(t0, Qt::UTC).toString(Qt::ISODate);
    const QString endRfc = QDateTime::fromMSecsSinceEpoch(t0 + 3 * 3600000, Qt::UTC).toString(Qt::ISODate);
    auto enc = [](const char *s) { return QString::fromUtf8(QUrl::toPercentEncoding(QString::fromUtf8(s))); };

    auto row = [](const char *name, const QString &path, const QString &q, bool post, const char *mode) {
        QTest::newRow(name) << path << q << post << QString::fromLatin1(mode);
    };
    // Queries (imported data: identical on both sides).
    row("query vector", "/api/v1/query", "query=test_gauge&time=" + eval, false, "equal");
    row("query rfc3339", "/api/v1/query",
        "query=test_gauge&time=" +
            enc(qPrintable(QDateTime::fromMSecsSinceEpoch(t0 + 90 * 60000 + 30000, Qt::UTC)
                               .toString(Qt::ISODateWithMs))),
        false, "equal");
    row("grafana query POST", "/api/v1/query",
        "query=" + enc("sum by (code) (test_counter_total)") + "&time=" + eval, true, "equal");
    row("query scalar", "/api/v1/query", "query=" + enc("1+1") + "&time=" + eval, false, "equal");
    row("query string", "/api/v1/query", "query=" + enc("\"hello\"") + "&time=" + eval, false, "equal");
    row("query matrix", "/api/v1/query", "query=" + enc("test_gauge{room=\"hall\"}[3m]") + "&time=" + eval,
        false, "equal");
    row("query NaN/Inf", "/api/v1/query",
        "query=" + enc("test_gauge / 0 - (test_gauge / 0) + (1/0)") + "&time=" + eval, false, "equal");
    row("query bad", "/api/v1/query", "query=" + enc("sum(foo"), false, "error");
    row("query missing", "/api/v1/query", "time=" + eval, false, "error");
    row("query bad time", "/api/v1/query", "query=up&time=yesterday", false, "error");
    row("query bad timeout", "/api/v1/query", "query=up&timeout=soon", false, "error");
    row("query execution error", "/api/v1/query",
        "query=" + enc("test_gauge + on(job) test_gauge") + "&time=" + eval, false, "error");
    row("query_range", "/api/v1/query_range",
        "query=" + enc("rate(test_counter_total[5m])") + range + "&step=60", false, "equal");
    row("grafana query_range POST", "/api/v1/query_range",
        "query=" + enc("sum(test_gauge)") + range + "&step=15s", true, "equal");
    row("query_range scalar", "/api/v1/query_range", "query=" + enc("time()") + range + "&step=1m", false,
        "equal");
    row("query_range no step", "/api/v1/query_range", "query=up" + range, false, "error");
    row("query_range zero step", "/api/v1/query_range", "query=up" + range + "&step=0", false, "error");
    row("query_range end before start", "/api/v1/query_range",
        "query=up&start=" + end + "&end=" + start + "&step=60", false, "error");
    row("query_range 11000 points", "/api/v1/query_range", "query=up&start=0&end=100000&step=1", false,
        "error");
    row("query_range bad start", "/api/v1/query_range", "query=up&start=x&end=1&step=1", false, "error");
    // Series and labels.
    row("grafana series", "/api/v1/series", "match[]=test_gauge" + range, false, "equal");
    row("series two matchers", "/api/v1/series",
        "match[]=" + enc("test_gauge{room=\"hall\"}") +
            "&match[]=" + enc("test_counter_total{code=~\"5..\"}"),
        false, "equal");
    row("series POST", "/api/v1/series", "match[]=test_gauge&start=" + startRfc + "&end=" + endRfc, true,
        "equal");
    row("series no match", "/api/v1/series", "start=" + start, false, "error");
    row("series empty matcher", "/api/v1/series", "match[]=" + enc("{foo=\"\"}"), false, "error");
    row("series bad matcher", "/api/v1/series", "match[]=" + enc("{foo"), false, "error");
    row("grafana labels", "/api/v1/labels", "match[]=" + enc("{job=\"imported\"}") + range, false, "equal");
    row("labels all", "/api/v1/labels", "", false, "shape");
    row("labels POST", "/api/v1/labels", "match[]=test_gauge", true, "equal");
    row("label values", "/api/v1/label/room/values", "", false, "equal");
    row("label values match", "/api/v1/label/__name__/values", "match[]=" + enc("{job=\"imported\"}") + range,
        false, "equal");
    row("label values unknown", "/api/v1/label/nosuchlabel/values", "", false, "equal");
    row("label values bad name", "/api/v1/label/0bad/values", "", false, "error");
    // Metadata and targets (the scraped exporter).
    row("grafana metadata", "/api/v1/metadata", "", false, "equal");
    row("metadata metric", "/api/v1/metadata", "metric=demo_temperature_celsius", false, "equal");
    row("metadata limit", "/api/v1/metadata", "limit=1", false, "count");
    row("metadata bad limit", "/api/v1/metadata", "limit=x", false, "error");
    row("targets", "/api/v1/targets", "", false, "shape");
    row("targets active", "/api/v1/targets", "state=active", false, "shape");
    row("targets dropped", "/api/v1/targets", "state=dropped", false, "shape");
    row("targets metadata", "/api/v1/targets/metadata", "match_target=" + enc("{job=\"demo\"}"), false,
        "unordered");
    row("targets metadata metric", "/api/v1/targets/metadata", "metric=demo_items_total", false, "equal");
    // Status.
    row("grafana buildinfo", "/api/v1/status/buildinfo", "", false, "shape");
    row("runtimeinfo", "/api/v1/status/runtimeinfo", "", false, "shape");
    row("config", "/api/v1/status/config", "", false, "shape");
    row("flags", "/api/v1/status/flags", "", false, "map");
    row("tsdb", "/api/v1/status/tsdb", "", false, "shape");
    row("format_query", "/api/v1/format_query",
        "query=" + enc("sum(rate(foo{a=\"b\"}[5m]))by(job)/on(job)group_left bar offset 5m"), false, "equal");
    row("format_query bad", "/api/v1/format_query", "query=" + enc("1 +"), false, "error");
    row("grafana query_exemplars", "/api/v1/query_exemplars", "query=test_gauge" + range, false, "equal");
    row("query_exemplars bad", "/api/v1/query_exemplars", "query=" + enc("sum(") + range, false, "error");
}

void TestApiV1::compare()
{
    QFETCH(QString, path);
    QFETCH(QString, query);
    QFETCH(bool, post);
    QFETCH(QString, mode);
    const Answer prom = fetch(promPort_, path, query, post);
    const Answer vigil = fetch(web_->port(), path, query, post);
    const QString context = QStringLiteral("\nprometheus %1: %2\nvigil %3: %4")
                                .arg(prom.status)
                                .arg(QString::fromUtf8(prom.body.left(600)))
                                .arg(vigil.status)
                                .arg(QString::fromUtf8(vigil.body.left(600)));
    QVERIFY2(prom.status != 0 && !prom.json.isNull(),
             qPrintable(QStringLiteral("no JSON from prometheus") + context));
    QVERIFY2(!vigil.json.isNull(), qPrintable(QStringLiteral("no JSON from vigil") + context));
    QCOMPARE(vigil.status, prom.status);
    const QJsonObject p = prom.json.object(), v = vigil.json.object();
    if (mode == QLatin1String("error")) {
        QCOMPARE(v.value(QStringLiteral("status")).toString(), QStringLiteral("error"));
        QCOMPARE(v.value(QStringLiteral("errorType")), p.value(QStringLiteral("errorType")));
        if (v.value(QStringLiteral("error")) != p.value(QStringLiteral("error"))) {
            qInfo().noquote() << "error messages differ:" << context;
        }
        return;
    }
    QCOMPARE(v.value(QStringLiteral("status")).toString(), QStringLiteral("success"));
    if (mode == QLatin1String("map")) {
        // Flags: Vigil has fewer; an object of strings, the shared ones named alike.
        const QJsonObject pd = p.value(QStringLiteral("data")).toObject(),
                          vd = v.value(QStringLiteral("data")).toObject();
        for (auto it = vd.begin(); it != vd.end(); ++it)
            QVERIFY2(it.value().isString(), qPrintable(it.key()));
        for (const char *k :
             {"config.file", "storage.tsdb.path", "web.listen-address", "query.timeout",
              "query.lookback-delta", "query.max-samples", "web.enable-admin-api", "log.level"}) {
            QVERIFY2(pd.contains(QLatin1String(k)) && vd.contains(QLatin1String(k)), k);
        }
        return;
    }
    if (mode == QLatin1String("count")) {
        // Which entries a limit keeps is unspecified (Go map order): only how many.
        QCOMPARE(v.value(QStringLiteral("data")).toObject().size(),
                 p.value(QStringLiteral("data")).toObject().size());
        return;
    }
    if (mode == QLatin1String("unordered")) {
        // Prometheus's order comes from a Go map: compare as sets.
        auto sorted = [](const QJsonValue &a) {
            QStringList out;
            for (const QJsonValue &e : a.toArray()) {
                out << QString::fromUtf8(QJsonDocument(e.toObject()).toJson(QJsonDocument::Compact));
            }
            out.sort();
            return out;
        };
        QCOMPARE(sorted(v.value(QStringLiteral("data"))), sorted(p.value(QStringLiteral("data"))));
        return;
    }
    const QString shape =
        shapeDiff(p.value(QStringLiteral("data")), v.value(QStringLiteral("data")), QStringLiteral("data"));
    QVERIFY2(shape.isEmpty(), qPrintable(shape + context));
    QCOMPARE(v.contains(QStringLiteral("warnings")), p.contains(QStringLiteral("warnings")));
    if (mode == QLatin1String("equal")) {
        const QString diff = valueDiff(p.value(QStringLiteral("data")), v.value(QStringLiteral("data")),
                                       QStringLiteral("data"));
        QVERIFY2(diff.isEmpty(), qPrintable(diff + context));
    }
}

void TestApiV1::valueEncoding()
{
    // Prometheus's encoding: [<seconds>, "<value>"], ms as three digits.
    const Answer a = fetch(web_->port(), QStringLiteral("/api/v1/query"),
                           QStringLiteral("query=%1&time=1.5")
                               .arg(QString::fromUtf8(QUrl::toPercentEncoding(QStringLiteral(
                                   "vector(1/0) or label_replace(vector(-1/0),\"a\",\"b\",\"\",\"\")")))),
                           false);
    QCOMPARE(a.status, 200);
    QVERIFY2(a.body.contains("[1.500,\"+Inf\"]") && a.body.contains("[1.500,\"-Inf\"]"), a.body.constData());
    const Answer n =
        fetch(web_->port(), QStringLiteral("/api/v1/query"), QStringLiteral("query=NaN&time=12"), false);
    QVERIFY2(n.body.contains("\"result\":[12,\"NaN\"]"), n.body.constData());
}

void TestApiV1::parseQuery()
{
    // Prometheus 2.42 has no parse_query yet; the shape follows later releases.
    const Answer a =
        fetch(web_->port(), QStringLiteral("/api/v1/parse_query"),
              QStringLiteral("query=") + QString::fromUtf8(QUrl::toPercentEncoding(QStringLiteral(
                                             "sum by (job) (rate(foo{a=\"b\"}[5m] offset 1m)) > bool 2"))),
              false);
    QCOMPARE(a.status, 200);
    const QJsonObject root = a.json.object().value(QStringLiteral("data")).toObject();
    QCOMPARE(root.value(QStringLiteral("type")).toString(), QStringLiteral("binaryExpr"));
    QCOMPARE(root.value(QStringLiteral("op")).toString(), QStringLiteral(">"));
    QCOMPARE(root.value(QStringLiteral("bool")).toBool(), true);
    QVERIFY(root.value(QStringLiteral("matching")).isNull());
    QCOMPARE(root.value(QStringLiteral("rhs")).toObject().value(QStringLiteral("val")).toString(),
             QStringLiteral("2"));
    const QJsonObject agg = root.value(QStringLiteral("lhs")).toObject();
    QCOMPARE(agg.value(QStringLiteral("type")).toString(), QStringLiteral("aggregation"));
    QCOMPARE(agg.value(QStringLiteral("grouping")).toArray(), QJsonArray{QStringLiteral("job")});
    QVERIFY(agg.value(QStringLiteral("param")).isNull());
    const QJsonObject call = agg.value(QStringLiteral("expr")).toObject();
    QCOMPARE(call.value(QStringLiteral("func")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("rate"));
    const QJsonObject ms = call.value(QStringLiteral("args")).toArray().first().toObject();
    QCOMPARE(ms.value(QStringLiteral("type")).toString(), QStringLiteral("matrixSelector"));
    QCOMPARE(ms.value(QStringLiteral("range")).toInt(), 300000);
    QCOMPARE(ms.value(QStringLiteral("offset")).toInt(), 60000);
    QCOMPARE(ms.value(QStringLiteral("matchers")).toArray().size(), 2);
    const Answer bad =
        fetch(web_->port(), QStringLiteral("/api/v1/parse_query"), QStringLiteral("query=sum("), false);
    QCOMPARE(bad.status, 400);
}

void TestApiV1::queryIsAsync()
{
    // Eight slow-ish range queries at once (10,800 steps of 1 h windows each):
    // /-/healthy still answers while they run on the query pool.
    QList<QNetworkReply *> replies;
    const QString q = QStringLiteral("query=%1&start=%2&end=%3&step=1")
                          .arg(QString::fromUtf8(
                              QUrl::toPercentEncoding(QStringLiteral("count_over_time(test_gauge[1h])"))))
                          .arg(t0_ / 1000)
                          .arg(t0_ / 1000 + 10799);
    for (int i = 0; i < 8; ++i) {
        QUrl url(QStringLiteral("http://127.0.0.1:%1/api/v1/query_range").arg(web_->port()));
        url.setQuery(q);
        replies << nam_.get(QNetworkRequest(url));
    }
    QElapsedTimer timer;
    timer.start();
    const Answer health = fetch(web_->port(), QStringLiteral("/-/healthy"), {}, false);
    QCOMPARE(health.status, 200);
    qInfo("/-/healthy answered in %lld ms while %d range queries ran", timer.elapsed(), int(replies.size()));
    for (QNetworkReply *r : replies) {
        QSignalSpy done(r, &QNetworkReply::finished);
        if (!r->isFinished()) QVERIFY(done.wait(60000));
        QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        r->deleteLater();
    }
}

void TestApiV1::closeAnswersUnavailable()
{
    api_->close();
    const Answer a = fetch(web_->port(), QStringLiteral("/api/v1/labels"), {}, false);
    QCOMPARE(a.status, 503);
    QCOMPARE(a.json.object().value(QStringLiteral("errorType")).toString(), QStringLiteral("unavailable"));
}

QTEST_GUILESS_MAIN(TestApiV1)
#include "tst_api_v1.moc"
