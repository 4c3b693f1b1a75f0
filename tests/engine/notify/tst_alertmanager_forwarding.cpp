// Forwarding to a real Alertmanager (Debian's prometheus-alertmanager,
// started here on a loopback port without clustering) through
// prometheus.yml's alerting section, verified through its /api/v2/alerts.
#include "notify/notifier.h"
#include "scrape/prometheus_config.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::notify;

class TestAlertmanagerForwarding : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void parsesAlertingSection();
    void forwardsAndResolves();
    void batchesOf64();

private:
    QJsonArray amAlerts(const QString &filter = {});
    quint16 freePort();

    QTemporaryDir dir_;
    QProcess am_;
    quint16 port_ = 0;
    QNetworkAccessManager nam_;
};

quint16 TestAlertmanagerForwarding::freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

void TestAlertmanagerForwarding::initTestCase()
{
    const QString bin = QStringLiteral("/usr/bin/prometheus-alertmanager");
    QVERIFY2(QFile::exists(bin), "Debian's prometheus-alertmanager is required");
    QVERIFY(dir_.isValid());
    const QString cfg = dir_.filePath(QStringLiteral("am.yml"));
    {
        QFile f(cfg);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("route:\n  receiver: none\nreceivers:\n- name: none\n");
    }
    port_ = freePort();
    am_.setProcessChannelMode(QProcess::MergedChannels);
    am_.setStandardOutputFile(dir_.filePath(QStringLiteral("am.log")));
    am_.start(bin, {QStringLiteral("--config.file=") + cfg, QStringLiteral("--storage.path=") + dir_.filePath("data"),
                    QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port_),
                    QStringLiteral("--cluster.listen-address=")});
    QVERIFY2(am_.waitForStarted(10000), "alertmanager did not start");
    bool ready = false;
    for (int i = 0; i < 60 && !ready; ++i) {
        QNetworkReply *r = nam_.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/-/ready").arg(port_))));
        QSignalSpy done(r, &QNetworkReply::finished);
        if (!r->isFinished()) done.wait(2000);
        ready = r->error() == QNetworkReply::NoError;
        r->deleteLater();
        if (!ready) QTest::qWait(250);
        QVERIFY2(am_.state() == QProcess::Running, "alertmanager exited during startup");
    }
    QVERIFY2(ready, "alertmanager did not become ready");
}

void TestAlertmanagerForwarding::cleanupTestCase()
{
    if (am_.state() == QProcess::NotRunning) return;
    am_.terminate();  // SIGTERM to its PID
    if (!am_.waitForFinished(10000)) {
        am_.kill();
        am_.waitForFinished(5000);
    }
}

QJsonArray TestAlertmanagerForwarding::amAlerts(const QString &filter)
{
    QUrl url(QStringLiteral("http://127.0.0.1:%1/api/v2/alerts").arg(port_));
    if (!filter.isEmpty()) url.setQuery(QStringLiteral("filter=") + QString::fromLatin1(QUrl::toPercentEncoding(filter)));
    QNetworkReply *r = nam_.get(QNetworkRequest(url));
    QSignalSpy done(r, &QNetworkReply::finished);
    if (!r->isFinished()) done.wait(5000);
    r->deleteLater();
    return QJsonDocument::fromJson(r->readAll()).array();
}

void TestAlertmanagerForwarding::parsesAlertingSection()
{
    const std::string yml = "alerting:\n  alertmanagers:\n  - scheme: https\n    path_prefix: am/\n    timeout: 5s\n"
                            "    api_version: v2\n    basic_auth: {username: u, password: p}\n"
                            "    static_configs:\n    - targets: ['a:9093', 'b:9093']\n";
    auto prom = scrape::PrometheusConfig::loadString(yml, "prometheus.yml");
    QVERIFY2(prom.isOk(), prom.status().message().c_str());
    auto cfg = AlertingConfig::parse(prom->rawSections.at("alerting"), "prometheus.yml");
    QVERIFY2(cfg.isOk(), cfg.status().message().c_str());
    const AlertmanagerTarget &t = cfg->alertmanagers.at(0);
    QCOMPARE(t.scheme, std::string("https"));
    QCOMPARE(t.pathPrefix, std::string("/am"));
    QCOMPARE(t.timeoutMs, int64_t(5000));
    QCOMPARE(t.targets, (std::vector<std::string>{"a:9093", "b:9093"}));
    QVERIFY(t.http.basicAuth && t.http.basicAuth->username == "u");
    auto v1 = AlertingConfig::parse("alertmanagers:\n- api_version: v1\n", "prometheus.yml");
    QVERIFY(!v1.isOk());
    QVERIFY2(QString::fromStdString(v1.status().message()).contains("alertmanagers[0].api_version"), v1.status().message().c_str());
}

void TestAlertmanagerForwarding::forwardsAndResolves()
{
    Notifier n({}, nullptr, nullptr);
    const std::string yml = "alertmanagers:\n- static_configs:\n  - targets: ['127.0.0.1:" + std::to_string(port_) +
                            "']\n  timeout: 5s\n";
    auto cfg = AlertingConfig::parse(yml, "prometheus.yml");
    QVERIFY2(cfg.isOk(), cfg.status().message().c_str());
    n.setAlertmanagers(*cfg);
    QSignalSpy batches(n.forwarder(), &AlertmanagerForwarder::batchSent);
    model::Alert a;
    a.labels = model::Labels{{"alertname", "HighCPU"}, {"severity", "critical"}, {"instance", "web1"}};
    a.annotations = model::Labels{{"summary", "CPU above 85 %"}};
    a.startsAtMs = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000 - 60000;
    a.generatorUrl = "http://vigil:9090/graph?g0.expr=cpu";
    n.send({a});
    QTRY_COMPARE(batches.size(), 1);
    QVERIFY(batches.at(0).at(1).toBool());
    QJsonArray got;
    QTRY_VERIFY((got = amAlerts(QStringLiteral("alertname=\"HighCPU\""))).size() == 1);
    const QJsonObject o = got.at(0).toObject();
    QCOMPARE(o.value("labels").toObject(),
             (QJsonObject{{"alertname", "HighCPU"}, {"severity", "critical"}, {"instance", "web1"}}));
    QCOMPARE(o.value("annotations").toObject().value("summary").toString(), QStringLiteral("CPU above 85 %"));
    QCOMPARE(QDateTime::fromString(o.value("startsAt").toString(), Qt::ISODateWithMs).toMSecsSinceEpoch(), a.startsAtMs);
    QCOMPARE(o.value("generatorURL").toString(), QStringLiteral("http://vigil:9090/graph?g0.expr=cpu"));
    QCOMPARE(o.value("status").toObject().value("state").toString(), QStringLiteral("active"));
    // endsAt = now + 4m for a firing alert.
    const qint64 ends = QDateTime::fromString(o.value("endsAt").toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
    QVERIFY(qAbs(ends - (QDateTime::currentMSecsSinceEpoch() + 240000)) < 30000);

    // Resolved: Alertmanager no longer lists it as active.
    a.state = model::AlertState::Resolved;
    a.endsAtMs = QDateTime::currentMSecsSinceEpoch() - 1000;
    n.send({a});
    QTRY_COMPARE(batches.size(), 2);
    QTRY_VERIFY(amAlerts(QStringLiteral("alertname=\"HighCPU\"")).isEmpty());
}

void TestAlertmanagerForwarding::batchesOf64()
{
    AlertmanagerForwarder f;
    auto cfg = AlertingConfig::parse("alertmanagers:\n- static_configs:\n  - targets: ['127.0.0.1:" +
                                         std::to_string(port_) + "', '127.0.0.1:1']\n",
                                     "prometheus.yml");
    QVERIFY(cfg.isOk());
    f.setConfig(*cfg);
    QSignalSpy batches(&f, &AlertmanagerForwarder::batchSent);
    std::vector<model::Alert> alerts;
    for (int i = 0; i < 150; ++i) {
        model::Alert a;
        a.labels = model::Labels{{"alertname", "Batch"}, {"i", std::to_string(i)}};
        a.startsAtMs = QDateTime::currentMSecsSinceEpoch();
        alerts.push_back(a);
    }
    f.send(alerts);
    QTRY_COMPARE(batches.size(), 3);
    QCOMPARE(batches.at(0).at(0).toInt(), 64);
    QCOMPARE(batches.at(1).at(0).toInt(), 64);
    QCOMPARE(batches.at(2).at(0).toInt(), 22);
    for (const auto &b : batches) QVERIFY(b.at(1).toBool());  // one of two Alertmanagers answering is enough
    QCOMPARE(f.sentAlerts(), uint64_t(150));
    QTRY_COMPARE(amAlerts(QStringLiteral("alertname=\"Batch\"")).size(), 150);
}

QTEST_GUILESS_MAIN(TestAlertmanagerForwarding)
#include "tst_alertmanager_forwarding.moc"
