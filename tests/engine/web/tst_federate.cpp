// /federate against Prometheus 2.42. The same recent samples (including a
// series whose latest sample is a staleness marker, one whose samples are
// older than the lookback, special values and a label value that needs
// escaping) are remote-written into Prometheus 2.42 and into Vigil, both with
// the same external_labels. Then:
//  - Vigil's /federate body equals Prometheus's for several match[] sets
//    (line for line; lines within one metric family compared as a set,
//    because Prometheus orders them arbitrarily);
//  - a second Prometheus 2.42 federates from Vigil (honor_labels,
//    metrics_path /federate, params match[]) and its instant query answers
//    equal Vigil's own, with the external labels and its job label added.
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

#include <cmath>
#include <limits>
#include <memory>

using namespace vigil;
using runtime::Engine;

class TestFederate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void sameBodyAsPrometheus_data();
    void sameBodyAsPrometheus();
    void badMatcherIs400();
    void instantQueryAgrees();
    void prometheusFederatesFromVigil();

private:
    QTemporaryDir dir_;
    int64_t now_ = 0;
    std::unique_ptr<testing::PeerProcess> prometheus_;
    QString prom_;
    std::unique_ptr<Engine> engine_;
    QString vigil_;
};

namespace {

model::Labels labels(std::initializer_list<std::pair<const char *, const char *>> l)
{
    std::vector<model::Label> v;
    for (const auto &[n, x] : l) v.push_back({n, x});
    return model::Labels::fromUnsorted(std::move(v));
}

// The test data: every series has samples every 10 s over the last ~3 min
// unless stated.
remote::WriteRequest testData(int64_t now)
{
    remote::WriteRequest req;
    auto series = [&](model::Labels ls, std::function<double(int)> value, int64_t endOffset = 5000, int n = 18) {
        remote::TimeSeries ts;
        ts.labels = std::move(ls);
        for (int i = n - 1; i >= 0; --i) ts.samples.push_back({now - endOffset - i * 10000, value(i)});
        req.series.push_back(std::move(ts));
    };
    for (const char *code : {"200", "500"})
        for (const char *inst : {"a:9100", "b:9100"})
            series(labels({{"__name__", "fed_requests_total"}, {"code", code}, {"instance", inst}, {"job", "api"}}),
                   [](int i) { return 1000.0 - i * 7; });
    series(labels({{"__name__", "fed_temperature"}, {"room", "lab \"1\" \\ east\nwing"}}),
           [](int i) { return 21.5 + i * 0.25; });
    series(labels({{"__name__", "fed_big"}, {"job", "api"}}), [](int i) { return 1234567.0 * (i + 1); });
    series(labels({{"__name__", "fed_small"}, {"job", "api"}}), [](int i) { return 1.5e-7 * (i + 1); });
    series(labels({{"__name__", "fed_specials"}, {"kind", "inf"}}),
           [](int) { return std::numeric_limits<double>::infinity(); });
    series(labels({{"__name__", "fed_specials"}, {"kind", "nan"}}),
           [](int) { return std::numeric_limits<double>::quiet_NaN(); });
    series(labels({{"__name__", "fed_specials"}, {"kind", "neginf"}}),
           [](int) { return -std::numeric_limits<double>::infinity(); });
    // Overrides the external label site and has its own instance.
    series(labels({{"__name__", "fed_own_site"}, {"instance", "x"}, {"site", "elsewhere"}}),
           [](int i) { return double(i); });
    // Latest sample is a staleness marker: not federated.
    series(labels({{"__name__", "fed_gone"}, {"job", "api"}}),
           [](int i) { return i == 0 ? model::staleNaN() : double(i); });
    // Only samples older than the 5 min lookback: not federated.
    series(labels({{"__name__", "fed_old"}, {"job", "api"}}), [](int i) { return double(i); }, 400000, 5);
    return req;
}

bool postWrite(const QString &base, const remote::WriteRequest &req)
{
    QList<std::pair<QByteArray, QByteArray>> headers;
    for (const auto &[k, v] : remote::remoteWriteHeaders()) headers.append({QByteArray::fromStdString(k), QByteArray::fromStdString(v)});
    const auto r = testing::httpRequest("POST", base + QStringLiteral("/api/v1/write"),
                                        QByteArray::fromStdString(remote::encodeWriteRequest(req)), headers);
    if (r.status != 204) qWarning("write to %s: %d %s", qPrintable(base), r.status, r.body.constData());
    return r.status == 204;
}

// The body with each family's sample lines sorted (Prometheus sorts only by name).
QString normalized(const QByteArray &body)
{
    QStringList out, family;
    auto flush = [&] {
        family.sort();
        out += family;
        family.clear();
    };
    for (const QString &line : QString::fromUtf8(body).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (line.startsWith(QLatin1Char('#'))) {
            flush();
            out << line;
        } else {
            family << line;
        }
    }
    flush();
    return out.join(QLatin1Char('\n'));
}

QString federateUrl(const QString &base, const QStringList &matches)
{
    QString url = base + QStringLiteral("/federate?");
    for (const QString &m : matches) url += QStringLiteral("match[]=") + QString::fromUtf8(QUrl::toPercentEncoding(m)) + QLatin1Char('&');
    return url;
}

// Instant query result as sorted "labels value@time" lines.
QString instant(const QString &base, const QString &query, int64_t atMs)
{
    const auto r = testing::httpRequest(
        "GET", base + QStringLiteral("/api/v1/query?query=") + QString::fromUtf8(QUrl::toPercentEncoding(query)) +
                   QStringLiteral("&time=%1").arg(double(atMs) / 1000.0, 0, 'f', 3));
    if (r.status != 200) return QStringLiteral("HTTP %1 %2").arg(r.status).arg(QString::fromUtf8(r.body));
    QStringList out;
    for (const auto &s : QJsonDocument::fromJson(r.body)[QStringLiteral("data")][QStringLiteral("result")].toArray()) {
        const QJsonObject o = s.toObject();
        out << QString::fromUtf8(QJsonDocument(o[QStringLiteral("metric")].toObject()).toJson(QJsonDocument::Compact)) +
                   QLatin1Char(' ') + o[QStringLiteral("value")].toArray()[1].toString();
    }
    out.sort();
    return out.join(QLatin1Char('\n'));
}

const char *kGlobal = "global:\n  scrape_interval: 1s\n  external_labels:\n    site: lab\n    zone: z1\n";

}  // namespace

void TestFederate::initTestCase()
{
    QVERIFY(dir_.isValid());
    QFile cfg(dir_.filePath(QStringLiteral("global.yml")));
    QVERIFY(cfg.open(QIODevice::WriteOnly));
    cfg.write(kGlobal);
    cfg.close();

    const quint16 port = testing::freePort();
    prom_ = QStringLiteral("http://127.0.0.1:%1").arg(port);
    prometheus_ = std::make_unique<testing::PeerProcess>();
    QVERIFY2(prometheus_->start(QStringLiteral("/usr/bin/prometheus"),
                                {QStringLiteral("--config.file=") + cfg.fileName(),
                                 QStringLiteral("--storage.tsdb.path=") + dir_.filePath(QStringLiteral("prom")),
                                 QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port),
                                 QStringLiteral("--web.enable-remote-write-receiver")},
                                dir_.filePath(QStringLiteral("prometheus.log")), prom_ + QStringLiteral("/-/ready")),
             "prometheus 2.42 (Debian package \"prometheus\") did not start");

    config::EngineOptions o;
    o.storagePath = dir_.filePath(QStringLiteral("vigil")).toStdString();
    o.configFile = cfg.fileName().toStdString();
    o.listenAddress = "127.0.0.1:0";
    o.enableRemoteWriteReceiver = true;
    o.selfScrape = false;
    engine_ = std::make_unique<Engine>(o, true);
    engine_->start();
    QTRY_COMPARE_WITH_TIMEOUT(engine_->state(), Engine::State::Running, 30000);
    vigil_ = QStringLiteral("http://127.0.0.1:%1").arg(engine_->webPort());

    now_ = QDateTime::currentMSecsSinceEpoch();
    const remote::WriteRequest data = testData(now_);
    QVERIFY(postWrite(prom_, data));
    QVERIFY(postWrite(vigil_, data));
}

void TestFederate::cleanupTestCase()
{
    if (engine_) engine_->stop();
    engine_.reset();
    prometheus_.reset();
}

void TestFederate::sameBodyAsPrometheus_data()
{
    QTest::addColumn<QStringList>("matches");
    QTest::newRow("all fed_") << QStringList{QStringLiteral("{__name__=~\"fed_.*\"}")};
    QTest::newRow("one family, regex") << QStringList{QStringLiteral("fed_requests_total{code=~\"5..\"}")};
    QTest::newRow("overlapping sets") << QStringList{QStringLiteral("fed_requests_total{instance=\"a:9100\"}"),
                                                     QStringLiteral("fed_requests_total{code=\"200\"}"),
                                                     QStringLiteral("fed_temperature")};
    QTest::newRow("stale and old only") << QStringList{QStringLiteral("fed_gone"), QStringLiteral("fed_old")};
    QTest::newRow("no match[]") << QStringList{};
}

void TestFederate::sameBodyAsPrometheus()
{
    QFETCH(QStringList, matches);
    const auto p = testing::httpRequest("GET", federateUrl(prom_, matches));
    const auto v = testing::httpRequest("GET", federateUrl(vigil_, matches));
    QCOMPARE(p.status, 200);
    QCOMPARE(v.status, 200);
    const QString pn = normalized(p.body), vn = normalized(v.body);
    QVERIFY2(pn == vn, qPrintable(QStringLiteral("prometheus:\n%1\nvigil:\n%2").arg(pn, vn)));
    if (matches.size() == 1 && matches[0].startsWith(QLatin1Char('{'))) {
        // Not trivially equal: every live family is there, the stale and old ones are not.
        QVERIFY2(vn.contains(QStringLiteral("# TYPE fed_temperature untyped")), qPrintable(vn));
        QVERIFY2(vn.contains(QStringLiteral("instance=\"\"")), qPrintable(vn));
        QVERIFY(!vn.contains(QStringLiteral("fed_gone")) && !vn.contains(QStringLiteral("fed_old")));
    }
}

void TestFederate::badMatcherIs400()
{
    const QStringList bad{QStringLiteral("fed_requests_total{")};
    QCOMPARE(testing::httpRequest("GET", federateUrl(prom_, bad)).status, 400);
    const auto v = testing::httpRequest("GET", federateUrl(vigil_, bad));
    QCOMPARE(v.status, 400);
    QVERIFY(!v.body.isEmpty());
}

// The same data through /api/v1/query (values below 1e-6 print as "1.5e-07" in vectors).
void TestFederate::instantQueryAgrees()
{
    const QString q = QStringLiteral("{__name__=~\"fed_.*\"}");
    const QString v = instant(vigil_, q, now_), p = instant(prom_, q, now_);
    QVERIFY2(v.contains(QStringLiteral("1.5e-07")), qPrintable(v));
    QCOMPARE(v, p);
}

void TestFederate::prometheusFederatesFromVigil()
{
    const QUrl vigilUrl(vigil_);
    QFile cfg(dir_.filePath(QStringLiteral("federating.yml")));
    QVERIFY(cfg.open(QIODevice::WriteOnly));
    cfg.write(QStringLiteral("global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
                             "scrape_configs:\n- job_name: federate\n  honor_labels: true\n"
                             "  metrics_path: /federate\n  params:\n    'match[]': ['{__name__=~\"fed_.*\"}']\n"
                             "  static_configs:\n  - targets: ['127.0.0.1:%1']\n")
                  .arg(vigilUrl.port())
                  .toUtf8());
    cfg.close();
    const quint16 port = testing::freePort();
    const QString fed = QStringLiteral("http://127.0.0.1:%1").arg(port);
    testing::PeerProcess federating;
    QVERIFY2(federating.start(QStringLiteral("/usr/bin/prometheus"),
                              {QStringLiteral("--config.file=") + cfg.fileName(),
                               QStringLiteral("--storage.tsdb.path=") + dir_.filePath(QStringLiteral("fed")),
                               QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port)},
                              dir_.filePath(QStringLiteral("federating.log")), fed + QStringLiteral("/-/ready")),
             "the federating prometheus did not start");
    QTRY_VERIFY_WITH_TIMEOUT(instant(fed, QStringLiteral("up{job=\"federate\"}"), QDateTime::currentMSecsSinceEpoch())
                                 .endsWith(QStringLiteral(" 1")),
                             30000);

    // What Vigil answers, with what federation adds: the external labels a
    // series lacks and the scrape job's label; instance="" disappears.
    const int64_t at = now_ + 1000;
    QStringList expected;
    const auto r = testing::httpRequest(
        "GET", vigil_ + QStringLiteral("/api/v1/query?query=") +
                   QString::fromUtf8(QUrl::toPercentEncoding(QStringLiteral("{__name__=~\"fed_.*\"}"))) +
                   QStringLiteral("&time=%1").arg(double(at) / 1000.0, 0, 'f', 3));
    QCOMPARE(r.status, 200);
    for (const auto &s : QJsonDocument::fromJson(r.body)[QStringLiteral("data")][QStringLiteral("result")].toArray()) {
        QJsonObject m = s.toObject()[QStringLiteral("metric")].toObject();
        if (!m.contains(QStringLiteral("site"))) m[QStringLiteral("site")] = QStringLiteral("lab");
        if (!m.contains(QStringLiteral("zone"))) m[QStringLiteral("zone")] = QStringLiteral("z1");
        if (!m.contains(QStringLiteral("job"))) m[QStringLiteral("job")] = QStringLiteral("federate");
        expected << QString::fromUtf8(QJsonDocument(m).toJson(QJsonDocument::Compact)) + QLatin1Char(' ') +
                        s.toObject()[QStringLiteral("value")].toArray()[1].toString();
    }
    expected.sort();
    QCOMPARE(expected.size(), 11);  // 4 requests, temperature, big, small, 3 specials, own_site
    const QString want = expected.join(QLatin1Char('\n'));
    QString got;
    for (int i = 0; i < 40 && got != want; ++i) {
        got = instant(fed, QStringLiteral("{__name__=~\"fed_.*\"}"), at);
        if (got != want) QTest::qWait(500);
    }
    if (got != want) {
        const QStringList g = got.split(QLatin1Char('\n')), w = want.split(QLatin1Char('\n'));
        for (const QString &l : g)
            if (!w.contains(l)) qWarning("only federated: %s", qPrintable(l));
        for (const QString &l : w)
            if (!g.contains(l)) qWarning("only expected:  %s", qPrintable(l));
    }
    QCOMPARE(got, want);
}

QTEST_GUILESS_MAIN(TestFederate)
#include "tst_federate.moc"
