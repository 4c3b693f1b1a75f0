// RemoteQueryClient against a real Prometheus 2.42 on loopback, protected
// with basic auth (--web.config.file, bcrypt), holding recent samples
// (remote-written by the test) and scraping itself (for metadata). Every
// answer of the client equals Prometheus's own /api/v1 JSON, decoded
// independently here. Also: wrong credentials, an unreachable server, a
// server that never answers (cancellation within a second), and the data
// source registry's app.db round trip.
#include "../../support/peer_process.h"
#include "remote/remote_write.h"
#include "runtime/data_source.h"
#include "runtime/data_source_registry.h"
#include "runtime/remote_query_client.h"
#include "store/app_store.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <crypt.h>

#include <cmath>
#include <memory>

using namespace vigil;
using runtime::RemoteQueryClient;

class TestRemoteQueryClient : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void queriesEqualPrometheus_data();
    void queriesEqualPrometheus();
    void labelsSeriesMetadata();
    void wrongPasswordAndUnreachable();
    void cancelsARequestInFlight();
    void dataSourcesInAppDb();

private:
    runtime::RemoteEndpoint endpoint(const std::string &password = "s3cret") const;
    QByteArray promGet(const QString &path, const QUrlQuery &q) const;

    QTemporaryDir dir_;
    std::unique_ptr<testing::PeerProcess> prometheus_;
    QString prom_;
    int64_t now_ = 0;
};

namespace {

const QByteArray kAuth = "Basic " + QByteArray("alice:s3cret").toBase64();

template <typename T>
T await(QFuture<T> f, int timeoutMs = 20000)
{
    QElapsedTimer t;
    t.start();
    while (!f.isFinished() && t.elapsed() < timeoutMs) QTest::qWait(10);
    return f.resultCount() > 0 ? f.result() : T{};
}

QString num(double v)
{
    return std::isnan(v) ? QStringLiteral("NaN") : QString::number(v, 'g', 17);
}

// Canonical text of a promql::Value.
QString render(const promql::Value &value)
{
    QStringList out;
    std::visit(
        [&](const auto &v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, promql::Scalar>) {
                out << QStringLiteral("scalar %1 %2").arg(v.t).arg(num(v.v));
            } else if constexpr (std::is_same_v<T, promql::String>) {
                out << QStringLiteral("string %1 %2").arg(v.t).arg(QString::fromStdString(v.v));
            } else if constexpr (std::is_same_v<T, promql::Vector>) {
                for (const auto &s : v)
                    out << QString::fromStdString(s.metric.toString()) + QStringLiteral(" %1 %2").arg(s.t).arg(num(s.v));
            } else {
                for (const auto &s : v) {
                    QString line = QString::fromStdString(s.metric.toString());
                    for (const auto &p : s.points) line += QStringLiteral(" %1 %2").arg(p.t).arg(num(p.v));
                    out << line;
                }
            }
        },
        value);
    out.sort();
    return out.join(QLatin1Char('\n'));
}

model::Labels labelsOf(const QJsonObject &o)
{
    std::vector<model::Label> v;
    for (auto it = o.begin(); it != o.end(); ++it) v.push_back({it.key().toStdString(), it.value().toString().toStdString()});
    return model::Labels::fromUnsorted(std::move(v));
}

int64_t msOf(const QJsonValue &v)
{
    return std::llround(v.toDouble() * 1000);
}

double valueOf(const QJsonValue &v)
{
    const QString s = v.toString();
    if (s == QLatin1String("+Inf")) return INFINITY;
    if (s == QLatin1String("-Inf")) return -INFINITY;
    if (s == QLatin1String("NaN")) return NAN;
    return s.toDouble();
}

// The same canonical text, straight from Prometheus's JSON.
QString renderJson(const QByteArray &body)
{
    const QJsonObject data = QJsonDocument::fromJson(body)[QStringLiteral("data")].toObject();
    const QString type = data[QStringLiteral("resultType")].toString();
    const QJsonValue result = data[QStringLiteral("result")];
    QStringList out;
    if (type == QLatin1String("scalar")) {
        out << QStringLiteral("scalar %1 %2").arg(msOf(result[0])).arg(num(valueOf(result[1])));
    } else if (type == QLatin1String("string")) {
        out << QStringLiteral("string %1 %2").arg(msOf(result[0])).arg(result[1].toString());
    } else if (type == QLatin1String("vector")) {
        for (const auto &s : result.toArray()) {
            const QJsonArray p = s[QStringLiteral("value")].toArray();
            out << QString::fromStdString(labelsOf(s[QStringLiteral("metric")].toObject()).toString()) +
                       QStringLiteral(" %1 %2").arg(msOf(p[0])).arg(num(valueOf(p[1])));
        }
    } else {
        for (const auto &s : result.toArray()) {
            QString line = QString::fromStdString(labelsOf(s[QStringLiteral("metric")].toObject()).toString());
            for (const auto &p : s[QStringLiteral("values")].toArray())
                line += QStringLiteral(" %1 %2").arg(msOf(p[0])).arg(num(valueOf(p[1])));
            out << line;
        }
    }
    out.sort();
    return out.join(QLatin1Char('\n'));
}

model::Matcher eq(const char *n, const char *v)
{
    return *model::Matcher::create(model::Matcher::Type::Equal, n, v);
}

}  // namespace

runtime::RemoteEndpoint TestRemoteQueryClient::endpoint(const std::string &password) const
{
    runtime::RemoteEndpoint e;
    e.url = prom_.toStdString() + "/";  // a trailing slash is fine
    e.username = "alice";
    e.password = password;
    e.timeoutMs = 20000;
    return e;
}

QByteArray TestRemoteQueryClient::promGet(const QString &path, const QUrlQuery &q) const
{
    QByteArray query;
    for (const auto &[k, v] : q.queryItems(QUrl::FullyDecoded))
        query += (query.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v);
    const auto r = testing::httpRequest("GET", prom_ + path + QLatin1Char('?') + QString::fromLatin1(query), {},
                                        {{"Authorization", kAuth}});
    if (r.status != 200) qWarning("GET %s: %d %s", qPrintable(path), r.status, r.body.constData());
    return r.body;
}

void TestRemoteQueryClient::initTestCase()
{
    QVERIFY(dir_.isValid());
    char setting[CRYPT_GENSALT_OUTPUT_SIZE];
    QVERIFY(crypt_gensalt_rn("$2y$", 5, nullptr, 0, setting, sizeof setting));
    auto data = std::make_unique<crypt_data>();
    const char *hash = crypt_rn("s3cret", setting, data.get(), int(sizeof(crypt_data)));
    QVERIFY(hash);
    QFile web(dir_.filePath(QStringLiteral("web.yml")));
    QVERIFY(web.open(QIODevice::WriteOnly));
    web.write(QByteArray("basic_auth_users:\n  alice: ") + hash + "\n");
    web.close();
    const quint16 port = testing::freePort();
    prom_ = QStringLiteral("http://127.0.0.1:%1").arg(port);
    QFile cfg(dir_.filePath(QStringLiteral("prometheus.yml")));
    QVERIFY(cfg.open(QIODevice::WriteOnly));
    cfg.write(QStringLiteral("global:\n  scrape_interval: 1s\nscrape_configs:\n- job_name: self\n"
                             "  basic_auth: {username: alice, password: s3cret}\n"
                             "  static_configs:\n  - targets: ['127.0.0.1:%1']\n")
                  .arg(port)
                  .toUtf8());
    cfg.close();
    prometheus_ = std::make_unique<testing::PeerProcess>();
    QVERIFY2(prometheus_->start(QStringLiteral("/usr/bin/prometheus"),
                                {QStringLiteral("--config.file=") + cfg.fileName(),
                                 QStringLiteral("--web.config.file=") + web.fileName(),
                                 QStringLiteral("--storage.tsdb.path=") + dir_.filePath(QStringLiteral("prom")),
                                 QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port),
                                 QStringLiteral("--web.enable-remote-write-receiver")},
                                dir_.filePath(QStringLiteral("prometheus.log")),
                                // /-/ready is behind basic auth too: 401 means it is up; poll the query API below.
                                prom_ + QStringLiteral("/-/ready"), 5000) ||
                 prometheus_->running(),
             "prometheus 2.42 (Debian package \"prometheus\") did not start");
    QTRY_VERIFY_WITH_TIMEOUT(testing::httpRequest("GET", prom_ + QStringLiteral("/-/ready"), {}, {{"Authorization", kAuth}}).status == 200,
                             60000);

    // 30 minutes of 15 s samples ending now, written like a remote-write sender.
    now_ = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
    remote::WriteRequest req;
    for (const char *code : {"200", "404", "500"}) {
        for (const char *path : {"/", "/api a+b"}) {
            remote::TimeSeries ts;
            ts.labels = model::Labels::fromUnsorted({{"__name__", "rq_requests_total"}, {"code", code}, {"path", path}, {"job", "web"}});
            for (int i = 120; i >= 0; --i) ts.samples.push_back({now_ - i * 15000, double((120 - i) * (code[0] - '0'))});
            req.series.push_back(std::move(ts));
        }
    }
    remote::TimeSeries g;
    g.labels = model::Labels::fromUnsorted({{"__name__", "rq_temperature"}, {"room", "lab"}});
    for (int i = 120; i >= 0; --i) g.samples.push_back({now_ - i * 15000, 20 + std::sin(i / 10.0) + (i == 7 ? 1e-9 : 0)});
    req.series.push_back(std::move(g));
    QList<std::pair<QByteArray, QByteArray>> headers{{"Authorization", kAuth}};
    for (const auto &[k, v] : remote::remoteWriteHeaders()) headers.append({QByteArray::fromStdString(k), QByteArray::fromStdString(v)});
    const auto w = testing::httpRequest("POST", prom_ + QStringLiteral("/api/v1/write"),
                                        QByteArray::fromStdString(remote::encodeWriteRequest(req)), headers);
    QVERIFY2(w.status == 204, w.body.constData());
}

void TestRemoteQueryClient::cleanupTestCase()
{
    prometheus_.reset();
}

void TestRemoteQueryClient::queriesEqualPrometheus_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("range");
    QTest::newRow("selector") << QStringLiteral("rq_requests_total") << false;
    QTest::newRow("rate by code") << QStringLiteral("sum by (code) (rate(rq_requests_total[5m]))") << false;
    QTest::newRow("label with space and plus") << QStringLiteral("rq_requests_total{path=\"/api a+b\"}") << false;
    QTest::newRow("scalar") << QStringLiteral("1 + 2.5") << false;
    QTest::newRow("string") << QStringLiteral("\"hello\"") << false;
    QTest::newRow("matrix selector") << QStringLiteral("rq_temperature[2m]") << false;
    QTest::newRow("division by zero") << QStringLiteral("rq_temperature / 0") << false;
    QTest::newRow("range, gauge") << QStringLiteral("rq_temperature") << true;
    QTest::newRow("range, rate") << QStringLiteral("rate(rq_requests_total{code=\"500\"}[1m])") << true;
}

void TestRemoteQueryClient::queriesEqualPrometheus()
{
    QFETCH(QString, query);
    QFETCH(bool, range);
    RemoteQueryClient client(endpoint());
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("query"), query);
    runtime::QueryOutcome out;
    QByteArray want;
    const int64_t t = now_ - 60000;
    if (range) {
        const int64_t start = now_ - 20 * 60000, step = 30000;
        out = await(client.rangeQuery(query.toStdString(), start, t, step));
        q.addQueryItem(QStringLiteral("start"), QString::number(start / 1000));
        q.addQueryItem(QStringLiteral("end"), QString::number(t / 1000));
        q.addQueryItem(QStringLiteral("step"), QStringLiteral("30"));
        want = promGet(QStringLiteral("/api/v1/query_range"), q);
    } else {
        out = await(client.instantQuery(query.toStdString(), t));
        q.addQueryItem(QStringLiteral("time"), QString::number(t / 1000));
        want = promGet(QStringLiteral("/api/v1/query"), q);
    }
    QVERIFY2(out.status.isOk(), out.status.toString().c_str());
    const QString got = render(out.result.value), expected = renderJson(want);
    QVERIFY2(!expected.isEmpty(), want.constData());
    QCOMPARE(got, expected);
}

void TestRemoteQueryClient::labelsSeriesMetadata()
{
    RemoteQueryClient client(endpoint());
    const int64_t from = now_ - 3600000, to = now_ + 60000;
    auto names = await(client.labelNames({eq("__name__", "rq_requests_total")}, from, to));
    QVERIFY2(names.status.isOk(), names.status.toString().c_str());
    QCOMPARE(names.values, (std::vector<std::string>{"__name__", "code", "job", "path"}));
    auto paths = await(client.labelValues("path", {}, from, to));
    QCOMPARE(paths.values, (std::vector<std::string>{"/", "/api a+b"}));
    // All metric names, as Prometheus lists them (includes its own once it scraped itself).
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("start"), QString::number(from / 1000));
    q.addQueryItem(QStringLiteral("end"), QString::number(to / 1000));
    auto promNames = [&] {
        std::vector<std::string> want;
        for (const auto &v : QJsonDocument::fromJson(promGet(QStringLiteral("/api/v1/label/__name__/values"), q))[QStringLiteral("data")].toArray())
            want.push_back(v.toString().toStdString());
        return want;
    };
    std::vector<std::string> before, got, after;
    for (int i = 0; i < 100; ++i) {
        before = promNames();
        got = await(client.labelValues("__name__", {}, from, to)).values;
        after = promNames();
        if (before.size() > 10 && before == after) break;
        QTest::qWait(200);
    }
    QVERIFY(before.size() > 10);
    QCOMPARE(got, before);

    auto series = await(client.series({{eq("__name__", "rq_requests_total"), eq("code", "404")}, {eq("room", "lab")}}, from, to));
    QVERIFY2(series.status.isOk(), series.status.toString().c_str());
    QCOMPARE(series.series.size(), size_t(3));
    QCOMPARE(series.series[0].toString(), std::string("rq_requests_total{code=\"404\", job=\"web\", path=\"/\"}"));
    QCOMPARE(series.series[2].toString(), std::string("rq_temperature{room=\"lab\"}"));

    // Metadata from Prometheus's self-scrape (after its first scrapes).
    runtime::MetadataOutcome md;
    QTRY_VERIFY_WITH_TIMEOUT((md = await(client.metadata())).metrics.count("prometheus_http_requests_total") == 1, 20000);
    QCOMPARE(md.metrics["prometheus_http_requests_total"].type, exposition::MetricType::Counter);
    QCOMPARE(md.metrics["prometheus_http_requests_total"].help, std::string("Counter of HTTP requests."));
}

void TestRemoteQueryClient::wrongPasswordAndUnreachable()
{
    RemoteQueryClient wrong(endpoint("nope"));
    Status s = await(wrong.check());
    QCOMPARE(s.code(), Status::Code::FailedPrecondition);
    auto q = await(wrong.instantQuery("1", now_));
    QVERIFY(!q.status.isOk());
    QVERIFY(await(RemoteQueryClient(endpoint()).check()).isOk());
    // A bad query is the server's bad_data, with its message.
    auto bad = await(RemoteQueryClient(endpoint()).instantQuery("sum(", now_));
    QCOMPARE(bad.status.code(), Status::Code::InvalidArgument);
    QVERIFY2(bad.status.message().find("parse error") != std::string::npos, bad.status.message().c_str());

    runtime::RemoteEndpoint closed;
    closed.url = QStringLiteral("http://127.0.0.1:%1").arg(testing::freePort()).toStdString();
    closed.password = "never-shown";
    closed.username = "alice";
    RemoteQueryClient none(closed);
    s = await(none.check());
    QCOMPARE(s.code(), Status::Code::Unavailable);
    QVERIFY(s.message().find("never-shown") == std::string::npos);
}

void TestRemoteQueryClient::cancelsARequestInFlight()
{
    QTcpServer silent;  // accepts and never answers
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    runtime::RemoteEndpoint e;
    e.url = QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()).toStdString();
    e.timeoutMs = 60000;
    RemoteQueryClient client(e);
    auto token = std::make_shared<promql::CancellationToken>();
    QFuture<runtime::QueryOutcome> f = client.instantQuery("up", now_, token);
    QTest::qWait(300);
    QVERIFY(!f.isFinished());
    QElapsedTimer t;
    t.start();
    token->cancel();
    const auto out = await(f, 5000);
    QCOMPARE(out.status.code(), Status::Code::Cancelled);
    QVERIFY(t.elapsed() < 1000);
    // A request still running when the client goes away finishes as Cancelled too.
    QFuture<runtime::QueryOutcome> pending;
    {
        RemoteQueryClient doomed(e);
        pending = doomed.rangeQuery("up", now_ - 60000, now_, 1000);
        QTest::qWait(100);
    }
    QVERIFY(pending.isFinished());
    QCOMPARE(pending.result().status.code(), Status::Code::Cancelled);
}

void TestRemoteQueryClient::dataSourcesInAppDb()
{
    store::AppStore store;
    QVERIFY(store.open(dir_.filePath(QStringLiteral("app.db")).toStdString()).isOk());
    runtime::DataSource d;
    d.name = "team prometheus";
    d.url = prom_.toStdString();
    d.auth = runtime::DataSource::Auth::Basic;
    d.username = "alice";
    d.secretRef = "datasource-1";
    QVERIFY(runtime::saveDataSource(store, d).isOk());
    runtime::DataSource bad = d;
    bad.url = "ftp://x";
    QCOMPARE(runtime::saveDataSource(store, bad).code(), Status::Code::InvalidArgument);
    auto loaded = runtime::loadDataSources(store);
    QVERIFY(loaded.isOk());
    QCOMPARE(loaded->size(), size_t(1));
    QVERIFY(loaded->front() == d);
    // Only the keychain reference is in app.db, and the source works with the secret filled in.
    QVERIFY(store.documents(runtime::kDataSourceDocumentKind)->front().json.find("s3cret") == std::string::npos);
    QVERIFY(await(runtime::DataSourceRegistry::test(loaded->front(), "s3cret")).isOk());
    QCOMPARE(await(runtime::DataSourceRegistry::test(loaded->front(), "wrong")).code(), Status::Code::FailedPrecondition);
    QVERIFY(runtime::removeDataSource(store, d.name).isOk());
    QVERIFY(runtime::loadDataSources(store)->empty());
}

QTEST_GUILESS_MAIN(TestRemoteQueryClient)
#include "tst_remote_query_client.moc"
