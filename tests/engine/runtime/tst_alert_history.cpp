// AlertHistoryRecorder over a real app.db: one "fired" row per firing
// episode and one "resolved" row however often the rule engine re-sends
// the same alert, a new episode after resolution, silence rows, and the
// resolved handler called once per episode.
#include "runtime/alert_history.h"
#include "store/app_store.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

namespace {

model::Alert alert(int64_t startsAt, int64_t endsAt = 0)
{
    model::Alert a;
    a.labels = model::Labels{{"alertname", "DiskFull"}, {"instance", "db1"}, {"severity", "critical"}};
    a.annotations = model::Labels{{"summary", "disk full on db1"}};
    a.startsAtMs = startsAt;
    a.activeAtMs = startsAt;
    a.state = endsAt ? model::AlertState::Resolved : model::AlertState::Firing;
    a.endsAtMs = endsAt;
    return a;
}

}  // namespace

class TestAlertHistory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void episodes();
};

void TestAlertHistory::episodes()
{
    QTemporaryDir dir;
    store::AppStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("app.db")).toStdString()).isOk());
    runtime::AlertHistoryRecorder rec(&store);
    int resolvedCalls = 0;
    rec.setResolvedHandler([&](const model::Alert &a) {
        ++resolvedCalls;
        QCOMPARE(a.endsAtMs, int64_t(5000));
    });
    // Firing, re-sent at every resend-delay: one row.
    for (int i = 0; i < 3; ++i) rec.record({alert(1000)});
    // Resolved, re-sent for 15 minutes: one row.
    for (int i = 0; i < 3; ++i) rec.record({alert(1000, 5000)});
    QCOMPARE(resolvedCalls, 1);
    // A new episode of the same alert.
    rec.record({alert(9000)});
    rec.recordSilence("silenced", alert(0).labels, "maintenance", 9500);

    auto rows = store.alertEvents(100);
    QVERIFY(rows.isOk());
    QCOMPARE(rows->size(), size_t(4));  // newest first
    QCOMPARE((*rows)[0].state, std::string("silenced"));
    QCOMPARE((*rows)[0].message, std::string("maintenance"));
    QCOMPARE((*rows)[1].state, std::string("fired"));
    QCOMPARE((*rows)[1].timeMs, int64_t(9000));
    QCOMPARE((*rows)[2].state, std::string("resolved"));
    QCOMPARE((*rows)[2].timeMs, int64_t(5000));
    QCOMPARE((*rows)[3].state, std::string("fired"));
    QCOMPARE((*rows)[3].timeMs, int64_t(1000));
    QCOMPARE((*rows)[3].alertName, std::string("DiskFull"));
    QCOMPARE((*rows)[3].severity, std::string("critical"));
    QCOMPARE((*rows)[3].message, std::string("disk full on db1"));
    const QJsonObject labels = QJsonDocument::fromJson(QByteArray::fromStdString((*rows)[3].labelsJson)).object();
    QCOMPARE(labels.value(QStringLiteral("instance")).toString(), QStringLiteral("db1"));
    QCOMPARE(labels.size(), 3);

    // Without a store nothing is written and nothing breaks.
    runtime::AlertHistoryRecorder none(nullptr);
    none.record({alert(1000)});
}

QTEST_GUILESS_MAIN(TestAlertHistory)
#include "tst_alert_history.moc"
