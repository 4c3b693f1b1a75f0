// file_sd_configs and http_sd_configs through the ScrapeManager: targets
// appear and vanish as files are written, edited, broken and removed, and as
// an HTTP SD endpoint (a loopback test server speaking Prometheus's HTTP SD
// format) changes its answer. Discovered targets are scraped from the same
// test server; a vanished target gets staleness markers.
#include "../scrape/head_reader.h"
#include "../scrape/test_http_server.h"

#include "discovery/target_group_parser.h"
#include "scrape/prometheus_config.h"
#include "scrape/scrape_manager.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::scrape;
using vigil::testing::Route;
using vigil::testing::TestHttpServer;
using vigil::testing::lastIsStale;
using vigil::testing::lastValue;

namespace {

void writeFile(const QString &path, const QByteArray &data)
{
    // Written to a temporary name and renamed, as config management does.
    QFile f(path + QStringLiteral(".tmp"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
    f.close();
    QFile::remove(path);
    QVERIFY(QFile::rename(path + QStringLiteral(".tmp"), path));
}

const TargetSnapshot *find(const std::vector<TargetSnapshot> &ts, const std::string &job, const std::string &instance)
{
    for (const TargetSnapshot &t : ts)
        if (t.job == job && t.labels.get("instance") == instance) return &t;
    return nullptr;
}

size_t countJob(const ScrapeManager &m, const std::string &job)
{
    size_t n = 0;
    for (const TargetSnapshot &t : m.targets()) n += t.job == job;
    return n;
}

}  // namespace

class TestFileHttpSd : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parseFormats();
    void fileSd();
    void httpSd();
};

void TestFileHttpSd::parseFormats()
{
    auto j = discovery::parseTargetGroupsJson(
        R"([{"targets":["a:1","b:2"],"labels":{"env":"prod"}},{"targets":["c:3"]}])");
    QVERIFY2(j, j.status().message().c_str());
    QCOMPARE(j->size(), size_t(2));
    QCOMPARE(j->at(0).targets.size(), size_t(2));
    QCOMPARE(std::string(j->at(0).targets[1].get("__address__")), std::string("b:2"));
    QCOMPARE(std::string(j->at(0).labels.get("env")), std::string("prod"));

    auto y = discovery::parseTargetGroupsYaml("- targets: ['a:1']\n  labels:\n    env: dev\n");
    QVERIFY2(y, y.status().message().c_str());
    QCOMPARE(std::string(y->at(0).labels.get("env")), std::string("dev"));

    // Errors name the problem; nothing half-parsed comes back.
    QVERIFY(!discovery::parseTargetGroupsJson(R"([{"targets":"a:1"}])"));
    QVERIFY(!discovery::parseTargetGroupsJson(R"([{"targets":["a:1"],"labels":{"1bad":"x"}}])"));
    QVERIFY(!discovery::parseTargetGroupsJson(R"({"targets":["a:1"]})"));
    QVERIFY(!discovery::parseTargetGroupsJson("[{"));
    auto unknown = discovery::parseTargetGroupsYaml("- targets: ['a:1']\n  lables: {}\n");
    QVERIFY(!unknown);
    QVERIFY(unknown.status().message().find("lables") != std::string::npos);
    // An empty file is an empty list.
    QVERIFY(discovery::parseTargetGroupsYaml("")->empty());
}

void TestFileHttpSd::fileSd()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TestHttpServer server;
    QVERIFY(server.listenLoopback());
    server.setRoute("/metrics", Route{.body = "sd_test_metric 1\n"});
    const std::string addr = server.address().toStdString();
    const std::string badAddr = "127.0.0.1:1";  // nothing listens: a target that is down

    const QString d = dir.path();
    const std::string yaml =
        "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
        "scrape_configs:\n- job_name: files\n  file_sd_configs:\n  - files: ['sd/*.json', 'sd/*.yml']\n"
        "    refresh_interval: 1h\n"
        "  relabel_configs:\n  - source_labels: [drop]\n    regex: 'yes'\n    action: drop\n";
    QVERIFY(QDir(d).mkpath(QStringLiteral("sd")));
    const QString json = d + QStringLiteral("/sd/a.json");
    const QString yml = d + QStringLiteral("/sd/b.yml");
    writeFile(json, QByteArray(R"([{"targets":[")") + addr.c_str() + R"("],"labels":{"env":"prod"}},)" +
                        R"({"targets":[")" + badAddr.c_str() + R"("],"labels":{"drop":"yes"}}])");

    auto cfg = PrometheusConfig::loadString(yaml, (d + QStringLiteral("/prometheus.yml")).toStdString());
    QVERIFY2(cfg, cfg.status().message().c_str());
    tsdb::Head head;
    ScrapeManager mgr(&head);
    QVERIFY(mgr.applyConfig(*cfg));

    // The JSON file's targets appear (one kept, one dropped by relabeling) and are scraped.
    QTRY_COMPARE_WITH_TIMEOUT(countJob(mgr, "files"), size_t(1), 5000);
    {
        const auto ts = mgr.targets();
        const TargetSnapshot *t = find(ts, "files", addr);
        QVERIFY(t);
        QCOMPARE(std::string(t->discoveredLabels.get("__meta_filepath")), json.toStdString());
        QCOMPARE(std::string(t->discoveredLabels.get("env")), std::string("prod"));
        QCOMPARE(std::string(t->labels.get("env")), std::string("prod"));
        QVERIFY(!t->labels.has("__meta_filepath"));
        const auto dropped = mgr.droppedTargets();
        QCOMPARE(dropped.size(), size_t(1));
        QCOMPARE(std::string(dropped[0].get("__address__")), badAddr);
        QCOMPARE(std::string(dropped[0].get("__meta_filepath")), json.toStdString());
    }
    QTRY_VERIFY_WITH_TIMEOUT(lastValue(head, {{"__name__", "sd_test_metric"}, {"job", "files"}}) == 1.0, 5000);

    // A YAML file in the other pattern adds a target, seen by the watcher.
    writeFile(yml, QByteArray("- targets: ['localhost:") + QByteArray::number(server.serverPort()) +
                       "']\n  labels:\n    env: dev\n");
    QTRY_COMPARE_WITH_TIMEOUT(countJob(mgr, "files"), size_t(2), 5000);
    QVERIFY(find(mgr.targets(), "files", "localhost:" + std::to_string(server.serverPort())));
    QVERIFY(mgr.discoveryErrors().empty());

    // A target whose labels make no valid target is not scraped; the console
    // sees it with the reason (Prometheus lists only relabel drops).
    writeFile(d + QStringLiteral("/sd/c.json"), R"([{"targets":["bad/host:1"]}])");
    auto invalidListed = [&] {
        for (const DroppedTarget &t : mgr.droppedTargetDetails())
            if (t.job == "files" && !t.byRelabeling && t.discoveredLabels.get("__address__") == "bad/host:1" &&
                t.reason.find("is not a valid hostname") != std::string::npos)
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(invalidListed(), 5000);
    QCOMPARE(mgr.droppedTargets().size(), size_t(1));
    QCOMPARE(countJob(mgr, "files"), size_t(2));
    QVERIFY(QFile::remove(d + QStringLiteral("/sd/c.json")));
    QTRY_VERIFY_WITH_TIMEOUT(!invalidListed(), 5000);

    // A broken edit keeps the previous targets and reports the error.
    writeFile(yml, "- targets: ['localhost:1'\n");
    QTRY_VERIFY_WITH_TIMEOUT(mgr.discoveryErrors().count("files") == 1, 5000);
    QCOMPARE(countJob(mgr, "files"), size_t(2));
    const std::string err = mgr.discoveryErrors().at("files").at(0);
    QVERIFY2(err.find(yml.toStdString()) != std::string::npos, err.c_str());

    // Fixing it clears the error; removing the JSON file removes its target,
    // whose series get staleness markers at once.
    writeFile(yml, "- targets: ['localhost:1']\n");
    QTRY_VERIFY_WITH_TIMEOUT(mgr.discoveryErrors().empty(), 5000);
    QVERIFY(QFile::remove(json));
    QTRY_COMPARE_WITH_TIMEOUT(countJob(mgr, "files"), size_t(1), 5000);
    QVERIFY(find(mgr.targets(), "files", "localhost:1"));
    QVERIFY(mgr.droppedTargets().empty());
    QTRY_VERIFY_WITH_TIMEOUT(lastIsStale(head, {{"__name__", "sd_test_metric"}, {"instance", addr}}), 5000);

    // A config without the job stops its discovery and targets.
    auto empty = PrometheusConfig::loadString("scrape_configs: []\n", (d + "/prometheus.yml").toStdString());
    QVERIFY(empty);
    QVERIFY(mgr.applyConfig(*empty));
    QTRY_COMPARE_WITH_TIMEOUT(mgr.targets().size(), size_t(0), 5000);
    mgr.stop();
}

void TestFileHttpSd::httpSd()
{
    TestHttpServer server;
    QVERIFY(server.listenLoopback());
    server.setRoute("/metrics", Route{.body = "sd_http_metric 2\n"});
    const QByteArray addr = server.address();
    Route sd{.contentType = "application/json",
             .body = R"([{"targets":[")" + addr + R"(","127.0.0.1:2"],"labels":{"team":"a"}}])"};
    server.setRoute("/sd", sd);
    const std::string url = "http://" + addr.toStdString() + "/sd";
    const std::string yaml = "scrape_configs:\n- job_name: http\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
                             "  http_sd_configs:\n  - url: " + url + "\n    refresh_interval: 300ms\n";
    auto cfg = PrometheusConfig::loadString(yaml, "prometheus.yml");
    QVERIFY2(cfg, cfg.status().message().c_str());
    QCOMPARE(cfg->scrapeConfigs.at(0).sd.http.at(0).refreshIntervalMs, int64_t(300));

    tsdb::Head head;
    ScrapeManager mgr(&head);
    QVERIFY(mgr.applyConfig(*cfg));
    QTRY_COMPARE_WITH_TIMEOUT(countJob(mgr, "http"), size_t(2), 5000);
    {
        const auto ts = mgr.targets();
        const TargetSnapshot *t = find(ts, "http", addr.toStdString());
        QVERIFY(t);
        QCOMPARE(std::string(t->discoveredLabels.get("__meta_url")), url);
        QCOMPARE(std::string(t->labels.get("team")), std::string("a"));
    }
    QCOMPARE(server.lastRequest("/sd").headers.value("x-prometheus-refresh-interval-seconds"), QByteArray("0"));
    QTRY_VERIFY_WITH_TIMEOUT(lastValue(head, {{"__name__", "sd_http_metric"}, {"job", "http"}}) == 2.0, 5000);

    // Wrong content type: an error, the targets stay.
    const int hits = server.hits("/sd");
    server.route("/sd").contentType = "text/plain";
    QTRY_VERIFY_WITH_TIMEOUT(mgr.discoveryErrors().count("http") == 1, 5000);
    QVERIFY2(mgr.discoveryErrors().at("http").at(0).find("unsupported content type") != std::string::npos,
             mgr.discoveryErrors().at("http").at(0).c_str());
    QCOMPARE(countJob(mgr, "http"), size_t(2));
    // A server error: same.
    server.route("/sd") = Route{.status = 500, .reason = "Internal Server Error", .contentType = "application/json"};
    QTRY_VERIFY_WITH_TIMEOUT(server.hits("/sd") > hits + 2, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(mgr.discoveryErrors().count("http") == 1 &&
                                 mgr.discoveryErrors().at("http").at(0).find("500") != std::string::npos,
                             5000);
    QCOMPARE(countJob(mgr, "http"), size_t(2));

    // The endpoint drops a target: it goes, with staleness markers.
    sd.body = R"([{"targets":["127.0.0.1:2"],"labels":{"team":"a"}}])";
    server.setRoute("/sd", sd);
    QTRY_COMPARE_WITH_TIMEOUT(countJob(mgr, "http"), size_t(1), 5000);
    QVERIFY(mgr.discoveryErrors().empty());
    QTRY_VERIFY_WITH_TIMEOUT(lastIsStale(head, {{"__name__", "sd_http_metric"}, {"job", "http"}}), 5000);
    mgr.stop();
}

QTEST_GUILESS_MAIN(TestFileHttpSd)
#include "tst_file_http_sd.moc"
