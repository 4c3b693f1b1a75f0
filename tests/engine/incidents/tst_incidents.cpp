// Incidents from alerts: the grouping rule, timelines kept in a real app.db
// (AppStore with its migrations), resolution, acknowledgement, the notifier's
// actions and silences on the timeline, and the IncidentService's async API.
#include "incidents/incident_grouping.h"
#include "incidents/incident_manager.h"
#include "incidents/incident_service.h"
#include "incidents/scope.h"
#include "notify/payloads.h"
#include "rules/alert_sink.h"
#include "store/app_store.h"
#include "tsdb/head.h"

#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;
using namespace vigil::incidents;

namespace {

constexpr int64_t kT0 = 1'700'000'000'000;
constexpr int64_t kMin = 60'000;

model::Alert alert(const char *name, const char *severity, const char *instance, const char *job, int64_t startsAt)
{
    model::Alert a;
    a.labels = model::Labels{{"alertname", name}, {"severity", severity}, {"instance", instance}, {"job", job}};
    a.annotations = model::Labels{{"summary", std::string(name) + " summary"}};
    a.activeAtMs = startsAt - 30'000;
    a.startsAtMs = startsAt;
    a.generatorUrl = "http://127.0.0.1:9090/graph?g0.expr=rate%28errors_total%7Bjob%3D%22api%22%7D%5B1m%5D%29+%3E+0.5&g0.tab=1";
    return a;
}

model::Alert resolvedAt(model::Alert a, int64_t at)
{
    a.state = model::AlertState::Resolved;
    a.endsAtMs = at;
    return a;
}

std::string fp(const model::Alert &a) { return notify::fingerprintHex(a.fingerprint()); }

template <typename T>
T await(QFuture<T> f)
{
    QFutureWatcher<T> w;
    w.setFuture(f);
    if (!w.isFinished()) {
        QSignalSpy done(&w, &QFutureWatcher<T>::finished);
        done.wait(10000);
    }
    return f.result();
}

}  // namespace

class TestIncidents : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        dir_ = std::make_unique<QTemporaryDir>();
        store_ = std::make_unique<store::AppStore>();
        QVERIFY(store_->open(dir_->filePath(QStringLiteral("app.db")).toStdString()).isOk());
    }
    void cleanup()
    {
        store_.reset();
        dir_.reset();
    }

    void groupKeys_data()
    {
        QTest::addColumn<QStringList>("labels");
        QTest::addColumn<QStringList>("keys");
        QTest::newRow("instance and job") << QStringList{"instance", "h:9100", "job", "node"}
                                          << QStringList{"instance=h:9100", "job=node"};
        QTest::newRow("service wins over job") << QStringList{"job", "api", "service", "checkout"}
                                               << QStringList{"service=checkout"};
        QTest::newRow("none") << QStringList{"alertname", "X"} << QStringList{};
    }
    void groupKeys()
    {
        QFETCH(QStringList, labels);
        QFETCH(QStringList, keys);
        std::vector<model::Label> v;
        for (int i = 0; i + 1 < labels.size(); i += 2) v.push_back({labels[i].toStdString(), labels[i + 1].toStdString()});
        QStringList got;
        for (const auto &k : groupKeysOf(model::Labels::fromUnsorted(v))) got << QString::fromStdString(k);
        QCOMPARE(got, keys);
    }

    void groupingRule()
    {
        IncidentManager m(store_.get());
        // A critical alert opens an incident; a warning never does.
        QVERIFY(m.ingest({alert("Warn", "warning", "a:1", "api", kT0)}).isOk());
        QCOMPARE(m.store().incidents(false)->size(), size_t(0));
        auto a = alert("HighErrors", "critical", "a:1", "api", kT0);
        auto changed = m.ingest({a});
        QVERIFY(changed.isOk());
        QCOMPARE(changed->size(), size_t(1));
        const int64_t first = *changed->begin();
        // Same instance, a minute later, emergency: joins and raises the severity.
        auto b = alert("Latency", "emergency", "a:1", "api", kT0 + kMin);
        // Another instance of the same job (no service label): joins by job.
        auto d = alert("HighErrors", "critical", "b:1", "api", kT0 + 2 * kMin);
        // Another instance and job: a new incident.
        auto c = alert("DiskFull", "critical", "c:1", "db", kT0 + kMin);
        QVERIFY(m.ingest({b, d, c}).isOk());
        // Same instance but long after the incident's newest alert: a new incident.
        auto late = alert("Late", "critical", "a:1", "api", kT0 + 30 * kMin);
        QVERIFY(m.ingest({late}).isOk());

        auto all = m.store().incidents(false);
        QVERIFY(all.isOk());
        QCOMPARE(all->size(), size_t(3));
        auto inc = m.store().incident(first);
        QVERIFY(inc.isOk());
        QCOMPARE(inc->alerts.size(), size_t(3));
        QCOMPARE(inc->severity, std::string("emergency"));
        QCOMPARE(inc->groupKey, std::string("instance=a:1"));
        QCOMPARE(inc->title, std::string("HighErrors on a:1"));
        QCOMPARE(inc->openedAtMs, kT0);
        QCOMPARE(inc->detectedAtMs, kT0 - 30'000);
        QCOMPARE(inc->timeToDetectMs(), int64_t(30'000));
        QCOMPARE(inc->alerts.front().expr, std::string("rate(errors_total{job=\"api\"}[1m]) > 0.5"));
        QCOMPARE(inc->alerts.front().summary, std::string("HighErrors summary"));
        for (const auto &other : *all) {
            if (other.id == first) continue;
            QCOMPARE(other.alerts.size(), size_t(1));
        }
    }

    void resolutionAndRepeats()
    {
        IncidentManager m(store_.get());
        auto a = alert("HighErrors", "critical", "a:1", "api", kT0);
        auto b = alert("Latency", "critical", "a:1", "api", kT0 + kMin);
        const int64_t id = *m.ingest({a, b})->begin();
        // Resends of firing alerts and a resolved alert nobody fired change nothing.
        QVERIFY(m.ingest({a, b})->empty());
        QVERIFY(m.ingest({resolvedAt(alert("Other", "critical", "z:1", "z", kT0), kT0 + kMin)})->empty());
        QCOMPARE(m.store().events(id)->size(), size_t(2));

        QVERIFY(!m.ingest({resolvedAt(a, kT0 + 5 * kMin)})->empty());
        QVERIFY(m.store().incident(id)->isOpen());
        QVERIFY(!m.ingest({resolvedAt(b, kT0 + 7 * kMin)})->empty());
        auto inc = m.store().incident(id);
        QVERIFY(!inc->isOpen());
        QCOMPARE(inc->resolvedAtMs, kT0 + 7 * kMin);
        QCOMPARE(inc->timeToResolveMs(), 7 * kMin);
        // Resolved alerts are re-sent for 15 minutes: no new events.
        QVERIFY(m.ingest({resolvedAt(a, kT0 + 5 * kMin), resolvedAt(b, kT0 + 7 * kMin)})->empty());
        auto events = m.store().events(id);
        QStringList kinds;
        for (const auto &e : *events) kinds << QString::fromLatin1(kindName(e.kind).data());
        QCOMPARE(kinds, (QStringList{"fired", "fired", "alert_resolved", "resolved"}));
        // Firing again after the incident ended opens a new one.
        auto again = m.ingest({alert("HighErrors", "critical", "a:1", "api", kT0 + 8 * kMin)});
        QCOMPARE(again->size(), size_t(1));
        QVERIFY(*again->begin() != id);
    }

    void acknowledgementAndNotes()
    {
        IncidentManager m(store_.get());
        auto a = alert("HighErrors", "critical", "a:1", "api", kT0);
        const int64_t id = *m.ingest({a})->begin();
        auto ids = m.recordAlertEvent(fp(a), EventKind::Acknowledged, "alice", "on it", kT0 + 2 * kMin);
        QVERIFY(ids.isOk());
        QCOMPARE(ids->size(), size_t(1));
        QVERIFY(m.recordAlertEvent(fp(a), EventKind::Acknowledged, "bob", "", kT0 + 3 * kMin).isOk());
        auto inc = m.store().incident(id);
        QCOMPARE(inc->acknowledgedBy, std::string("alice"));  // the first acknowledgement counts
        QCOMPARE(inc->timeToAcknowledgeMs(), 2 * kMin);
        QVERIFY(m.recordAlertEvent("0000000000000000", EventKind::Acknowledged, "x", "")->empty());

        IncidentEvent note;
        note.incidentId = id;
        note.kind = EventKind::Note;
        note.author = "alice";
        QCOMPARE(m.recordEvent(note).code(), Status::Code::InvalidArgument);  // empty note
        note.text = "pool exhausted";
        note.timeMs = kT0 + 4 * kMin;
        QVERIFY(m.recordEvent(note).isOk());
        note.incidentId = 9999;
        QCOMPARE(m.recordEvent(note).code(), Status::Code::NotFound);

        // The notifier's action runs and silences show on the timeline, by fingerprint / matchers.
        store::DeliveryAttempt run;
        run.timeMs = kT0 + kMin;
        run.receiver = "restart";
        run.integration = "action[0]";
        run.fingerprints = fp(a);
        run.status = "ok";
        run.detail = "exit 0: restarted pool";
        QVERIFY(store_->appendDeliveryAttempt(run).isOk());
        run.fingerprints = "ffffffffffffffff";  // someone else's
        QVERIFY(store_->appendDeliveryAttempt(run).isOk());
        store::StoredSilence sil{"s1", "{instance=\"a:1\"}", kT0 + 5 * kMin, kT0 + 60 * kMin, "carol", "maintenance", kT0 + 5 * kMin};
        QVERIFY(store_->putSilence(sil).isOk());
        store::StoredSilence other{"s2", "{instance=\"zzz\"}", kT0 + 5 * kMin, kT0 + 60 * kMin, "carol", "", kT0};
        QVERIFY(store_->putSilence(other).isOk());

        auto tl = m.timeline(id);
        QVERIFY(tl.isOk());
        QStringList kinds;
        for (const auto &e : *tl) kinds << QString::fromLatin1(kindName(e.kind).data());
        QCOMPARE(kinds, (QStringList{"fired", "action", "acknowledged", "acknowledged", "note", "silence"}));
        QVERIFY(tl->at(1).text.find("restarted pool") != std::string::npos);
        QCOMPARE(tl->at(2).author, std::string("alice"));
        QCOMPARE(tl->at(5).author, std::string("carol"));

        // Everything survives reopening app.db.
        store_->close();
        QVERIFY(store_->open(dir_->filePath(QStringLiteral("app.db")).toStdString()).isOk());
        IncidentManager again(store_.get());
        QCOMPARE(again.timeline(id)->size(), size_t(6));
        QCOMPARE(again.store().incident(id)->acknowledgedBy, std::string("alice"));
    }

    void manualMarkers()
    {
        IncidentStore s(store_.get());
        Marker m;
        m.timeMs = kT0;
        m.text = "deploy api 1.4";
        m.labels = model::Labels{{"service", "api"}};
        auto id = s.addMarker(m);
        QVERIFY(id.isOk());
        QVERIFY(*id > 0);
        QCOMPARE(*s.addMarker(m), int64_t(0));  // the same marker again is ignored
        m.text = "";
        QCOMPARE(s.addMarker(m).status().code(), Status::Code::InvalidArgument);
        auto list = s.markers(kT0 - 1, kT0 + 1);
        QCOMPARE(list->size(), size_t(1));
        QCOMPARE(list->front().labels.get("service"), std::string_view("api"));
        QCOMPARE(list->front().source, std::string("manual"));
        QVERIFY(s.markers(kT0 + 1, kT0 + 2)->empty());
        QVERIFY(s.removeMarker(*id).isOk());
        QCOMPARE(s.removeMarker(*id).code(), Status::Code::NotFound);
    }

    void scopeQueriesOfIncident()
    {
        Incident inc;
        IncidentAlert a;
        a.expr = "rate(errors_total{job=\"api\"}[1m]) / rate(requests_total{job=\"api\"}[1m]) > 0.5";
        a.labels = model::Labels{{"instance", "a:1"}};
        inc.alerts = {a, a};
        const auto q = scopeQueries(inc);
        QStringList kinds;
        for (const auto &s : q) kinds << QString::fromStdString(s.kind);
        QCOMPARE(kinds, (QStringList{"alert", "input", "input", "cpu", "memory", "disk", "network"}));
        QCOMPARE(q[1].expr, std::string("errors_total{job=\"api\"}"));
        QVERIFY(q[3].expr.find("node_cpu_seconds_total{instance=\"a:1\"") != std::string::npos);
        QVERIFY(inputSelectors("sum(").empty());
    }

    void serviceAsyncApi()
    {
        tsdb::Head head;
        IncidentService::Options o;
        o.scanIntervalMs = 0;
        IncidentService svc(store_.get(), &head, o);
        QSignalSpy changed(&svc, &IncidentService::incidentChanged);
        auto a = alert("HighErrors", "critical", "a:1", "api", kT0);
        svc.alertSink()->send({a});
        QVERIFY(changed.wait(5000));
        const qint64 id = changed.first().at(0).toLongLong();
        IncidentList list = await(svc.incidents(true));
        QVERIFY(list.status.isOk());
        QCOMPARE(list.incidents.size(), size_t(1));
        QCOMPARE(list.incidents.front().id, id);

        QVERIFY(await(svc.acknowledgeAlert(fp(a), "alice", "mine")).isOk());
        QCOMPARE(await(svc.acknowledgeAlert("0123456789abcdef", "alice", "")).code(), Status::Code::NotFound);
        QVERIFY(await(svc.addNote(id, "alice", "looking at the pool")).isOk());
        QCOMPARE(await(svc.addNote(id, "alice", "")).code(), Status::Code::InvalidArgument);
        IncidentDetail d = await(svc.incident(id));
        QVERIFY(d.status.isOk());
        QCOMPARE(d.timeline.size(), size_t(3));
        QCOMPARE(d.incident.acknowledgedBy, std::string("alice"));
        QCOMPARE(await(svc.incident(12345)).status.code(), Status::Code::NotFound);

        QSignalSpy markers(&svc, &IncidentService::markersChanged);
        Marker m;
        m.timeMs = kT0;
        m.text = "deploy";
        QVERIFY(await(svc.addMarker(m)).isOk());
        QTRY_COMPARE(markers.count(), 1);
        QCOMPARE(await(svc.markers(kT0 - 1, kT0 + 1)).markers.size(), size_t(1));
        m.source = "auto:x";
        QCOMPARE(await(svc.addMarker(m)).code(), Status::Code::InvalidArgument);
    }

private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<store::AppStore> store_;
};

QTEST_GUILESS_MAIN(TestIncidents)
#include "tst_incidents.moc"
