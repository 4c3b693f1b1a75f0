// RuleManager / RuleGroup / AlertingRule behaviour with a controllable
// clock: alert states and what the sink receives, ALERTS series, staleness
// of recording results, restoring `for` state after a restart from a real
// on-disk TSDB, slot alignment and the evaluation thread.
#include "model/sample.h"
#include "rules/alert_sink.h"
#include "rules/rule_manager.h"
#include "tsdb/db.h"
#include "tsdb/head.h"

#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <cmath>
#include <limits>
#include <mutex>

using namespace vigil;

namespace {

constexpr int64_t kMin = 60'000;
constexpr int64_t kT0 = 1'700'000'000'000;  // a whole minute

struct Collector {
    std::mutex mu;
    std::vector<model::Alert> got;
    rules::FunctionAlertSink sink{[this](std::vector<model::Alert> a) {
        std::lock_guard lock(mu);
        got.insert(got.end(), a.begin(), a.end());
    }};
    std::vector<model::Alert> take()
    {
        std::lock_guard lock(mu);
        return std::exchange(got, {});
    }
};

rules::RuleGroupSpec groupFrom(const std::string &yaml)
{
    auto p = rules::parseRuleFile(yaml, "test.yml");
    if (!p.ok()) qFatal("%s", p.errors.front().c_str());
    return p.groups.front();
}

void append(storage::Appendable &a, const model::Labels &l, int64_t t, double v)
{
    auto app = a.appender();
    QVERIFY(app->append(0, l, t, v).isOk());
    QVERIFY(app->commit().isOk());
}

// The samples of the one series matching `name` and `labels` in [mint, maxt].
std::vector<model::Sample> samples(storage::Queryable &q, const model::Labels &l, int64_t mint, int64_t maxt)
{
    std::vector<model::Matcher> ms;
    for (const auto &x : l) ms.push_back(*model::Matcher::create(model::Matcher::Type::Equal, x.name, x.value));
    auto querier = q.querier(mint, maxt);
    auto set = (*querier)->select(ms);
    std::vector<model::Sample> out;
    for (const auto &s : *set) {
        if (s->labels() != l) continue;
        auto it = s->iterator();
        while (it->next()) out.push_back(it->at());
    }
    return out;
}

}  // namespace

class TestRuleManager : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void alertLifecycle();
    void recordingStaleness();
    void restoreForStateAfterRestart();
    void restoreWithinGracePeriod();
    void slotsAreAligned();
    void threadEvaluatesOnTheClock();
    void brokenUpdateKeepsGroups();
};

void TestRuleManager::alertLifecycle()
{
    tsdb::Head head;
    Collector c;
    std::atomic<int64_t> now{kT0};
    rules::RuleManagerOptions o;
    o.appendable = &head;
    o.queryable = &head;
    o.sink = &c.sink;
    o.now = [&] { return now.load(); };
    o.runThreads = false;
    rules::RuleManager m(o);
    rules::RuleConfig rc;
    rc.evaluationIntervalMs = kMin;
    rc.extraGroups.push_back(groupFrom(R"(groups:
- name: g
  rules:
  - alert: Hot
    expr: temp > 30
    for: 2m
    labels: {severity: critical}
    annotations: {summary: "{{ $labels.room }} at {{ $value }}"}
)"));
    QVERIFY(m.update(rc).isOk());

    const model::Labels temp{{"__name__", "temp"}, {"room", "lab"}};
    const double values[] = {20, 35, 36, 37, 38, 39, 20, 20};
    std::vector<rules::GroupSnapshot> g;
    for (int i = 0; i < 8; ++i) {
        const int64_t t = kT0 + i * kMin;
        append(head, temp, t, values[i]);
        now = t;
        m.evaluateAll(t);
        g = m.groups();
        const auto &r = g[0].rules[0];
        QCOMPARE(r.status.health, rules::RuleHealth::Good);
        QCOMPARE(r.status.lastEvaluationMs, t);
        const auto sent = c.take();
        if (i == 0) {
            QCOMPARE(r.state, model::AlertState::Inactive);
            QVERIFY(sent.empty());
        } else if (i < 3) {  // pending from 1m; `for: 2m` not yet over
            QCOMPARE(r.state, model::AlertState::Pending);
            QCOMPARE(r.alerts.size(), size_t(1));
            QCOMPARE(r.alerts[0].activeAtMs, kT0 + kMin);
            QVERIFY(sent.empty());  // pending alerts are never sent
        } else if (i == 3) {      // fires at 3m
            QCOMPARE(r.state, model::AlertState::Firing);
            QCOMPARE(sent.size(), size_t(1));
            QCOMPARE(sent[0].state, model::AlertState::Firing);
            QCOMPARE(sent[0].labels, (model::Labels{{"alertname", "Hot"}, {"room", "lab"}, {"severity", "critical"}}));
            QCOMPARE(std::string(sent[0].annotations.get("summary")), std::string("lab at 37"));
            QCOMPARE(sent[0].startsAtMs, t);
            QCOMPARE(sent[0].endsAtMs, int64_t(0));
            QCOMPARE(sent[0].tier(), model::AlertTier::Critical);
            QCOMPARE(sent[0].generatorUrl, std::string("/graph?g0.expr=temp+%3E+30&g0.tab=1"));
        } else if (i == 4) {
            QVERIFY(sent.empty());  // resend delay 1m: not again one minute later...
        } else if (i == 5) {
            QCOMPARE(sent.size(), size_t(1));  // ...but after more than a minute
            QCOMPARE(std::string(sent[0].annotations.get("summary")), std::string("lab at 39"));
        } else if (i == 6) {  // resolved: sent with endsAt
            QCOMPARE(r.state, model::AlertState::Inactive);
            QVERIFY(r.alerts.empty());
            QCOMPARE(sent.size(), size_t(1));
            QCOMPARE(sent[0].state, model::AlertState::Resolved);
            QCOMPARE(sent[0].endsAtMs, t);
        }
    }
    // ALERTS and ALERTS_FOR_STATE series were written.
    const model::Labels alerts{{"__name__", "ALERTS"}, {"alertname", "Hot"}, {"alertstate", "firing"},
                               {"room", "lab"}, {"severity", "critical"}};
    const auto firing = samples(head, alerts, kT0, kT0 + 10 * kMin);
    QCOMPARE(firing.size(), size_t(4));  // 3m, 4m, 5m values 1, then a staleness marker at 6m
    QCOMPARE(firing[0].t, kT0 + 3 * kMin);
    QCOMPARE(firing[0].v, 1.0);
    QVERIFY(model::isStaleNaN(firing[3].v));
    const model::Labels forState{{"__name__", "ALERTS_FOR_STATE"}, {"alertname", "Hot"}, {"room", "lab"},
                                 {"severity", "critical"}};
    const auto fs = samples(head, forState, kT0, kT0 + 10 * kMin);
    QVERIFY(!fs.empty());
    QCOMPARE(fs[0].v, double((kT0 + kMin) / 1000));
    // The resolved alert is resent at each round and dropped after 15 minutes.
    int resolvedSends = 0;
    for (int i = 8; i < 8 + 17; ++i) {
        const int64_t t = kT0 + i * kMin;
        append(head, temp, t, 20);
        now = t;
        m.evaluateAll(t);
        for (const auto &a : c.take()) {
            QCOMPARE(a.state, model::AlertState::Resolved);
            ++resolvedSends;
        }
    }
    QVERIFY2(resolvedSends >= 7 && resolvedSends <= 15, qPrintable(QString::number(resolvedSends)));
    QVERIFY(c.take().empty());
    QVERIFY(m.alerts().empty());
}

void TestRuleManager::recordingStaleness()
{
    tsdb::Head head;
    rules::RuleManagerOptions o;
    o.appendable = &head;
    o.queryable = &head;
    o.runThreads = false;
    rules::RuleManager m(o);
    rules::RuleConfig rc;
    rc.extraGroups.push_back(groupFrom(R"(groups:
- name: rec
  rules:
  - record: job:x:doubled
    expr: x * 2
    labels: {source: rule}
)"));
    QVERIFY(m.update(rc).isOk());
    const model::Labels a{{"__name__", "x"}, {"job", "a"}};
    const model::Labels b{{"__name__", "x"}, {"job", "b"}};
    append(head, a, kT0, 1);
    append(head, b, kT0, 5);
    m.evaluateAll(kT0);
    append(head, a, kT0 + kMin, 2);
    append(head, b, kT0 + kMin, model::staleNaN());  // b goes away
    m.evaluateAll(kT0 + kMin);
    const auto ra = samples(head, {{"__name__", "job:x:doubled"}, {"job", "a"}, {"source", "rule"}}, kT0, kT0 + kMin);
    QCOMPARE(ra.size(), size_t(2));
    QCOMPARE(ra[1].v, 4.0);
    const auto rb = samples(head, {{"__name__", "job:x:doubled"}, {"job", "b"}, {"source", "rule"}}, kT0, kT0 + kMin);
    QCOMPARE(rb.size(), size_t(2));
    QCOMPARE(rb[0].v, 10.0);
    QVERIFY(model::isStaleNaN(rb[1].v));
    QCOMPARE(rb[1].t, kT0 + kMin);

    // A reload that drops the rule (same group) marks its series stale at the next round.
    rc.extraGroups[0] = groupFrom("groups:\n- name: rec\n  rules:\n  - record: other\n    expr: vector(1)\n");
    QVERIFY(m.update(rc).isOk());
    m.evaluateAll(kT0 + 2 * kMin);
    const auto after = samples(head, {{"__name__", "job:x:doubled"}, {"job", "a"}, {"source", "rule"}}, kT0, kT0 + 2 * kMin);
    QCOMPARE(after.size(), size_t(3));
    QVERIFY(model::isStaleNaN(after[2].v));
    // Removing the whole group marks its series stale at once.
    rc.extraGroups.clear();
    QVERIFY(m.update(rc).isOk());
    // (at the clock's now: the system clock here)
    QVERIFY(model::isStaleNaN(samples(head, {{"__name__", "other"}}, kT0, std::numeric_limits<int64_t>::max() / 2).back().v));
}

namespace {

// One Vigil "run" over the data directory: opens the Db, loads the rule,
// evaluates at the given minutes (writing x=1 before each), closes.
struct Run {
    std::vector<rules::GroupSnapshot> last;
};

Run runOver(const QString &dir, const std::vector<int> &minutes, const char *forDuration, int64_t *activeAt)
{
    Run out;
    auto db = tsdb::Db::open(dir.toStdString());
    if (!db.isOk()) qFatal("%s", db.status().toString().c_str());
    std::atomic<int64_t> now{0};
    rules::RuleManagerOptions o;
    o.appendable = db->get();
    o.queryable = db->get();
    o.now = [&] { return now.load(); };
    o.runThreads = false;
    {
        rules::RuleManager m(o);
        rules::RuleConfig rc;
        rc.extraGroups.push_back(groupFrom(std::string(R"(groups:
- name: slow
  rules:
  - alert: Slow
    expr: x > 0
    for: )") + forDuration + "\n"));
        if (!m.update(rc).isOk()) qFatal("update failed");
        for (int mnt : minutes) {
            const int64_t t = kT0 + mnt * kMin;
            append(**db, {{"__name__", "x"}}, t, 1);
            now = t;
            m.evaluateAll(t);
        }
        out.last = m.groups();
        const auto &alerts = out.last[0].rules[0].alerts;
        *activeAt = alerts.empty() ? -1 : alerts[0].activeAtMs;
        m.stop();
    }
    (void)(*db)->close();
    return out;
}

}  // namespace

void TestRuleManager::restoreForStateAfterRestart()
{
    QTemporaryDir dir;
    int64_t activeAt = 0;
    // First run: pending from 0m, evaluated every minute until 5m.
    runOver(dir.path(), {0, 1, 2, 3, 4, 5}, "20m", &activeAt);
    QCOMPARE(activeAt, kT0);
    // Restart after 5 minutes down. Rounds at 10m, 11m (restore after the
    // second: 5 of the 20 minutes were spent pending, the outage does not
    // count) and 12m (ALERTS_FOR_STATE now written with the restored time).
    Run r = runOver(dir.path(), {10, 11, 12}, "20m", &activeAt);
    QCOMPARE(activeAt, kT0 + 6 * kMin);  // 0m + (11m - 5m)
    QCOMPARE(r.last[0].rules[0].state, model::AlertState::Pending);
    // Down from 12m to 14m: restored at 15m to 6m + 3m; still pending at 28m,
    // firing at 29m (9m + 20m).
    r = runOver(dir.path(), {14, 15, 28}, "20m", &activeAt);
    QCOMPARE(activeAt, kT0 + 9 * kMin);
    QCOMPARE(r.last[0].rules[0].state, model::AlertState::Pending);
    r = runOver(dir.path(), {29, 30, 31}, "20m", &activeAt);
    // Down 28m..29m with 1 of 20 minutes left, less than the 10m grace
    // period: it fires 10 minutes after the restore at 30m.
    QCOMPARE(activeAt, kT0 + 30 * kMin + 10 * kMin - 20 * kMin);
    QCOMPARE(r.last[0].rules[0].state, model::AlertState::Pending);
    r = runOver(dir.path(), {32, 33, 43}, "20m", &activeAt);  // grace again at 33m: fires at 43m
    QCOMPARE(r.last[0].rules[0].state, model::AlertState::Firing);
}

void TestRuleManager::restoreWithinGracePeriod()
{
    QTemporaryDir dir;
    int64_t activeAt = 0;
    // Pending for 15 of 20 minutes when Vigil stops.
    std::vector<int> first;
    for (int i = 0; i <= 15; ++i) first.push_back(i);
    runOver(dir.path(), first, "20m", &activeAt);
    QCOMPARE(activeAt, kT0);
    // 5 minutes remain, less than the 10 m grace period: it fires 10 m after the restore.
    runOver(dir.path(), {20, 21}, "20m", &activeAt);
    QCOMPARE(activeAt, kT0 + 21 * kMin + 10 * kMin - 20 * kMin);
    // A `for` shorter than the grace period is not restored at all.
    QTemporaryDir dir2;
    runOver(dir2.path(), {0, 1, 2}, "5m", &activeAt);
    runOver(dir2.path(), {4, 5}, "5m", &activeAt);
    QCOMPARE(activeAt, kT0 + 4 * kMin);
}

void TestRuleManager::slotsAreAligned()
{
    tsdb::Head head;
    rules::RuleGroupOptions o;
    o.appendable = &head;
    rules::RuleGroupSpec spec;
    spec.name = "aligned";
    spec.file = "x.yml";
    rules::RuleGroup g(spec, 30'000, {}, o, false);
    const int64_t offset = g.evalTimestamp(kT0) - (g.evalTimestamp(kT0) / 30'000) * 30'000;
    for (int64_t t = kT0; t < kT0 + 120'000; t += 7'001) {
        const int64_t slot = g.evalTimestamp(t);
        QVERIFY(slot <= t && slot > t - 30'000);
        QCOMPARE(slot % 30'000, offset);  // the same phase in every interval
    }
    // Another group name: (almost surely) another phase, so groups spread out.
    spec.name = "other";
    rules::RuleGroup g2(spec, 30'000, {}, o, false);
    QVERIFY(g2.evalTimestamp(kT0) % 30'000 != offset);
}

void TestRuleManager::threadEvaluatesOnTheClock()
{
    tsdb::Head head;
    std::atomic<int64_t> now{kT0};
    rules::RuleManagerOptions o;
    o.appendable = &head;
    o.queryable = &head;
    o.now = [&] { return now.load(); };
    rules::RuleManager m(o);
    rules::RuleConfig rc;
    rc.evaluationIntervalMs = 10'000;
    rc.extraGroups.push_back(groupFrom("groups:\n- name: t\n  rules:\n  - record: one\n    expr: vector(1)\n"));
    QVERIFY(m.update(rc).isOk());
    QTest::qWait(300);
    QCOMPARE(m.groups()[0].lastEvaluationMs, int64_t(0));  // the clock has not reached the first slot
    now = kT0 + 10'000;
    QTRY_VERIFY_WITH_TIMEOUT(m.groups()[0].lastEvaluationMs != 0, 5000);
    const int64_t first = m.groups()[0].lastEvaluationMs;
    QVERIFY(first > kT0 && first <= kT0 + 10'000);
    now = kT0 + 20'000;
    QTRY_VERIFY_WITH_TIMEOUT(m.groups()[0].lastEvaluationMs == first + 10'000, 5000);
    m.stop();
    QCOMPARE(samples(head, {{"__name__", "one"}}, kT0, kT0 + 30'000).size(), size_t(2));
}

void TestRuleManager::brokenUpdateKeepsGroups()
{
    tsdb::Head head;
    rules::RuleManagerOptions o;
    o.appendable = &head;
    o.queryable = &head;
    o.runThreads = false;
    rules::RuleManager m(o);
    rules::RuleConfig rc;
    rc.extraGroups.push_back(groupFrom("groups:\n- name: ok\n  rules:\n  - record: one\n    expr: vector(1)\n"));
    QVERIFY(m.update(rc).isOk());
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.yml"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("groups:\n- name: x\n  rules:\n  - record: two\n    expr: sum(\n");
    f.close();
    rules::RuleConfig broken = rc;
    broken.files.push_back(bad.toStdString());
    const Status s = m.update(broken);
    QCOMPARE(s.code(), Status::Code::InvalidArgument);
    QVERIFY2(s.message().find("bad.yml: 5:11: group \"x\", rule 1, \"two\": could not parse expression") !=
                 std::string::npos,
             s.message().c_str());
    QCOMPARE(m.groups().size(), size_t(1));
    QCOMPARE(m.groups()[0].name, std::string("ok"));
}

QTEST_GUILESS_MAIN(TestRuleManager)
#include "tst_rule_manager.moc"
