// The desktop alert path end to end on a private D-Bus session bus: the real
// Notifier (manual clock, real app.db) → DesktopAlertSink → QtDBus →
// tests/ui/notification_server (a small org.freedesktop.Notifications that
// records every call and emits ActionInvoked on request) → back through the
// AlertDesk into the Notifier. Also the critical pop-up and the emergency
// window under the offscreen platform. dbus-daemon and the server are
// started here and stopped by PID; every wait is bounded.
#include "alerts/alert_desk.h"
#include "alerts/alert_links.h"
#include "alerts/alert_popup.h"
#include "alerts/desktop_alert_sink.h"
#include "alerts/emergency_window.h"
#include "alerts/notification_client.h"
#include "notify/notifier.h"
#include "store/app_store.h"
#include "../support/keychain_bus.h"

#include <QApplication>
#include <QDateTime>
#include <QDBusMessage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::notify;
using namespace vigil::ui;

namespace {

constexpr int64_t kMin = 60'000;
const int64_t kT0 = QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();

const std::string kConfig = R"(
global:
  resolve_timeout: 2h
route:
  receiver: warn
  group_by: [alertname, instance]
  group_wait: 0s
  group_interval: 1m
  routes:
  - matchers: ['severity="critical"']
    receiver: crit
  - matchers: ['severity="emergency"']
    receiver: emerg
receivers:
- name: warn
  desktop_configs: [{urgency: normal}]
- name: crit
  desktop_configs: [{urgency: critical, persistent: true}]
- name: emerg
  desktop_configs: [{urgency: critical, persistent: true, alert_window: true}]
escalations:
- matchers: ['severity="warning"']
  steps: [{after: 15m, receiver: crit}]
)";

model::Alert alert(const char *name, const char *instance, const char *severity, bool runbook = false)
{
    model::Alert a;
    a.labels = model::Labels{{"alertname", name}, {"severity", severity}, {"instance", instance}};
    a.annotations = runbook ? model::Labels{{"summary", std::string(name) + " on " + instance},
                                            {"runbook_url", "https://runbooks.example/disk"}}
                            : model::Labels{{"summary", std::string(name) + " on " + instance}};
    a.startsAtMs = kT0;
    a.value = 97.5;
    a.generatorUrl = "http://127.0.0.1:9090/graph?g0.expr=node_filesystem_avail_bytes%20%3C%201e9&g0.tab=1";
    return a;
}

[[maybe_unused]] HistoryFilter kindFilter(HistoryEvent::Kind k)
{
    HistoryFilter f;
    f.kinds = {k};
    return f;
}

[[maybe_unused]] HistoryFilter fingerprintFilter(uint64_t fp)
{
    HistoryFilter f;
    f.fingerprint = fp;
    return f;
}

}  // namespace

class TestDesktopNotifications : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void notifyCarriesUrgencyActionsAndHints();
    void escalationReplacesAndResolveCloses();
    void acknowledgeFromNotificationStopsEscalation();
    void silenceAndOpenGraphActions();
    void criticalPopupStaysUntilDismissed();
    void emergencyWindowStaysUntilAcknowledged();
    void fallbackWithoutNotificationServer();

private:
    QList<QJsonObject> calls() const;
    QList<QJsonObject> callsFor(uint id) const;
    void invoke(uint id, const QString &key);
    void at(int64_t t)
    {
        now_ = t;
        notifier_->tick();
    }

    test::KeychainBus bus_;
    QProcess server_;
    QTemporaryDir dir_;
    QString record_;
    std::optional<QDBusConnection> conn_;
    std::unique_ptr<store::AppStore> store_;
    std::unique_ptr<Notifier> notifier_;
    std::unique_ptr<NotificationClient> client_;
    std::unique_ptr<AlertDesk> desk_;
    int64_t now_ = kT0;
};

void TestDesktopNotifications::initTestCase()
{
    const QString err = bus_.startBus();
    QVERIFY2(err.isEmpty(), qPrintable(err + QStringLiteral(" (packaging/dev.sh installs dbus)")));
    conn_ = QDBusConnection::connectToBus(bus_.address(), QStringLiteral("vigil-desktop-test"));
    QVERIFY(conn_->isConnected());
    record_ = dir_.filePath(QStringLiteral("calls.jsonl"));
    const QString exe = QCoreApplication::applicationDirPath() + QStringLiteral("/notification_server");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), bus_.address());
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    server_.setProcessEnvironment(env);
    server_.start(exe, {record_});
    QVERIFY2(server_.waitForStarted(5000), qPrintable(server_.errorString()));
    QDeadlineTimer deadline(10000);
    while (!server_.canReadLine() && !deadline.hasExpired()) server_.waitForReadyRead(200);
    QCOMPARE(server_.readLine().trimmed(), QByteArray("ready"));
}

void TestDesktopNotifications::cleanupTestCase()
{
    if (server_.state() != QProcess::NotRunning) {
        server_.terminate();
        if (!server_.waitForFinished(3000)) server_.kill();
        server_.waitForFinished(3000);
    }
}

void TestDesktopNotifications::init()
{
    store_ = std::make_unique<store::AppStore>();
    QVERIFY(store_->open(dir_.filePath(QStringLiteral("app-%1.db").arg(QTest::currentTestFunction())).toStdString()).isOk());
    now_ = kT0;
    Notifier::Options o;
    o.clock = [this] { return now_; };
    notifier_ = std::make_unique<Notifier>(o, store_.get(), nullptr);
    auto cfg = NotifyConfig::loadString(kConfig, "test.yml");
    QVERIFY2(cfg.isOk(), cfg.status().message().c_str());
    QVERIFY(notifier_->applyConfig(std::move(*cfg)).isOk());
    QVERIFY(notifier_->start().isOk());
    client_ = std::make_unique<NotificationClient>(*conn_);
    desk_ = std::make_unique<AlertDesk>(client_.get(), nullptr);
    desk_->setNotifier(notifier_.get());
}

void TestDesktopNotifications::cleanup()
{
    desk_.reset();
    client_.reset();
    notifier_.reset();
    store_.reset();
    // The server appends (O_APPEND) to the same open file: emptying it starts the next test's record.
    QFile::resize(record_, 0);
}

QList<QJsonObject> TestDesktopNotifications::calls() const
{
    QList<QJsonObject> out;
    QFile f(record_);
    if (!f.open(QIODevice::ReadOnly)) return out;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (!line.isEmpty()) out << QJsonDocument::fromJson(line).object();
    return out;
}

QList<QJsonObject> TestDesktopNotifications::callsFor(uint id) const
{
    QList<QJsonObject> out;
    for (const QJsonObject &c : calls())
        if (c.value("id").toInteger() == id) out << c;
    return out;
}

void TestDesktopNotifications::invoke(uint id, const QString &key)
{
    QDBusMessage m = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("/test"),
                                                    QStringLiteral("org.vigil.TestNotifications"),
                                                    QStringLiteral("InvokeAction"));
    m << id << key;
    // As a user can only click a notification that is on screen: wait until
    // the sink has the server's answer to Notify (the id) before clicking.
    QTRY_VERIFY_WITH_TIMEOUT(!desk_->sink()->groupOf(id).isEmpty(), 5000);
    const QDBusMessage r = conn_->call(m, QDBus::Block, 5000);
    QVERIFY2(r.type() == QDBusMessage::ReplyMessage, qPrintable(r.errorMessage()));
}

void TestDesktopNotifications::notifyCarriesUrgencyActionsAndHints()
{
    notifier_->send({alert("DiskFull", "web1", "warning", true), alert("DiskFull", "db1", "critical")});
    QTRY_COMPARE_WITH_TIMEOUT(calls().size(), 2, 5000);
    QJsonObject warn, crit;
    for (const QJsonObject &c : calls()) (c.value("summary").toString().contains("web1") ? warn : crit) = c;
    QCOMPARE(warn.value("app").toString(), QStringLiteral("Vigil"));
    QCOMPARE(warn.value("replaces_id").toInt(), 0);
    QCOMPARE(warn.value("urgency").toInt(), 1);
    QVERIFY(!warn.contains("resident"));
    QCOMPARE(warn.value("timeout").toInt(), -1);
    QStringList keys;
    const QJsonArray actions = warn.value("actions").toArray();
    for (int i = 0; i < actions.size(); i += 2) keys << actions.at(i).toString();
    QCOMPARE(keys, (QStringList{"default", "acknowledge", "silence-1h", "open-graph", "runbook"}));
    QVERIFY(warn.value("body").toString().contains("DiskFull on web1"));
    // Critical: urgency critical, resident, never expires; no runbook annotation → no runbook action.
    QCOMPARE(crit.value("urgency").toInt(), 2);
    QCOMPARE(crit.value("resident").toBool(), true);
    QCOMPARE(crit.value("timeout").toInt(), 0);
    QVERIFY(!crit.value("actions").toArray().contains(QStringLiteral("runbook")));
    // The sink knows the server's id per group (what replaces_id will carry).
    QTRY_COMPARE_WITH_TIMEOUT(
        desk_->sink()->notificationId(QStringLiteral("{}:{alertname=\"DiskFull\", instance=\"web1\"}")),
        uint(warn.value("id").toInteger()), 5000);
}

void TestDesktopNotifications::escalationReplacesAndResolveCloses()
{
    const model::Alert a = alert("DiskFull", "web1", "warning");
    notifier_->send({a});
    QTRY_COMPARE_WITH_TIMEOUT(calls().size(), 1, 5000);
    const uint id = uint(calls().at(0).value("id").toInteger());
    QVERIFY(id > 100);
    // Escalation to the critical channels: the same notification, now critical.
    at(kT0 + 15 * kMin);
    QTRY_COMPARE_WITH_TIMEOUT(calls().size(), 2, 5000);
    const QJsonObject esc = calls().at(1);
    QCOMPARE(esc.value("method").toString(), QStringLiteral("Notify"));
    QCOMPARE(uint(esc.value("replaces_id").toInteger()), id);
    QCOMPARE(esc.value("urgency").toInt(), 2);
    QCOMPARE(esc.value("resident").toBool(), true);
    QVERIFY(esc.value("summary").toString().contains(QStringLiteral("step 1")));
    // Resolved: the notification is closed.
    model::Alert r = a;
    r.state = model::AlertState::Resolved;
    r.endsAtMs = kT0 + 16 * kMin;
    now_ = kT0 + 16 * kMin;
    notifier_->send({r});
    at(kT0 + 17 * kMin);
    QTRY_VERIFY_WITH_TIMEOUT(calls().size() >= 3, 5000);
    const QJsonObject close = calls().last();
    QCOMPARE(close.value("method").toString(), QStringLiteral("CloseNotification"));
    QCOMPARE(uint(close.value("id").toInteger()), id);
}

void TestDesktopNotifications::acknowledgeFromNotificationStopsEscalation()
{
    const model::Alert a = alert("DiskFull", "web2", "warning");
    QSignalSpy acks(notifier_.get(), &Notifier::acknowledged);
    notifier_->send({a});
    QTRY_COMPARE_WITH_TIMEOUT(calls().size(), 1, 5000);
    const uint id = uint(calls().at(0).value("id").toInteger());
    now_ = kT0 + 5 * kMin;
    invoke(id, QStringLiteral("acknowledge"));
    QTRY_COMPARE_WITH_TIMEOUT(acks.size(), 1, 5000);
    const auto ack = acks.at(0).at(0).value<Acknowledgement>();
    QCOMPARE(QString::fromStdString(ack.owner), osUserName());
    QCOMPARE(ack.fingerprint, a.fingerprint());
    QVERIFY(notifier_->escalation().find(a.fingerprint())->ackedMs != 0);
    // The notification is updated in place with the acknowledgement, without the Acknowledge action.
    QTRY_COMPARE_WITH_TIMEOUT(calls().size(), 2, 5000);
    const QJsonObject updated = calls().at(1);
    QCOMPARE(uint(updated.value("replaces_id").toInteger()), id);
    QVERIFY(updated.value("body").toString().contains(QStringLiteral("Acknowledged by ") + osUserName()));
    QVERIFY(!updated.value("actions").toArray().contains(QStringLiteral("acknowledge")));
    QTRY_COMPARE_WITH_TIMEOUT(desk_->acknowledgements().size(), 1, 5000);
    // No escalation at 15 min (nor later).
    at(kT0 + 15 * kMin);
    at(kT0 + 40 * kMin);
    QTest::qWait(200);  // a Notify would have arrived by now: the bus is local
    QCOMPARE(calls().size(), 2);
    auto stored = notifier_->acknowledgements(0, INT64_MAX);
    QVERIFY(stored.isOk());
    QCOMPARE(stored->size(), size_t(1));
}

void TestDesktopNotifications::silenceAndOpenGraphActions()
{
    notifier_->send({alert("DiskFull", "web3", "warning")});
    QTRY_COMPARE_WITH_TIMEOUT(calls().size(), 1, 5000);
    const uint id = uint(calls().at(0).value("id").toInteger());
    QSignalSpy graph(desk_.get(), &AlertDesk::openGraphRequested);
    invoke(id, QStringLiteral("default"));
    QTRY_COMPARE_WITH_TIMEOUT(graph.size(), 1, 5000);
    QCOMPARE(graph.at(0).at(0).toString(), QStringLiteral("node_filesystem_avail_bytes < 1e9"));
    QCOMPARE(graph.at(0).at(1).toLongLong(), kT0 - 30 * kMin);
    QSignalSpy silenced(desk_.get(), &AlertDesk::silenced);
    invoke(id, QStringLiteral("silence-1h"));
    QTRY_COMPARE_WITH_TIMEOUT(silenced.size(), 1, 5000);
    const auto list = notifier_->silences().list();
    QCOMPARE(list.size(), size_t(1));
    QCOMPARE(list[0].endsAtMs - list[0].startsAtMs, int64_t(3600'000));
    QCOMPARE(QString::fromStdString(matchersToString(list[0].matchers)),
             QStringLiteral("{alertname=\"DiskFull\", instance=\"web3\", severity=\"warning\"}"));
    QCOMPARE(QString::fromStdString(list[0].createdBy), osUserName());
    // Silenced: it does not escalate.
    at(kT0 + 15 * kMin);
    QTest::qWait(200);
    QCOMPARE(calls().size(), 1);
}

void TestDesktopNotifications::criticalPopupStaysUntilDismissed()
{
    notifier_->send({alert("DiskFull", "db1", "critical")});
    QTRY_VERIFY_WITH_TIMEOUT(desk_->popup(QStringLiteral("{}/{severity=\"critical\"}:{alertname=\"DiskFull\", instance=\"db1\"}")), 2000);
    AlertPopup *p = desk_->popup(QStringLiteral("{}/{severity=\"critical\"}:{alertname=\"DiskFull\", instance=\"db1\"}"));
    QVERIFY(p->isVisible());
    QVERIFY(p->windowFlags() & Qt::WindowStaysOnTopHint);
    QVERIFY(p->beepCount() >= 1);
    // Acknowledge with a comment from the pop-up.
    QSignalSpy acks(notifier_.get(), &Notifier::acknowledged);
    p->commentEdit()->setText(QStringLiteral("failing over"));
    QTest::mouseClick(p->acknowledgeButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(acks.size(), 1, 5000);
    QCOMPARE(acks.at(0).at(0).value<Acknowledgement>().comment, std::string("failing over"));
    QVERIFY(p->isAcknowledged());
    QVERIFY(p->isVisible());  // stays until dismissed
    QPointer<AlertPopup> guard(p);
    p->close();
    QTRY_VERIFY_WITH_TIMEOUT(!guard, 2000);  // deleted on close
}

void TestDesktopNotifications::emergencyWindowStaysUntilAcknowledged()
{
    notifier_->send({alert("DiskFull", "db2", "emergency", true)});
    const QString key = QStringLiteral("{}/{severity=\"emergency\"}:{alertname=\"DiskFull\", instance=\"db2\"}");
    QTRY_VERIFY_WITH_TIMEOUT(desk_->emergencyWindow(key), 2000);
    QPointer<EmergencyWindow> w = desk_->emergencyWindow(key);
    QVERIFY(w->isVisible());
    QVERIFY(w->windowFlags() & Qt::WindowStaysOnTopHint);
    QVERIFY(w->runbookLabel()->text().contains(QStringLiteral("https://runbooks.example/disk")));
    QTRY_VERIFY_WITH_TIMEOUT(w->beepCount() >= 2, 5000);  // repeats every 2 s
    // Closing is refused before the acknowledgement.
    w->close();
    QVERIFY(w->isVisible());
    // Owner and comment are both required.
    w->commentEdit()->clear();
    QTest::mouseClick(w->acknowledgeButton(), Qt::LeftButton);
    QVERIFY(w->statusText().contains(QStringLiteral("owner and a comment")));
    QVERIFY(notifier_->activeAcknowledgements().empty());
    w->ownerEdit()->setText(QStringLiteral("carol"));
    w->commentEdit()->setText(QStringLiteral("restarting the array"));
    QTest::mouseClick(w->acknowledgeButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!w, 5000);  // acknowledged: closed and deleted
    const auto active = notifier_->activeAcknowledgements();
    QCOMPARE(active.size(), size_t(1));
    QCOMPARE(active[0].owner, std::string("carol"));
    auto stored = notifier_->acknowledgements(0, INT64_MAX);
    QVERIFY(stored.isOk());
    QCOMPARE(stored->at(0).comment, std::string("restarting the array"));
}

void TestDesktopNotifications::fallbackWithoutNotificationServer()
{
    // Last: the server goes away for good.
    server_.terminate();
    QVERIFY(server_.waitForFinished(5000));
    QStringList shown;
    desk_->sink()->setFallback([&](const QString &summary, const QString &, model::AlertTier) { shown << summary; });
    QSignalSpy used(desk_->sink(), &DesktopAlertSink::fallbackUsed);
    notifier_->send({alert("DiskFull", "web9", "warning")});
    QTRY_COMPARE_WITH_TIMEOUT(used.size(), 1, 8000);
    QCOMPARE(shown.size(), 1);
    QVERIFY(shown[0].contains(QStringLiteral("DiskFull")));
}

QTEST_MAIN(TestDesktopNotifications)
#include "tst_desktop_notifications.moc"
