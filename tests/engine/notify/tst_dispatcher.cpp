// Alertmanager's grouping, timing, notification log, inhibition, silences
// and time intervals, on an explicit clock (the Dispatcher takes every time
// as an argument, so nothing here sleeps).
#include "notify/default_config.h"
#include "notify/dispatcher.h"
#include "store/app_store.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::notify;

namespace {

constexpr int64_t kSec = 1000;
constexpr int64_t kMin = 60 * kSec;
// Wednesday 2026-11-25 12:00:00 UTC.
const int64_t kT0 = QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();

model::Alert alert(const char *name, const char *severity, const char *instance, int64_t startsAt)
{
    model::Alert a;
    a.labels = model::Labels{{"alertname", name}, {"severity", severity}, {"instance", instance}};
    a.annotations = model::Labels{{"summary", std::string(name) + " on " + instance}};
    a.startsAtMs = startsAt;
    return a;
}

model::Alert resolved(model::Alert a, int64_t at)
{
    a.state = model::AlertState::Resolved;
    a.endsAtMs = at;
    return a;
}

std::shared_ptr<const NotifyConfig> config(const std::string &yaml)
{
    auto c = NotifyConfig::loadString(yaml, "test.yml");
    if (!c.isOk()) qFatal("%s", c.status().message().c_str());
    return std::make_shared<const NotifyConfig>(std::move(*c));
}

const std::string kBasic = R"(
route:
  receiver: hook
  group_by: [alertname]
  group_wait: 30s
  group_interval: 5m
  repeat_interval: 4h
receivers:
- name: hook
  webhook_configs:
  - url: http://127.0.0.1:1/
)";

std::vector<std::string> instances(const Notification &n)
{
    std::vector<std::string> out;
    for (const auto &a : n.alerts)
        out.push_back(std::string(a.labels.get("instance")) + (a.state == model::AlertState::Resolved ? "-" : "+"));
    return out;
}

}  // namespace

class TestDispatcher : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void groupWaitThenGroupInterval();
    void repeatInterval();
    void resolvedNotifications();
    void resolveTimeoutWithoutResend();
    void oldAlertSkipsGroupWait();
    void routingAndContinue();
    void defaultInhibition();
    void silences();
    void silencesPersist();
    void timeIntervalsMuteButNotEmergency();
    void failedDeliveryIsResent();
};

void TestDispatcher::groupWaitThenGroupInterval()
{
    Dispatcher d(config(kBasic), nullptr);
    d.put({alert("HighCPU", "warning", "a", kT0)}, kT0);
    QCOMPARE(d.nextFlushMs(), kT0 + 30 * kSec);
    QVERIFY(d.flushDue(kT0 + 29 * kSec).empty());  // group_wait not over
    d.put({alert("HighCPU", "warning", "b", kT0 + 10 * kSec)}, kT0 + 10 * kSec);  // joins the group
    d.put({alert("DiskFull", "warning", "a", kT0 + 10 * kSec)}, kT0 + 10 * kSec);  // a new group
    QCOMPARE(d.groupCount(), size_t(2));
    auto first = d.flushDue(kT0 + 30 * kSec);
    QCOMPARE(first.size(), size_t(1));
    QCOMPARE(first[0].groupKey, std::string("{}:{alertname=\"HighCPU\"}"));
    QCOMPARE(instances(first[0]), (std::vector<std::string>{"a+", "b+"}));
    QCOMPARE(first[0].groupLabels, (model::Labels{{"alertname", "HighCPU"}}));
    QCOMPARE(d.flushDue(kT0 + 40 * kSec).size(), size_t(1));  // DiskFull after its own group_wait
    // A third alert in the flushed group waits for group_interval.
    d.put({alert("HighCPU", "warning", "a", kT0), alert("HighCPU", "warning", "b", kT0 + 10 * kSec),
           alert("HighCPU", "warning", "c", kT0 + 60 * kSec)},
          kT0 + 60 * kSec);
    QVERIFY(d.flushDue(kT0 + 5 * kMin + 29 * kSec).empty());
    auto second = d.flushDue(kT0 + 5 * kMin + 30 * kSec);
    QCOMPARE(second.size(), size_t(1));
    QCOMPARE(instances(second[0]), (std::vector<std::string>{"a+", "b+", "c+"}));
}

void TestDispatcher::repeatInterval()
{
    Dispatcher d(config(kBasic), nullptr);
    const model::Alert a = alert("HighCPU", "warning", "a", kT0);
    int sent = 0;
    // The rule engine re-sends every 15 s; nothing changes for 5 hours.
    for (int64_t t = kT0; t <= kT0 + 5 * 3600 * kSec; t += 15 * kSec) {
        d.put({a}, t);
        for (const Notification &n : d.flushDue(t)) {
            ++sent;
            QCOMPARE(n.alerts.size(), size_t(1));
            // First at group_wait, then once repeat_interval passed (at a
            // group_interval boundary): 30s and 4h00m30s.
            QVERIFY2(t == kT0 + 30 * kSec || t == kT0 + 4 * 3600 * kSec + 30 * kSec, qPrintable(QString::number((t - kT0) / 1000)));
        }
    }
    QCOMPARE(sent, 2);
}

void TestDispatcher::resolvedNotifications()
{
    const std::string yaml = kBasic + "- name: quiet\n  webhook_configs:\n  - url: http://127.0.0.1:1/\n    send_resolved: false\n" +
                             "  - url: http://127.0.0.1:2/\n";
    auto cfg = config(yaml);
    Dispatcher d(cfg, nullptr);
    d.put({alert("A", "warning", "a", kT0), alert("A", "warning", "b", kT0)}, kT0);
    QCOMPARE(d.flushDue(kT0 + 30 * kSec).size(), size_t(1));
    // b resolves: send_resolved (default true for webhooks) reports it at the next group_interval.
    d.put({alert("A", "warning", "a", kT0), resolved(alert("A", "warning", "b", kT0), kT0 + 60 * kSec)}, kT0 + 60 * kSec);
    auto n = d.flushDue(kT0 + 5 * kMin + 30 * kSec);
    QCOMPARE(n.size(), size_t(1));
    QCOMPARE(instances(n[0]), (std::vector<std::string>{"a+", "b-"}));
    // The resolved alert left the group: the next flush has nothing new.
    d.put({alert("A", "warning", "a", kT0)}, kT0 + 6 * kMin);
    QVERIFY(d.flushDue(kT0 + 10 * kMin + 30 * kSec).empty());
    // Everything resolved: a notification whose status is resolved.
    d.put({resolved(alert("A", "warning", "a", kT0), kT0 + 11 * kMin)}, kT0 + 11 * kMin);
    n = d.flushDue(kT0 + 15 * kMin + 30 * kSec);
    QCOMPARE(n.size(), size_t(1));
    QVERIFY(!n[0].firing());
    QCOMPARE(d.groupCount(), size_t(0));
}

void TestDispatcher::resolveTimeoutWithoutResend()
{
    Dispatcher d(config("global:\n  resolve_timeout: 1m\n" + kBasic), nullptr);
    d.put({alert("A", "warning", "a", kT0)}, kT0);
    QCOMPARE(d.flushDue(kT0 + 30 * kSec).size(), size_t(1));
    // Never re-sent: resolved resolve_timeout after it was last received.
    auto n = d.flushDue(kT0 + 5 * kMin + 30 * kSec);
    QCOMPARE(n.size(), size_t(1));
    QVERIFY(!n[0].firing());
    QCOMPARE(n[0].alerts[0].endsAtMs, kT0 + kMin);
}

void TestDispatcher::oldAlertSkipsGroupWait()
{
    Dispatcher d(config(kBasic), nullptr);
    d.put({alert("A", "warning", "a", kT0 - 10 * kMin)}, kT0);
    QCOMPARE(d.flushDue(kT0).size(), size_t(1));
}

void TestDispatcher::routingAndContinue()
{
    auto cfg = config(R"(
route:
  receiver: default
  group_wait: 0s
  routes:
  - matchers: [team="db"]
    receiver: db
    continue: true
  - matchers: [severity=~"crit.*"]
    receiver: pager
  - matchers: [severity="critical"]
    receiver: never
receivers:
- name: default
  webhook_configs: [{url: 'http://127.0.0.1:1/'}]
- name: db
  webhook_configs: [{url: 'http://127.0.0.1:1/'}]
- name: pager
  webhook_configs: [{url: 'http://127.0.0.1:1/'}]
- name: never
  webhook_configs: [{url: 'http://127.0.0.1:1/'}]
)");
    auto receivers = [&](model::Labels l) {
        std::vector<std::string> out;
        for (const Route *r : Dispatcher::matchRoutes(cfg->route, l)) out.push_back(r->receiver);
        return out;
    };
    QCOMPARE(receivers({{"team", "db"}, {"severity", "critical"}}), (std::vector<std::string>{"db", "pager"}));
    QCOMPARE(receivers({{"severity", "critical"}}), (std::vector<std::string>{"pager"}));
    QCOMPARE(receivers({{"severity", "info"}}), (std::vector<std::string>{"default"}));
    Dispatcher d(cfg, nullptr);
    model::Alert a = alert("X", "critical", "i", kT0);
    a.labels = model::LabelsBuilder(a.labels).set("team", "db").labels();
    d.put({a}, kT0);
    auto n = d.flushDue(kT0);
    QCOMPARE(n.size(), size_t(2));
}

void TestDispatcher::defaultInhibition()
{
    auto cfg = defaultConfig({});
    QVERIFY(cfg.isOk());
    Dispatcher d(std::make_shared<const NotifyConfig>(*cfg), nullptr);
    // Warning and critical for the same alertname and instance; a warning elsewhere.
    d.put({alert("HighCPU", "warning", "web1", kT0), alert("HighCPU", "warning", "web2", kT0),
           alert("HighCPU", "critical", "web1", kT0)},
          kT0);
    auto n = d.flushDue(kT0 + 30 * kSec);
    std::vector<std::string> got;
    for (const auto &x : n) got.push_back(x.receiver + ":" + std::string(x.alerts.at(0).labels.get("instance")));
    std::sort(got.begin(), got.end());
    QCOMPARE(got, (std::vector<std::string>{"tier-critical:web1", "tier-warning:web2"}));
    auto st = d.alerts(kT0 + 30 * kSec);
    int inhibited = 0;
    for (const auto &s : st) inhibited += !s.inhibitedBy.empty();
    QCOMPARE(inhibited, 1);
    // The critical one resolves: the warning is no longer muted and goes out.
    d.put({resolved(alert("HighCPU", "critical", "web1", kT0), kT0 + kMin), alert("HighCPU", "warning", "web1", kT0),
           alert("HighCPU", "warning", "web2", kT0)},
          kT0 + kMin);
    n = d.flushDue(kT0 + 5 * kMin + 30 * kSec);
    bool warningWeb1 = false;
    for (const auto &x : n)
        if (x.receiver == "tier-warning")
            for (const auto &a : x.alerts) warningWeb1 |= a.labels.get("instance") == "web1";
    QVERIFY(warningWeb1);
}

void TestDispatcher::silences()
{
    Silences sil;
    Dispatcher d(config(kBasic), &sil);
    Silence s;
    s.matchers = *parseMatchers("instance=\"a\"");
    s.endsAtMs = kT0 + 10 * kMin;
    s.createdBy = "ops";
    s.comment = "maintenance";
    auto id = sil.create(s, kT0);
    QVERIFY(id.isOk());
    QVERIFY(!sil.create(Silence{}, kT0).isOk());  // no matchers
    d.put({alert("A", "warning", "a", kT0), alert("A", "warning", "b", kT0)}, kT0);
    auto n = d.flushDue(kT0 + 30 * kSec);
    QCOMPARE(n.size(), size_t(1));
    QCOMPARE(instances(n[0]), (std::vector<std::string>{"b+"}));
    // Expired early: a is new to the receiver and goes out at the next flush.
    QVERIFY(sil.expire(*id, kT0 + kMin).isOk());
    QCOMPARE(sil.list().at(0).state(kT0 + kMin), Silence::State::Expired);
    d.put({alert("A", "warning", "a", kT0), alert("A", "warning", "b", kT0)}, kT0 + 2 * kMin);
    n = d.flushDue(kT0 + 5 * kMin + 30 * kSec);
    QCOMPARE(n.size(), size_t(1));
    QCOMPARE(instances(n[0]), (std::vector<std::string>{"a+", "b+"}));
}

void TestDispatcher::silencesPersist()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("app.db")).toStdString();
    std::string id;
    {
        store::AppStore st;
        QVERIFY(st.open(path).isOk());
        Silences sil(&st);
        Silence s;
        s.matchers = *parseMatchers("{alertname=\"A\", instance=~\"web.*\"}");
        s.startsAtMs = kT0;
        s.endsAtMs = kT0 + kMin;
        s.createdBy = "me";
        s.comment = "c";
        id = *sil.create(s, kT0);
    }
    store::AppStore st;
    QVERIFY(st.open(path).isOk());
    Silences sil(&st);
    QVERIFY(sil.load().isOk());
    QCOMPARE(sil.list().size(), size_t(1));
    QCOMPARE(sil.list()[0].id, id);
    QCOMPARE(sil.list()[0].createdBy, std::string("me"));
    QCOMPARE(sil.mutedBy(model::Labels{{"alertname", "A"}, {"instance", "web3"}}, kT0 + 1).size(), size_t(1));
    QVERIFY(sil.mutedBy(model::Labels{{"alertname", "A"}, {"instance", "db"}}, kT0 + 1).empty());
    QVERIFY(sil.mutedBy(model::Labels{{"alertname", "A"}, {"instance", "web3"}}, kT0 + kMin).empty());
    QVERIFY(sil.expire(id, kT0 + 2).isOk());
    store::AppStore again;
    st.close();
    QVERIFY(again.open(path).isOk());
    QCOMPARE(again.silences()->at(0).endsAtMs, kT0 + 2);
}

void TestDispatcher::timeIntervalsMuteButNotEmergency()
{
    // Muted on Wednesdays 12:00-13:00 UTC (kT0 is Wednesday 12:00).
    auto cfg = config(R"(
route:
  receiver: hook
  group_by: [alertname]
  group_wait: 0s
  routes:
  - receiver: hook
    mute_time_intervals: [lunch]
    group_wait: 0s
time_intervals:
- name: lunch
  time_intervals:
  - times: [{start_time: '12:00', end_time: '13:00'}]
    weekdays: [wednesday]
receivers:
- name: hook
  webhook_configs: [{url: 'http://127.0.0.1:1/'}]
)");
    Dispatcher d(cfg, nullptr);
    d.put({alert("A", "warning", "a", kT0), alert("A", "emergency", "b", kT0)}, kT0);
    auto n = d.flushDue(kT0);
    QCOMPARE(n.size(), size_t(1));
    QCOMPARE(instances(n[0]), (std::vector<std::string>{"b+"}));  // only the emergency
    // After 13:00 the warning is sent.
    d.put({alert("A", "warning", "a", kT0), alert("A", "emergency", "b", kT0)}, kT0 + 61 * kMin);
    n = d.flushDue(kT0 + 61 * kMin);
    QCOMPARE(n.size(), size_t(1));
    QCOMPARE(instances(n[0]), (std::vector<std::string>{"a+", "b+"}));
}

void TestDispatcher::failedDeliveryIsResent()
{
    Dispatcher d(config(kBasic), nullptr);
    d.put({alert("A", "warning", "a", kT0)}, kT0);
    auto n = d.flushDue(kT0 + 30 * kSec);
    QCOMPARE(n.size(), size_t(1));
    d.deliveryFailed(n[0]);
    d.put({alert("A", "warning", "a", kT0)}, kT0 + kMin);
    QCOMPARE(d.flushDue(kT0 + 5 * kMin + 30 * kSec).size(), size_t(1));
    d.put({alert("A", "warning", "a", kT0)}, kT0 + 6 * kMin);
    QCOMPARE(d.flushDue(kT0 + 10 * kMin + 30 * kSec).size(), size_t(0));
}

QTEST_GUILESS_MAIN(TestDispatcher)
#include "tst_dispatcher.moc"
