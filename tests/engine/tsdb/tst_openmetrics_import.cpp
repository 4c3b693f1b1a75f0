// Backfill: importing OpenMetrics files with timestamps into a database
// directory; bad files name their line and import nothing; the lock of a
// running Vigil is respected.
#include "tsdb/db.h"
#include "tsdb/openmetrics_import.h"

#include "tsdb_test_util.h"

#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace vigil;
using namespace vigil::tsdb;
using tsdbtest::bits;

namespace {

std::string writeFile(const QTemporaryDir &dir, const QByteArray &text)
{
    const QString path = dir.filePath("input.om");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size()) qFatal("cannot write input");
    return path.toStdString();
}

DbOptions readOptions()
{
    DbOptions o;
    o.maintenanceInterval = std::chrono::milliseconds(0);
    o.retentionMs = 0;
    return o;
}

std::map<std::string, std::vector<model::Sample>> readDb(const std::string &dir)
{
    std::map<std::string, std::vector<model::Sample>> out;
    auto db = Db::open(dir, readOptions());
    if (!db) qFatal("open: %s", db.status().toString().c_str());
    auto q = (*db)->querier(INT64_MIN, INT64_MAX);
    auto set = (*q)->select({tsdbtest::mustMatcher(model::Matcher::Type::Regex, "__name__", ".+")});
    std::vector<tsdbtest::ReadSeries> rs;
    if (!set || !tsdbtest::readAll(*set, &rs)) qFatal("query failed");
    for (auto &r : rs) out[r.labels.toString()] = r.samples;
    return out;
}

int blockFiles(const std::string &dir)
{
    return QDir(QString::fromStdString(dir + "/blocks")).entryList({"*.vblk"}, QDir::Files).size();
}

}  // namespace

class TestOpenMetricsImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void goodFileRoundTrip()
    {
        QTemporaryDir dir;
        // Out of order within and across series, far in the past, a gap of
        // years, a stale-looking NaN, a histogram, an exact duplicate line.
        const std::string file = writeFile(dir,
            "# HELP http_requests Requests.\n"
            "# TYPE http_requests counter\n"
            "http_requests_total{code=\"200\",path=\"/\"} 10 1700000015\n"
            "http_requests_total{code=\"200\",path=\"/\"} 5 1700000000\n"
            "http_requests_total{code=\"500\",path=\"/\"} 1 86400\n"
            "http_requests_total{code=\"200\",path=\"/\"} 12 1700000030.5\n"
            "http_requests_total{code=\"500\",path=\"/\"} 2 1600000000\n"
            "http_requests_total{code=\"200\",path=\"/\"} 12 1700000030.5\n"
            "# TYPE temp gauge\n"
            "temp{room=\"a\"} -3.25 1700000000\n"
            "temp{room=\"a\"} NaN 1700000015\n"
            "temp{room=\"a\"} +Inf 1700000030\n"
            "# TYPE lat histogram\n"
            "lat_bucket{le=\"0.1\"} 1 1700000000\n"
            "lat_bucket{le=\"+Inf\"} 3 1700000000\n"
            "lat_count 3 1700000000\n"
            "lat_sum 0.5 1700000000\n"
            "# EOF\n");
        const std::string db = dir.path().toStdString() + "/data";
        ImportStats st;
        const Status s = importOpenMetrics(file, db, &st);
        QVERIFY2(s.isOk(), s.toString().c_str());
        QCOMPARE(st.series, uint64_t(7));
        QCOMPARE(st.samples, uint64_t(12));
        QCOMPARE(st.duplicatesDropped, uint64_t(1));
        QVERIFY(st.blocks >= 3);
        QCOMPARE(st.minTime, int64_t(86400000));
        QVERIFY(!QDir(QString::fromStdString(db + "/import.tmp")).exists());

        auto got = readDb(db);
        QCOMPARE(got.size(), size_t(7));
        const auto &ok = got["http_requests_total{code=\"200\", path=\"/\"}"];
        QCOMPARE(ok.size(), size_t(3));
        QCOMPARE(ok[0].t, int64_t(1700000000000));
        QCOMPARE(ok[0].v, 5.0);
        QCOMPARE(ok[2].t, int64_t(1700000030500));
        QCOMPARE(ok[2].v, 12.0);
        const auto &err = got["http_requests_total{code=\"500\", path=\"/\"}"];
        QCOMPARE(err.size(), size_t(2));
        QCOMPARE(err[0].t, int64_t(86400000));
        const auto &temp = got["temp{room=\"a\"}"];
        QCOMPARE(temp.size(), size_t(3));
        QCOMPARE(temp[0].v, -3.25);
        QVERIFY(std::isnan(temp[1].v));
        QVERIFY(std::isinf(temp[2].v));
        QCOMPARE(got["lat_bucket{le=\"+Inf\"}"].front().v, 3.0);

        // A second import adds to the same database.
        const std::string more = writeFile(dir, "# TYPE temp gauge\ntemp{room=\"b\"} 1 1700000000\n# EOF\n");
        QVERIFY(importOpenMetrics(more, db, &st).isOk());
        QCOMPARE(readDb(db).size(), size_t(8));
    }

    void badFiles_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("where");  // "file:LINE:" expected in the message
        QTest::addColumn<QString>("reason");
        QTest::newRow("no timestamp") << QByteArray("# TYPE a gauge\na 1 100\na 2\n# EOF\n") << ":3:" << "timestamp";
        QTest::newRow("no eof") << QByteArray("# TYPE a gauge\na 1 100\na 2 200\n") << ":" << "EOF";
        QTest::newRow("garbage") << QByteArray("# TYPE a gauge\na 1 100\na{x=} 2 200\n# EOF\n") << ":3:" << "";
        QTest::newRow("bad value") << QByteArray("# TYPE a gauge\na 1 100\na one 200\n# EOF\n") << ":3:" << "";
        QTest::newRow("conflicting duplicate")
            << QByteArray("# TYPE a gauge\na 1 100\na 3 200\na 2 100\n# EOF\n") << ":4:" << "line 2";
        QTest::newRow("negative counter")
            << QByteArray("# TYPE c counter\nc_total 1 100\nc_total -1 200\n# EOF\n") << ":3:" << "";
    }
    void badFiles()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, where);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const std::string file = writeFile(dir, text);
        const std::string db = dir.path().toStdString() + "/data";
        // A good import first: a bad one must leave it untouched.
        const std::string good = writeFile(dir, "# TYPE g gauge\ng 1 100\n# EOF\n");
        QVERIFY(importOpenMetrics(good, db, nullptr).isOk());
        const std::string bad = writeFile(dir, text);
        ImportStats st;
        const Status s = importOpenMetrics(bad, db, &st);
        QVERIFY(!s.isOk());
        QCOMPARE(s.code(), Status::Code::InvalidArgument);
        const QString msg = QString::fromStdString(s.message());
        QVERIFY2(msg.startsWith(QString::fromStdString(bad) + where), qPrintable(msg));
        QVERIFY2(msg.contains(reason), qPrintable(msg));
        QCOMPARE(blockFiles(db), 1);
        QCOMPARE(readDb(db).size(), size_t(1));
    }

    void refusesLockedDirectory()
    {
        QTemporaryDir dir;
        const std::string db = dir.path().toStdString() + "/data";
        QVERIFY(QDir().mkpath(QString::fromStdString(db)));
        QLockFile held(QString::fromStdString(db + "/lock"));
        QVERIFY(held.tryLock(0));
        const std::string file = writeFile(dir, "# TYPE g gauge\ng 1 100\n# EOF\n");
        const Status s = importOpenMetrics(file, db, nullptr);
        QCOMPARE(s.code(), Status::Code::FailedPrecondition);
        QVERIFY2(s.message().find("in use") != std::string::npos, s.message().c_str());
        QCOMPARE(blockFiles(db), 0);
        held.unlock();
        QVERIFY(importOpenMetrics(file, db, nullptr).isOk());
    }

    void missingFile()
    {
        QTemporaryDir dir;
        const Status s = importOpenMetrics(dir.filePath("nope").toStdString(), dir.path().toStdString(), nullptr);
        QCOMPARE(s.code(), Status::Code::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestOpenMetricsImport)
#include "tst_openmetrics_import.moc"
