// prometheus.yml's remote_write: section: Prometheus 2.42's defaults, the
// fields Vigil honours, and errors with file:line and field path.
#include "scrape/prometheus_config.h"

#include <QTest>

using namespace vigil;

class TestRemoteWriteConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaults();
    void fields();
    void errors_data();
    void errors();
};

void TestRemoteWriteConfig::defaults()
{
    auto c = scrape::PrometheusConfig::loadString("remote_write:\n- url: http://127.0.0.1:9201/write\n", "p.yml");
    QVERIFY2(c.isOk(), c.status().toString().c_str());
    QCOMPARE(c.value().remoteWrite.size(), size_t(1));
    const auto &rw = c.value().remoteWrite[0];
    QCOMPARE(rw.remoteTimeoutMs, int64_t(30000));
    QCOMPARE(rw.queue.capacity, 2500);
    QCOMPARE(rw.queue.maxShards, 200);
    QCOMPARE(rw.queue.minShards, 1);
    QCOMPARE(rw.queue.maxSamplesPerSend, 500);
    QCOMPARE(rw.queue.batchSendDeadlineMs, int64_t(5000));
    QCOMPARE(rw.queue.minBackoffMs, int64_t(30));
    QCOMPARE(rw.queue.maxBackoffMs, int64_t(5000));
    QVERIFY(rw.queue.retryOnHttp429);
}

void TestRemoteWriteConfig::fields()
{
    auto c = scrape::PrometheusConfig::loadString(
        "remote_write:\n"
        "- url: https://mimir.example:443/api/v1/push\n"
        "  name: mimir\n"
        "  remote_timeout: 10s\n"
        "  headers: {X-Scope-OrgID: team-a}\n"
        "  basic_auth: {username: u, password: p}\n"
        "  tls_config: {ca_file: ca.pem, insecure_skip_verify: true}\n"
        "  write_relabel_configs:\n  - source_labels: [__name__]\n    regex: 'go_.*'\n    action: drop\n"
        "  queue_config: {capacity: 10000, max_shards: 50, min_shards: 2, max_samples_per_send: 2000,\n"
        "                 batch_send_deadline: 1s, min_backoff: 100ms, max_backoff: 10s, retry_on_http_429: false}\n"
        "- url: http://vm:8428/api/v1/write\n  bearer_token: secret\n",
        "/etc/vigil/p.yml");
    QVERIFY2(c.isOk(), c.status().toString().c_str());
    const auto &a = c.value().remoteWrite[0];
    QCOMPARE(a.name, std::string("mimir"));
    QCOMPARE(a.remoteTimeoutMs, int64_t(10000));
    QCOMPARE(a.headers.at("X-Scope-OrgID"), std::string("team-a"));
    QVERIFY(a.http.basicAuth && a.http.basicAuth->password == "p");
    QCOMPARE(a.http.tls.caFile, std::string("/etc/vigil/ca.pem"));
    QCOMPARE(a.writeRelabelConfigs.size(), size_t(1));
    QCOMPARE(a.queue.capacity, 10000);
    QCOMPARE(a.queue.maxShards, 50);
    QCOMPARE(a.queue.minShards, 2);
    QCOMPARE(a.queue.maxSamplesPerSend, 2000);
    QCOMPARE(a.queue.batchSendDeadlineMs, int64_t(1000));
    QCOMPARE(a.queue.maxBackoffMs, int64_t(10000));
    QVERIFY(!a.queue.retryOnHttp429);
    const auto &b = c.value().remoteWrite[1];
    QVERIFY(b.http.authorization && b.http.authorization->type == "Bearer" && b.http.authorization->credentials == "secret");
}

void TestRemoteWriteConfig::errors_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QString>("message");
    QTest::newRow("no url") << "remote_write:\n- name: x\n" << "url for remote_write is empty";
    QTest::newRow("bad url") << "remote_write:\n- url: ftp://x/\n" << "invalid URL";
    QTest::newRow("unknown field") << "remote_write:\n- url: http://x/\n  urls: y\n" << "urls";
    QTest::newRow("reserved header") << "remote_write:\n- url: http://x/\n  headers: {Authorization: x}\n"
                                     << "Authorization is a reserved header";
    QTest::newRow("two auths") << "remote_write:\n- url: http://x/\n  bearer_token: a\n  basic_auth: {username: u}\n"
                               << "at most one of basic_auth";
    QTest::newRow("duplicate name") << "remote_write:\n- url: http://x/\n  name: a\n- url: http://y/\n  name: a\n"
                                    << "found multiple remote write configs";
    QTest::newRow("shards") << "remote_write:\n- url: http://x/\n  queue_config: {min_shards: 5, max_shards: 2}\n"
                            << "min_shards is greater than max_shards";
}

void TestRemoteWriteConfig::errors()
{
    QFETCH(QString, yaml);
    QFETCH(QString, message);
    auto c = scrape::PrometheusConfig::loadString(yaml.toStdString(), "p.yml");
    QVERIFY(!c.isOk());
    QVERIFY2(c.status().message().find(message.toStdString()) != std::string::npos, c.status().message().c_str());
    QVERIFY2(c.status().message().rfind("p.yml:", 0) == 0, c.status().message().c_str());
}

QTEST_MAIN(TestRemoteWriteConfig)
#include "tst_remote_write_config.moc"
