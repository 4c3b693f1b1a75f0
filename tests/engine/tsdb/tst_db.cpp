// Db: open/close/reopen round trips through the WAL, a corrupt WAL tail,
// and a child process SIGKILLed mid-append (nothing reported synced is lost).
#include "tsdb/db.h"

#include "tsdb_test_util.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <map>

using namespace vigil;
using namespace vigil::tsdb;
using tsdbtest::bits;

namespace {

model::Labels seriesLabels(int i)
{
    return model::Labels{{"__name__", "m"}, {"i", std::to_string(i)}};
}

std::vector<tsdbtest::ReadSeries> queryAll(Db &db, int64_t mint = INT64_MIN, int64_t maxt = INT64_MAX)
{
    auto q = db.querier(mint, maxt);
    if (!q) qFatal("querier: %s", q.status().toString().c_str());
    auto set = (*q)->select({tsdbtest::mustMatcher(model::Matcher::Type::Regex, "__name__", ".+")});
    if (!set) qFatal("select: %s", set.status().toString().c_str());
    std::vector<tsdbtest::ReadSeries> out;
    if (!tsdbtest::readAll(*set, &out)) qFatal("iteration failed");
    return out;
}

DbOptions testOptions()
{
    DbOptions o;
    o.maintenanceInterval = std::chrono::milliseconds(0);  // tests call maintain()
    o.walSyncPolicy = wal::WalSyncPolicy::Manual;
    return o;
}

// The values every round trip must keep bit-exactly.
std::vector<double> specialValues()
{
    return {0.0, -0.0, 1.5, -2.25, std::numeric_limits<double>::infinity(),
            -std::numeric_limits<double>::infinity(), model::staleNaN(), 1e300, -1e-300,
            std::numeric_limits<double>::quiet_NaN(), 42.0};
}

// The crash child: appends scrape batch `seq` (4 series, t = seq * 1000),
// commits with EveryCommit, prints seq, forever.
int runCrashChild(const char *dir)
{
    DbOptions o = testOptions();
    o.walSyncPolicy = wal::WalSyncPolicy::EveryCommit;
    o.walSegmentSize = 64 * 1024;
    auto db = Db::open(dir, o);
    if (!db) {
        std::fprintf(stderr, "child: open failed: %s\n", db.status().toString().c_str());
        return 2;
    }
    int64_t next = 0;
    for (const auto &s : queryAll(**db)) next = std::max<int64_t>(next, s.samples.back().t / 1000 + 1);
    std::printf("start %lld\n", (long long)next);
    std::fflush(stdout);
    for (int64_t seq = next;; ++seq) {
        auto app = (*db)->appender();
        for (int i = 0; i < 4; ++i) {
            auto r = app->append(0, seriesLabels(i), seq * 1000, double(seq * 10 + i));
            if (!r) {
                std::fprintf(stderr, "child: append failed: %s\n", r.status().toString().c_str());
                return 3;
            }
        }
        const Status st = app->commit();
        if (!st.isOk()) {
            std::fprintf(stderr, "child: commit failed: %s\n", st.toString().c_str());
            return 4;
        }
        std::printf("%lld\n", (long long)seq);
        std::fflush(stdout);
    }
}

}  // namespace

class TestDb : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void appendCloseReopen()
    {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString() + "/data";
        const std::vector<double> values = specialValues();
        {
            auto db = Db::open(path, testOptions());
            QVERIFY2(db.isOk(), db.status().toString().c_str());
            auto app = (*db)->appender();
            for (int i = 0; i < 3; ++i) {
                for (size_t k = 0; k < values.size(); ++k) {
                    QVERIFY(app->append(0, seriesLabels(i), int64_t(k) * 15000 - 30000, values[k]).isOk());
                }
            }
            QVERIFY(app->commit().isOk());
            const DbStats st = (*db)->stats();
            QCOMPARE(st.head.numSeries, uint64_t(3));
            QCOMPARE(st.head.samplesAppended, uint64_t(3 * values.size()));
            QVERIFY(st.walBytes > 0);
            QVERIFY((*db)->close().isOk());
            QVERIFY((*db)->close().isOk());  // idempotent
        }
        auto db = Db::open(path, testOptions());
        QVERIFY2(db.isOk(), db.status().toString().c_str());
        const DbStats st = (*db)->stats();
        QCOMPARE(st.replayedSeries, uint64_t(3));
        QCOMPARE(st.replayedSamples, uint64_t(3 * values.size()));
        QVERIFY(!st.replayCutCorruptTail);
        const auto got = queryAll(**db);
        QCOMPARE(got.size(), size_t(3));
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(got[i].labels, seriesLabels(i));
            QCOMPARE(got[i].samples.size(), values.size());
            for (size_t k = 0; k < values.size(); ++k) {
                QCOMPARE(got[i].samples[k].t, int64_t(k) * 15000 - 30000);
                QCOMPARE(bits(got[i].samples[k].v), bits(values[k]));
            }
        }
        // Appends continue after reopen with the replayed refs.
        auto app = (*db)->appender();
        QVERIFY(app->append(0, seriesLabels(0), 1'000'000, 7).isOk());
        QVERIFY(app->commit().isOk());
        QCOMPARE(queryAll(**db).front().samples.back().v, 7.0);
    }

    void corruptWalTailIsCut()
    {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString() + "/data";
        {
            auto db = Db::open(path, testOptions());
            QVERIFY(db.isOk());
            for (int b = 0; b < 10; ++b) {
                auto app = (*db)->appender();
                QVERIFY(app->append(0, seriesLabels(0), b * 1000, b).isOk());
                QVERIFY(app->commit().isOk());
            }
            QVERIFY((*db)->close().isOk());
        }
        // Damage the last bytes of the newest non-empty segment.
        QDir walDir(QString::fromStdString(path + "/wal"));
        QStringList segs = walDir.entryList(QDir::Files, QDir::Name);
        QString victim;
        for (const QString &s : segs) {
            if (QFileInfo(walDir.filePath(s)).size() > 0) victim = walDir.filePath(s);
        }
        QVERIFY(!victim.isEmpty());
        QFile f(victim);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 size = f.size();
        QVERIFY(f.seek(size - 3));
        QVERIFY(f.write("\xff\xff\xff", 3) == 3);
        f.close();

        auto db = Db::open(path, testOptions());
        QVERIFY2(db.isOk(), db.status().toString().c_str());
        QVERIFY((*db)->stats().replayCutCorruptTail);
        const auto got = queryAll(**db);
        QCOMPARE(got.size(), size_t(1));
        QCOMPARE(got[0].samples.size(), size_t(9));  // the last batch was damaged
        for (int b = 0; b < 9; ++b) QCOMPARE(got[0].samples[b].v, double(b));
    }

    void killedChildLosesNothingSynced()
    {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString() + "/data";
        QRandomGenerator rng(QRandomGenerator::global()->generate());
        int64_t lastReported = -1;
        for (int round = 0; round < 5; ++round) {
            QProcess child;
            child.start(QCoreApplication::applicationFilePath(), {"--crash-child", QString::fromStdString(path)});
            QVERIFY2(child.waitForStarted(5000), qPrintable(child.errorString()));
            QByteArray out;
            QElapsedTimer started;
            started.start();
            while (!out.contains('\n') && started.elapsed() < 20000) {
                child.waitForReadyRead(100);
                out += child.readAllStandardOutput();
                QVERIFY2(child.state() == QProcess::Running, child.readAllStandardError().constData());
            }
            QVERIFY2(out.startsWith("start "), out.constData());
            QTest::qWait(int(rng.bounded(50, 300)));
            child.kill();  // SIGKILL, by this QProcess's own pid
            QVERIFY(child.waitForFinished(5000));
            out += child.readAllStandardOutput();
            const QList<QByteArray> lines = out.split('\n');
            const int64_t start = lines.first().mid(6).toLongLong();
            QVERIFY2(start >= lastReported + 1, qPrintable(QString("start %1, synced %2").arg(start).arg(lastReported)));
            for (int i = 1; i + 1 < lines.size(); ++i) {
                if (!lines[i].isEmpty()) lastReported = std::max<int64_t>(lastReported, lines[i].toLongLong());
            }
            auto db = Db::open(path, testOptions());
            QVERIFY2(db.isOk(), db.status().toString().c_str());
            const auto got = queryAll(**db);
            if (lastReported < 0) continue;
            QCOMPARE(got.size(), size_t(4));
            for (int i = 0; i < 4; ++i) {
                // Every batch 0..lastReported is there, in order, with its values.
                QVERIFY2(int64_t(got[i].samples.size()) >= lastReported + 1,
                         qPrintable(QString("round %1 series %2: %3 samples, %4 synced")
                                        .arg(round).arg(i).arg(got[i].samples.size()).arg(lastReported + 1)));
                for (int64_t s = 0; s < int64_t(got[i].samples.size()); ++s) {
                    QCOMPARE(got[i].samples[s].t, s * 1000);
                    QCOMPARE(got[i].samples[s].v, double(s * 10 + i));
                }
            }
        }
        QVERIFY2(lastReported > 10, qPrintable(QString::number(lastReported)));
    }
};

int main(int argc, char **argv)
{
    if (argc == 3 && std::strcmp(argv[1], "--crash-child") == 0) return runCrashChild(argv[2]);
    QCoreApplication app(argc, argv);
    TestDb test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_db.moc"
