// Series deletion in the Db: interval arithmetic, the tombstones file
// (round trip, damage detected), and deletion of head data honoured by the
// head, the WAL replay after a restart, and the blocks the head is later
// persisted into. (Deletion in imported blocks is compared with Prometheus
// in tests/engine/web/tst_api_admin.)
#include "tsdb/db.h"
#include "tsdb/tombstones.h"

#include "tsdb_test_util.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::tsdb;
using tsdbtest::eq;

using Pairs = QList<QPair<qint64, qint64>>;

namespace {

DbOptions testOptions()
{
    DbOptions o;
    o.maintenanceInterval = std::chrono::milliseconds(0);  // no background pass
    o.retentionMs = 0;                                     // keep everything
    return o;
}

model::Labels series(const char *name, const char *instance)
{
    return model::Labels{{"__name__", name}, {"instance", instance}};
}

// Timestamps of every sample of `name` in [mint, maxt], by instance.
std::map<std::string, std::vector<int64_t>> read(Db &db, const char *name, int64_t mint = 0,
                                                 int64_t maxt = INT64_MAX)
{
    std::map<std::string, std::vector<int64_t>> out;
    auto q = db.querier(mint, maxt);
    if (!q) return out;
    auto set = (*q)->select({eq("__name__", name)});
    if (!set) return out;
    std::vector<tsdbtest::ReadSeries> rs;
    if (!tsdbtest::readAll(*set, &rs)) return out;
    for (const auto &r : rs) {
        auto &ts = out[std::string(r.labels.get("instance"))];
        for (const auto &s : r.samples) ts.push_back(s.t);
    }
    return out;
}

std::vector<int64_t> range(int64_t from, int64_t to, int64_t step)
{
    std::vector<int64_t> v;
    for (int64_t t = from; t <= to; t += step) v.push_back(t);
    return v;
}

}  // namespace

class TestTombstones : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void addInterval_data()
    {
        QTest::addColumn<Pairs>("adds");
        QTest::addColumn<Pairs>("expected");
        using L = Pairs;
        QTest::newRow("one") << L{{1, 5}} << L{{1, 5}};
        QTest::newRow("disjoint, sorted") << L{{10, 20}, {1, 5}} << L{{1, 5}, {10, 20}};
        QTest::newRow("adjacent merge") << L{{1, 5}, {6, 9}} << L{{1, 9}};
        QTest::newRow("overlap merge") << L{{1, 5}, {3, 9}, {20, 30}} << L{{1, 9}, {20, 30}};
        QTest::newRow("bridge") << L{{1, 5}, {10, 20}, {4, 11}} << L{{1, 20}};
        QTest::newRow("contained") << L{{1, 50}, {10, 20}} << L{{1, 50}};
        QTest::newRow("extremes") << L{{INT64_MIN, 0}, {5, INT64_MAX}, {1, 4}} << L{{INT64_MIN, INT64_MAX}};
    }
    void addInterval()
    {
        QFETCH(Pairs, adds);
        QFETCH(Pairs, expected);
        Intervals iv;
        for (const auto &[a, b] : adds) tsdb::addInterval(&iv, Interval{a, b});
        QCOMPARE(iv.size(), size_t(expected.size()));
        for (size_t i = 0; i < iv.size(); ++i) {
            QCOMPARE(iv[i].mint, expected[qsizetype(i)].first);
            QCOMPARE(iv[i].maxt, expected[qsizetype(i)].second);
        }
        QVERIFY(intervalsContain(iv, expected.first().first));
        QVERIFY(intervalsContain(iv, expected.last().second));
        if (expected.first().first > INT64_MIN) QVERIFY(!intervalsContain(iv, expected.first().first - 1));
    }

    void fileRoundTripAndDamage()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("tombstones")).toStdString();
        auto none = Tombstones::read(path);
        QVERIFY(none.isOk() && none->empty());  // missing file: no tombstones
        Tombstones::Map m;
        tsdb::addInterval(&m[series("a", "x")], Interval{10, 20});
        tsdb::addInterval(&m[series("a", "x")], Interval{40, 50});
        tsdb::addInterval(&m[model::Labels{{"__name__", "b"}, {"path", "/ü\n\"q\""}}],
                          Interval{INT64_MIN, INT64_MAX});
        QVERIFY(Tombstones::write(path, m).isOk());
        auto back = Tombstones::read(path);
        QVERIFY2(back.isOk(), back.status().toString().c_str());
        QVERIFY(*back == m);

        // One flipped byte anywhere is Corruption naming the file.
        QFile f(QString::fromStdString(path));
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray bytes = f.readAll();
        for (qsizetype i : {qsizetype(0), qsizetype(9), bytes.size() / 2, bytes.size() - 1}) {
            QByteArray bad = bytes;
            bad[i] = char(bad[i] ^ 0x20);
            f.seek(0);
            f.write(bad);
            f.flush();
            auto r = Tombstones::read(path);
            QVERIFY(!r.isOk());
            QCOMPARE(r.status().code(), Status::Code::Corruption);
            QVERIFY(r.status().message().find(path) != std::string::npos);
        }
        // An empty map removes the file.
        QVERIFY(Tombstones::write(path, {}).isOk());
        QVERIFY(!QFile::exists(QString::fromStdString(path)));
    }

    void headDeletionSurvivesRestartAndPersistence()
    {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString();
        const int64_t t0 = 1'700'000'000'000;
        {
            auto db = Db::open(path, testOptions());
            QVERIFY2(db.isOk(), db.status().toString().c_str());
            auto app = (*db)->appender();
            for (int64_t t = t0; t <= t0 + 100'000; t += 10'000) {
                for (const char *inst : {"x", "y"}) QVERIFY(app->append(0, series("m", inst), t, 1).isOk());
            }
            QVERIFY(app->commit().isOk());

            QVERIFY((*db)
                        ->deleteSeries({eq("__name__", "m"), eq("instance", "x")}, t0 + 25'000, t0 + 55'000)
                        .isOk());
            auto got = read(**db, "m");
            QCOMPARE(got["x"], (std::vector<int64_t>{t0, t0 + 10'000, t0 + 20'000, t0 + 60'000, t0 + 70'000,
                                                     t0 + 80'000, t0 + 90'000, t0 + 100'000}));
            QCOMPARE(got["y"], range(t0, t0 + 100'000, 10'000));
            // Clamped to the data: samples appended later in the deleted
            // window's remainder stay visible (as in Prometheus).
            QVERIFY((*db)->deleteSeries({eq("instance", "y")}, t0 + 90'000, INT64_MAX).isOk());
            auto app2 = (*db)->appender();
            QVERIFY(app2->append(0, series("m", "y"), t0 + 110'000, 2).isOk());
            QVERIFY(app2->commit().isOk());
            QCOMPARE(read(**db, "m")["y"].back(), t0 + 110'000);
            QCOMPARE(read(**db, "m")["y"].size(), size_t(10));  // 0..80 s, 110 s
            // A querier over a window inside the deletion has no such series.
            QCOMPARE(read(**db, "m", t0 + 30'000, t0 + 50'000).count("x"), size_t(0));
            // Bad input.
            QCOMPARE((*db)->deleteSeries({}, 0, 1).code(), Status::Code::InvalidArgument);
            QVERIFY((*db)->close().isOk());
        }
        const auto expectX = std::vector<int64_t>{t0,          t0 + 10'000, t0 + 20'000, t0 + 60'000,
                                                  t0 + 70'000, t0 + 80'000, t0 + 90'000, t0 + 100'000};
        {
            // Reopened: WAL replayed into the head, tombstones read back.
            auto db = Db::open(path, testOptions());
            QVERIFY2(db.isOk(), db.status().toString().c_str());
            QCOMPARE(read(**db, "m")["x"], expectX);
            QCOMPARE(read(**db, "m")["y"].size(), size_t(10));
            // Head persisted into a block: still deleted.
            QVERIFY((*db)->persistAll().isOk());
            QVERIFY((*db)->stats().blocks >= 1);
            QCOMPARE(read(**db, "m")["x"], expectX);
            QVERIFY((*db)->close().isOk());
        }
        {
            auto db = Db::open(path, testOptions());
            QVERIFY2(db.isOk(), db.status().toString().c_str());
            QCOMPARE(read(**db, "m")["x"], expectX);
            QCOMPARE(read(**db, "m")["y"].size(), size_t(10));
        }
        // A damaged tombstones file fails the open rather than resurrecting data.
        {
            QFile f(dir.filePath(QStringLiteral("tombstones")));
            QVERIFY(f.open(QIODevice::ReadWrite));
            f.seek(8);
            f.write("\xff");
        }
        auto db = Db::open(path, testOptions());
        QVERIFY(!db.isOk());
        QCOMPARE(db.status().code(), Status::Code::Corruption);
    }
};

QTEST_GUILESS_MAIN(TestTombstones)
#include "tst_tombstones.moc"
