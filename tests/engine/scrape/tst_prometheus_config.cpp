// prometheus.yml loading: defaults, every supported field, raw sections, and
// the errors (file:line: field: reason) of invalid files.
#include "scrape/prometheus_config.h"
#include "scrape/units.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace vigil::scrape;

class TestPrometheusConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("15s") << "15s" << qint64(15000);
        QTest::newRow("1h30m") << "1h30m" << qint64(5400000);
        QTest::newRow("500ms") << "500ms" << qint64(500);
        QTest::newRow("1m500ms") << "1m500ms" << qint64(60500);
        QTest::newRow("2d") << "2d" << qint64(2 * 86400000LL);
        QTest::newRow("1y") << "1y" << qint64(365 * 86400000LL);
        QTest::newRow("0") << "0" << qint64(0);
        QTest::newRow("bad unit") << "5x" << qint64(-1);
        QTest::newRow("wrong order") << "1s1m" << qint64(-1);
        QTest::newRow("repeated") << "1s1s" << qint64(-1);
        QTest::newRow("empty") << "" << qint64(-1);
        QTest::newRow("no number") << "s" << qint64(-1);
    }
    void durations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        auto r = parseDuration(text.toStdString());
        if (ms < 0) {
            QVERIFY(!r);
            QVERIFY(r.status().message().find("not a valid duration string") != std::string::npos);
        } else {
            QVERIFY2(r, r.status().message().c_str());
            QCOMPARE(*r, ms);
        }
    }

    void formatDurations()
    {
        QCOMPARE(formatDuration(0), std::string("0s"));
        QCOMPARE(formatDuration(15000), std::string("15s"));
        QCOMPARE(formatDuration(5400000), std::string("1h30m"));
        QCOMPARE(formatDuration(60000), std::string("1m"));
        QCOMPARE(formatDuration(90LL * 86400000), std::string("90d"));
        QCOMPARE(formatDuration(14LL * 86400000), std::string("2w"));
        QCOMPARE(formatDuration(200), std::string("200ms"));
    }

    void byteSizes()
    {
        QCOMPARE(*parseByteSize("0"), int64_t(0));
        QCOMPARE(*parseByteSize("100B"), int64_t(100));
        QCOMPARE(*parseByteSize("10KB"), int64_t(10240));
        QCOMPARE(*parseByteSize("1MiB"), int64_t(1 << 20));
        QCOMPARE(*parseByteSize("1GB512MB"), int64_t(1536) << 20);
        QVERIFY(!parseByteSize("10"));
        QVERIFY(!parseByteSize("10kb"));
        QVERIFY(!parseByteSize("MB"));
    }

    void emptyFileHasDefaults()
    {
        auto cfg = PrometheusConfig::loadString("", "prometheus.yml");
        QVERIFY2(cfg, cfg.status().message().c_str());
        QCOMPARE(cfg->global.scrapeIntervalMs, int64_t(60000));
        QCOMPARE(cfg->global.scrapeTimeoutMs, int64_t(10000));
        QCOMPARE(cfg->global.evaluationIntervalMs, int64_t(60000));
        QVERIFY(cfg->scrapeConfigs.empty());
    }

    void jobWithoutIntervalGetsPrometheusDefault()
    {
        auto cfg = PrometheusConfig::loadString("scrape_configs:\n  - job_name: a\n", "prometheus.yml");
        QVERIFY2(cfg, cfg.status().message().c_str());
        QCOMPARE(cfg->scrapeConfigs.size(), size_t(1));
        QCOMPARE(cfg->scrapeConfigs[0].scrapeIntervalMs, int64_t(60000));
        QCOMPARE(cfg->scrapeConfigs[0].scrapeTimeoutMs, int64_t(10000));
        QCOMPARE(cfg->scrapeConfigs[0].metricsPath, std::string("/metrics"));
        QCOMPARE(cfg->scrapeConfigs[0].scheme, std::string("http"));
        QVERIFY(cfg->scrapeConfigs[0].honorTimestamps);
        QVERIFY(!cfg->scrapeConfigs[0].honorLabels);
        // Vigil's own default (no prometheus.yml) is 15 s.
        QCOMPARE(ScrapeConfig::withDefaults("x").scrapeIntervalMs, int64_t(15000));
    }

    void shortIntervalShortensTimeout()
    {
        auto cfg = PrometheusConfig::loadString(
            "global:\n  scrape_interval: 5s\nscrape_configs:\n  - job_name: a\n  - job_name: b\n    "
            "scrape_interval: 2s\n",
            "p.yml");
        QVERIFY2(cfg, cfg.status().message().c_str());
        QCOMPARE(cfg->global.scrapeTimeoutMs, int64_t(5000));
        QCOMPARE(cfg->scrapeConfigs[0].scrapeIntervalMs, int64_t(5000));
        QCOMPARE(cfg->scrapeConfigs[0].scrapeTimeoutMs, int64_t(5000));
        QCOMPARE(cfg->scrapeConfigs[1].scrapeTimeoutMs, int64_t(2000));
    }

    void fullFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath("prometheus.yml").toStdString();
        {
            std::ofstream out(path);
            out << R"(global:
  scrape_interval: 15s
  scrape_timeout: 5s
  evaluation_interval: 30s
  external_labels:
    region: eu
    replica: "1"
rule_files:
  - rules/*.yml
  - /abs/alerts.yml
alerting:
  alertmanagers:
    - static_configs:
        - targets: ["am:9093"]
remote_write:
  - url: http://rw.example/api/v1/write
scrape_configs:
  - job_name: node
    scrape_interval: 10s
    scrape_timeout: 2s
    metrics_path: /probe
    scheme: https
    params:
      module: [http_2xx, other]
    honor_labels: true
    honor_timestamps: false
    basic_auth:
      username: u
      password_file: secrets/pw
    tls_config:
      ca_file: ca.pem
      cert_file: /etc/c.pem
      key_file: k.pem
      server_name: example.org
      insecure_skip_verify: true
    sample_limit: 1000
    label_limit: 30
    label_name_length_limit: 100
    label_value_length_limit: 200
    body_size_limit: 10MB
    static_configs:
      - targets: ["a:9100", "b:9100"]
        labels:
          env: prod
    relabel_configs:
      - source_labels: [__address__]
        regex: "(.*):9100"
        target_label: host
      - action: labeldrop
        regex: tmp_.*
    metric_relabel_configs:
      - source_labels: [__name__]
        regex: go_.*
        action: drop
    file_sd_configs:
      - files: [targets/*.json]
  - job_name: bearer
    bearer_token: secret
    static_configs:
      - targets: ["c:80"]
  - job_name: authz
    authorization:
      credentials_file: token
    kubernetes_sd_configs:
      - role: pod
)";
        }
        auto cfg = PrometheusConfig::loadFile(path);
        QVERIFY2(cfg, cfg.status().message().c_str());
        const std::string d = dir.path().toStdString();
        QCOMPARE(cfg->global.scrapeIntervalMs, int64_t(15000));
        QCOMPARE(cfg->global.scrapeTimeoutMs, int64_t(5000));
        QCOMPARE(cfg->global.evaluationIntervalMs, int64_t(30000));
        QCOMPARE(std::string(cfg->global.externalLabels.get("region")), std::string("eu"));
        QCOMPARE(cfg->ruleFiles.size(), size_t(2));
        QCOMPARE(cfg->ruleFiles[0], d + "/rules/*.yml");
        QCOMPARE(cfg->ruleFiles[1], std::string("/abs/alerts.yml"));
        QVERIFY(cfg->rawSections.count("alerting"));
        QVERIFY(cfg->rawSections.count("remote_write"));
        QVERIFY(cfg->rawSections.at("remote_write").find("rw.example") != std::string::npos);
        QCOMPARE(cfg->scrapeConfigs.size(), size_t(3));

        const ScrapeConfig &n = cfg->scrapeConfigs[0];
        QCOMPARE(n.jobName, std::string("node"));
        QCOMPARE(n.scrapeIntervalMs, int64_t(10000));
        QCOMPARE(n.scrapeTimeoutMs, int64_t(2000));
        QCOMPARE(n.metricsPath, std::string("/probe"));
        QCOMPARE(n.scheme, std::string("https"));
        QCOMPARE(n.params.at("module").size(), size_t(2));
        QVERIFY(n.honorLabels);
        QVERIFY(!n.honorTimestamps);
        QVERIFY(n.http.basicAuth.has_value());
        QCOMPARE(n.http.basicAuth->username, std::string("u"));
        QCOMPARE(n.http.basicAuth->passwordFile, d + "/secrets/pw");
        QCOMPARE(n.http.tls.caFile, d + "/ca.pem");
        QCOMPARE(n.http.tls.certFile, std::string("/etc/c.pem"));
        QCOMPARE(n.http.tls.serverName, std::string("example.org"));
        QVERIFY(n.http.tls.insecureSkipVerify);
        QCOMPARE(n.sampleLimit, uint64_t(1000));
        QCOMPARE(n.labelLimit, uint64_t(30));
        QCOMPARE(n.labelNameLengthLimit, uint64_t(100));
        QCOMPARE(n.labelValueLengthLimit, uint64_t(200));
        QCOMPARE(n.bodySizeLimit, int64_t(10) << 20);
        QCOMPARE(n.staticConfigs.size(), size_t(1));
        QCOMPARE(n.staticConfigs[0].targets.size(), size_t(2));
        QCOMPARE(std::string(n.staticConfigs[0].labels.get("env")), std::string("prod"));
        QCOMPARE(n.relabelConfigs.size(), size_t(2));
        QCOMPARE(n.relabelConfigs[0].targetLabel, std::string("host"));
        QVERIFY(n.relabelConfigs[1].action == RelabelAction::LabelDrop);
        QCOMPARE(n.metricRelabelConfigs.size(), size_t(1));
        QVERIFY(n.metricRelabelConfigs[0].action == RelabelAction::Drop);
        QVERIFY(!n.rawSections.count("file_sd_configs"));
        QCOMPARE(n.sd.file.size(), size_t(1));
        QCOMPARE(n.sd.file[0].files.at(0), d + "/targets/*.json");
        QCOMPARE(n.sd.file[0].refreshIntervalMs, int64_t(300000));

        const ScrapeConfig &b = cfg->scrapeConfigs[1];
        QVERIFY(b.http.authorization.has_value());
        QCOMPARE(b.http.authorization->type, std::string("Bearer"));
        QCOMPARE(b.http.authorization->credentials, std::string("secret"));
        QCOMPARE(b.scrapeIntervalMs, int64_t(15000));
        QCOMPARE(b.scrapeTimeoutMs, int64_t(5000));

        const ScrapeConfig &a = cfg->scrapeConfigs[2];
        QCOMPARE(a.http.authorization->credentialsFile, d + "/token");
        QVERIFY(!a.rawSections.count("kubernetes_sd_configs"));
        QCOMPARE(a.sd.kubernetes.size(), size_t(1));
        QCOMPARE(a.sd.kubernetes[0].role, std::string("pod"));
        QVERIFY(cfg->findJob("authz") == &a);

        // Equal configs compare equal (reload keeps unchanged jobs).
        auto again = PrometheusConfig::loadFile(path);
        QVERIFY(again);
        QVERIFY(*again == *cfg);
    }

    void missingFileIsIoError()
    {
        auto cfg = PrometheusConfig::loadFile("/nonexistent-dir/prometheus.yml");
        QVERIFY(!cfg);
        QCOMPARE(cfg.status().code(), vigil::Status::Code::IOError);
    }

    void expandRuleFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const char *f : {"a.yml", "b.yml", "c.txt"})
            std::ofstream(dir.filePath(f).toStdString()) << "groups: []\n";
        const std::string path = dir.filePath("prometheus.yml").toStdString();
        auto cfg = PrometheusConfig::loadString("rule_files: ['*.yml', 'none/*.yml']\n", path);
        QVERIFY2(cfg, cfg.status().message().c_str());
        auto files = cfg->expandRuleFiles();
        QVERIFY(files);
        QCOMPARE(files->size(), size_t(2));
        QCOMPARE((*files)[0], dir.path().toStdString() + "/a.yml");
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QString>("expected");  // "prometheus.yml:<line>: <fragment>"

        QTest::newRow("timeout > interval")
            << "global:\n  scrape_interval: 1m\nscrape_configs:\n  - job_name: a\n    scrape_interval: 15s\n"
               "    scrape_timeout: 20s\n"
            << "prometheus.yml:6: scrape_configs[0].scrape_timeout: \"20s\" is greater than scrape_interval "
               "\"15s\"";
        QTest::newRow("global timeout > interval")
            << "global:\n  scrape_interval: 5s\n  scrape_timeout: 6s\n"
            << "prometheus.yml:3: global.scrape_timeout: \"6s\" is greater than scrape_interval \"5s\"";
        QTest::newRow("duplicate job")
            << "scrape_configs:\n  - job_name: a\n  - job_name: b\n  - job_name: a\n"
            << "prometheus.yml:4: scrape_configs[2].job_name: found multiple scrape configs with job name "
               "\"a\"";
        QTest::newRow("unknown top-level field") << "global: {}\nscrape_config:\n  - job_name: a\n"
                                                 << "prometheus.yml:2: field scrape_config not found";
        QTest::newRow("unknown job field") << "scrape_configs:\n  - job_name: a\n    scrape_intervall: 5s\n"
                                           << "prometheus.yml:3: scrape_configs[0]: field scrape_intervall "
                                              "not found in type config.ScrapeConfig";
        QTest::newRow("unknown global field") << "global:\n  scrape_interval: 5s\n  foo: 1\n"
                                              << "prometheus.yml:3: global: field foo not found";
        QTest::newRow("bad duration")
            << "global:\n  scrape_interval: 5 seconds\n"
            << "prometheus.yml:2: global.scrape_interval: not a valid duration string: "
               "\"5 seconds\"";
        QTest::newRow("empty job name") << "scrape_configs:\n  - scrape_interval: 5s\n"
                                        << "prometheus.yml:2: scrape_configs[0]: job_name is empty";
        QTest::newRow("null scrape config") << "scrape_configs:\n  -\n"
                                            << "empty or null scrape config section";
        QTest::newRow("bad target")
            << "scrape_configs:\n  - job_name: a\n    static_configs:\n      - targets: ['http://x:9100']\n"
            << "prometheus.yml:4: scrape_configs[0].static_configs[0].targets[0]: \"http://x:9100\" is not a "
               "valid "
               "hostname";
        QTest::newRow("bad static label") << "scrape_configs:\n  - job_name: a\n    static_configs:\n      - "
                                             "targets: [x:1]\n        labels:\n"
                                             "          1bad: v\n"
                                          << "prometheus.yml:6: scrape_configs[0].static_configs[0].labels: "
                                             "\"1bad\" is not a valid label name";
        QTest::newRow("bad external label")
            << "global:\n  external_labels:\n    a-b: c\n"
            << "prometheus.yml:3: global.external_labels: \"a-b\" is not a valid "
               "label name";
        QTest::newRow("unknown relabel action")
            << "scrape_configs:\n  - job_name: a\n    relabel_configs:\n      - action: explode\n"
            << "prometheus.yml:4: scrape_configs[0].relabel_configs[0].action: unknown relabel action "
               "\"explode\"";
        QTest::newRow("hashmod without modulus")
            << "scrape_configs:\n  - job_name: a\n    relabel_configs:\n      - action: hashmod\n"
               "        target_label: x\n"
            << "prometheus.yml:4: scrape_configs[0].relabel_configs[0]: relabel configuration for hashmod "
               "requires "
               "non-zero modulus";
        QTest::newRow("replace without target")
            << "scrape_configs:\n  - job_name: a\n    metric_relabel_configs:\n      - source_labels: [a]\n"
            << "metric_relabel_configs[0]: relabel configuration for replace action requires 'target_label' "
               "value";
        QTest::newRow("labeldrop with source labels")
            << "scrape_configs:\n  - job_name: a\n    relabel_configs:\n      - action: labeldrop\n"
               "        source_labels: [a]\n"
            << "labeldrop action requires only 'regex', and no other fields";
        QTest::newRow("bad regex")
            << "scrape_configs:\n  - job_name: a\n    relabel_configs:\n      - regex: '(a'\n        "
               "target_label: x\n"
            << "prometheus.yml:4: scrape_configs[0].relabel_configs[0].regex: invalid regex \"(a\"";
        QTest::newRow("invalid target label")
            << "scrape_configs:\n  - job_name: a\n    relabel_configs:\n      - action: lowercase\n"
               "        target_label: 'a-b'\n"
            << "\"a-b\" is invalid 'target_label' for lowercase action";
        QTest::newRow("basic auth and bearer")
            << "scrape_configs:\n  - job_name: a\n    basic_auth: {username: u}\n    bearer_token: t\n"
            << "prometheus.yml:3: scrape_configs[0].basic_auth: at most one of basic_auth, oauth2, "
               "bearer_token & "
               "bearer_token_file must be configured";
        QTest::newRow("bearer token and file")
            << "scrape_configs:\n  - job_name: a\n    bearer_token: t\n    bearer_token_file: f\n"
            << "prometheus.yml:4: scrape_configs[0].bearer_token_file: at most one of bearer_token & "
               "bearer_token_file must be configured";
        QTest::newRow("password and file")
            << "scrape_configs:\n  - job_name: a\n    basic_auth:\n      username: u\n      password: p\n"
               "      password_file: f\n"
            << "prometheus.yml:4: scrape_configs[0].basic_auth: at most one of basic_auth password & "
               "password_file";
        QTest::newRow("authorization basic")
            << "scrape_configs:\n  - job_name: a\n    authorization:\n      type: Basic\n"
            << "prometheus.yml:4: scrape_configs[0].authorization.type: authorization type cannot be set to "
               "\"basic\"";
        QTest::newRow("authorization and bearer")
            << "scrape_configs:\n  - job_name: a\n    authorization:\n      credentials: x\n    "
               "bearer_token: t\n"
            << "authorization is not compatible with bearer_token & bearer_token_file";
        QTest::newRow("bad scheme") << "scrape_configs:\n  - job_name: a\n    scheme: ftp\n"
                                    << "prometheus.yml:3: scrape_configs[0].scheme: invalid scheme \"ftp\"";
        QTest::newRow("bad bool") << "scrape_configs:\n  - job_name: a\n    honor_labels: maybe\n"
                                  << "prometheus.yml:3: scrape_configs[0].honor_labels: expected a boolean";
        QTest::newRow("negative limit") << "scrape_configs:\n  - job_name: a\n    sample_limit: -1\n"
                                        << "prometheus.yml:3: scrape_configs[0].sample_limit: expected a "
                                           "non-negative integer";
        QTest::newRow("bad body size")
            << "scrape_configs:\n  - job_name: a\n    body_size_limit: 10 apples\n"
            << "prometheus.yml:3: scrape_configs[0].body_size_limit: not a valid byte size";
        QTest::newRow("duplicate key")
            << "scrape_configs:\n  - job_name: a\n    job_name: b\n"
            << "prometheus.yml:3: scrape_configs[0]: mapping key \"job_name\" already "
               "defined";
        QTest::newRow("yaml syntax") << "scrape_configs:\n  - job_name: [a\n"
                                     << "prometheus.yml:3:";
        QTest::newRow("scrape_configs not a list") << "scrape_configs:\n  job_name: a\n"
                                                   << "prometheus.yml:2: scrape_configs: expected a list";
        QTest::newRow("bad tls field")
            << "scrape_configs:\n  - job_name: a\n    tls_config:\n      ca: x\n"
            << "prometheus.yml:4: scrape_configs[0].tls_config: field ca not found";
        QTest::newRow("tls cert without key")
            << "scrape_configs:\n  - job_name: a\n    tls_config:\n      cert_file: c.pem\n"
            << "exactly one of key or key_file must be configured";
        QTest::newRow("bad rule glob") << "rule_files: ['rules/[a.yml']\n"
                                       << "prometheus.yml:1: rule_files[0]: invalid rule file path";
    }
    void invalid()
    {
        QFETCH(QString, yaml);
        QFETCH(QString, expected);
        auto cfg = PrometheusConfig::loadString(yaml.toStdString(), "prometheus.yml");
        QVERIFY2(!cfg, "expected an error");
        QCOMPARE(cfg.status().code(), vigil::Status::Code::InvalidArgument);
        const QString msg = QString::fromStdString(cfg.status().message());
        QVERIFY2(msg.contains(expected), qPrintable(msg));
    }
};

QTEST_GUILESS_MAIN(TestPrometheusConfig)
#include "tst_prometheus_config.moc"
