// Target label population (Prometheus's PopulateLabels) and target URLs.
#include "scrape/prometheus_config.h"
#include "scrape/target_labels.h"

#include <QTest>

using namespace vigil;
using namespace vigil::scrape;

namespace {

QString render(const model::Labels &l)
{
    QStringList parts;
    for (const auto &x : l) parts << QString::fromStdString(x.name + "=" + x.value);
    return parts.join(',');
}

ScrapeConfig loadJob(const QString &yaml)
{
    auto cfg = PrometheusConfig::loadString(("scrape_configs:\n" + yaml).toStdString(), "t.yml");
    if (!cfg) qFatal("%s", cfg.status().message().c_str());
    return cfg->scrapeConfigs.at(0);
}

}  // namespace

class TestTarget : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaults()
    {
        const ScrapeConfig job = loadJob(
            "  - job_name: node\n    scrape_interval: 15s\n"
            "    static_configs:\n      - targets: ['localhost:9100']\n"
            "        labels: {env: prod}\n");
        JobTargets jt = targetsFromStaticConfigs(job);
        QCOMPARE(jt.active.size(), size_t(1));
        const Target &t = *jt.active[0];
        QCOMPARE(render(t.labels()), QString("env=prod,instance=localhost:9100,job=node"));
        QCOMPARE(render(t.discoveredLabels()),
                 QString("__address__=localhost:9100,__metrics_path__=/metrics,__scheme__=http,"
                         "__scrape_interval__=15s,__scrape_timeout__=10s,env=prod,job=node"));
        QCOMPARE(t.url(), std::string("http://localhost:9100/metrics"));
        QCOMPARE(t.intervalMs(), int64_t(15000));
        QCOMPARE(t.timeoutMs(), int64_t(10000));
        QCOMPARE(t.health().health, HealthState::Unknown);
    }

    void populate_data()
    {
        QTest::addColumn<QString>("job");
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("labels");  // final labels, "DROPPED", or "ERROR:<fragment>"
        QTest::addColumn<QString>("url");

        const QString base = "  - job_name: j\n    scrape_interval: 10s\n    scrape_timeout: 5s\n";
        QTest::newRow("default port http") << base << "example.org"
                                           << "instance=example.org:80,job=j"
                                           << "http://example.org:80/metrics";
        QTest::newRow("default port https") << base + "    scheme: https\n"
                                            << "example.org"
                                            << "instance=example.org:443,job=j"
                                            << "https://example.org:443/metrics";
        QTest::newRow("ipv6") << base << "[::1]:9100"
                              << "instance=[::1]:9100,job=j"
                              << "http://[::1]:9100/metrics";
        QTest::newRow("ipv6 no port") << base << "[::1]"
                                      << "instance=[::1]:80,job=j"
                                      << "http://[::1]:80/metrics";
        QTest::newRow("params")
            << base +
                   "    metrics_path: /probe\n    params:\n      module: [http_2xx]\n      target: [a, b]\n"
            << "bb:9115"
            << "instance=bb:9115,job=j"
            << "http://bb:9115/probe?module=http_2xx&target=a&target=b";
        QTest::newRow("relabel param and instance (blackbox docs)")
            << base +
                   "    metrics_path: /probe\n    params: {module: [http_2xx]}\n    relabel_configs:\n"
                   "      - source_labels: [__address__]\n        target_label: __param_target\n"
                   "      - source_labels: [__param_target]\n        target_label: instance\n"
                   "      - target_label: __address__\n        replacement: 127.0.0.1:9115\n"
            << "prometheus.io"
            << "instance=prometheus.io,job=j"
            << "http://127.0.0.1:9115/probe?module=http_2xx&target=prometheus.io";
        QTest::newRow("relabel drops target")
            << base +
                   "    relabel_configs:\n      - source_labels: [__address__]\n        regex: 'skip.*'\n"
                   "        action: drop\n"
            << "skip:1"
            << "DROPPED"
            << "";
        QTest::newRow("relabel removes address")
            << base + "    relabel_configs:\n      - target_label: __address__\n        replacement: ''\n"
            << "a:1"
            << "ERROR:no address"
            << "";
        QTest::newRow("relabel changes interval") << base +
                                                         "    relabel_configs:\n      - target_label: "
                                                         "__scrape_interval__\n        replacement: 1m\n"
                                                  << "a:1"
                                                  << "instance=a:1,job=j"
                                                  << "http://a:1/metrics";
        QTest::newRow("relabel timeout greater than interval")
            << base +
                   "    relabel_configs:\n      - target_label: __scrape_timeout__\n        replacement: 1m\n"
            << "a:1"
            << "ERROR:scrape timeout cannot be greater than scrape interval (\"1m\" > \"10s\")"
            << "";
        QTest::newRow("relabel bad interval") << base +
                                                     "    relabel_configs:\n      - target_label: "
                                                     "__scrape_interval__\n        replacement: soon\n"
                                              << "a:1"
                                              << "ERROR:error parsing scrape interval"
                                              << "";
        QTest::newRow("relabel zero interval") << base +
                                                      "    relabel_configs:\n      - target_label: "
                                                      "__scrape_interval__\n        replacement: '0'\n"
                                               << "a:1"
                                               << "ERROR:scrape interval cannot be 0"
                                               << "";
        QTest::newRow("meta labels deleted, tmp kept internal")
            << base +
                   "    relabel_configs:\n      - target_label: __meta_x\n        replacement: y\n"
                   "      - target_label: __tmp_z\n        replacement: w\n"
            << "a:1"
            << "instance=a:1,job=j"
            << "http://a:1/metrics";
        QTest::newRow("instance set by relabeling")
            << base +
                   "    relabel_configs:\n      - source_labels: [__address__]\n        regex: '(.*):\\d+'\n"
                   "        target_label: instance\n"
            << "host:9100"
            << "instance=host,job=j"
            << "http://host:9100/metrics";
        QTest::newRow("scheme and path from labels")
            << base +
                   "    relabel_configs:\n      - target_label: __scheme__\n        replacement: https\n"
                   "      - target_label: __metrics_path__\n        replacement: /m\n"
            << "h:1"
            << "instance=h:1,job=j"
            << "https://h:1/m";
        QTest::newRow("job label overridden")
            << base + "    relabel_configs:\n      - target_label: job\n        replacement: other\n"
            << "h:1"
            << "instance=h:1,job=other"
            << "http://h:1/metrics";
    }
    void populate()
    {
        QFETCH(QString, job);
        QFETCH(QString, address);
        QFETCH(QString, labels);
        QFETCH(QString, url);
        const ScrapeConfig sc = loadJob(job);
        model::Labels base{{"__address__", address.toStdString()}};
        auto p = populateTargetLabels(base, sc);
        if (labels.startsWith("ERROR:")) {
            QVERIFY(!p);
            QVERIFY2(QString::fromStdString(p.status().message()).contains(labels.mid(6)),
                     p.status().message().c_str());
            return;
        }
        QVERIFY2(p, p.status().message().c_str());
        if (labels == "DROPPED") {
            QVERIFY(p->labels.empty());
            QVERIFY(!p->discovered.empty());
            return;
        }
        Target t(sc.jobName, p->labels, p->discovered, sc);
        QCOMPARE(render(t.labels()), labels);
        QCOMPARE(QString::fromStdString(t.url()), url);
    }

    void intervalFromLabels()
    {
        const ScrapeConfig sc = loadJob(
            "  - job_name: j\n    scrape_interval: 10s\n    relabel_configs:\n"
            "      - target_label: __scrape_interval__\n        replacement: 1m\n");
        auto p = populateTargetLabels(model::Labels{{"__address__", "a:1"}}, sc);
        QVERIFY(p);
        Target t(sc.jobName, p->labels, p->discovered, sc);
        QCOMPARE(t.intervalMs(), int64_t(60000));
    }

    void staticConfigsDeduplicatedAndDropped()
    {
        const ScrapeConfig sc = loadJob(
            "  - job_name: j\n    static_configs:\n      - targets: [a:1, a:1, b:2, c:3]\n    "
            "relabel_configs:\n"
            "      - source_labels: [__address__]\n        regex: 'c:3'\n        action: drop\n");
        JobTargets jt = targetsFromStaticConfigs(sc);
        QCOMPARE(jt.active.size(), size_t(2));
        QCOMPARE(jt.dropped.size(), size_t(1));
        QVERIFY(jt.errors.empty());
        QVERIFY(jt.active[0]->hash() != jt.active[1]->hash());
    }

    void healthIsThreadSafeSnapshot()
    {
        const ScrapeConfig sc = ScrapeConfig::withDefaults("j");
        Target t("j", model::Labels{{"__address__", "a:1"}, {"instance", "a:1"}, {"job", "j"}}, {}, sc);
        TargetHealth h;
        h.health = HealthState::Down;
        h.lastError = "boom";
        t.setHealth(h);
        QCOMPARE(t.health().lastError, std::string("boom"));
        QCOMPARE(std::string(healthStateName(t.health().health)), std::string("down"));
    }
};

QTEST_GUILESS_MAIN(TestTarget)
#include "tst_target.moc"
