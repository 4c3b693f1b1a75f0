// Delivery to real receivers on loopback: Alertmanager's webhook JSON v4
// field by field, Slack and SMS bodies, retries (5xx, 429; none on 400), a
// slow receiver not delaying another, actions, desktop notifications,
// attempts recorded in SQLite, secrets resolved from the secret store and
// kept out of logs and app.db.
#include "notify/notifier.h"
#include "store/secret_store.h"
#include "store/app_store.h"
#include "webhook_receiver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <mutex>

using namespace vigil;
using namespace vigil::notify;
using vigil::testing::WebhookReceiver;

namespace {

std::mutex gLogMu;
QStringList gLog;
QtMessageHandler gPrevious = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    {
        std::lock_guard lock(gLogMu);
        gLog << msg;
    }
    if (gPrevious) gPrevious(type, ctx, msg);
}

model::Alert alert(const char *name, const char *severity, const char *instance, int64_t startsAt)
{
    model::Alert a;
    a.labels = model::Labels{{"alertname", name}, {"severity", severity}, {"instance", instance}, {"job", "node"}};
    a.annotations = model::Labels{{"summary", std::string(name) + " on " + instance}, {"runbook_url", "http://rb/x"}};
    a.startsAtMs = startsAt;
    a.generatorUrl = "http://vigil:9090/graph?g0.expr=up";
    return a;
}

}  // namespace

class TestDelivery : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void webhookV4FieldByField();
    void maxAlertsTruncates();
    void slackAndSms();
    void retriesOn5xxAnd429NotOn400();
    void slowReceiverDoesNotDelayOthers();
    void actionOutputAndExitCode();
    void desktopNotification();
    void secretsResolvedAndNeverLogged();
    void httpsWithCaFileAndBearer();

private:
    std::unique_ptr<Notifier> makeNotifier(const std::string &yaml, store::SecretStore *secrets = nullptr);
    Status apply(Notifier &n, const std::string &yaml);

    QTemporaryDir dir_;
    std::unique_ptr<store::AppStore> store_;
    std::unique_ptr<WebhookReceiver> rx_;
    std::atomic<int64_t> now_{0};
};

void TestDelivery::initTestCase()
{
    gPrevious = qInstallMessageHandler(captureLog);
    QLoggingCategory::setFilterRules(QStringLiteral("vigil.notify.debug=true"));
}

void TestDelivery::init()
{
    store_ = std::make_unique<store::AppStore>();
    QVERIFY(store_->open(dir_.filePath(QStringLiteral("app-%1.db").arg(QTest::currentTestFunction())).toStdString()).isOk());
    rx_ = std::make_unique<WebhookReceiver>();
    QVERIFY(rx_->listenLoopback());
    now_ = QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
    std::lock_guard lock(gLogMu);
    gLog.clear();
}

void TestDelivery::cleanup()
{
    rx_.reset();
    store_.reset();
}

std::unique_ptr<Notifier> TestDelivery::makeNotifier(const std::string &yaml, store::SecretStore *secrets)
{
    Notifier::Options o;
    o.clock = [this] { return now_.load(); };
    o.delivery.initialBackoffMs = 50;
    o.delivery.maxBackoffMs = 200;
    o.delivery.maxAttempts = 4;
    o.delivery.httpTimeoutMs = 3000;
    o.delivery.externalUrl = "http://vigil.example:9090";
    auto n = std::make_unique<Notifier>(o, store_.get(), secrets);
    Status st = apply(*n, yaml);
    if (!st) qFatal("%s", st.message().c_str());
    return n;
}

Status TestDelivery::apply(Notifier &n, const std::string &yaml)
{
    auto cfg = NotifyConfig::loadString(yaml, "test.yml");
    if (!cfg) return cfg.status();
    return n.applyConfig(std::move(*cfg));
}

void TestDelivery::webhookV4FieldByField()
{
    const std::string yaml = "route:\n  receiver: hook\n  group_by: [alertname]\n  group_wait: 0s\n"
                             "receivers:\n- name: hook\n  webhook_configs:\n  - url: " +
                             rx_->url("/hook").toStdString() + "\n";
    auto n = makeNotifier(yaml);
    const int64_t t0 = now_;
    n->send({alert("HighCPU", "warning", "web1:9100", t0 - 1000), alert("HighCPU", "warning", "web2:9100", t0 - 2000)});
    QTRY_COMPARE(rx_->count("/hook"), 1);
    const auto req = rx_->requests("/hook").at(0);
    QCOMPARE(req.method, QByteArray("POST"));
    QCOMPARE(req.headers.value("content-type"), QByteArray("application/json"));
    const QJsonObject o = QJsonDocument::fromJson(req.body).object();
    QCOMPARE(o.value("version").toString(), QStringLiteral("4"));
    QCOMPARE(o.value("groupKey").toString(), QStringLiteral("{}:{alertname=\"HighCPU\"}"));
    QCOMPARE(o.value("truncatedAlerts").toInt(-1), 0);
    QCOMPARE(o.value("status").toString(), QStringLiteral("firing"));
    QCOMPARE(o.value("receiver").toString(), QStringLiteral("hook"));
    QCOMPARE(o.value("groupLabels").toObject(), (QJsonObject{{"alertname", "HighCPU"}}));
    QCOMPARE(o.value("commonLabels").toObject(),
             (QJsonObject{{"alertname", "HighCPU"}, {"severity", "warning"}, {"job", "node"}}));
    QCOMPARE(o.value("commonAnnotations").toObject(), (QJsonObject{{"runbook_url", "http://rb/x"}}));
    QCOMPARE(o.value("externalURL").toString(), QStringLiteral("http://vigil.example:9090"));
    const QJsonArray alerts = o.value("alerts").toArray();
    QCOMPARE(alerts.size(), 2);
    const QJsonObject a0 = alerts.at(0).toObject();
    QCOMPARE(a0.keys(), (QStringList{"annotations", "endsAt", "fingerprint", "generatorURL", "labels", "startsAt", "status"}));
    QCOMPARE(a0.value("status").toString(), QStringLiteral("firing"));
    QCOMPARE(a0.value("labels").toObject().value("instance").toString(), QStringLiteral("web1:9100"));
    QCOMPARE(a0.value("annotations").toObject().value("summary").toString(), QStringLiteral("HighCPU on web1:9100"));
    QCOMPARE(a0.value("startsAt").toString(), QStringLiteral("2026-11-25T11:59:59.000Z"));
    QCOMPARE(a0.value("endsAt").toString(), QStringLiteral("0001-01-01T00:00:00Z"));
    QCOMPARE(a0.value("generatorURL").toString(), QStringLiteral("http://vigil:9090/graph?g0.expr=up"));
    QCOMPARE(a0.value("fingerprint").toString().size(), 16);
    QVERIFY(a0.value("fingerprint").toString() != alerts.at(1).toObject().value("fingerprint").toString());

    // Resolution of one alert: sent at the next group_interval (5m) with status resolved for it.
    model::Alert r = alert("HighCPU", "warning", "web2:9100", t0 - 2000);
    r.state = model::AlertState::Resolved;
    r.endsAtMs = t0 + 60'000;
    now_ += 60'000;
    n->send({alert("HighCPU", "warning", "web1:9100", t0 - 1000), r});
    now_ += 3 * 60'000;
    n->tick();
    QTest::qWait(100);
    QCOMPARE(rx_->count("/hook"), 1);  // group_interval not over
    now_ += 60'000;
    n->tick();
    QTRY_COMPARE(rx_->count("/hook"), 2);
    const QJsonObject o2 = QJsonDocument::fromJson(rx_->requests("/hook").at(1).body).object();
    QCOMPARE(o2.value("status").toString(), QStringLiteral("firing"));
    const QJsonObject res = o2.value("alerts").toArray().at(1).toObject();
    QCOMPARE(res.value("status").toString(), QStringLiteral("resolved"));
    QCOMPARE(res.value("endsAt").toString(), QStringLiteral("2026-11-25T12:01:00.000Z"));

    auto attempts = store_->deliveryAttempts(10);
    QVERIFY(attempts.isOk());
    QCOMPARE(attempts->size(), size_t(2));
    QCOMPARE(attempts->at(0).status, std::string("ok"));
    QCOMPARE(attempts->at(0).receiver, std::string("hook"));
    QCOMPARE(attempts->at(0).integration, std::string("webhook[0]"));
    QCOMPARE(attempts->at(0).fingerprints.size(), size_t(16 * 2 + 1));
}

void TestDelivery::maxAlertsTruncates()
{
    const std::string yaml = "route:\n  receiver: hook\n  group_wait: 0s\nreceivers:\n- name: hook\n  webhook_configs:\n"
                             "  - url: " + rx_->url("/t").toStdString() + "\n    max_alerts: 2\n";
    auto n = makeNotifier(yaml);
    n->send({alert("A", "warning", "1", now_), alert("A", "warning", "2", now_), alert("A", "warning", "3", now_)});
    QTRY_COMPARE(rx_->count("/t"), 1);
    const QJsonObject o = QJsonDocument::fromJson(rx_->requests("/t").at(0).body).object();
    QCOMPARE(o.value("alerts").toArray().size(), 2);
    QCOMPARE(o.value("truncatedAlerts").toInt(), 1);
}

void TestDelivery::slackAndSms()
{
    const std::string yaml = "route:\n  receiver: r\n  group_by: [alertname]\n  group_wait: 0s\nreceivers:\n- name: r\n"
                             "  slack_configs:\n  - api_url: " + rx_->url("/slack").toStdString() +
                             "\n    channel: '#ops'\n  sms_configs:\n  - url: " + rx_->url("/sms").toStdString() +
                             "\n    to: ['+8210']\n    body: '{\"to\": \"{{to}}\", \"msg\": \"{{status}} {{alertname}}: {{summary}}\"}'\n";
    auto n = makeNotifier(yaml);
    model::Alert a = alert("DiskFull", "critical", "db1", now_);
    a.annotations = model::Labels{{"summary", "disk \"data\" at 97%"}};
    n->send({a});
    QTRY_COMPARE(rx_->count("/slack"), 1);
    QTRY_COMPARE(rx_->count("/sms"), 1);
    const QJsonObject s = QJsonDocument::fromJson(rx_->requests("/slack").at(0).body).object();
    QCOMPARE(s.value("channel").toString(), QStringLiteral("#ops"));
    const QJsonObject att = s.value("attachments").toArray().at(0).toObject();
    QCOMPARE(att.value("title").toString(), QStringLiteral("[FIRING:1] DiskFull (db1 node critical)"));
    QCOMPARE(att.value("color").toString(), QStringLiteral("danger"));
    QVERIFY(att.value("text").toString().contains(QStringLiteral("disk \"data\" at 97%")));
    QJsonParseError err;
    const QJsonObject sms = QJsonDocument::fromJson(rx_->requests("/sms").at(0).body, &err).object();
    QVERIFY2(err.error == QJsonParseError::NoError, qPrintable(err.errorString()));
    QCOMPARE(sms.value("to").toString(), QStringLiteral("+8210"));
    QCOMPARE(sms.value("msg").toString(), QStringLiteral("firing DiskFull: disk \"data\" at 97%"));
}

void TestDelivery::retriesOn5xxAnd429NotOn400()
{
    rx_->setStatuses("/flaky", {500, 429, 200});
    rx_->setStatuses("/bad", {400});
    const std::string yaml = "route:\n  receiver: r\n  group_wait: 0s\nreceivers:\n- name: r\n  webhook_configs:\n"
                             "  - url: " + rx_->url("/flaky").toStdString() + "\n  - url: " + rx_->url("/bad").toStdString() + "\n";
    auto n = makeNotifier(yaml);
    QSignalSpy attempts(n.get(), &Notifier::deliveryAttempted);
    n->send({alert("A", "critical", "x", now_)});
    QTRY_COMPARE(rx_->count("/flaky"), 3);
    QTRY_COMPARE(attempts.size(), 4);
    QTest::qWait(500);  // more than the backoff: no further attempts
    QCOMPARE(rx_->count("/bad"), 1);
    QCOMPARE(rx_->count("/flaky"), 3);
    auto rows = store_->deliveryAttempts(10);
    QVERIFY(rows.isOk());
    QStringList seen;
    for (const auto &r : *rows)
        seen << QString::fromStdString(r.integration + " " + std::to_string(r.attempt) + " " + r.status);
    seen.sort();
    QCOMPARE(seen, (QStringList{"webhook[0] 1 retry", "webhook[0] 2 retry", "webhook[0] 3 ok", "webhook[1] 1 failed"}));
    for (const auto &r : *rows)
        if (r.status != "ok") QVERIFY2(QString::fromStdString(r.error).contains("unexpected status code"), r.error.c_str());
}

void TestDelivery::slowReceiverDoesNotDelayOthers()
{
    rx_->setDelay("/slow", 2500);
    const std::string yaml = "route:\n  receiver: r\n  group_wait: 0s\nreceivers:\n- name: r\n  webhook_configs:\n"
                             "  - url: " + rx_->url("/slow").toStdString() + "\n  - url: " + rx_->url("/fast").toStdString() +
                             "\n  - url: http://127.0.0.1:1/refused\n";
    auto n = makeNotifier(yaml);
    QSignalSpy attempts(n.get(), &Notifier::deliveryAttempted);
    const qint64 start = QDateTime::currentMSecsSinceEpoch();
    n->send({alert("A", "critical", "x", now_)});
    auto fastDelivered = [&] {
        for (const auto &a : attempts)
            if (a.at(1).toString() == QStringLiteral("webhook[1]") && a.at(3).toBool()) return true;
        return false;
    };
    // The fast receiver is answered while the slow one (2.5 s) still keeps
    // its request open and the refused one is being retried.
    QTRY_VERIFY_WITH_TIMEOUT(fastDelivered(), 2000);
    const qint64 fastAt = QDateTime::currentMSecsSinceEpoch() - start;
    QVERIFY2(fastAt < 2000, qPrintable(QString::number(fastAt)));
    QCOMPARE(rx_->count("/fast"), 1);
    QCOMPARE(rx_->count("/slow"), 1);
}

void TestDelivery::actionOutputAndExitCode()
{
    const std::string yaml = "route:\n  receiver: r\n  group_wait: 0s\nreceivers:\n- name: r\n  action_configs:\n"
                             "  - command: /bin/sh\n    args: ['-c', 'echo scaling $VIGIL_ALERT_NAME {{labels.instance}} \"$1\"; "
                             "head -c 11 ; exit 3', 'sh', '{{alertname}}']\n    timeout: 5s\n"
                             "  - command: /bin/sleep\n    args: ['5']\n    timeout: 200ms\n";
    auto n = makeNotifier(yaml);
    QSignalSpy attempts(n.get(), &Notifier::deliveryAttempted);
    n->send({alert("Overload", "emergency", "web1", now_)});
    QTRY_COMPARE(attempts.size(), 2);
    auto rows = store_->deliveryAttempts(10);
    QVERIFY(rows.isOk());
    QCOMPARE(rows->size(), size_t(2));  // not retried
    for (const auto &r : *rows) {
        QCOMPARE(r.status, std::string("failed"));
        if (r.integration == "action[0]") {
            QCOMPARE(r.error, std::string("action /bin/sh: exit code 3"));
            QVERIFY2(QString::fromStdString(r.detail).startsWith("exit code 3; output: scaling Overload web1 Overload\n{\"alerts\":["),
                     r.detail.c_str());
        } else {
            QVERIFY2(QString::fromStdString(r.error).contains("timed out after 200 ms"), r.error.c_str());
        }
    }
}

void TestDelivery::desktopNotification()
{
    const std::string yaml = "route:\n  receiver: r\n  group_wait: 0s\nreceivers:\n- name: r\n  desktop_configs:\n"
                             "  - urgency: critical\n    persistent: true\n    alert_window: true\n";
    auto n = makeNotifier(yaml);
    struct Sink : DesktopSink {
        std::vector<DesktopNotification> got;
        void notify(const DesktopNotification &d) override { got.push_back(d); }
    } sink;
    n->setDesktopSink(&sink);
    QSignalSpy spy(n.get(), &Notifier::desktopNotification);
    n->send({alert("Overload", "emergency", "web1", now_)});
    QTRY_COMPARE(spy.size(), 1);
    const auto d = spy.at(0).at(0).value<DesktopNotification>();
    QCOMPARE(d.title, std::string("[FIRING:1] (Overload web1 node emergency)"));
    QVERIFY(d.alertWindow && d.persistent);
    QCOMPARE(d.urgency, std::string("critical"));
    QCOMPARE(d.tier, model::AlertTier::Emergency);
    QCOMPARE(sink.got.size(), size_t(1));
}

void TestDelivery::secretsResolvedAndNeverLogged()
{
    store::SecretStore secrets(store::SecretStore::Backend::Memory);
    const std::string token = "T0KEN-s3cr3t";
    QVERIFY(secrets.writeBlocking("hook-token", token).isOk());
    QVERIFY(secrets.writeBlocking("pw", "hunter2").isOk());
    rx_->setStatuses("/hook/" + QByteArray::fromStdString(token), {503, 200});
    const std::string yaml = "route:\n  receiver: r\n  group_wait: 0s\nreceivers:\n- name: r\n  webhook_configs:\n"
                             "  - url: " + rx_->url("/hook/").toStdString() + "${keychain:hook-token}\n"
                             "    http_config:\n      basic_auth: {username: u, password: '${keychain:pw}'}\n";
    auto n = makeNotifier(yaml, &secrets);
    n->send({alert("A", "critical", "x", now_)});
    QTRY_COMPARE(rx_->count("/hook/" + QByteArray::fromStdString(token)), 2);
    const auto req = rx_->requests("/hook/" + QByteArray::fromStdString(token)).at(0);
    QCOMPARE(req.headers.value("authorization"), "Basic " + QByteArray("u:hunter2").toBase64());
    QTRY_COMPARE(store_->deliveryAttempts(10)->size(), size_t(2));
    // Neither the token nor the password in the log or in app.db.
    {
        std::lock_guard lock(gLogMu);
        QVERIFY(!gLog.isEmpty());
        for (const QString &line : gLog) {
            QVERIFY2(!line.contains(QString::fromStdString(token)) && !line.contains("hunter2"), qPrintable(line));
        }
    }
    store_->close();
    QFile db(dir_.filePath(QStringLiteral("app-secretsResolvedAndNeverLogged.db")));
    QVERIFY(db.open(QIODevice::ReadOnly));
    QByteArray bytes = db.readAll();
    QFile wal(db.fileName() + "-wal");
    if (wal.open(QIODevice::ReadOnly)) bytes += wal.readAll();
    QVERIFY(!bytes.contains(QByteArray::fromStdString(token)));
    QVERIFY(!bytes.contains("hunter2"));
    QVERIFY(bytes.contains("unexpected status code 503"));

    // A missing entry is an error naming it, and the old configuration stays.
    Status st = apply(*n, "route:\n  receiver: r\nreceivers:\n- name: r\n  webhook_configs:\n"
                          "  - url: 'http://127.0.0.1:1/${keychain:nope}'\n");
    QVERIFY(!st.isOk());
    QVERIFY2(QString::fromStdString(st.message()).contains("${keychain:nope}"), st.message().c_str());
    QCOMPARE(n->config().receivers.at(0).webhookConfigs.at(0).url.find("hook-token") != std::string::npos, true);
}

void TestDelivery::httpsWithCaFileAndBearer()
{
    const QString cert = dir_.filePath(QStringLiteral("cert.pem")), key = dir_.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost", "-addext",
                   "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", cert});
    QVERIFY(openssl.waitForFinished(60000));
    QCOMPARE(openssl.exitCode(), 0);
    QFile kf(key);
    QVERIFY(kf.open(QIODevice::ReadOnly));
    WebhookReceiver tls;
    tls.enableTls(QSslCertificate::fromPath(cert).value(0), QSslKey(kf.readAll(), QSsl::Rsa));
    QVERIFY(tls.listenLoopback());
    const std::string yaml = "route:\n  receiver: r\n  group_wait: 0s\nreceivers:\n- name: r\n  webhook_configs:\n"
                             "  - url: " + tls.url("/trusted").toStdString() + "\n    http_config:\n"
                             "      authorization: {credentials: tok3n}\n      tls_config: {ca_file: " + cert.toStdString() +
                             "}\n  - url: " + tls.url("/untrusted").toStdString() + "\n";
    auto n = makeNotifier(yaml);
    QSignalSpy attempts(n.get(), &Notifier::deliveryAttempted);
    n->send({alert("A", "critical", "x", now_)});
    QTRY_COMPARE(tls.count("/trusted"), 1);
    QCOMPARE(tls.requests("/trusted").at(0).headers.value("authorization"), QByteArray("Bearer tok3n"));
    // The other integration does not trust the self-signed certificate.
    QTRY_VERIFY(attempts.size() >= 2);
    QCOMPARE(tls.count("/untrusted"), 0);
    bool untrustedFailed = false;
    for (const auto &a : attempts)
        if (a.at(1).toString() == QStringLiteral("webhook[1]")) untrustedFailed = !a.at(3).toBool();
    QVERIFY(untrustedFailed);
}

QTEST_GUILESS_MAIN(TestDelivery)
#include "tst_delivery.moc"
