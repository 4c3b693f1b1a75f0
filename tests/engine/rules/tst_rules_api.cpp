// /api/v1/rules and /api/v1/alerts of a running Vigil engine compared field
// by field with Prometheus 2.42 loaded with the same prometheus.yml and rule
// file (both started here on loopback ports). Evaluation times, durations
// and activeAt cannot match and are left out; alert order inside a rule and
// in /api/v1/alerts is not defined by Prometheus (map order) and is sorted.
#include "config/engine_options.h"
#include "rules/rule_file.h"
#include "runtime/engine.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using vigil::Status;
using vigil::runtime::Engine;

namespace {

const QStringList kVolatile = {QStringLiteral("evaluationTime"), QStringLiteral("lastEvaluation"),
                               QStringLiteral("activeAt")};

QString key(const QJsonValue &v) { return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)); }

// Drops the volatile fields and sorts "alerts" arrays.
QJsonValue normalize(const QJsonValue &v)
{
    if (v.isObject()) {
        QJsonObject o = v.toObject(), out;
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (kVolatile.contains(it.key())) continue;
            QJsonValue n = normalize(it.value());
            if (it.key() == QLatin1String("alerts") && n.isArray()) {
                QJsonArray a = n.toArray();
                std::vector<QJsonValue> items(a.begin(), a.end());
                std::sort(items.begin(), items.end(), [](const QJsonValue &x, const QJsonValue &y) { return key(x) < key(y); });
                QJsonArray sorted;
                for (const auto &i : items) sorted.append(i);
                n = sorted;
            }
            out.insert(it.key(), n);
        }
        return out;
    }
    if (v.isArray()) {
        QJsonArray out;
        for (const auto &x : v.toArray()) out.append(normalize(x));
        return out;
    }
    return v;
}

}  // namespace

class TestRulesApi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void compare_data();
    void compare();
    void storedGroups();  // last: changes the engine's rule set

private:
    QJsonObject get(uint16_t port, const QString &pathAndQuery, int *status = nullptr);
    bool evaluated(uint16_t port);

    QTemporaryDir dir_;
    QNetworkAccessManager nam_;
    QProcess prometheus_;
    uint16_t promPort_ = 0;
    std::unique_ptr<Engine> engine_;
};

QJsonObject TestRulesApi::get(uint16_t port, const QString &pathAndQuery, int *status)
{
    QNetworkReply *r = nam_.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(pathAndQuery))));
    QSignalSpy done(r, &QNetworkReply::finished);
    if (!r->isFinished()) done.wait(20000);
    if (status) *status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject o = QJsonDocument::fromJson(r->readAll()).object();
    r->deleteLater();
    return o;
}

// Every group evaluated at least twice (so `for` and limits have acted).
bool TestRulesApi::evaluated(uint16_t port)
{
    const QJsonArray groups = get(port, QStringLiteral("/api/v1/rules")).value(QStringLiteral("data")).toObject()
                                  .value(QStringLiteral("groups")).toArray();
    if (groups.size() != 2) return false;
    for (const auto &g : groups) {
        for (const auto &r : g.toObject().value(QStringLiteral("rules")).toArray()) {
            if (r.toObject().value(QStringLiteral("lastEvaluation")).toString().startsWith(QLatin1String("0001"))) return false;
        }
    }
    return true;
}

void TestRulesApi::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral("/usr/bin/prometheus")), "prometheus (Debian package) is required");
    QVERIFY(dir_.isValid());
    // The rule file and prometheus.yml from testdata/api, copied next to each other.
    const QString src = qEnvironmentVariable("VIGIL_SOURCE_DIR") + QStringLiteral("/tests/engine/rules/testdata/api/");
    for (const QString name : {QStringLiteral("rules.yml"), QStringLiteral("prometheus.yml")}) {
        QVERIFY2(QFile::copy(src + name, dir_.filePath(name)), qPrintable(src + name));
    }
    const QString config = dir_.filePath(QStringLiteral("prometheus.yml"));
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        promPort_ = probe.serverPort();
    }
    prometheus_.setProcessChannelMode(QProcess::MergedChannels);
    prometheus_.setStandardOutputFile(dir_.filePath(QStringLiteral("prometheus.log")));
    prometheus_.start(QStringLiteral("/usr/bin/prometheus"),
                      {QStringLiteral("--config.file=") + config,
                       QStringLiteral("--storage.tsdb.path=") + dir_.filePath(QStringLiteral("prom-data")),
                       QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(promPort_)});
    QVERIFY2(prometheus_.waitForStarted(10000), "prometheus did not start");

    vigil::config::EngineOptions o;
    o.configFile = config.toStdString();
    o.storagePath = dir_.filePath(QStringLiteral("vigil-data")).toStdString();
    o.listenAddress = "127.0.0.1:0";
    o.selfScrape = false;
    engine_ = std::make_unique<Engine>(o, true);
    engine_->start();
    QTRY_COMPARE_WITH_TIMEOUT(engine_->state(), Engine::State::Running, 30000);

    bool ready = false;
    for (int i = 0; i < 120 && !ready; ++i) {
        ready = evaluated(promPort_) && evaluated(engine_->webPort());
        if (!ready) QTest::qWait(500);
        QVERIFY2(prometheus_.state() == QProcess::Running, "prometheus exited during startup");
    }
    QVERIFY2(ready, "the rules were not evaluated within 60 s");
    QTest::qWait(2500);  // one more round of the 2 s group on both
}

void TestRulesApi::cleanupTestCase()
{
    if (engine_) engine_->stop();
    if (prometheus_.state() != QProcess::NotRunning) {
        prometheus_.terminate();
        if (!prometheus_.waitForFinished(15000)) {
            prometheus_.kill();
            prometheus_.waitForFinished(5000);
        }
    }
}

void TestRulesApi::compare_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("rules") << "/api/v1/rules";
    QTest::newRow("rules type=alert") << "/api/v1/rules?type=alert";
    QTest::newRow("rules type=record") << "/api/v1/rules?type=record";
    QTest::newRow("rules type=bogus") << "/api/v1/rules?type=bogus";
    QTest::newRow("alerts") << "/api/v1/alerts";
}

void TestRulesApi::compare()
{
    QFETCH(QString, path);
    int ps = 0, vs = 0;
    QJsonObject prom = get(promPort_, path, &ps);
    QJsonObject vigil = get(engine_->webPort(), path, &vs);
    QCOMPARE(vs, ps);
    if (path.endsWith(QLatin1String("alerts"))) {
        // Prometheus lists alerts in map order: compare as a set.
        for (QJsonObject *o : {&prom, &vigil}) {
            QJsonObject data = o->value(QStringLiteral("data")).toObject();
            QJsonObject wrapped;
            wrapped.insert(QStringLiteral("alerts"), data.value(QStringLiteral("alerts")));
            data.insert(QStringLiteral("alerts"), normalize(wrapped).toObject().value(QStringLiteral("alerts")));
            o->insert(QStringLiteral("data"), data);
        }
    }
    const QJsonValue p = normalize(prom), v = normalize(vigil);
    if (p != v) {
        qWarning().noquote() << "prometheus:" << QJsonDocument(p.toObject()).toJson(QJsonDocument::Indented);
        qWarning().noquote() << "vigil:     " << QJsonDocument(v.toObject()).toJson(QJsonDocument::Indented);
    }
    QVERIFY(p == v);
    // The comparison is not vacuous.
    if (path == QLatin1String("/api/v1/alerts"))
        QCOMPARE(vigil.value(QStringLiteral("data")).toObject().value(QStringLiteral("alerts")).toArray().size(), 4);
}

// Groups saved from the console: validated, stored in app.db, evaluated,
// listed by the API with file "app.db", exported, kept across a restart,
// removed.
void TestRulesApi::storedGroups()
{
    auto waitFor = [](auto future) {
        if (!QTest::qWaitFor([&] { return future.isFinished(); }, 10000)) qFatal("engine call did not finish in 10 s");
        return future.result();
    };
    auto groupNames = [this] {
        QStringList names;
        const QJsonArray groups = get(engine_->webPort(), QStringLiteral("/api/v1/rules"))
                                      .value(QStringLiteral("data")).toObject().value(QStringLiteral("groups")).toArray();
        for (const auto &g : groups)
            names << g.toObject().value(QStringLiteral("file")).toString() + QLatin1Char(':') +
                         g.toObject().value(QStringLiteral("name")).toString();
        return names;
    };
    const std::string yaml = "groups:\n- name: console\n  interval: 1s\n  rules:\n  - alert: FromConsole\n"
                             "    expr: vector(7)\n    labels: {severity: warning}\n";
    const Status bad = waitFor(engine_->saveRuleGroups("groups:\n- name: broken\n  rules:\n  - record: x\n    expr: sum(\n"));
    QCOMPARE(bad.code(), Status::Code::InvalidArgument);
    QVERIFY2(bad.message().find("app.db: 5:11: group \"broken\", rule 1, \"x\": could not parse expression") == 0,
             bad.message().c_str());
    QVERIFY(!groupNames().join(QLatin1Char(',')).contains(QLatin1String("broken")));

    const Status saved = waitFor(engine_->saveRuleGroups(yaml));
    QVERIFY2(saved.isOk(), saved.toString().c_str());
    QVERIFY(groupNames().contains(QStringLiteral("app.db:console")));
    QTRY_VERIFY_WITH_TIMEOUT(get(engine_->webPort(), QStringLiteral("/api/v1/alerts")).value(QStringLiteral("data"))
                                 .toObject().value(QStringLiteral("alerts")).toArray().size() == 5, 10000);
    const std::string exported = waitFor(engine_->exportRuleGroups());
    auto parsed = vigil::rules::parseRuleFile(exported, "export.yml");
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.groups.size(), size_t(1));
    QCOMPARE(parsed.groups[0].rules[0].name, std::string("FromConsole"));
    QCOMPARE(parsed.groups[0].intervalMs, int64_t(1000));

    // Kept across a restart.
    const vigil::config::EngineOptions o = engine_->options();
    engine_->stop();
    engine_ = std::make_unique<Engine>(o, true);
    engine_->start();
    QTRY_COMPARE_WITH_TIMEOUT(engine_->state(), Engine::State::Running, 30000);
    QVERIFY(groupNames().contains(QStringLiteral("app.db:console")));

    const Status removed = waitFor(engine_->removeRuleGroup("console"));
    QVERIFY2(removed.isOk(), removed.toString().c_str());
    QVERIFY(!groupNames().contains(QStringLiteral("app.db:console")));
    QCOMPARE(waitFor(engine_->removeRuleGroup("console")).code(), Status::Code::NotFound);
}

QTEST_GUILESS_MAIN(TestRulesApi)
#include "tst_rules_api.moc"
