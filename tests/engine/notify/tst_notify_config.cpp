// Alertmanager configuration parsing, checked against Debian's amtool
// (prometheus-alertmanager): every file here is accepted or rejected by both,
// with the same reason.
#include "notify/default_config.h"
#include "notify/notify_config.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::notify;

class TestNotifyConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void agreesWithAmtool_data();
    void agreesWithAmtool();
    void defaultsAndInheritance();
    void errorsNameLineAndField();
    void vigilReceivers();
    void matcherSyntax();
    void timeIntervals();
    void defaultPolicy();

private:
    QTemporaryDir dir_;
};

void TestNotifyConfig::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral("/usr/bin/amtool")),
             "amtool (Debian package prometheus-alertmanager) is required");
    QVERIFY(dir_.isValid());
}

void TestNotifyConfig::agreesWithAmtool_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("reason");  // shared by amtool's and Vigil's message
    const QByteArray recv = "receivers:\n- name: team\n";
    QTest::newRow("full") << QByteArray("global:\n  resolve_timeout: 1m\n  smtp_smarthost: 'localhost:25'\n"
                                        "  smtp_from: a@b\nroute:\n  receiver: team\n  group_by: ['...']\n"
                                        "  routes:\n  - matchers: ['severity=~\"crit.*\"', 'team!=\"x\"']\n"
                                        "    receiver: team\n    continue: true\n    group_wait: 10s\n"
                                        "  - match: {a: b}\n    match_re: {c: 'd|e'}\n    receiver: team\n"
                                        "receivers:\n- name: team\n  webhook_configs:\n"
                                        "  - url: http://127.0.0.1:1/hook\n    max_alerts: 3\n"
                                        "    http_config:\n      basic_auth: {username: u, password: p}\n"
                                        "  email_configs:\n  - to: x@y\n    headers: {subject: hi}\n"
                                        "  slack_configs:\n  - api_url: https://hooks.example/x\n    channel: '#c'\n")
                          << true << QString();
    QTest::newRow("time intervals")
        << QByteArray("route:\n  receiver: team\n  routes:\n  - receiver: team\n    mute_time_intervals: [off]\n"
                      "    active_time_intervals: [on]\ntime_intervals:\n- name: off\n  time_intervals:\n"
                      "  - times: [{start_time: '17:00', end_time: '24:00'}]\n    weekdays: ['saturday', 'monday:friday']\n"
                      "    days_of_month: ['1:5', '-3:-1']\n    months: ['january:march', '12']\n"
                      "    years: ['2020:2030']\n    location: Europe/Berlin\nmute_time_intervals:\n- name: on\n") + recv
        << true << QString();
    QTest::newRow("inhibit legacy") << QByteArray("route:\n  receiver: team\ninhibit_rules:\n"
                                                  "- source_match: {severity: critical}\n  target_match_re: {severity: 'warn.*'}\n"
                                                  "  equal: [alertname]\n- source_matchers: ['a=\"b\"']\n"
                                                  "  target_matchers: ['c!~\"d\"']\n") + recv
                                    << true << QString();
    QTest::newRow("secret files") << QByteArray("global:\n  slack_api_url_file: /etc/slack\n  smtp_auth_password_file: pw\n"
                                                "  smtp_smarthost: 'h:25'\n  smtp_from: a@b\nroute:\n  receiver: team\n") + recv +
                                         "  slack_configs:\n  - channel: c\n"
                                         "  email_configs:\n  - to: x@y\n"
                                  << true << QString();
    QTest::newRow("webhook url_file (not in 0.25)") << QByteArray("route:\n  receiver: team\n") + recv +
                                             "  webhook_configs:\n  - url: http://x/\n    url_file: /etc/hook\n"
                                      << false << "field url_file not found";
    QTest::newRow("undefined receiver") << QByteArray("route:\n  receiver: nope\n") + recv << false
                                        << "undefined receiver \"nope\" used in route";
    QTest::newRow("duplicate receiver") << QByteArray("route:\n  receiver: team\n") + recv + "- name: team\n" << false
                                        << "notification config name \"team\" is not unique";
    QTest::newRow("wildcard group_by") << QByteArray("route:\n  receiver: team\n  group_by: [a, '...']\n") + recv
                                       << false << "cannot have wildcard group_by";
    QTest::newRow("email without smarthost") << QByteArray("route:\n  receiver: team\n") + recv +
                                                    "  email_configs:\n  - to: a@b\n"
                                             << false << "no global SMTP smarthost set";
    QTest::newRow("email without to") << QByteArray("route:\n  receiver: team\n") + recv +
                                             "  email_configs:\n  - from: a@b\n    smarthost: h:25\n"
                                      << false << "missing to address in email config";
    QTest::newRow("zero repeat") << QByteArray("route:\n  receiver: team\n  repeat_interval: 0s\n") + recv << false
                                 << "repeat_interval cannot be zero";
    QTest::newRow("unknown field") << QByteArray("route:\n  receiver: team\n  bogus: 1\n") + recv << false
                                   << "field bogus not found";
    QTest::newRow("undefined time interval") << QByteArray("route:\n  receiver: team\n  routes:\n  - receiver: team\n"
                                                           "    mute_time_intervals: [x]\n") + recv
                                             << false << "undefined time interval \"x\" used in route";
    QTest::newRow("bad regex") << QByteArray("route:\n  receiver: team\n  routes:\n  - matchers: ['a=~\"(\"']\n") + recv
                               << false << "error parsing regexp: missing";
    QTest::newRow("time order") << QByteArray("route:\n  receiver: team\ntime_intervals:\n- name: off\n  time_intervals:\n"
                                              "  - times: [{start_time: '18:00', end_time: '17:00'}]\n") + recv
                                << false << "start time cannot be equal or greater than end time";
    QTest::newRow("slack without url") << QByteArray("route:\n  receiver: team\n") + recv +
                                              "  slack_configs:\n  - channel: x\n"
                                       << false << "no global Slack API URL set";
    QTest::newRow("webhook without url") << QByteArray("route:\n  receiver: team\n") + recv +
                                                "  webhook_configs:\n  - send_resolved: true\n"
                                         << false << "missing URL in webhook config";
    QTest::newRow("root matchers") << QByteArray("route:\n  receiver: team\n  matchers: ['a=\"b\"']\n") + recv << false
                                   << "root route must not have any matchers";
    QTest::newRow("no receiver on root") << QByteArray("route:\n  group_by: [a]\n") + recv << false
                                         << "root route must specify a default receiver";
    QTest::newRow("duplicate group_by") << QByteArray("route:\n  receiver: team\n  group_by: [a, a]\n") + recv << false
                                        << "duplicated label \"a\" in group_by";
    QTest::newRow("bad duration") << QByteArray("route:\n  receiver: team\n  group_wait: 5x\n") + recv << false
                                  << "not a valid duration string";
}

void TestNotifyConfig::agreesWithAmtool()
{
    QFETCH(QByteArray, yaml);
    QFETCH(bool, valid);
    QFETCH(QString, reason);
    const QString path = dir_.filePath(QStringLiteral("am.yml"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(yaml);
    }
    QProcess amtool;
    amtool.setProcessChannelMode(QProcess::MergedChannels);
    amtool.start(QStringLiteral("/usr/bin/amtool"), {QStringLiteral("check-config"), path});
    QVERIFY(amtool.waitForFinished(30000));
    const QString amOut = QString::fromUtf8(amtool.readAll());
    QCOMPARE(amtool.exitCode() == 0, valid);
    if (!valid) QVERIFY2(amOut.contains(reason), qPrintable(amOut));

    Result<NotifyConfig> cfg = NotifyConfig::loadFile(path.toStdString());
    QVERIFY2(cfg.isOk() == valid, cfg.isOk() ? "accepted" : cfg.status().message().c_str());
    if (!valid) {
        QVERIFY2(QString::fromStdString(cfg.status().message()).contains(reason), cfg.status().message().c_str());
        QVERIFY2(cfg.status().message().rfind(path.toStdString() + ":", 0) == 0, "error names the file");
    }
}

void TestNotifyConfig::defaultsAndInheritance()
{
    auto cfg = NotifyConfig::loadString("route:\n  receiver: a\n  group_by: [x]\n  group_interval: 1m\n  routes:\n"
                                        "  - matchers: [s=\"1\"]\n    routes:\n    - receiver: b\n      repeat_interval: 1h\n"
                                        "receivers:\n- name: a\n- name: b\n",
                                        "t.yml");
    QVERIFY2(cfg.isOk(), cfg.status().message().c_str());
    QCOMPARE(cfg->global.resolveTimeoutMs, int64_t(300000));
    QCOMPARE(cfg->route.groupWaitMs, int64_t(30000));
    QCOMPARE(cfg->route.groupIntervalMs, int64_t(60000));
    QCOMPARE(cfg->route.repeatIntervalMs, int64_t(4 * 3600 * 1000));
    const Route &child = cfg->route.routes.at(0);
    QCOMPARE(child.receiver, std::string("a"));
    QCOMPARE(child.groupBy, std::vector<std::string>{"x"});
    QCOMPARE(child.groupIntervalMs, int64_t(60000));
    const Route &grandchild = child.routes.at(0);
    QCOMPARE(grandchild.receiver, std::string("b"));
    QCOMPARE(grandchild.repeatIntervalMs, int64_t(3600000));
    QCOMPARE(grandchild.key, std::string("{}/{s=\"1\"}/{}"));
}

void TestNotifyConfig::errorsNameLineAndField()
{
    auto cfg = NotifyConfig::loadString("route:\n  receiver: a\n  routes:\n  - receiver: a\n    group_wait: 5x\n"
                                        "receivers:\n- name: a\n",
                                        "am.yml");
    QVERIFY(!cfg.isOk());
    QCOMPARE(cfg.status().message(),
             std::string("am.yml:5: route.routes[0].group_wait: not a valid duration string: \"5x\""));
    auto bad = NotifyConfig::loadString("route: [\n", "x.yml");
    QVERIFY(!bad.isOk());
    QVERIFY(bad.status().message().rfind("x.yml:", 0) == 0);
}

void TestNotifyConfig::vigilReceivers()
{
    auto cfg = NotifyConfig::loadString(
        "global:\n  smtp_smarthost: 'mail:587'\n  smtp_from: v@x\n  smtp_auth_username: u\n"
        "  smtp_auth_password: '${keychain:smtp}'\nroute:\n  receiver: r\nreceivers:\n- name: r\n"
        "  desktop_configs:\n  - urgency: critical\n    persistent: true\n    alert_window: true\n"
        "  sms_configs:\n  - url: https://sms.example/send\n    to: ['+100']\n    body: '{\"t\": \"{{summary}}\"}'\n"
        "  action_configs:\n  - command: /bin/echo\n    args: ['{{alertname}}']\n    timeout: 5s\n"
        "  email_configs:\n  - to: ops@x\n",
        "v.yml");
    QVERIFY2(cfg.isOk(), cfg.status().message().c_str());
    const Receiver &r = cfg->receivers.at(0);
    QCOMPARE(r.desktopConfigs.at(0).urgency, std::string("critical"));
    QVERIFY(r.desktopConfigs.at(0).alertWindow);
    QCOMPARE(r.smsConfigs.at(0).to, std::vector<std::string>{"+100"});
    QCOMPARE(r.actionConfigs.at(0).timeoutMs, int64_t(5000));
    QCOMPARE(r.emailConfigs.at(0).smarthost, std::string("mail:587"));
    QCOMPARE(r.emailConfigs.at(0).authPassword, std::string("${keychain:smtp}"));

    // A receiver's secret file replaces the global inline secret (and the
    // other way round); within one config the later key wins.
    auto secrets = NotifyConfig::loadString(
        "global:\n  slack_api_url: https://hooks.example/global\n  smtp_smarthost: 'mail:25'\n  smtp_from: v@x\n"
        "  smtp_auth_password_file: /etc/global-pw\nroute:\n  receiver: r\nreceivers:\n- name: r\n"
        "  slack_configs:\n  - api_url_file: slack-url\n    title_link: http://t/\n    icon_emoji: ':x:'\n"
        "  - channel: c\n"
        "  email_configs:\n  - to: a@x\n    auth_password: inline\n    headers: {subject: S, x-team: ops}\n"
        "  - to: b@x\n    auth_password: inline\n    auth_password_file: pw\n    require_tls: false\n"
        "  webhook_configs:\n  - url: http://h/\n    max_alerts: 7\n    send_resolved: false\n",
        "/etc/vigil/am.yml");
    QVERIFY2(secrets.isOk(), secrets.status().message().c_str());
    const Receiver &s = secrets->receivers.at(0);
    QCOMPARE(s.slackConfigs.at(0).apiUrl, std::string());
    QCOMPARE(s.slackConfigs.at(0).apiUrlFile, std::string("/etc/vigil/slack-url"));
    QCOMPARE(s.slackConfigs.at(0).titleLink, std::string("http://t/"));
    QCOMPARE(s.slackConfigs.at(0).iconEmoji, std::string(":x:"));
    QCOMPARE(s.slackConfigs.at(1).apiUrl, std::string("https://hooks.example/global"));
    QCOMPARE(s.slackConfigs.at(1).channel, std::string("c"));
    QCOMPARE(s.emailConfigs.at(0).authPassword, std::string("inline"));
    QCOMPARE(s.emailConfigs.at(0).authPasswordFile, std::string());
    QCOMPARE(s.emailConfigs.at(0).headers.at("Subject"), std::string("S"));
    QCOMPARE(s.emailConfigs.at(0).headers.at("X-Team"), std::string("ops"));
    QCOMPARE(s.emailConfigs.at(1).authPassword, std::string());
    QCOMPARE(s.emailConfigs.at(1).authPasswordFile, std::string("/etc/vigil/pw"));
    QVERIFY(!s.emailConfigs.at(1).requireTls);
    QCOMPARE(s.webhookConfigs.at(0).maxAlerts, uint64_t(7));
    auto dupHeader = NotifyConfig::loadString("global:\n  smtp_smarthost: 'mail:25'\n  smtp_from: v@x\nroute:\n"
                                              "  receiver: r\nreceivers:\n- name: r\n  email_configs:\n"
                                              "  - to: a@x\n    headers: {subject: a, Subject: b}\n",
                                              "v.yml");
    QVERIFY(!dupHeader.isOk());
    QVERIFY2(QString::fromStdString(dupHeader.status().message()).contains("duplicate header \"Subject\""),
             dupHeader.status().message().c_str());

    auto both = NotifyConfig::loadString("route:\n  receiver: r\nreceivers:\n- name: r\n  action_configs:\n"
                                         "  - command: /bin/true\n    url: http://x/\n",
                                         "v.yml");
    QVERIFY(!both.isOk());
    QVERIFY(QString::fromStdString(both.status().message()).contains("exactly one of command or url"));
    auto urgency = NotifyConfig::loadString("route:\n  receiver: r\nreceivers:\n- name: r\n  desktop_configs:\n"
                                            "  - urgency: loud\n",
                                            "v.yml");
    QVERIFY(!urgency.isOk());
    QCOMPARE(urgency.status().message(), std::string("v.yml:6: receivers[0].desktop_configs[0].urgency: urgency must be low, normal or critical"));
}

void TestNotifyConfig::matcherSyntax()
{
    auto ms = parseMatchers("{alertname=\"A,B\", severity=~\"crit.*\", instance!=db1, job!~\"x|y\"}");
    QVERIFY2(ms.isOk(), ms.status().message().c_str());
    QCOMPARE(ms->size(), size_t(4));
    QCOMPARE((*ms)[0].value(), std::string("A,B"));
    QCOMPARE((*ms)[2].value(), std::string("db1"));
    QVERIFY(matchesAll(*ms, model::Labels{{"alertname", "A,B"}, {"severity", "critical"}, {"instance", "web"}}));
    QVERIFY(!matchesAll(*ms, model::Labels{{"alertname", "A,B"}, {"severity", "critical"}, {"instance", "db1"}}));
    QVERIFY(!matchesAll(*ms, model::Labels{{"alertname", "A,B"}, {"severity", "xcritical"}}));  // anchored
    QVERIFY(!parseMatchers("a==b").isOk() || parseMatchers("a==b")->front().value() == "=b");
    QVERIFY(!parseMatchers("=b").isOk());
    QVERIFY(!parseMatchers("a=\"b").isOk());
}

void TestNotifyConfig::timeIntervals()
{
    auto cfg = NotifyConfig::loadString(
        "route:\n  receiver: r\ntime_intervals:\n- name: w\n  time_intervals:\n"
        "  - times: [{start_time: '09:00', end_time: '17:00'}]\n    weekdays: ['monday:friday']\n"
        "    location: Asia/Seoul\n- name: end\n  time_intervals:\n  - days_of_month: ['-1']\n    months: [february]\n"
        "receivers:\n- name: r\n",
        "t.yml");
    QVERIFY2(cfg.isOk(), cfg.status().message().c_str());
    const auto &w = cfg->timeIntervals.at("w");
    // 2026-11-25 is a Wednesday. 01:00 UTC = 10:00 in Seoul (in), 09:00 UTC = 18:00 (out).
    const int64_t wed0100 = QDateTime(QDate(2026, 11, 25), QTime(1, 0), Qt::UTC).toMSecsSinceEpoch();
    QVERIFY(inAnyInterval(w, wed0100));
    QVERIFY(!inAnyInterval(w, wed0100 + 8 * 3600000));
    // Saturday 2026-11-28 10:00 Seoul.
    QVERIFY(!inAnyInterval(w, wed0100 + 3 * 86400000));
    const auto &end = cfg->timeIntervals.at("end");
    QVERIFY(inAnyInterval(end, QDateTime(QDate(2028, 2, 29), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch()));
    QVERIFY(!inAnyInterval(end, QDateTime(QDate(2028, 2, 28), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch()));
    QVERIFY(inAnyInterval(end, QDateTime(QDate(2027, 2, 28), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch()));
    auto badZone = NotifyConfig::loadString("route:\n  receiver: r\ntime_intervals:\n- name: w\n  time_intervals:\n"
                                            "  - location: Mars/Base\nreceivers:\n- name: r\n",
                                            "t.yml");
    QVERIFY(!badZone.isOk());
}

void TestNotifyConfig::defaultPolicy()
{
    // Nothing configured: desktop only, for every tier.
    auto bare = defaultConfig({});
    QVERIFY2(bare.isOk(), bare.status().message().c_str());
    for (const Receiver &r : bare->receivers) {
        QCOMPARE(r.desktopConfigs.size(), size_t(1));
        QVERIFY(r.webhookConfigs.empty() && r.slackConfigs.empty() && r.emailConfigs.empty() && r.smsConfigs.empty() &&
                r.actionConfigs.empty());
    }
    DefaultPolicyEndpoints e;
    e.chatWebhookUrl = "https://chat.example/hook";
    e.emailTo = "ops@example.com";
    e.smtpSmarthost = "127.0.0.1:25";
    e.smsUrl = "https://sms.example/send";
    e.pageWebhookUrl = "https://page.example/alert";
    e.actionCommand = "/usr/bin/true";
    auto full = defaultConfig(e);
    QVERIFY2(full.isOk(), full.status().message().c_str());
    const Receiver *w = full->findReceiver("tier-warning");
    const Receiver *c = full->findReceiver("tier-critical");
    const Receiver *em = full->findReceiver("tier-emergency");
    QVERIFY(w && c && em);
    QCOMPARE(w->desktopConfigs.at(0).urgency, std::string("normal"));
    QCOMPARE(w->slackConfigs.size(), size_t(1));
    QVERIFY(c->desktopConfigs.at(0).persistent);
    QCOMPARE(c->emailConfigs.size(), size_t(1));
    QCOMPARE(c->smsConfigs.size(), size_t(1));
    QVERIFY(em->desktopConfigs.at(0).alertWindow);
    QCOMPARE(em->webhookConfigs.size(), size_t(1));
    QCOMPARE(em->actionConfigs.size(), size_t(1));
    QCOMPARE(full->inhibitRules.size(), size_t(2));
    QCOMPARE(full->route.receiver, std::string("tier-warning"));
}

QTEST_GUILESS_MAIN(TestNotifyConfig)
#include "tst_notify_config.moc"
