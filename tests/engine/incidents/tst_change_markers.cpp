// Automatic change markers: a build_info series whose version label changes
// (the old series ends with a staleness marker, as a scrape writes it) gives
// one marker at the change; a gap or an unchanged series gives none.
#include "incidents/change_markers.h"
#include "incidents/incident_service.h"
#include "model/sample.h"
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
constexpr int64_t kStep = 15'000;

model::Labels info(const char *instance, const char *version)
{
    return model::Labels{{"__name__", "app_build_info"}, {"instance", instance}, {"job", "api"}, {"version", version}};
}

void fill(tsdb::Head &head)
{
    auto app = head.appender();
    for (int k = 0; k <= 80; ++k) {  // 20 minutes
        const int64_t t = kT0 + k * kStep;
        // a: 1.0 until step 40, then 1.1 (the old series marked stale).
        if (k < 40) app->append(0, info("a:1", "1.0"), t, 1);
        if (k == 40) app->append(0, info("a:1", "1.0"), t, model::staleNaN());
        if (k >= 40) app->append(0, info("a:1", "1.1"), t, 1);
        // b: the same version throughout, with a gap (a restart) in the middle.
        if (k < 30 || k > 50) app->append(0, info("b:1", "2.0"), t, 1);
        if (k == 30) app->append(0, info("b:1", "2.0"), t, model::staleNaN());
    }
    QVERIFY(app->commit().isOk());
}

}  // namespace

class TestChangeMarkers : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void versionChangeIsOneMarker()
    {
        tsdb::Head head;
        fill(head);
        promql::Engine engine(head);
        auto found = scanChanges(engine, defaultBuildInfoWatch(), kT0, kT0 + 80 * kStep, kStep);
        QVERIFY2(found.isOk(), found.status().toString().c_str());
        QCOMPARE(found->size(), size_t(1));
        const Marker &m = found->front();
        QCOMPARE(m.timeMs, kT0 + 40 * kStep);
        QCOMPARE(m.text, std::string("app_build_info{instance=\"a:1\", job=\"api\"}: version 1.0 → 1.1"));
        QCOMPARE(m.labels.get("version"), std::string_view("1.1"));
        QCOMPARE(m.labels.get("instance"), std::string_view("a:1"));
        QCOMPARE(m.source, std::string("auto:{__name__=~\".+_build_info\"}"));
        // A window that starts after the change sees no change.
        QVERIFY(scanChanges(engine, defaultBuildInfoWatch(), kT0 + 41 * kStep, kT0 + 80 * kStep, kStep)->empty());
        QCOMPARE(scanChanges(engine, {"sum(", {}}, kT0, kT0 + kStep, kStep).status().code(),
                 Status::Code::InvalidArgument);
    }

    void valueChangeOfAGauge()
    {
        promql::Matrix m;
        m.push_back({model::Labels{{"__name__", "app_version"}, {"job", "x"}},
                     {{1000, 1}, {2000, 1}, {3000, 2}, {4000, 2}}});
        auto found = detectChanges(m, ChangeWatch{"app_version", {"job"}});
        QCOMPARE(found.size(), size_t(1));
        QCOMPARE(found.front().timeMs, int64_t(3000));
        QCOMPARE(found.front().text, std::string("app_version{job=\"x\"}: value 1 → 2"));
    }

    void serviceStoresScannedMarkersOnce()
    {
        QTemporaryDir dir;
        store::AppStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("app.db")).toStdString()).isOk());
        tsdb::Head head;
        fill(head);
        IncidentService::Options o;
        o.scanIntervalMs = 0;
        o.scanStepMs = kStep;
        IncidentService svc(&store, &head, o);
        QSignalSpy changed(&svc, &IncidentService::markersChanged);
        for (int round = 0; round < 2; ++round) {
            auto f = svc.scanChanges(kT0, kT0 + 80 * kStep);
            QFutureWatcher<MarkerList> w;
            w.setFuture(f);
            QSignalSpy done(&w, &QFutureWatcher<MarkerList>::finished);
            if (!f.isFinished()) QVERIFY(done.wait(10000));
            QVERIFY(f.result().status.isOk());
            QCOMPARE(f.result().markers.size(), size_t(1));
        }
        QTRY_COMPARE(changed.count(), 1);  // the second scan found nothing new to store
        QCOMPARE(store.documents("x")->size(), size_t(0));
        auto f = svc.markers(kT0, kT0 + 80 * kStep);
        f.waitForFinished();
        QCOMPARE(f.result().markers.size(), size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestChangeMarkers)
#include "tst_change_markers.moc"
