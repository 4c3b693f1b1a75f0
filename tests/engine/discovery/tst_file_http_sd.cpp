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
#include <QProcess>
#include <QSslSocket>
#include <QStandardPaths>
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
    void httpSdAuthAndTls();
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

// http_sd_configs with the HTTP client settings: basic_auth (password_file),
// authorization (credentials_file), tls_config (ca_file, insecure_skip_verify)
// against a TLS test server with a self-signed certificate made by openssl.
void TestFileHttpSd::httpSdAuthAndTls()
{
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    QVERIFY2(!openssl.isEmpty(), "the openssl command line tool is required (Debian package openssl)");
    QProcess p;
    p.setWorkingDirectory(dir.path());
    p.start(openssl, {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
                      "key.pem", "-out", "cert.pem", "-days", "2", "-subj", "/CN=localhost", "-addext",
                      "subjectAltName=DNS:localhost,IP:127.0.0.1"});
    const bool finished = p.waitForFinished(20000);
    if (!finished) p.kill();
    QVERIFY2(finished && p.exitCode() == 0, p.readAllStandardError().constData());
    QFile certFile(dir.filePath("cert.pem")), keyFile(dir.filePath("key.pem"));
    QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    const QList<QSslCertificate> certs = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    QVERIFY(!certs.isEmpty());
    const QSslKey key(keyFile.readAll(), QSsl::Ec, QSsl::Pem);
    QVERIFY(!key.isNull());
    writeFile(dir.filePath("password"), "s3cret\n");
    writeFile(dir.filePath("token"), "tok-123\n");

    TestHttpServer server;
    server.enableTls(certs.first(), key);
    QVERIFY(server.listenLoopback());
    server.setRoute("/basic", Route{.contentType = "application/json",
                                    .body = R"([{"targets":["10.0.0.1:9100"],"labels":{"via":"basic"}}])",
                                    .authorization = "Basic " + QByteArray("sd-user:s3cret").toBase64()});
    server.setRoute("/bearer", Route{.contentType = "application/json",
                                     .body = R"([{"targets":["10.0.0.2:9100"]}])",
                                     .authorization = "Bearer tok-123"});
    const std::string base = "https://" + server.address().toStdString();
    const std::string d = dir.path().toStdString();
    const std::string yaml =
        "scrape_configs:\n"
        "- job_name: basic\n  http_sd_configs:\n  - url: " + base + "/basic\n    refresh_interval: 300ms\n"
        "    basic_auth: {username: sd-user, password_file: password}\n    tls_config: {ca_file: cert.pem}\n"
        "- job_name: bearer\n  http_sd_configs:\n  - url: " + base + "/bearer\n    refresh_interval: 300ms\n"
        "    authorization: {credentials_file: token}\n    tls_config: {insecure_skip_verify: true}\n"
        "- job_name: untrusted\n  http_sd_configs:\n  - url: " + base + "/bearer\n    refresh_interval: 300ms\n"
        "    bearer_token: tok-123\n"
        "- job_name: wrong-password\n  http_sd_configs:\n  - url: " + base + "/basic\n    refresh_interval: 300ms\n"
        "    basic_auth: {username: sd-user, password: nope}\n    tls_config: {ca_file: cert.pem}\n"
        // Accepted as promtool 2.42 accepts it (http_sd does not validate
        // its client settings); basic_auth wins, as in Prometheus.
        "- job_name: both\n  http_sd_configs:\n  - url: " + base + "/basic\n    refresh_interval: 300ms\n"
        "    bearer_token: tok-123\n    authorization: {credentials: other}\n"
        "    basic_auth: {username: sd-user, password_file: password}\n    tls_config: {ca_file: cert.pem}\n";
    auto cfg = PrometheusConfig::loadString(yaml, d + "/prometheus.yml");
    QVERIFY2(cfg, cfg.status().message().c_str());
    const auto &basic = cfg->scrapeConfigs.at(0).sd.http.at(0).http;
    QCOMPARE(basic.basicAuth->passwordFile, d + "/password");
    QCOMPARE(basic.tls.caFile, d + "/cert.pem");
    QCOMPARE(cfg->scrapeConfigs.at(2).sd.http.at(0).http.authorization->credentials, std::string("tok-123"));

    tsdb::Head head;
    ScrapeManager mgr(&head);
    QVERIFY(mgr.applyConfig(*cfg));
    QTRY_COMPARE_WITH_TIMEOUT(countJob(mgr, "basic"), size_t(1), 5000);
    QVERIFY(find(mgr.targets(), "basic", "10.0.0.1:9100"));
    QTRY_COMPARE_WITH_TIMEOUT(countJob(mgr, "bearer"), size_t(1), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(countJob(mgr, "both"), size_t(1), 5000);
    QCOMPARE(server.lastRequest("/bearer").headers.value("authorization"), QByteArray("Bearer tok-123"));

    // Without the CA (and without insecure_skip_verify) the certificate is refused;
    // a wrong password gets 401. Both are reported; neither job has targets.
    auto errorOf = [&](const std::string &job) {
        const auto e = mgr.discoveryErrors();
        return e.count(job) ? e.at(job).at(0) : std::string();
    };
    QTRY_VERIFY_WITH_TIMEOUT(!errorOf("untrusted").empty(), 5000);
    QVERIFY2(errorOf("untrusted").find("certificate") != std::string::npos ||
                 errorOf("untrusted").find("SSL") != std::string::npos,
             errorOf("untrusted").c_str());
    QTRY_VERIFY_WITH_TIMEOUT(errorOf("wrong-password").find("401") != std::string::npos, 5000);
    QCOMPARE(countJob(mgr, "untrusted"), size_t(0));
    QCOMPARE(countJob(mgr, "wrong-password"), size_t(0));
    QVERIFY(errorOf("basic").empty());

    // The password file is read per request: a rotated (wrong) password
    // fails the next refresh, the targets stay, the error shows.
    writeFile(dir.filePath("password"), "rotated\n");
    QTRY_VERIFY_WITH_TIMEOUT(errorOf("basic").find("401") != std::string::npos, 5000);
    QCOMPARE(countJob(mgr, "basic"), size_t(1));
    // A missing file: the error names it; nothing is sent.
    QVERIFY(QFile::remove(dir.filePath("password")));
    QTRY_VERIFY_WITH_TIMEOUT(errorOf("basic").find("unable to read file " + d + "/password") != std::string::npos,
                             5000);
    QCOMPARE(countJob(mgr, "basic"), size_t(1));
    mgr.stop();
}

QTEST_GUILESS_MAIN(TestFileHttpSd)
#include "tst_file_http_sd.moc"
