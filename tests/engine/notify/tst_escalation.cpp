// Escalation ladders and acknowledgement (Vigil's extension, issue 10): the
// real Notifier with a real app.db on a manual clock. Desktop receivers stand
// for each tier's channels, so every notification is observable as a
// DesktopNotification; nothing here sleeps.
#include "notify/default_config.h"
#include "notify/notifier.h"
#include "store/app_store.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::notify;

namespace {

constexpr int64_t kSec = 1000;
constexpr int64_t kMin = 60 * kSec;
const int64_t kT0 = QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();

// warning -> critical channels after 15 min -> emergency after 30 min;
// resolve_timeout long enough that the test need not re-send alerts.
const std::string kConfig = R"(
global:
  resolve_timeout: 2h
route:
  receiver: warn
  group_by: [alertname, instance]
  group_wait: 0s
  group_interval: 1m
  repeat_interval: 4h
receivers:
- name: warn
  desktop_configs: [{urgency: normal}]
- name: crit
  desktop_configs: [{urgency: critical, persistent: true}]
- name: emerg
  desktop_configs: [{urgency: critical, persistent: true, alert_window: true}]
escalations:
- name: warning-ladder
  matchers: ['severity="warning"']
  steps:
  - {after: 15m, receiver: crit}
  - {after: 30m, receiver: emerg}
)";

model::Alert alert(const char *name, const char *instance, int64_t startsAt, const char *severity = "warning")
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

// "receiver/step" of each desktop notification, e.g. "crit/1".
QStringList taken(QSignalSpy &spy)
{
    QStringList out;
    for (const QList<QVariant> &args : spy) {
        const auto d = args.at(0).value<DesktopNotification>();
        out << QStringLiteral("%1/%2").arg(QString::fromStdString(d.receiver)).arg(d.escalationStep);
    }
    spy.clear();
    return out;
}

HistoryFilter kindFilter(HistoryEvent::Kind k)
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

class TestEscalation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void configErrors_data();
    void configErrors();
    void defaultPolicyLadders();
    void climbsAtConfiguredDelays();
    void acknowledgeStopsTheClimb();
    void acknowledgeErrors();
    void resolveResets();
    void silencedAlertHoldsItsStep();
    void persistedAcrossRestart();

private:
    std::unique_ptr<Notifier> makeNotifier(const std::string &yaml = kConfig);
    void at(int64_t t, Notifier &n)
    {
        now_ = t;
        n.tick();
    }

    QTemporaryDir dir_;
    std::unique_ptr<store::AppStore> store_;
    int64_t now_ = kT0;
};

void TestEscalation::init()
{
    store_ = std::make_unique<store::AppStore>();
    QVERIFY(store_->open(dir_.filePath(QStringLiteral("app-%1.db").arg(QTest::currentTestFunction())).toStdString()).isOk());
    now_ = kT0;
}

void TestEscalation::cleanup() { store_.reset(); }

std::unique_ptr<Notifier> TestEscalation::makeNotifier(const std::string &yaml)
{
    Notifier::Options o;
    o.clock = [this] { return now_; };
    auto n = std::make_unique<Notifier>(o, store_.get(), nullptr);
    auto cfg = NotifyConfig::loadString(yaml, "test.yml");
    if (!cfg) qFatal("%s", cfg.status().message().c_str());
    Status st = n->applyConfig(std::move(*cfg));
    if (!st) qFatal("%s", st.message().c_str());
    st = n->start();
    if (!st) qFatal("%s", st.message().c_str());
    return n;
}

void TestEscalation::configErrors_data()
{
    QTest::addColumn<QString>("escalations");
    QTest::addColumn<QString>("error");
    QTest::newRow("undefined receiver") << "- steps: [{after: 5m, receiver: nobody}]"
                                        << "test.yml:7: escalations[0].steps[0].receiver: undefined receiver \"nobody\" used in escalation";
    QTest::newRow("not increasing") << "- steps: [{after: 10m, receiver: r}, {after: 10m, receiver: r}]"
                                    << "escalations[0].steps[1].after: steps must be in increasing order";
    QTest::newRow("zero delay") << "- steps: [{after: 0s, receiver: r}]"
                                << "escalations[0].steps[0].after: the delay must be greater than 0";
    QTest::newRow("bad duration") << "- steps: [{after: 5x, receiver: r}]"
                                  << "escalations[0].steps[0].after: not a valid duration string";
    QTest::newRow("no steps") << "- name: x\n  steps: []" << "escalations[0].steps: an escalation needs at least one step";
    QTest::newRow("missing after") << "- steps: [{receiver: r}]" << "escalations[0].steps[0].after: missing delay";
    QTest::newRow("unknown field") << "- steps: [{after: 5m, receiver: r, repeat: true}]" << "repeat";
    QTest::newRow("duplicate name") << "- {name: a, steps: [{after: 5m, receiver: r}]}\n- {name: a, steps: [{after: 5m, receiver: r}]}"
                                    << "escalation name \"a\" is not unique";
    QTest::newRow("bad matcher") << "- matchers: ['severity=~\"(\"']\n  steps: [{after: 5m, receiver: r}]"
                                 << "escalations[0].matchers[0]";
    QTest::newRow("not a list") << "  name: x" << "test.yml:7: escalations";
}

void TestEscalation::configErrors()
{
    QFETCH(QString, escalations);
    QFETCH(QString, error);
    const std::string yaml = "route:\n  receiver: r\nreceivers:\n- name: r\n  desktop_configs: [{}]\nescalations:\n" +
                             escalations.toStdString() + "\n";
    auto cfg = NotifyConfig::loadString(yaml, "test.yml");
    QVERIFY(!cfg.isOk());
    QCOMPARE(cfg.status().code(), Status::Code::InvalidArgument);
    const QString msg = QString::fromStdString(cfg.status().message());
    QVERIFY2(msg.contains(error), qPrintable(msg));
    QVERIFY2(msg.startsWith(QStringLiteral("test.yml:")), qPrintable(msg));
}

void TestEscalation::defaultPolicyLadders()
{
    auto cfg = defaultConfig({});
    QVERIFY2(cfg.isOk(), cfg.status().message().c_str());
    QCOMPARE(cfg->escalations.size(), size_t(2));
    const EscalationLadder *w = cfg->findLadder(alert("X", "i", 0, "warning").labels);
    QVERIFY(w);
    QCOMPARE(w->steps.size(), size_t(2));
    QCOMPARE(w->steps[0].afterMs, 15 * kMin);
    QCOMPARE(w->steps[0].receiver, std::string("tier-critical"));
    QCOMPARE(w->steps[1].afterMs, 30 * kMin);
    QCOMPARE(w->steps[1].receiver, std::string("tier-emergency"));
    const EscalationLadder *c = cfg->findLadder(alert("X", "i", 0, "critical").labels);
    QVERIFY(c);
    QCOMPARE(c->steps.size(), size_t(1));
    QCOMPARE(c->steps[0].receiver, std::string("tier-emergency"));
    QVERIFY(!cfg->findLadder(alert("X", "i", 0, "emergency").labels));
}

void TestEscalation::climbsAtConfiguredDelays()
{
    auto n = makeNotifier();
    QSignalSpy spy(n.get(), &Notifier::desktopNotification);
    QSignalSpy events(n.get(), &Notifier::historyRecorded);
    n->send({alert("DiskFull", "web1", kT0)});
    QCOMPARE(taken(spy), QStringList{QStringLiteral("warn/0")});
    at(kT0 + 15 * kMin - 1, *n);
    QCOMPARE(taken(spy), QStringList());
    at(kT0 + 15 * kMin, *n);
    QCOMPARE(taken(spy), QStringList{QStringLiteral("crit/1")});
    at(kT0 + 29 * kMin, *n);
    QCOMPARE(taken(spy), QStringList());
    at(kT0 + 30 * kMin, *n);
    const auto last = spy.isEmpty() ? DesktopNotification{} : spy.first().at(0).value<DesktopNotification>();
    QCOMPARE(taken(spy), QStringList{QStringLiteral("emerg/2")});
    // The step's receiver decides how the desktop shows it; the group key is
    // the original group's, so the console replaces its notification.
    QVERIFY(last.alertWindow);
    QCOMPARE(last.urgency, std::string("critical"));
    QCOMPARE(last.groupKey, std::string("{}:{alertname=\"DiskFull\", instance=\"web1\"}"));
    // The ladder has no more steps; resolve_timeout (2h) resolves the alert.
    at(kT0 + 3 * 3600 * kSec, *n);
    QCOMPARE(spy.size(), 1);
    QVERIFY(spy.first().at(0).value<DesktopNotification>().resolved);
    QCOMPARE(taken(spy), QStringList{QStringLiteral("warn/0")});

    auto h = n->history().query({});
    QVERIFY(h.isOk());
    QStringList kinds;
    for (const HistoryEvent &e : *h) kinds.prepend(QString::fromLatin1(historyKindName(e.kind)));
    // The notifier writes only its own events (fired/resolved rows are the rule engine recorder's).
    QCOMPARE(kinds, (QStringList{"escalated", "escalated"}));
    QCOMPARE(h->at(0).receiver, std::string("emerg"));
    QCOMPARE(h->at(0).message, std::string("step 2 of 2 (warning-ladder)"));
    QCOMPARE(h->at(0).alertName(), std::string("DiskFull"));
    QCOMPARE(h->at(0).timeMs, kT0 + 30 * kMin);
    QCOMPARE(h->at(0).groupKey, std::string("{}:{alertname=\"DiskFull\", instance=\"web1\"}"));
    QCOMPARE(h->at(1).receiver, std::string("crit"));
    QCOMPARE(events.size(), 2);
    // Rows of the other writer (kind "firing") read back as Fired.
    store::AppStore::AlertEvent other;
    other.timeMs = kT0;
    other.alertName = "DiskFull";
    other.state = "firing";
    other.labelsJson = R"({"alertname":"DiskFull"})";
    QVERIFY(store_->appendAlertEvent(other).isOk());
    auto all = n->history().query(kindFilter(HistoryEvent::Kind::Fired));
    QVERIFY(all.isOk());
    QCOMPARE(all->size(), size_t(1));
}

void TestEscalation::acknowledgeStopsTheClimb()
{
    auto n = makeNotifier();
    QSignalSpy spy(n.get(), &Notifier::desktopNotification);
    QSignalSpy acks(n.get(), &Notifier::acknowledged);
    const model::Alert a = alert("DiskFull", "web1", kT0);
    const model::Alert b = alert("DiskFull", "web2", kT0);
    n->send({a, b});
    QCOMPARE(taken(spy).size(), 2);
    now_ = kT0 + 10 * kMin;
    auto r = n->acknowledge({a.fingerprint(), {}}, "alice", "replacing the disk");
    QVERIFY2(r.isOk(), r.status().message().c_str());
    QCOMPARE(r->size(), size_t(1));
    QCOMPARE(r->at(0).owner, std::string("alice"));
    QCOMPARE(r->at(0).timeMs, kT0 + 10 * kMin);
    QCOMPARE(acks.size(), 1);
    // web1 stops; web2 climbs on its own.
    at(kT0 + 15 * kMin, *n);
    QStringList got = taken(spy);
    QCOMPARE(got, QStringList{QStringLiteral("crit/1")});
    at(kT0 + 30 * kMin, *n);
    QCOMPARE(taken(spy), QStringList{QStringLiteral("emerg/2")});
    // By group key: web2's group.
    now_ = kT0 + 31 * kMin;
    auto byGroup = n->acknowledge({0, "{}:{alertname=\"DiskFull\", instance=\"web2\"}"}, "bob", {});
    QVERIFY2(byGroup.isOk(), byGroup.status().message().c_str());
    QCOMPARE(byGroup->size(), size_t(1));
    QCOMPARE(byGroup->at(0).fingerprint, b.fingerprint());

    // Queryable: active, stored (for graph markers), per alert, and in the history.
    const auto active = n->activeAcknowledgements();
    QCOMPARE(active.size(), size_t(2));
    auto stored = n->acknowledgements(kT0, kT0 + kMin * 60);
    QVERIFY(stored.isOk());
    QCOMPARE(stored->size(), size_t(2));
    QCOMPARE(stored->at(0).comment, std::string("replacing the disk"));
    QCOMPARE(stored->at(0).labels, a.labels);
    QVERIFY(stored->at(0).id > 0);
    auto perAlert = n->acknowledgements(0, INT64_MAX, b.fingerprint());
    QVERIFY(perAlert.isOk());
    QCOMPARE(perAlert->size(), size_t(1));
    QCOMPARE(perAlert->at(0).owner, std::string("bob"));
    auto h = n->history().query(kindFilter(HistoryEvent::Kind::Acknowledged));
    QVERIFY(h.isOk());
    QCOMPARE(h->size(), size_t(2));
    QCOMPARE(h->at(1).actor, std::string("alice"));
    QCOMPARE(h->at(1).message, std::string("replacing the disk"));
    // A later group flush (repeat_interval 4h) carries the acknowledgement to the desktop.
    now_ = kT0 + 3 * 3600 * kSec;
    n->send({a, b});  // re-sent by the rule engine: still firing
    at(kT0 + 4 * 3600 * kSec + kMin, *n);
    QCOMPARE(spy.size(), 2);
    QStringList owners;
    for (const QList<QVariant> &args : spy) {
        const auto d = args.at(0).value<DesktopNotification>();
        QCOMPARE(d.escalationStep, 0);
        owners << QString::fromStdString(d.acknowledgedBy);
    }
    owners.sort();
    QCOMPARE(owners, (QStringList{"alice", "bob"}));
}

void TestEscalation::acknowledgeErrors()
{
    auto n = makeNotifier();
    const model::Alert a = alert("DiskFull", "web1", kT0);
    n->send({a});
    QCOMPARE(n->acknowledge({a.fingerprint(), {}}, "", "x").status().code(), Status::Code::InvalidArgument);
    QCOMPARE(n->acknowledge({}, "alice", "x").status().code(), Status::Code::InvalidArgument);
    QCOMPARE(n->acknowledge({12345, {}}, "alice", "x").status().code(), Status::Code::NotFound);
    QVERIFY(n->acknowledge({a.fingerprint(), {}}, "alice", "x").isOk());
    QCOMPARE(n->acknowledge({a.fingerprint(), {}}, "bob", "x").status().code(), Status::Code::FailedPrecondition);
}

void TestEscalation::resolveResets()
{
    auto n = makeNotifier();
    QSignalSpy spy(n.get(), &Notifier::desktopNotification);
    const model::Alert a = alert("DiskFull", "web1", kT0);
    n->send({a});
    at(kT0 + 15 * kMin, *n);
    QCOMPARE(taken(spy), (QStringList{"warn/0", "crit/1"}));
    now_ = kT0 + 16 * kMin;
    QVERIFY(n->acknowledge({a.fingerprint(), {}}, "alice", {}).isOk());
    n->send({resolved(a, kT0 + 16 * kMin)});
    at(kT0 + 17 * kMin, *n);
    QCOMPARE(taken(spy), QStringList{QStringLiteral("warn/0")});  // the resolved notification (send_resolved)
    QVERIFY(n->activeAcknowledgements().empty());
    // It fires again: a new episode climbs from the start, unacknowledged.
    now_ = kT0 + 20 * kMin;
    n->send({alert("DiskFull", "web1", kT0 + 20 * kMin)});
    QCOMPARE(taken(spy), QStringList{QStringLiteral("warn/0")});
    at(kT0 + 35 * kMin - 1, *n);
    QCOMPARE(taken(spy), QStringList());
    at(kT0 + 35 * kMin, *n);
    QCOMPARE(taken(spy), QStringList{QStringLiteral("crit/1")});
    auto h = n->history().query(fingerprintFilter(a.fingerprint()));
    QVERIFY(h.isOk());
    QStringList kinds;
    for (const HistoryEvent &e : *h) kinds.prepend(QString::fromLatin1(historyKindName(e.kind)));
    QCOMPARE(kinds, (QStringList{"escalated", "acknowledged", "escalated"}));
}

void TestEscalation::silencedAlertHoldsItsStep()
{
    auto n = makeNotifier();
    QSignalSpy spy(n.get(), &Notifier::desktopNotification);
    n->send({alert("DiskFull", "web1", kT0)});
    taken(spy);
    Silence s;
    s.matchers = *parseMatchers("{instance=\"web1\"}");
    s.startsAtMs = kT0 + 10 * kMin;
    s.endsAtMs = kT0 + 20 * kMin;
    s.createdBy = "test";
    now_ = kT0 + 10 * kMin;
    QVERIFY(n->silences().create(s, now_).isOk());
    at(kT0 + 15 * kMin, *n);
    at(kT0 + 19 * kMin, *n);
    QCOMPARE(taken(spy), QStringList());
    at(kT0 + 20 * kMin, *n);
    QCOMPARE(taken(spy), QStringList{QStringLiteral("crit/1")});
}

void TestEscalation::persistedAcrossRestart()
{
    const model::Alert a = alert("DiskFull", "web1", kT0);
    const model::Alert b = alert("DiskFull", "web2", kT0);
    const model::Alert c = alert("DiskFull", "web3", kT0);
    {
        auto n = makeNotifier();
        QSignalSpy spy(n.get(), &Notifier::desktopNotification);
        n->send({a, b, c});
        at(kT0 + 15 * kMin, *n);
        QCOMPARE(taken(spy), (QStringList{"warn/0", "warn/0", "warn/0", "crit/1", "crit/1", "crit/1"}));
        now_ = kT0 + 16 * kMin;
        QVERIFY(n->acknowledge({b.fingerprint(), {}}, "alice", {}).isOk());
    }
    // Restart: a new Notifier on the same app.db. The rule engine re-sends a
    // and b (restored for-state keeps startsAt); c resolved while Vigil was down.
    now_ = kT0 + 20 * kMin;
    auto n = makeNotifier();
    QCOMPARE(n->escalation().entries().size(), size_t(3));
    QSignalSpy spy(n.get(), &Notifier::desktopNotification);
    n->send({a, b});
    QCOMPARE(taken(spy), (QStringList{"warn/0", "warn/0"}));  // the notification log is not persisted
    at(kT0 + 30 * kMin - 1, *n);
    QCOMPARE(taken(spy), QStringList());  // step 1 is not repeated
    at(kT0 + 30 * kMin, *n);
    const QStringList got = taken(spy);
    QCOMPARE(got, QStringList{QStringLiteral("emerg/2")});  // a climbs on; b stays acknowledged
    QCOMPARE(n->activeAcknowledgements().size(), size_t(1));
    // c never came back: forgotten one resolve_timeout (2h) after the start.
    at(kT0 + 20 * kMin + 2 * 3600 * kSec, *n);
    QVERIFY(!n->escalation().find(c.fingerprint()));
}

QTEST_GUILESS_MAIN(TestEscalation)
#include "tst_escalation.moc"
