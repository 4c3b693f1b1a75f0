// file_sd_configs and http_sd_configs against Prometheus 2.42 (Debian's
// /usr/bin/prometheus): both load the same prometheus.yml (target group
// files in JSON and YAML, an HTTP SD endpoint served by the test on
// loopback, another one that answers only with basic auth (password_file),
// a relabel rule that drops a target) and must report the same
// discoveredLabels and labels of active targets, and the same dropped
// targets, in /api/v1/targets. Fails when prometheus is not installed.
#include "../scrape/test_http_server.h"
#include "vigil_targets_api.h"

#include "../../support/peer_process.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace vigil;
using vigil::testing::Route;
using vigil::testing::TestHttpServer;

namespace {

void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
}

QString labelsKey(const QJsonObject &o)
{
    QStringList parts;
    for (auto it = o.begin(); it != o.end(); ++it) parts << it.key() + QLatin1Char('=') + it.value().toString();
    parts.sort();
    return parts.join(QLatin1Char(','));
}

// "pool | discovered | labels" per active target, "pool? | discovered" per dropped one.
struct TargetSets {
    std::set<QString> active;
    std::set<QString> dropped;
};

TargetSets targetSets(const QByteArray &body)
{
    TargetSets s;
    const QJsonObject data = QJsonDocument::fromJson(body).object().value(QStringLiteral("data")).toObject();
    for (const QJsonValue &v : data.value(QStringLiteral("activeTargets")).toArray()) {
        const QJsonObject t = v.toObject();
        s.active.insert(t.value(QStringLiteral("scrapePool")).toString() + QStringLiteral(" | ") +
                        labelsKey(t.value(QStringLiteral("discoveredLabels")).toObject()) + QStringLiteral(" | ") +
                        labelsKey(t.value(QStringLiteral("labels")).toObject()));
    }
    for (const QJsonValue &v : data.value(QStringLiteral("droppedTargets")).toArray())
        s.dropped.insert(labelsKey(v.toObject().value(QStringLiteral("discoveredLabels")).toObject()));
    return s;
}

QString dump(const std::set<QString> &s)
{
    QStringList l(s.begin(), s.end());
    return l.join(QLatin1Char('\n'));
}

}  // namespace

class TestSdVsPrometheus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void sameTargets();

private:
    QTemporaryDir dir_;
    TestHttpServer server_;
    testing::PeerProcess prometheus_;
    uint16_t promPort_ = 0;
    testing::VigilTargetsApi vigil_;
};

void TestSdVsPrometheus::initTestCase()
{
    const QString prometheus = QStringLiteral("/usr/bin/prometheus");
    QVERIFY2(QFile::exists(prometheus), "prometheus (Debian package \"prometheus\") is required");
    QVERIFY(dir_.isValid());
    QVERIFY(server_.listenLoopback());
    server_.setRoute("/metrics", Route{.body = "sd_metric 1\n"});
    const QByteArray addr = server_.address();
    server_.setRoute("/sd", Route{.contentType = "application/json; charset=utf-8",
                                  .body = R"([{"targets":[")" + addr + R"(","127.0.0.1:7"],"labels":{"team":"a"}},)"
                                          R"({"targets":["127.0.0.1:8"]}])"});
    // Answers only with the right basic auth; anything else gets 401.
    server_.setRoute("/sd-auth", Route{.contentType = "application/json",
                                       .body = R"([{"targets":["127.0.0.1:21","127.0.0.1:22"],"labels":{"auth":"ok"}}])",
                                       .authorization = "Basic " + QByteArray("sd:pa55").toBase64()});

    const QString d = dir_.path();
    QVERIFY(QDir(d).mkpath(QStringLiteral("sd")));
    writeFile(d + QStringLiteral("/sd/a.json"),
              R"([{"targets":[")" + addr + R"(","127.0.0.1:9"],"labels":{"env":"prod","instance":"named"}},)"
              R"({"targets":["127.0.0.1:10"],"labels":{"drop":"yes"}}])");
    writeFile(d + QStringLiteral("/sd-password"), "pa55\n");
    writeFile(d + QStringLiteral("/sd/b.yml"), "- targets: ['localhost:11', 'localhost:12']\n  labels:\n    env: dev\n"
                                              "- targets: ['localhost:13']\n");
    const QByteArray yaml =
        "global:\n  scrape_interval: 1m\n  scrape_timeout: 10s\n"
        "scrape_configs:\n"
        "- job_name: files\n  file_sd_configs:\n  - files: ['sd/*.json', 'sd/*.yml']\n"
        "  relabel_configs:\n  - source_labels: [drop]\n    regex: 'yes'\n    action: drop\n"
        "  - source_labels: [__meta_filepath]\n    regex: '.*/(.*)'\n    target_label: file\n"
        "- job_name: http\n  http_sd_configs:\n  - url: http://" + addr + "/sd\n"
        "  relabel_configs:\n  - source_labels: [__address__]\n    regex: '.*:8'\n    action: drop\n"
        "  - source_labels: [__meta_url]\n    target_label: sd_url\n"
        "- job_name: http-auth\n  http_sd_configs:\n  - url: http://" + addr + "/sd-auth\n"
        "    basic_auth:\n      username: sd\n      password_file: sd-password\n"
        "  relabel_configs:\n  - source_labels: [__address__]\n    regex: '.*:22'\n    action: drop\n";
    const QString configPath = d + QStringLiteral("/prometheus.yml");
    writeFile(configPath, yaml);

    promPort_ = testing::freePort();
    QVERIFY2(prometheus_.start(prometheus,
                               testing::prometheusArgs(d + QStringLiteral("/prom-data"), promPort_, configPath),
                               d + QStringLiteral("/prometheus.log"),
                               QStringLiteral("http://127.0.0.1:%1/-/ready").arg(promPort_)),
             "prometheus did not start");

    const Status started = vigil_.start(d + QStringLiteral("/vigil-data"), yaml, configPath);
    QVERIFY2(started.isOk(), started.toString().c_str());
}

void TestSdVsPrometheus::cleanupTestCase()
{
    vigil_.stop();
    prometheus_.stop();  // SIGTERM to its PID
}

void TestSdVsPrometheus::sameTargets()
{
    // files: 2 + 3 active, 1 dropped; http: 2 active, 1 dropped; http-auth: 1 active, 1 dropped.
    const TargetSets prom = testing::waitForTargets(promPort_, 8, 3, targetSets);
    const TargetSets vigil = testing::waitForTargets(vigil_.port(), 8, 3, targetSets);
    QVERIFY2(prom.active.size() == 8, qPrintable(QStringLiteral("prometheus:\n") + dump(prom.active)));
    QVERIFY(server_.hits("/sd-auth") > 0);
    QVERIFY2(vigil.active == prom.active,
             qPrintable(QStringLiteral("prometheus:\n") + dump(prom.active) + QStringLiteral("\nvigil:\n") +
                        dump(vigil.active)));
    QVERIFY2(vigil.dropped == prom.dropped,
             qPrintable(QStringLiteral("prometheus:\n") + dump(prom.dropped) + QStringLiteral("\nvigil:\n") +
                        dump(vigil.dropped)));
}

QTEST_GUILESS_MAIN(TestSdVsPrometheus)
#include "tst_sd_vs_prometheus.moc"
