// rules::backtestRule against known series in a tsdb::Head: exact pending
// and firing interval boundaries for `for` and keep_firing_for, errors, and
// a cross-check with the real `promtool test rules` (Prometheus 2.42): the
// alerts the backtest says are firing at each step are exactly the ones
// promtool's alert_rule_test expects at that eval_time.
#include "promql/engine.h"
#include "rules/backtest.h"
#include "tsdb/head.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;
using rules::BacktestInterval;

namespace {

constexpr int64_t kMin = 60'000;

rules::RuleSpec ruleFrom(const std::string &yaml)
{
    auto p = rules::parseRuleFile(yaml, "test.yml");
    if (!p.ok()) qFatal("%s", p.errors.front().c_str());
    return p.groups.front().rules.front();
}

// Appends `values` one a minute from t = 0 (NaN: no sample).
void appendSeries(tsdb::Head &head, const model::Labels &l, const std::vector<double> &values)
{
    auto app = head.appender();
    for (size_t i = 0; i < values.size(); ++i)
        if (!std::isnan(values[i])) QVERIFY(app->append(0, l, int64_t(i) * kMin, values[i]).isOk());
    QVERIFY(app->commit().isOk());
}

std::vector<BacktestInterval> minutes(std::initializer_list<std::array<int64_t, 2>> spans, bool lastOpen = false)
{
    std::vector<BacktestInterval> out;
    for (const auto &s : spans) out.push_back({s[0] * kMin, s[1] * kMin, false});
    if (lastOpen && !out.empty()) out.back().open = true;
    return out;
}

const rules::BacktestSeries *find(const rules::BacktestResult &r, const std::string &room)
{
    for (const auto &s : r.series)
        if (s.labels.get("room") == room) return &s;
    return nullptr;
}

QString describe(const std::vector<BacktestInterval> &v)
{
    QStringList parts;
    for (const auto &i : v)
        parts << QStringLiteral("[%1,%2%3]").arg(i.startMs / kMin).arg(i.endMs / kMin).arg(i.open ? "+" : "");
    return parts.join(' ');
}

const std::vector<double> kLab = {20, 35, 36, 37, 38, 20, 20, 40, 41, 20};
const std::vector<double> kOffice = {20, 20, 20, 20, 20, 20, 20, 20, 20, 20};
const std::vector<double> kAttic = {20, 20, 20, 20, 20, 20, 50, 50, 50, 50};

}  // namespace

Q_DECLARE_METATYPE(std::vector<BacktestInterval>)

class TestBacktest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void intervals_data();
    void intervals();
    void agreesWithPromtool_data() { intervals_data(); }
    void agreesWithPromtool();
    void stepsAlignToTheInterval();
    void errors();

private:
    rules::BacktestResult run(const std::string &ruleYaml, int64_t start, int64_t end, int64_t interval);
    std::unique_ptr<tsdb::Head> head_;
    std::unique_ptr<promql::Engine> engine_;
};

void TestBacktest::initTestCase()
{
    head_ = std::make_unique<tsdb::Head>();
    appendSeries(*head_, {{"__name__", "temp"}, {"room", "lab"}}, kLab);
    appendSeries(*head_, {{"__name__", "temp"}, {"room", "office"}}, kOffice);
    appendSeries(*head_, {{"__name__", "temp"}, {"room", "attic"}}, kAttic);
    engine_ = std::make_unique<promql::Engine>(*head_);
}

rules::BacktestResult TestBacktest::run(const std::string &ruleYaml, int64_t start, int64_t end, int64_t interval)
{
    rules::BacktestRequest req;
    req.rule = ruleFrom(ruleYaml);
    req.startMs = start;
    req.endMs = end;
    req.intervalMs = interval;
    auto r = rules::backtestRule(*engine_, req);
    if (!r) qFatal("backtest failed: %s", r.status().message().c_str());
    return *r;
}

static std::string ruleYaml(const QString &extra)
{
    return QStringLiteral("groups:\n- name: g\n  rules:\n  - alert: Hot\n    expr: temp > 30\n"
                          "    labels: {severity: warning}\n%1")
        .arg(extra)
        .toStdString();
}

void TestBacktest::intervals_data()
{
    QTest::addColumn<QString>("extra");  // more rule keys
    QTest::addColumn<std::vector<BacktestInterval>>("labPending");
    QTest::addColumn<std::vector<BacktestInterval>>("labFiring");
    QTest::addColumn<std::vector<BacktestInterval>>("atticPending");
    QTest::addColumn<std::vector<BacktestInterval>>("atticFiring");
    // lab: > 30 at minutes 1-4 and 7-8; attic: from minute 6 to the end (9).
    QTest::newRow("for 2m") << QStringLiteral("    for: 2m\n") << minutes({{1, 2}, {7, 8}}) << minutes({{3, 4}})
                            << minutes({{6, 7}}) << minutes({{8, 9}}, true);
    QTest::newRow("no for") << QString() << minutes({}) << minutes({{1, 4}, {7, 8}}) << minutes({})
                            << minutes({{6, 9}}, true);
    QTest::newRow("for 2m keep 1m") << QStringLiteral("    for: 2m\n    keep_firing_for: 1m\n")
                                    << minutes({{1, 2}, {7, 8}}) << minutes({{3, 5}}) << minutes({{6, 7}})
                                    << minutes({{8, 9}}, true);
    QTest::newRow("for 3m keep 3m") << QStringLiteral("    for: 3m\n    keep_firing_for: 3m\n")
                                    << minutes({{1, 3}}) << minutes({{4, 9}}, true) << minutes({{6, 8}})
                                    << minutes({{9, 9}}, true);
}

void TestBacktest::intervals()
{
    QFETCH(QString, extra);
    const auto r = run(ruleYaml(extra), 0, 9 * kMin, kMin);
    QCOMPARE(r.steps.size(), size_t(10));
    QCOMPARE(r.steps.front(), int64_t(0));
    QCOMPARE(r.steps.back(), 9 * kMin);
    QVERIFY2(!find(r, "office"), "a series that never matched has no intervals");
    const auto *lab = find(r, "lab");
    const auto *attic = find(r, "attic");
    QVERIFY(lab && attic);
    QCOMPARE(std::string(lab->labels.get("alertname")), std::string("Hot"));
    QCOMPARE(std::string(lab->labels.get("severity")), std::string("warning"));
    QCOMPARE(std::string(lab->labels.get("__name__")), std::string());
    QFETCH(std::vector<BacktestInterval>, labPending);
    QFETCH(std::vector<BacktestInterval>, labFiring);
    QFETCH(std::vector<BacktestInterval>, atticPending);
    QFETCH(std::vector<BacktestInterval>, atticFiring);
    QCOMPARE(describe(lab->pending), describe(labPending));
    QCOMPARE(describe(lab->firing), describe(labFiring));
    QCOMPARE(describe(attic->pending), describe(atticPending));
    QCOMPARE(describe(attic->firing), describe(atticFiring));
}

// promtool evaluates the group from t = 0 every evaluation_interval, like the
// backtest; its alert_rule_test compares the firing alerts at eval_time.
void TestBacktest::agreesWithPromtool()
{
    QFETCH(QString, extra);
    QVERIFY2(QFile::exists(QStringLiteral("/usr/bin/promtool")), "promtool is required (packaging/dev.sh)");
    const auto r = run(ruleYaml(extra), 0, 9 * kMin, kMin);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    {
        QFile rules(dir.filePath(QStringLiteral("rules.yml")));
        QVERIFY(rules.open(QIODevice::WriteOnly));
        rules.write(QByteArray::fromStdString(ruleYaml(extra)));
    }
    auto series = [](const char *room, const std::vector<double> &v) {
        QStringList vals;
        for (double x : v) vals << QString::number(x);
        return QStringLiteral("      - series: 'temp{room=\"%1\"}'\n        values: '%2'\n").arg(room, vals.join(' '));
    };
    QString test = QStringLiteral("rule_files: [rules.yml]\nevaluation_interval: 1m\ntests:\n- interval: 1m\n"
                                  "  input_series:\n") +
                   series("lab", kLab) + series("office", kOffice) + series("attic", kAttic) +
                   QStringLiteral("  alert_rule_test:\n");
    int firingChecks = 0;
    for (int64_t t : r.steps) {
        test += QStringLiteral("  - eval_time: %1m\n    alertname: Hot\n    exp_alerts:").arg(t / kMin);
        QString alerts;
        for (const auto &s : r.series) {
            const bool firing = std::any_of(s.firing.begin(), s.firing.end(),
                                            [t](const BacktestInterval &i) { return i.startMs <= t && t <= i.endMs; });
            if (!firing) continue;
            ++firingChecks;
            alerts += QStringLiteral("\n    - exp_labels: {severity: warning, room: %1}")
                          .arg(QString::fromStdString(std::string(s.labels.get("room"))));
        }
        test += alerts.isEmpty() ? QStringLiteral(" []\n") : alerts + QLatin1Char('\n');
    }
    QVERIFY(firingChecks > 0);
    {
        QFile f(dir.filePath(QStringLiteral("test.yml")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(test.toUtf8());
    }
    QProcess promtool;
    promtool.setWorkingDirectory(dir.path());
    promtool.start(QStringLiteral("/usr/bin/promtool"), {QStringLiteral("test"), QStringLiteral("rules"), QStringLiteral("test.yml")});
    QVERIFY(promtool.waitForFinished(30000));
    QVERIFY2(promtool.exitCode() == 0,
             qPrintable(QString::fromUtf8(promtool.readAllStandardOutput() + promtool.readAllStandardError()) +
                        QStringLiteral("\n") + test));
}

void TestBacktest::stepsAlignToTheInterval()
{
    // 90 s .. 330 s at 2 m: the steps are the multiples of 2 m inside, 120, 240.
    const auto r = run(ruleYaml({}), 90'000, 330'000, 2 * kMin);
    QCOMPARE(r.steps, (std::vector<int64_t>{2 * kMin, 4 * kMin}));
    const auto *lab = find(r, "lab");
    QVERIFY(lab);
    QCOMPARE(describe(lab->firing), describe(minutes({{2, 4}}, true)));
    // A range with no multiple of the interval inside: no steps, no error.
    QVERIFY(run(ruleYaml({}), 61'000, 119'000, 2 * kMin).steps.empty());
}

void TestBacktest::errors()
{
    rules::BacktestRequest req;
    req.rule = ruleFrom("groups:\n- name: g\n  rules:\n  - record: x\n    expr: temp\n");
    req.endMs = kMin;
    QCOMPARE(rules::backtestRule(*engine_, req).status().code(), Status::Code::InvalidArgument);
    req.rule = ruleFrom(ruleYaml({}));
    req.intervalMs = 0;
    QCOMPARE(rules::backtestRule(*engine_, req).status().code(), Status::Code::InvalidArgument);
    req.intervalMs = 1;
    req.endMs = 10 * rules::kMaxBacktestTotalSteps;
    auto tooMany = rules::backtestRule(*engine_, req);
    QCOMPARE(tooMany.status().code(), Status::Code::InvalidArgument);
    QVERIFY(QString::fromStdString(tooMany.status().message()).contains("evaluation steps"));
    // Duplicate label sets after dropping __name__ fail with the step's time.
    req.rule = ruleFrom("groups:\n- name: g\n  rules:\n  - alert: Dup\n    expr: temp\n    labels: {room: all}\n");
    req.intervalMs = kMin;
    req.endMs = 2 * kMin;
    auto dup = rules::backtestRule(*engine_, req);
    QVERIFY(!dup.isOk());
    QVERIFY2(QString::fromStdString(dup.status().message()).contains("evaluation at 0 ms"),
             dup.status().message().c_str());
}

QTEST_GUILESS_MAIN(TestBacktest)
#include "tst_backtest.moc"
