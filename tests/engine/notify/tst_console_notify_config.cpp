// The console's notification settings (ConsoleNotifyConfig): JSON round trip,
// secrets only as keychain references, the generated Alertmanager config
// (tier channels on the built-in policy, quiet hours as mute_time_intervals),
// quiet hours muting warning and critical but never emergency through the
// real Dispatcher, and Send test through a real HTTP receiver and a real
// command.
#include "notify/console_notify_config.h"
#include "notify/dispatcher.h"
#include "notify/notifier.h"
#include "store/secret_store.h"
#include "notify/test_send.h"
#include "webhook_receiver.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTest>

using namespace vigil;
using namespace vigil::notify;
using vigil::testing::WebhookReceiver;

namespace {

// Wednesday 2026-11-25 23:30 UTC: inside a 22:00-07:00 window.
const int64_t kNight = QDateTime(QDate(2026, 11, 25), QTime(23, 30), Qt::UTC).toMSecsSinceEpoch();
const int64_t kNoon = QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
const int64_t kEarly = QDateTime(QDate(2026, 11, 26), QTime(6, 59), Qt::UTC).toMSecsSinceEpoch();

model::Alert alert(const char *severity, int64_t at)
{
    model::Alert a;
    a.labels = model::Labels{{"alertname", "Disk"}, {"instance", severity}, {"severity", severity}};
    a.startsAtMs = at - 3'600'000;  // old enough to skip group_wait
    return a;
}

ConsoleNotifyConfig sample()
{
    ConsoleNotifyConfig c;
    c.tier(ConsoleTier::Warning).channels.slackUrl = "${keychain:notify-warning-slack}";
    c.tier(ConsoleTier::Warning).quiet.push_back({{}, "22:00", "07:00", "UTC"});
    auto &crit = c.tier(ConsoleTier::Critical);
    crit.channels.emailTo = "ops@example.org";
    crit.channels.smtpSmarthost = "127.0.0.1:2525";
    crit.channels.smtpUsername = "ops";
    crit.channels.smtpPassword = "${keychain:notify-critical-smtp}";
    crit.channels.smsUrl = "${keychain:notify-critical-sms}";
    crit.quiet.push_back({{"monday:friday"}, "22:00", "07:00", "UTC"});
    auto &em = c.tier(ConsoleTier::Emergency);
    em.channels.actionCommand = "/bin/true";
    em.channels.actionArgs = {"--page"};
    em.quiet.push_back({{}, "00:00", "24:00", "UTC"});  // must be ignored
    return c;
}

// Tiers notified by one flush at `t` (the Dispatcher skips group_wait for old alerts).
QStringList notifiedTiers(const NotifyConfig &cfg, int64_t t)
{
    Dispatcher d(std::make_shared<const NotifyConfig>(cfg), nullptr);
    d.put({alert("warning", t), alert("critical", t), alert("emergency", t)}, t);
    QStringList tiers;
    for (const Notification &n : d.flushDue(t))
        for (const auto &a : n.alerts)
            if (!tiers.contains(QString::fromStdString(std::string(a.labels.get("severity")))))
                tiers << QString::fromStdString(std::string(a.labels.get("severity")));
    tiers.sort();
    return tiers;
}

}  // namespace

class TestConsoleNotifyConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void jsonRoundTrip();
    void literalSecretsRefused();
    void badQuietHoursRefused();
    void generatedConfig();
    void quietHoursNeverMuteEmergency();
    void sendTest();
};

void TestConsoleNotifyConfig::jsonRoundTrip()
{
    ConsoleNotifyConfig c = sample();
    auto back = ConsoleNotifyConfig::fromJson(c.toJson());
    QVERIFY(back.isOk());
    c.tier(ConsoleTier::Emergency).quiet.clear();  // emergency quiet hours are never stored
    QVERIFY(*back == c);
    QVERIFY(!QString::fromStdString(c.toJson()).contains(QStringLiteral("hooks.slack")));
    QCOMPARE(ConsoleNotifyConfig::fromJson("[1]").status().code(), Status::Code::InvalidArgument);
    QCOMPARE(ConsoleNotifyConfig::fromJson("{\"warning\": 3}").status().code(), Status::Code::InvalidArgument);
}

void TestConsoleNotifyConfig::literalSecretsRefused()
{
    ConsoleNotifyConfig c;
    c.tier(ConsoleTier::Warning).channels.slackUrl = "https://hooks.slack.com/services/T0/B0/secret";
    Status s = c.validate();
    QCOMPARE(s.code(), Status::Code::InvalidArgument);
    QVERIFY2(QString::fromStdString(s.message()).contains(QStringLiteral("keychain")), s.message().c_str());
    QVERIFY(!QString::fromStdString(s.message()).contains(QStringLiteral("secret")));  // the value is not echoed
    c = {};
    c.tier(ConsoleTier::Critical).channels.emailTo = "a@b";
    c.tier(ConsoleTier::Critical).channels.smtpSmarthost = "mail:25";
    c.tier(ConsoleTier::Critical).channels.smtpPassword = "hunter2";
    QCOMPARE(c.validate().code(), Status::Code::InvalidArgument);
    QCOMPARE(c.toYaml().status().code(), Status::Code::InvalidArgument);
}

void TestConsoleNotifyConfig::badQuietHoursRefused()
{
    ConsoleNotifyConfig c;
    c.tier(ConsoleTier::Warning).quiet.push_back({{}, "25:00", "07:00", "UTC"});
    QCOMPARE(c.validate().code(), Status::Code::InvalidArgument);
    c.tier(ConsoleTier::Warning).quiet = {{{"funday"}, "22:00", "07:00", "UTC"}};
    QCOMPARE(c.validate().code(), Status::Code::InvalidArgument);
    c.tier(ConsoleTier::Warning).quiet = {{{}, "22:00", "07:00", "Mars/Olympus"}};
    QCOMPARE(c.validate().code(), Status::Code::InvalidArgument);
    c.tier(ConsoleTier::Warning).quiet = {{{}, "08:00", "08:00", "UTC"}};
    QCOMPARE(c.validate().code(), Status::Code::InvalidArgument);
}

void TestConsoleNotifyConfig::generatedConfig()
{
    auto cfg = sample().toNotifyConfig();
    QVERIFY2(cfg.isOk(), cfg.status().message().c_str());
    const Receiver *w = cfg->findReceiver("tier-warning");
    QVERIFY(w);
    QCOMPARE(w->slackConfigs.size(), size_t(1));
    QCOMPARE(w->desktopConfigs.size(), size_t(1));  // the built-in policy's desktop notification stays
    const Receiver *c = cfg->findReceiver("tier-critical");
    QVERIFY(c);
    QCOMPARE(c->emailConfigs.size(), size_t(1));
    QCOMPARE(c->smsConfigs.size(), size_t(1));
    const Receiver *e = cfg->findReceiver("tier-emergency");
    QVERIFY(e);
    QCOMPARE(e->actionConfigs.size(), size_t(1));
    QCOMPARE(e->actionConfigs[0].command, std::string("/bin/true"));
    QVERIFY(cfg->timeIntervals.count("quiet-warning"));
    QVERIFY(cfg->timeIntervals.count("quiet-critical"));
    QVERIFY(!cfg->timeIntervals.count("quiet-emergency"));
    for (const Route &r : cfg->route.routes) {
        if (r.receiver == "tier-emergency") QVERIFY(r.muteTimeIntervals.empty());
        else QCOMPARE(r.muteTimeIntervals.size(), size_t(1));
    }
    // A window across midnight is two ranges of the same days.
    const auto &wq = cfg->timeIntervals.at("quiet-warning");
    QCOMPARE(wq.size(), size_t(1));
    QCOMPARE(wq[0].times.size(), size_t(2));
    QVERIFY(wq[0].contains(kNight));
    QVERIFY(wq[0].contains(kEarly));
    QVERIFY(!wq[0].contains(kNoon));
}

void TestConsoleNotifyConfig::quietHoursNeverMuteEmergency()
{
    auto cfg = sample().toNotifyConfig();
    QVERIFY(cfg.isOk());
    QCOMPARE(notifiedTiers(*cfg, kNoon), (QStringList{"critical", "emergency", "warning"}));
    // Wednesday night: warning and critical are quiet.
    QCOMPARE(notifiedTiers(*cfg, kNight), (QStringList{"emergency"}));
    // Saturday night: critical's window is Monday-Friday only.
    const int64_t saturday = QDateTime(QDate(2026, 11, 28), QTime(23, 0), Qt::UTC).toMSecsSinceEpoch();
    QCOMPARE(notifiedTiers(*cfg, saturday), (QStringList{"critical", "emergency"}));

    // Even a configuration that names a mute interval on the emergency route
    // (a hand-written file) does not mute an emergency: the engine enforces it.
    auto yaml = sample().toYaml();
    QVERIFY(yaml.isOk());
    std::string text = *yaml;
    const std::string anchor = "receiver: tier-emergency";
    const size_t at = text.find(anchor);
    QVERIFY(at != std::string::npos);
    const size_t lineStart = text.rfind('\n', at) + 1;
    const std::string indent = text.substr(lineStart, at - lineStart);
    text.insert(at + anchor.size(), "\n" + indent + "mute_time_intervals: [quiet-warning]");
    auto forced = NotifyConfig::loadString(text, "forced.yml");
    QVERIFY2(forced.isOk(), (forced.status().message() + "\n" + text).c_str());
    QCOMPARE(notifiedTiers(*forced, kNight), (QStringList{"emergency"}));
}

void TestConsoleNotifyConfig::sendTest()
{
    WebhookReceiver rx;
    QVERIFY(rx.listenLoopback());
    store::SecretStore secrets(store::SecretStore::Backend::Memory);
    QVERIFY(secrets.writeBlocking("notify-warning-slack", rx.url("/slack").toStdString()).isOk());
    QVERIFY(secrets.writeBlocking("notify-critical-sms", rx.url("/sms").toStdString()).isOk());
    rx.setStatuses("/sms", {400});

    ConsoleNotifyConfig c;
    c.tier(ConsoleTier::Warning).channels.slackUrl = "${keychain:notify-warning-slack}";
    c.tier(ConsoleTier::Critical).channels.smsUrl = "${keychain:notify-critical-sms}";
    c.tier(ConsoleTier::Emergency).channels.actionCommand = "/bin/false";
    auto cfg = c.toNotifyConfig();
    QVERIFY(cfg.isOk());
    auto resolved = resolveSecrets(*cfg, &secrets);
    QVERIFY2(resolved.isOk(), resolved.status().message().c_str());
    auto shared = std::make_shared<const NotifyConfig>(std::move(*resolved));

    auto run = [&](const char *receiver) {
        QFutureWatcher<std::vector<TestSendResult>> w;
        QSignalSpy done(&w, &QFutureWatcherBase::finished);
        w.setFuture(sendTestNotification(shared, receiver));
        if (!w.isFinished()) [&] { QVERIFY(done.wait(20000)); }();
        return w.result();
    };
    auto warning = run("tier-warning");
    QCOMPARE(warning.size(), size_t(1));
    QCOMPARE(warning[0].integration, std::string("slack[0]"));
    QVERIFY2(warning[0].ok, warning[0].error.c_str());
    QCOMPARE(rx.count("/slack"), 1);
    QVERIFY(rx.requests("/slack").front().body.contains("VigilTestNotification"));

    auto critical = run("tier-critical");
    QCOMPARE(critical.size(), size_t(1));
    QVERIFY(!critical[0].ok);
    QVERIFY2(QString::fromStdString(critical[0].error).contains(QStringLiteral("400")), critical[0].error.c_str());
    QCOMPARE(rx.count("/sms"), 1);  // no retry for a test

    auto emergency = run("tier-emergency");
    QCOMPARE(emergency.size(), size_t(1));
    QCOMPARE(emergency[0].integration, std::string("action[0]"));
    QVERIFY(!emergency[0].ok);
    QVERIFY(!emergency[0].error.empty());

    QVERIFY(run("no-such-receiver").empty());
}

QTEST_GUILESS_MAIN(TestConsoleNotifyConfig)
#include "tst_console_notify_config.moc"
