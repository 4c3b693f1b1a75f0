// Db persistence: column codecs, head data moving into block files, queries
// merging blocks and head without duplicates or gaps, restarts, WAL
// checkpointing, and retention by time and size.
#include "tsdb/block.h"
#include "tsdb/block_writer.h"
#include "tsdb/db.h"
#include "tsdb/time_column.h"
#include "tsdb/value_column.h"

#include "tsdb_test_util.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>
#include <atomic>
#include <random>
#include <thread>

using namespace vigil;
using namespace vigil::tsdb;
using tsdbtest::bits;

namespace {

constexpr int64_t kHour = 3600 * 1000;
constexpr int64_t kT0 = 1'700'006'400'000;  // 2 h aligned

DbOptions testOptions()
{
    DbOptions o;
    o.maintenanceInterval = std::chrono::milliseconds(0);
    o.walSyncPolicy = wal::WalSyncPolicy::Manual;
    o.walSegmentSize = 64 * 1024;  // several segments, so checkpoints have work
    o.retentionMs = 0;
    return o;
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

// Deterministic value of series i at step s: counters, decimals, stale markers, raw floats.
double valueAt(int i, int64_t s)
{
    switch (i % 4) {
    case 0: return double(s * 7 + i);
    case 1: return double(s % 50) / 10.0;
    case 2: return s % 100 == 99 ? model::staleNaN() : 1e-3 * double(s);
    default: return std::sin(double(s + i));
    }
}

model::Labels labelsOf(int i)
{
    return model::Labels{{"__name__", i % 2 ? "gauge" : "counter_total"}, {"i", std::to_string(i)}};
}

// Appends steps [from, to) of `n` series at a 15 s step, one commit per step.
void appendSteps(Db &db, int n, int64_t from, int64_t to)
{
    auto app = db.appender();
    for (int64_t s = from; s < to; ++s) {
        for (int i = 0; i < n; ++i) {
            auto r = app->append(0, labelsOf(i), kT0 + s * 15000, valueAt(i, s));
            if (!r) qFatal("append: %s", r.status().toString().c_str());
        }
        if (!app->commit().isOk()) qFatal("commit failed");
    }
}

// Checks that the db holds exactly steps [from, to) of every series.
bool checkSteps(Db &db, int n, int64_t from, int64_t to, int64_t mint = INT64_MIN, int64_t maxt = INT64_MAX)
{
    const auto got = queryAll(db, mint, maxt);
    if (int(got.size()) != n) {
        qWarning("%d series, want %d", int(got.size()), n);
        return false;
    }
    for (const auto &s : got) {
        const int i = std::stoi(std::string(s.labels.get("i")));
        size_t k = 0;
        for (int64_t st = from; st < to; ++st) {
            const int64_t t = kT0 + st * 15000;
            if (t < mint || t > maxt) continue;
            if (k >= s.samples.size() || s.samples[k].t != t || bits(s.samples[k].v) != bits(valueAt(i, st))) {
                qWarning("series %d: mismatch at step %lld (index %zu of %zu)", i, (long long)st, k, s.samples.size());
                return false;
            }
            ++k;
        }
        if (k != s.samples.size()) {
            qWarning("series %d: %zu extra samples", i, s.samples.size() - k);
            return false;
        }
    }
    return true;
}

qint64 dirSize(const QString &path)
{
    qint64 total = 0;
    QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) total += QFileInfo(it.next()).size();
    return total;
}

}  // namespace

class TestDbBlocks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void valueColumnRoundTrip_data()
    {
        QTest::addColumn<std::vector<double>>("values");
        QTest::newRow("integers") << std::vector<double>{1, 5, 9, 1000, -3, 0};
        QTest::newRow("decimals") << std::vector<double>{0.1, 0.25, 12345.67, 1e-9, -7.125};
        QTest::newRow("pages") << std::vector<double>{4096 * 10, 4096 * 12, 4096 * 5, 4096 * 1e6};
        QTest::newRow("constant") << std::vector<double>{3.5, 3.5, 3.5};
        QTest::newRow("special") << std::vector<double>{1, model::staleNaN(), -0.0,
                                                        std::numeric_limits<double>::infinity(),
                                                        std::numeric_limits<double>::quiet_NaN(), 1e308,
                                                        std::numeric_limits<double>::denorm_min()};
        QTest::newRow("negzero") << std::vector<double>{0.0, -0.0};
        QTest::newRow("huge") << std::vector<double>{9007199254740991.0, -9007199254740991.0, 1.0};
        QTest::newRow("one") << std::vector<double>{0.3};
        QTest::newRow("empty") << std::vector<double>{};
    }
    void valueColumnRoundTrip()
    {
        QFETCH(std::vector<double>, values);
        std::string enc;
        value_column::encode(values, &enc);
        std::vector<double> dec;
        QVERIFY(value_column::decode(enc.data(), enc.data() + enc.size(), values.size(), &dec).isOk());
        QCOMPARE(dec.size(), values.size());
        for (size_t i = 0; i < values.size(); ++i) QCOMPARE(bits(dec[i]), bits(values[i]));
        // Truncated input is Corruption, never a crash.
        if (enc.size() > 1) {
            QVERIFY(!value_column::decode(enc.data(), enc.data() + enc.size() - 1, values.size(), &dec).isOk() ||
                    values.size() == 0);
        }
    }

    void randomColumnsRoundTrip()
    {
        std::mt19937_64 rng(7);
        for (int round = 0; round < 500; ++round) {
            std::vector<double> vs;
            std::vector<int64_t> ts;
            int64_t t = int64_t(rng()) >> (rng() % 64);
            const int n = int(rng() % 300) + 1;
            for (int i = 0; i < n; ++i) {
                switch (round % 3) {
                case 0: vs.push_back(std::bit_cast<double>(rng())); break;
                case 1: vs.push_back(double(int64_t(rng() % 100000) - 50000) / 100); break;
                default: vs.push_back(double(rng() % 1000) * 4096); break;
                }
                ts.push_back(t);
                t += int64_t(rng() % 30000) + 1;
            }
            std::string venc, tenc;
            value_column::encode(vs, &venc);
            time_column::encode(ts, &tenc);
            std::vector<double> vd;
            std::vector<int64_t> td;
            QVERIFY(value_column::decode(venc.data(), venc.data() + venc.size(), vs.size(), &vd).isOk());
            QCOMPARE(time_column::decode(tenc.data(), tenc.data() + tenc.size(), &td), tenc.data() + tenc.size());
            QCOMPARE(td, ts);
            for (int i = 0; i < n; ++i) QCOMPARE(bits(vd[i]), bits(vs[i]));
        }
    }

    void blockFileRoundTripAndCorruption()
    {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString() + "/0000000001.vblk";
        {
            auto w = BlockWriter::create(path, 1, BlockMeta::Source::Import);
            QVERIFY(w.isOk());
            QVERIFY((*w)->addSeries(labelsOf(0), {1, 2, 3}, {1, 2, 3}).isOk());
            QVERIFY(!(*w)->addSeries(labelsOf(0), {4}, {4}).isOk());       // not increasing labels
            QVERIFY(!(*w)->addSeries(labelsOf(1), {5, 5}, {1, 2}).isOk()); // not increasing timestamps
            QVERIFY((*w)->addSeries(labelsOf(1), {-5, 10}, {model::staleNaN(), 2}).isOk());
            auto meta = (*w)->finish();
            QVERIFY(meta.isOk());
            QCOMPARE(meta->numSamples, uint64_t(5));
        }
        QVERIFY(!QFile::exists(QString::fromStdString(path + ".tmp")));
        auto b = Block::open(path);
        QVERIFY2(b.isOk(), b.status().toString().c_str());
        QCOMPARE((*b)->meta().minTime, int64_t(-5));
        QCOMPARE((*b)->meta().maxTime, int64_t(10));
        QCOMPARE((*b)->meta().source, BlockMeta::Source::Import);
        auto q = (*b)->querier(-100, 100);
        auto set = q->select({tsdbtest::eq("i", "1")});
        QVERIFY(set.isOk());
        std::vector<tsdbtest::ReadSeries> got;
        QVERIFY(tsdbtest::readAll(*set, &got));
        QCOMPARE(got.size(), size_t(1));
        QCOMPARE(got[0].samples.size(), size_t(2));
        QCOMPARE(bits(got[0].samples[0].v), model::kStaleNaNBits);
        // Flip one byte in the index: open reports Corruption naming the file.
        QFile f(QString::fromStdString(path));
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 at = f.size() - 40;
        f.seek(at);
        char c;
        f.getChar(&c);
        f.seek(at);
        f.putChar(char(c ^ 0x55));
        f.close();
        auto bad = Block::open(path);
        QVERIFY(!bad.isOk());
        QCOMPARE(bad.status().code(), Status::Code::Corruption);
        QVERIFY(bad.status().message().find(path) != std::string::npos);
    }

    // The footer's index size is not covered by a CRC: a damaged one is Corruption, not a
    // 4 GiB allocation (found by fuzz_block; tests/fuzz/corpus/fuzz_block/huge_index_size.vblk).
    void damagedFooterSizeIsCorruption()
    {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString() + "/0000000001.vblk";
        {
            auto w = BlockWriter::create(path, 1, BlockMeta::Source::Import);
            QVERIFY(w.isOk());
            QVERIFY((*w)->addSeries(labelsOf(0), {1, 2, 3}, {1, 2, 3}).isOk());
            QVERIFY((*w)->finish().isOk());
        }
        QFile f(QString::fromStdString(path));
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(f.size() - 32 + 12);  // footer: index offset (8), length (4), raw length (4), ...
        const char huge[4] = {char(0xf0), char(0xff), char(0xff), char(0xff)};
        QCOMPARE(f.write(huge, 4), qint64(4));
        f.close();
        auto bad = Block::open(path);
        QVERIFY(!bad.isOk());
        QCOMPARE(bad.status().code(), Status::Code::Corruption);
        QVERIFY2(bad.status().message().find("implausible index size 4294967280") != std::string::npos,
                 bad.status().message().c_str());
    }

    void headDataMovesToBlocks()
    {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString() + "/data";
        const int n = 20;
        const int64_t steps = 8 * 240;  // 8 h at 15 s
        {
            auto db = Db::open(path, testOptions());
            QVERIFY(db.isOk());
            appendSteps(**db, n, 0, steps);
            QVERIFY((*db)->maintain().isOk());
            const DbStats st = (*db)->stats();
            // Head keeps >= 1 h; complete 2 h ranges before that are persisted.
            QCOMPARE(st.blocks, uint64_t(3));
            QCOMPARE(st.persistedMaxTime, kT0 + 6 * kHour - 1);
            QCOMPARE(st.persistedSamples, uint64_t(n * 6 * 240));
            QVERIFY(st.persistedBytes > 0);
            QVERIFY2(double(st.persistedBytes) / double(st.persistedSamples) < 3.0,
                     qPrintable(QString::number(double(st.persistedBytes) / double(st.persistedSamples))));
            QVERIFY(checkSteps(**db, n, 0, steps));
            // Ranges crossing the block/head border and inside one block.
            QVERIFY(checkSteps(**db, n, 0, steps, kT0 + 5 * kHour + 7, kT0 + 7 * kHour));
            QVERIFY(checkSteps(**db, n, 0, steps, kT0 + 2 * kHour, kT0 + 2 * kHour));
            // Older than the persisted range: out of bounds now.
            auto app = (*db)->appender();
            QVERIFY(!app->append(0, labelsOf(0), kT0 + kHour, 1).isOk());
            app->rollback();
            // More data, another pass, still exact.
            appendSteps(**db, n, steps, steps + 480);
            QVERIFY((*db)->maintain().isOk());
            QCOMPARE((*db)->stats().blocks, uint64_t(4));
            QVERIFY(checkSteps(**db, n, 0, steps + 480));
            QVERIFY((*db)->close().isOk());
        }
        // Restart: blocks load, the WAL only replays what is not persisted.
        auto db = Db::open(path, testOptions());
        QVERIFY2(db.isOk(), db.status().toString().c_str());
        const DbStats st = (*db)->stats();
        QCOMPARE(st.blocks, uint64_t(4));
        QVERIFY2(st.replayedSamples < uint64_t(n * 4 * 240),
                 qPrintable(QString::number(st.replayedSamples)));  // checkpoint dropped persisted samples
        QVERIFY(checkSteps(**db, n, 0, steps + 480));
        // Label listing spans blocks and head.
        auto q = (*db)->querier(INT64_MIN, INT64_MAX);
        auto names = (*q)->labelValues("__name__", {});
        QVERIFY(names.isOk());
        QCOMPARE(*names, (std::vector<std::string>{"counter_total", "gauge"}));
    }

    void replaySkipsPersistedSamples()
    {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString() + "/data";
        DbOptions o = testOptions();
        o.walSegmentSize = 32u << 20;  // one segment: nothing to checkpoint
        {
            auto db = Db::open(path, o);
            QVERIFY(db.isOk());
            appendSteps(**db, 4, 0, 240 * 6);
            QVERIFY((*db)->maintain().isOk());
            QCOMPARE((*db)->stats().persistedSamples, uint64_t(4 * 240 * 4));
        }
        auto db = Db::open(path, o);
        QVERIFY(db.isOk());
        const DbStats st = (*db)->stats();
        QCOMPARE(st.replaySkippedSamples, uint64_t(4 * 240 * 4));
        QCOMPARE(st.replayedSamples, uint64_t(4 * 240 * 2));
        QCOMPARE(st.head.samplesAppended, uint64_t(4 * 240 * 2));
        QVERIFY(checkSteps(**db, 4, 0, 240 * 6));
    }

    void persistAllThenReopen()
    {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString() + "/data";
        {
            auto db = Db::open(path, testOptions());
            QVERIFY(db.isOk());
            appendSteps(**db, 5, 0, 100);
            QVERIFY((*db)->persistAll().isOk());
            QCOMPARE((*db)->stats().head.numSeries, uint64_t(0));
            QVERIFY(checkSteps(**db, 5, 0, 100));
        }
        auto db = Db::open(path, testOptions());
        QVERIFY(db.isOk());
        QCOMPARE((*db)->stats().replayedSamples, uint64_t(0));
        QVERIFY(checkSteps(**db, 5, 0, 100));
    }

    void retentionByTime()
    {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString() + "/data";
        DbOptions o = testOptions();
        auto db = Db::open(path, o);
        QVERIFY(db.isOk());
        appendSteps(**db, 10, 0, 240 * 24);  // 24 h
        QVERIFY((*db)->maintain().isOk());
        const qint64 before = dirSize(QString::fromStdString(path));
        const uint64_t blocksBefore = (*db)->stats().blocks;
        QVERIFY(blocksBefore >= 10);
        QVERIFY((*db)->close().isOk());
        db = Result<std::unique_ptr<Db>>(Status::internal("closed"));

        o.retentionMs = 6 * kHour;
        auto db2 = Db::open(path, o);
        QVERIFY(db2.isOk());
        QVERIFY((*db2)->maintain().isOk());
        const DbStats st = (*db2)->stats();
        QVERIFY(st.blocks < blocksBefore);
        QVERIFY(st.blocksDeletedByRetention > 0);
        QVERIFY2(dirSize(QString::fromStdString(path)) < before, "directory did not shrink");
        // Nothing older than the cutoff's block comes back.
        const auto old = queryAll(**db2, kT0, kT0 + 12 * kHour);
        QVERIFY2(old.empty(), qPrintable(QString::number(old.size())));
        const auto recent = queryAll(**db2, kT0 + 20 * kHour, INT64_MAX);
        QCOMPARE(recent.size(), size_t(10));
    }

    void retentionBySize()
    {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString() + "/data";
        DbOptions o = testOptions();
        auto db = Db::open(path, o);
        QVERIFY(db.isOk());
        appendSteps(**db, 10, 0, 240 * 24);
        QVERIFY((*db)->maintain().isOk());
        const DbStats st0 = (*db)->stats();
        QVERIFY((*db)->close().isOk());

        // Room for the WAL and about half of the blocks.
        o.retentionBytes = st0.diskBytes - st0.persistedBytes / 2;
        auto db2 = Db::open(path, o);
        QVERIFY(db2.isOk());
        QVERIFY((*db2)->maintain().isOk());
        const DbStats st = (*db2)->stats();
        QVERIFY(st.blocks < st0.blocks);
        QVERIFY2(st.diskBytes <= o.retentionBytes, qPrintable(QString("%1 > %2").arg(st.diskBytes).arg(o.retentionBytes)));
        QVERIFY(uint64_t(dirSize(QString::fromStdString(path))) < st0.diskBytes);
        // The oldest data is gone, the newest is still there.
        QVERIFY(st.blocks > 1);
        QVERIFY(queryAll(**db2, kT0, kT0 + kHour).empty());
        QCOMPARE(queryAll(**db2, kT0 + 23 * kHour, INT64_MAX).size(), size_t(10));
    }

    // Appends, queries and maintenance passes at once: every query sees each
    // series' samples strictly increasing with no gaps (a prefix of what was
    // committed), and the end state is exact.
    void concurrentAppendQueryMaintain()
    {
        QTemporaryDir dir;
        DbOptions o = testOptions();
        o.maintenanceInterval = std::chrono::milliseconds(1);
        o.blockRangeMs = 30 * 60 * 1000;  // many small blocks
        o.headKeepMs = 15 * 60 * 1000;
        auto db = Db::open(dir.path().toStdString() + "/data", o);
        QVERIFY(db.isOk());
        const int n = 8;
        const int64_t steps = 240 * 6;
        std::atomic<bool> done{false};
        std::atomic<int> bad{0};
        std::thread reader([&] {
            while (!done.load()) {
                for (const auto &s : queryAll(**db)) {
                    const int i = std::stoi(std::string(s.labels.get("i")));
                    for (size_t k = 0; k < s.samples.size(); ++k) {
                        if (s.samples[k].t != kT0 + int64_t(k) * 15000 ||
                            bits(s.samples[k].v) != bits(valueAt(i, int64_t(k)))) {
                            bad.fetch_add(1);
                            break;
                        }
                    }
                }
            }
        });
        appendSteps(**db, n, 0, steps);
        done.store(true);
        reader.join();
        QCOMPARE(bad.load(), 0);
        QVERIFY((*db)->maintain().isOk());
        QVERIFY((*db)->stats().blocks > 5);
        QVERIFY(checkSteps(**db, n, 0, steps));
        QCOMPARE((*db)->stats().maintenanceErrors, uint64_t(0));
    }

    void compactionMergesBlocks()
    {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString() + "/data";
        DbOptions o = testOptions();
        o.compactRangeMs = 0;
        const QString blocksDir = QString::fromStdString(path + "/blocks");
        const QString saved = dir.filePath("saved.vblk");
        QString firstName;
        {
            auto db = Db::open(path, o);  // no compaction yet
            QVERIFY(db.isOk());
            appendSteps(**db, 6, 0, 240 * 6);  // 6 h: [0,2h) [2h,4h) persisted
            QVERIFY((*db)->maintain().isOk());
            QCOMPARE((*db)->stats().blocks, uint64_t(2));
            // Keep a copy of an input, as if a crash had left it behind.
            firstName = QDir(blocksDir).entryList({"*.vblk"}, QDir::Files, QDir::Name).first();
            QVERIFY(QFile::copy(blocksDir + "/" + firstName, saved));
        }
        o.compactRangeMs = 4 * kHour;
        {
            auto db = Db::open(path, o);
            QVERIFY(db.isOk());
            appendSteps(**db, 6, 240 * 6, 240 * 11);  // 11 h
            QVERIFY((*db)->maintain().isOk());
            const DbStats st = (*db)->stats();
            // Persisted up to 8 h: [0,4h) and [4h,8h) are compacted, one block each.
            QCOMPARE(st.blocks, uint64_t(2));
            QCOMPARE(QDir(blocksDir).entryList({"*.vblk"}, QDir::Files).size(), 2);
            QVERIFY(checkSteps(**db, 6, 0, 240 * 11));
            QVERIFY((*db)->close().isOk());
        }
        QVERIFY(QFile::copy(saved, blocksDir + "/" + firstName));
        QCOMPARE(QDir(blocksDir).entryList({"*.vblk"}, QDir::Files).size(), 3);
        // Open recognises the leftover input by its sequence number and deletes it.
        auto db = Db::open(path, o);
        QVERIFY2(db.isOk(), db.status().toString().c_str());
        QCOMPARE((*db)->stats().blocks, uint64_t(2));
        QCOMPARE(QDir(blocksDir).entryList({"*.vblk"}, QDir::Files).size(), 2);
        QVERIFY(checkSteps(**db, 6, 0, 240 * 11));
    }

    void backgroundThreadPersists()
    {
        QTemporaryDir dir;
        DbOptions o = testOptions();
        o.maintenanceInterval = std::chrono::milliseconds(20);
        auto db = Db::open(dir.path().toStdString() + "/data", o);
        QVERIFY(db.isOk());
        appendSteps(**db, 3, 0, 240 * 4);
        QTRY_VERIFY_WITH_TIMEOUT((*db)->stats().blocks >= 1, 10000);
        QVERIFY(checkSteps(**db, 3, 0, 240 * 4));
    }
};

QTEST_GUILESS_MAIN(TestDbBlocks)
#include "tst_db_blocks.moc"
