// Import/export of console targets as prometheus.yml: the export passes the
// real `promtool check config` and re-imports to the same targets.
#include "runtime/stored_target_config.h"
#include "runtime/target_yaml.h"
#include "scrape/prometheus_config.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

namespace {

store::StoredTarget target(std::string job, std::string address)
{
    store::StoredTarget t;
    t.job = std::move(job);
    t.address = std::move(address);
    return t;
}

// TLS files must exist for promtool; `dir` holds them.
std::vector<store::StoredTarget> sample(const QString &dir = QStringLiteral("/etc/ssl"))
{
    const std::string base = dir.toStdString();
    auto a = target("node", "127.0.0.1:9100");
    a.labels = {{"rack", "r1"}, {"zone", "a \"quoted\" value"}};
    a.relabelYaml =
        "- source_labels: [__address__]\n  regex: '(.*):.*'\n  target_label: host\n"
        "- action: labeldrop\n  regex: tmp_.*\n";
    auto b = a;
    b.address = "127.0.0.2:9100";
    b.labels = {{"zone", "b"}};
    auto c = target("secure-web", "web.example:8443");
    c.scheme = "https";
    c.metricsPath = "/custom/metrics";
    c.intervalMs = 30000;
    c.timeoutMs = 5000;
    c.authType = "basic";
    c.authUser = "scraper";
    c.tlsCaFile = base + "/ca.pem";
    c.tlsCertFile = base + "/client.pem";
    c.tlsKeyFile = base + "/client.key";
    c.tlsServerName = "web.internal";
    c.tlsInsecureSkipVerify = true;
    auto d = target("api", "10.0.0.1:80");
    d.authType = "bearer";
    return {a, b, c, d};
}

// The fields an exported file can carry (not ids, secret references, or the
// relabel text's formatting, which is compared parsed).
void compareTargets(const store::StoredTarget &got, const store::StoredTarget &want)
{
    QCOMPARE(got.job, want.job);
    QCOMPARE(got.address, want.address);
    QCOMPARE(got.scheme, want.scheme);
    QCOMPARE(got.metricsPath, want.metricsPath);
    QCOMPARE(got.intervalMs, want.intervalMs);
    QCOMPARE(got.timeoutMs, want.timeoutMs);
    QCOMPARE(got.labels, want.labels);
    QCOMPARE(got.authType, want.authType);
    QCOMPARE(got.authUser, want.authUser);
    QCOMPARE(got.tlsCaFile, want.tlsCaFile);
    QCOMPARE(got.tlsCertFile, want.tlsCertFile);
    QCOMPARE(got.tlsKeyFile, want.tlsKeyFile);
    QCOMPARE(got.tlsServerName, want.tlsServerName);
    QCOMPARE(got.tlsInsecureSkipVerify, want.tlsInsecureSkipVerify);
    auto gotRelabel = scrape::parseRelabelConfigs(got.relabelYaml, "got");
    auto wantRelabel = scrape::parseRelabelConfigs(want.relabelYaml, "want");
    QVERIFY2(gotRelabel.isOk(), gotRelabel.status().message().c_str());
    QVERIFY(wantRelabel.isOk());
    QVERIFY(*gotRelabel == *wantRelabel);
}

}  // namespace

class TestTargetYaml : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void exportPassesPromtoolAndRoundTrips()
    {
        QTemporaryDir dir;
        for (const char *name : {"ca.pem", "client.pem", "client.key"}) {
            QFile f(dir.filePath(QString::fromLatin1(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        const auto targets = sample(dir.path());
        const std::string yaml = runtime::exportTargets(targets);
        const QString file = dir.filePath(QStringLiteral("prometheus.yml"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(yaml.data(), qint64(yaml.size()));
        }
        QVERIFY2(QFile::exists(QStringLiteral("/usr/bin/promtool")),
                 "promtool is required (packaging/dev.sh)");
        QProcess promtool;
        promtool.start(QStringLiteral("/usr/bin/promtool"),
                       {QStringLiteral("check"), QStringLiteral("config"), file});
        QVERIFY(promtool.waitForFinished(30000));
        QVERIFY2(promtool.exitCode() == 0, qPrintable(QString::fromUtf8(promtool.readAllStandardOutput() +
                                                                        promtool.readAllStandardError()) +
                                                      QString::fromStdString("\n" + yaml)));

        auto cfg = scrape::PrometheusConfig::loadFile(file.toStdString());
        QVERIFY2(cfg.isOk(), cfg.status().message().c_str());
        const auto imported = runtime::importTargets(*cfg);
        QVERIFY(imported.skipped.empty());
        QCOMPARE(imported.targets.size(), targets.size());
        for (size_t i = 0; i < targets.size(); ++i) {
            compareTargets(imported.targets[i].target, targets[i]);
            QVERIFY(imported.targets[i].secret.empty());  // secrets are never exported
            if (QTest::currentTestFailed()) return;
        }
        QVERIFY(yaml.find("keychain") != std::string::npos);
    }

    void importReportsWhatItCannotTake()
    {
        const std::string yaml = R"(
scrape_configs:
  - job_name: ok
    basic_auth: {username: u, password: s3cret}
    static_configs: [{targets: ["a:1", "b:2"], labels: {env: prod}}]
  - job_name: files
    file_sd_configs: [{files: [x.json]}]
  - job_name: params
    params: {module: [http_2xx]}
    static_configs: [{targets: ["c:3"]}]
  - job_name: tokenfile
    bearer_token_file: /run/token
    static_configs: [{targets: ["d:4"]}]
  - job_name: limits
    sample_limit: 10
    static_configs: [{targets: ["e:5"]}]
)";
        auto cfg = scrape::PrometheusConfig::loadString(yaml, "p.yml");
        QVERIFY2(cfg.isOk(), cfg.status().message().c_str());
        const auto r = runtime::importTargets(*cfg);
        QCOMPARE(r.targets.size(), size_t(2));
        QCOMPARE(r.targets[1].target.address, std::string("b:2"));
        QCOMPARE(r.targets[1].target.authType, std::string("basic"));
        QCOMPARE(r.targets[1].target.authUser, std::string("u"));
        QCOMPARE(r.targets[1].secret, std::string("s3cret"));
        QVERIFY(r.targets[1].target.authSecretRef.empty());
        QCOMPARE(r.targets[0].target.labels,
                 (std::vector<std::pair<std::string, std::string>>{{"env", "prod"}}));
        QCOMPARE(r.skipped.size(), size_t(4));
        QCOMPARE(r.skipped[0].job, std::string("files"));
        QVERIFY(r.skipped[0].reason.find("file_sd_configs (service discovery)") != std::string::npos);
        QVERIFY(r.skipped[1].reason.find("params") != std::string::npos);
        QVERIFY(r.skipped[2].reason.find("credentials_file") != std::string::npos);
        QVERIFY(r.skipped[3].reason.find("limits") != std::string::npos);
    }

    void scrapeConfigCarriesAuthTlsAndRelabel()
    {
        auto t = sample()[2];
        t.relabelYaml = "- target_label: team\n  replacement: ops\n";
        auto job = runtime::scrapeConfigFor(t, "pw");
        QVERIFY2(job.isOk(), job.status().message().c_str());
        QVERIFY(job->http.basicAuth.has_value());
        QCOMPARE(job->http.basicAuth->username, std::string("scraper"));
        QCOMPARE(job->http.basicAuth->password, std::string("pw"));
        QCOMPARE(job->http.tls.caFile, std::string("/etc/ssl/ca.pem"));
        QCOMPARE(job->http.tls.serverName, std::string("web.internal"));
        QVERIFY(job->http.tls.insecureSkipVerify);
        QCOMPARE(job->relabelConfigs.size(), size_t(1));
        t.relabelYaml = "- action: hashmod\n  source_labels: [a]\n";  // no modulus, no target
        job = runtime::scrapeConfigFor(t, "pw");
        QVERIFY(!job.isOk());
        QVERIFY2(job.status().message().find("relabel_configs") == 0, job.status().message().c_str());
    }
};

QTEST_GUILESS_MAIN(TestTargetYaml)
#include "tst_target_yaml.moc"
