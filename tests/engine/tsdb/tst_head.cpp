// The in-memory head: append/commit/rollback, ordering rules and their
// counters, chunk cutting, truncation, WAL replay and the WalSink contract.
#include "tsdb/head.h"
#include "tsdb/series_hash.h"

#include "tsdb_test_util.h"

#include "model/sample.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <algorithm>
#include <memory>
#include <random>
#include <string>

using namespace vigil;
using namespace vigil::tsdb;
using tsdbtest::eq;
using tsdbtest::ReadSeries;

namespace {

model::Labels series(const std::string &name, const std::string &inst = "a")
{
    return model::Labels{{"__name__", name}, {"instance", inst}};
}

std::vector<ReadSeries> query(Head &head, int64_t mint, int64_t maxt, std::vector<model::Matcher> ms)
{
    auto q = head.querier(mint, maxt);
    if (!q.isOk()) return {};
    auto set = (*q)->select(ms);
    std::vector<ReadSeries> out;
    if (!set.isOk() || !tsdbtest::readAll(*set, &out)) qWarning("query failed");
    return out;
}

// Records the calls made to it; optionally fails one kind of call.
class FakeSink : public WalSink {
public:
    struct Call {
        std::string kind;
        std::vector<uint64_t> refs;
        std::vector<RefSample> samples;
    };
    Status logSeries(const std::vector<std::pair<uint64_t, model::Labels>> &series) override
    {
        if (failSeries) return Status::ioError("disk full");
        Call c{"series", {}, {}};
        for (const auto &[ref, l] : series) c.refs.push_back(ref);
        calls.push_back(c);
        return {};
    }
    Status logSamples(const std::vector<RefSample> &samples) override
    {
        if (failSamples) return Status::ioError("disk full");
        calls.push_back({"samples", {}, samples});
        return {};
    }
    std::vector<Call> calls;
    bool failSeries = false;
    bool failSamples = false;
};

}  // namespace

class TestHead : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void appendCommitQuery()
    {
        Head head;
        QCOMPARE(head.minTime(), std::numeric_limits<int64_t>::max());
        QCOMPARE(head.maxTime(), std::numeric_limits<int64_t>::min());
        auto app = head.appender();
        auto r1 = app->append(0, series("up", "a"), 1000, 1);
        QVERIFY(r1.isOk());
        auto r2 = app->append(0, series("up", "b"), 1000, 0);
        QVERIFY(r2.isOk());
        QVERIFY(*r1 != *r2);
        QVERIFY(app->append(*r1, {}, 2000, 1).isOk());
        // Not visible before commit.
        QCOMPARE(query(head, 0, 10000, {eq("__name__", "up")}).size(), size_t(0));
        QVERIFY(app->commit().isOk());
        auto got = query(head, 0, 10000, {eq("__name__", "up")});
        QCOMPARE(got.size(), size_t(2));
        QCOMPARE(got[0].labels, series("up", "a"));  // sorted by labels
        QCOMPARE(got[0].samples.size(), size_t(2));
        QCOMPARE(got[0].samples[1].t, int64_t(2000));
        QCOMPARE(got[1].labels, series("up", "b"));
        QCOMPARE(head.stats().samplesAppended, uint64_t(3));
        QCOMPARE(head.stats().seriesCreated, uint64_t(2));
        QCOMPARE(head.numSeries(), size_t(2));
        // Same labels again find the same ref.
        auto app2 = head.appender();
        auto r3 = app2->append(0, series("up", "a"), 3000, 1);
        QVERIFY(r3.isOk());
        QCOMPARE(*r3, *r1);
    }

    void queryRangeIsInclusive_data()
    {
        QTest::addColumn<qint64>("mint");
        QTest::addColumn<qint64>("maxt");
        QTest::addColumn<int>("count");
        QTest::newRow("all") << qint64(0) << qint64(100) << 10;
        QTest::newRow("exact-ends") << qint64(10) << qint64(30) << 3;
        QTest::newRow("single-point") << qint64(50) << qint64(50) << 1;
        QTest::newRow("between-samples") << qint64(51) << qint64(59) << 0;
        QTest::newRow("after") << qint64(101) << qint64(200) << 0;
        QTest::newRow("inverted") << qint64(50) << qint64(10) << 0;
    }
    void queryRangeIsInclusive()
    {
        QFETCH(qint64, mint);
        QFETCH(qint64, maxt);
        QFETCH(int, count);
        HeadOptions opts;
        opts.samplesPerChunk = 3;  // make the range cross chunks
        Head head(opts);
        auto app = head.appender();
        for (int i = 1; i <= 10; ++i) QVERIFY(app->append(0, series("m"), i * 10, i).isOk());
        QVERIFY(app->commit().isOk());
        auto got = query(head, mint, maxt, {eq("__name__", "m")});
        if (count == 0) {
            QCOMPARE(got.size(), size_t(0));  // series without samples in range are left out
            return;
        }
        QCOMPARE(got.size(), size_t(1));
        QCOMPARE(int(got[0].samples.size()), count);
        for (const auto &s : got[0].samples) {
            QVERIFY(s.t >= mint && s.t <= maxt);
            QCOMPARE(s.v, double(s.t / 10));
        }
    }

    void seekOnHeadIterator()
    {
        HeadOptions opts;
        opts.samplesPerChunk = 4;
        Head head(opts);
        auto app = head.appender();
        for (int i = 0; i < 20; ++i) QVERIFY(app->append(0, series("m"), i * 10, i).isOk());
        QVERIFY(app->commit().isOk());
        auto q = head.querier(25, 150);
        auto set = (*q)->select({eq("__name__", "m")});
        QCOMPARE(set->size(), size_t(1));
        auto it = (*set)[0]->iterator();
        QVERIFY(it->seek(0));  // clamps to mint
        QCOMPARE(it->at().t, int64_t(30));
        QVERIFY(it->seek(95));
        QCOMPARE(it->at().t, int64_t(100));
        QVERIFY(it->seek(50));  // backwards: stays
        QCOMPARE(it->at().t, int64_t(100));
        QVERIFY(it->next());
        QCOMPARE(it->at().t, int64_t(110));
        QVERIFY(!it->seek(151));
        QVERIFY(!it->next());
    }

    void rollbackDiscards()
    {
        Head head;
        {
            auto app = head.appender();
            QVERIFY(app->append(0, series("m"), 1000, 1).isOk());
            app->rollback();
            QVERIFY(app->append(0, series("m"), 2000, 2).isOk());
            QVERIFY(app->commit().isOk());
            QVERIFY(app->append(0, series("m"), 3000, 3).isOk());
            // destroyed without commit: rolled back
        }
        auto got = query(head, 0, 10000, {eq("__name__", "m")});
        QCOMPARE(got.size(), size_t(1));
        QCOMPARE(got[0].samples.size(), size_t(1));
        QCOMPARE(got[0].samples[0].t, int64_t(2000));
        QCOMPARE(head.stats().samplesAppended, uint64_t(1));
    }

    void orderingRules_data()
    {
        QTest::addColumn<qint64>("window");
        QTest::addColumn<qint64>("t");
        QTest::addColumn<double>("v");
        QTest::addColumn<QString>("error");  // empty: accepted
        QTest::addColumn<int>("stored");     // samples readable afterwards
        QTest::addColumn<QString>("counter");
        // Existing: samples at 1000 (1.0), 2000 (2.0), 3000 (staleNaN).
        const double stale = model::staleNaN();
        QTest::newRow("in-order") << qint64(0) << qint64(4000) << 4.0 << "" << 4 << "";
        QTest::newRow("out-of-order") << qint64(0) << qint64(2500) << 9.0 << storage::kErrOutOfOrder << 3
                                      << "outOfOrderRejected";
        QTest::newRow("older-than-all") << qint64(0) << qint64(-5) << 9.0 << storage::kErrOutOfOrder << 3
                                        << "outOfOrderRejected";
        QTest::newRow("duplicate-different") << qint64(0) << qint64(3000) << 3.0 << storage::kErrDuplicate << 3
                                             << "duplicateRejected";
        QTest::newRow("duplicate-other-nan") << qint64(0) << qint64(3000) << std::nan("") << storage::kErrDuplicate
                                             << 3 << "duplicateRejected";
        QTest::newRow("duplicate-same-bits") << qint64(0) << qint64(3000) << stale << "" << 3 << "";
        QTest::newRow("ooo-window-accepts") << qint64(1000) << qint64(2500) << 2.5 << "" << 4 << "";
        // Same timestamp as a stored in-order sample: no-op or duplicate.
        QTest::newRow("ooo-window-same-as-in-order") << qint64(1000) << qint64(2000) << 2.0 << "" << 3 << "";
        QTest::newRow("ooo-window-exact-limit") << qint64(1000) << qint64(2000) << 7.0 << storage::kErrDuplicate
                                                << 3 << "duplicateRejected";
        QTest::newRow("ooo-window-too-old") << qint64(1000) << qint64(1999) << 7.0 << storage::kErrTooOldSample << 3
                                            << "tooOldRejected";
        QTest::newRow("ooo-window-within") << qint64(1500) << qint64(1500) << 1.5 << "" << 4 << "";
    }
    void orderingRules()
    {
        QFETCH(qint64, window);
        QFETCH(qint64, t);
        QFETCH(double, v);
        QFETCH(QString, error);
        QFETCH(int, stored);
        QFETCH(QString, counter);
        HeadOptions opts;
        opts.outOfOrderWindowMs = window;
        Head head(opts);
        auto app = head.appender();
        auto ref = app->append(0, series("m"), 1000, 1.0);
        QVERIFY(ref.isOk());
        QVERIFY(app->append(*ref, {}, 2000, 2.0).isOk());
        QVERIFY(app->append(*ref, {}, 3000, model::staleNaN()).isOk());
        QVERIFY(app->commit().isOk());
        const HeadStats before = head.stats();

        auto r = app->append(*ref, {}, t, v);
        if (error.isEmpty()) {
            QVERIFY2(r.isOk(), qPrintable(QString::fromStdString(r.status().toString())));
        } else {
            QVERIFY(!r.isOk());
            QCOMPARE(r.status().code(), Status::Code::InvalidArgument);
            QCOMPARE(QString::fromStdString(r.status().message()), error);
        }
        QVERIFY(app->commit().isOk());
        const HeadStats after = head.stats();
        const auto delta = [&](uint64_t HeadStats::*f) { return int(after.*f - before.*f); };
        QCOMPARE(delta(&HeadStats::outOfOrderRejected), counter == "outOfOrderRejected" ? 1 : 0);
        QCOMPARE(delta(&HeadStats::duplicateRejected), counter == "duplicateRejected" ? 1 : 0);
        QCOMPARE(delta(&HeadStats::tooOldRejected), counter == "tooOldRejected" ? 1 : 0);
        QCOMPARE(delta(&HeadStats::samplesAppended), stored - 3);

        auto got = query(head, std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max(),
                         {eq("__name__", "m")});
        QCOMPARE(got.size(), size_t(1));
        QCOMPARE(int(got[0].samples.size()), stored);
        for (size_t i = 1; i < got[0].samples.size(); ++i) QVERIFY(got[0].samples[i - 1].t < got[0].samples[i].t);
        QVERIFY(model::isStaleNaN(got[0].samples.back().t == 3000 ? got[0].samples.back().v
                                                                    : got[0].samples[got[0].samples.size() - 2].v));
    }

    void outOfOrderMergedOnRead()
    {
        HeadOptions opts;
        opts.outOfOrderWindowMs = 1'000'000;
        opts.outOfOrderCapacity = 4;  // force out-of-order chunks too
        Head head(opts);
        auto app = head.appender();
        auto ref = app->append(0, series("m"), 100000, 100000);
        QVERIFY(ref.isOk());
        QVERIFY(app->commit().isOk());
        // Odd timestamps in order after, even ones out of order before,
        // in a scrambled order.
        std::vector<int64_t> ooo;
        for (int64_t t = 1000; t < 100000; t += 1000) ooo.push_back(t);
        std::mt19937 rng(7);
        std::shuffle(ooo.begin(), ooo.end(), rng);
        for (int64_t t : ooo) {
            auto r = app->append(*ref, {}, t, double(t));
            QVERIFY2(r.isOk(), qPrintable(QString::fromStdString(r.status().toString())));
        }
        QVERIFY(app->commit().isOk());
        // Duplicates of out-of-order samples, whether still buffered or
        // already in an out-of-order chunk, and identical re-sends.
        for (int64_t t : {ooo.front(), ooo.back(), ooo[ooo.size() / 2]}) {
            auto dup = app->append(*ref, {}, t, -1.0);
            QVERIFY(!dup.isOk());
            QCOMPARE(QString::fromStdString(dup.status().message()), QString(storage::kErrDuplicate));
            QVERIFY(app->append(*ref, {}, t, double(t)).isOk());
        }
        QVERIFY(app->commit().isOk());
        QCOMPARE(head.stats().outOfOrderSamplesAppended, uint64_t(ooo.size()));

        auto got = query(head, 0, 200000, {eq("__name__", "m")});
        QCOMPARE(got.size(), size_t(1));
        QCOMPARE(got[0].samples.size(), ooo.size() + 1);
        for (size_t i = 0; i < got[0].samples.size(); ++i) {
            QCOMPARE(got[0].samples[i].t, int64_t(1000 * (i + 1)));
            QCOMPARE(got[0].samples[i].v, double(1000 * (i + 1)));
        }
        // A sub-range through the merge.
        auto part = query(head, 5500, 9000, {eq("__name__", "m")});
        QCOMPARE(part[0].samples.size(), size_t(4));  // 6000..9000
        QCOMPARE(part[0].samples[0].t, int64_t(6000));
    }

    void outOfOrderWithinBatchIsDroppedAndCounted()
    {
        Head head;
        auto app = head.appender();
        auto ref = app->append(0, series("m"), 2000, 2);
        QVERIFY(ref.isOk());
        // Accepted by append() (nothing committed yet), dropped by commit().
        QVERIFY(app->append(*ref, {}, 1000, 1).isOk());
        QVERIFY(app->commit().isOk());
        QCOMPARE(head.stats().samplesAppended, uint64_t(1));
        QCOMPARE(head.stats().outOfOrderRejected, uint64_t(1));
    }

    void chunkCutAtSampleLimit()
    {
        Head head;
        auto app = head.appender();
        storage::SeriesRef ref = 0;
        for (int i = 0; i < 250; ++i) {
            auto r = app->append(ref, series("m"), 1000 * i, i);
            QVERIFY(r.isOk());
            ref = *r;
        }
        QVERIFY(app->commit().isOk());
        QCOMPARE(head.stats().chunksCreated, uint64_t(3));
        auto closed = head.closedChunksBefore(std::numeric_limits<int64_t>::max());
        QCOMPARE(closed.size(), size_t(2));
        QCOMPARE(closed[0].chunk.numSamples, 120u);
        QCOMPARE(closed[0].chunk.minTime, int64_t(0));
        QCOMPARE(closed[0].chunk.maxTime, int64_t(119000));
        QCOMPARE(closed[1].chunk.minTime, int64_t(120000));
        QCOMPARE(closed[1].labels, series("m"));
        QVERIFY(!closed[1].outOfOrder);
        auto got = query(head, 0, 1'000'000, {eq("__name__", "m")});
        QCOMPARE(got[0].samples.size(), size_t(250));
    }

    void chunkCutAtRangeBoundary_data()
    {
        QTest::addColumn<qint64>("start");
        QTest::addColumn<QList<qint64>>("chunkMinTimes");
        // Range 1000 ms, samples every 300 ms for 10 samples.
        QTest::newRow("positive") << qint64(0) << QList<qint64>{0, 1200, 2100};
        QTest::newRow("unaligned") << qint64(850) << QList<qint64>{850, 1150, 2050, 3250};
        QTest::newRow("negative") << qint64(-1900) << QList<qint64>{-1900, -1000, 200};
    }
    void chunkCutAtRangeBoundary()
    {
        QFETCH(qint64, start);
        QFETCH(QList<qint64>, chunkMinTimes);
        HeadOptions opts;
        opts.chunkRangeMs = 1000;
        Head head(opts);
        auto app = head.appender();
        for (int i = 0; i < 10; ++i) QVERIFY(app->append(0, series("m"), start + 300 * i, i).isOk());
        QVERIFY(app->commit().isOk());
        QCOMPARE(head.stats().chunksCreated, uint64_t(chunkMinTimes.size()));
        auto closed = head.closedChunksBefore(std::numeric_limits<int64_t>::max());
        QCOMPARE(closed.size(), size_t(chunkMinTimes.size() - 1));  // the last one is still open
        auto floorDiv = [](int64_t a, int64_t b) { return a / b - (a % b != 0 && a < 0 ? 1 : 0); };
        for (size_t i = 0; i < closed.size(); ++i) {
            QCOMPARE(closed[i].chunk.minTime, int64_t(chunkMinTimes[int(i)]));
            // Never spans a boundary.
            QCOMPARE(floorDiv(closed[i].chunk.minTime, 1000), floorDiv(closed[i].chunk.maxTime, 1000));
        }
        auto got = query(head, -10000, 10000, {eq("__name__", "m")});
        QCOMPARE(got[0].samples.size(), size_t(10));
    }

    void truncate()
    {
        HeadOptions opts;
        opts.chunkRangeMs = 1000;
        Head head(opts);
        auto app = head.appender();
        for (int i = 0; i < 10; ++i) QVERIFY(app->append(0, series("old"), 100 * i, i).isOk());
        for (int i = 0; i < 30; ++i) QVERIFY(app->append(0, series("new"), 100 * i, i).isOk());
        QVERIFY(app->commit().isOk());
        QCOMPARE(head.numSeries(), size_t(2));

        QCOMPARE(head.minTime(), int64_t(0));
        QCOMPARE(head.maxTime(), int64_t(2900));
        head.truncate(1000);
        QCOMPARE(head.minTime(), int64_t(1000));
        QCOMPARE(head.maxTime(), int64_t(2900));
        const HeadStats st = head.stats();
        QCOMPARE(st.seriesRemoved, uint64_t(1));
        QCOMPARE(st.chunksRemoved, uint64_t(2));  // old's only chunk, new's first chunk
        QCOMPARE(head.numSeries(), size_t(1));
        QCOMPARE(query(head, 0, 10000, {eq("__name__", "old")}).size(), size_t(0));
        auto q = head.querier(0, 10000);
        QCOMPARE(*(*q)->labelValues("__name__", {}), std::vector<std::string>{"new"});
        auto got = query(head, 0, 10000, {eq("__name__", "new")});
        QCOMPARE(got[0].samples.size(), size_t(20));
        QCOMPARE(got[0].samples.front().t, int64_t(1000));

        // Older than the truncation point: out of bounds.
        auto r = app->append(0, series("new"), 999, 1);
        QVERIFY(!r.isOk());
        QCOMPARE(QString::fromStdString(r.status().message()), QString(storage::kErrOutOfBounds));
        QCOMPARE(head.stats().outOfBoundsRejected, uint64_t(1));
        // A removed series comes back under a new ref.
        auto again = app->append(0, series("old"), 5000, 1);
        QVERIFY(again.isOk());
        QVERIFY(app->commit().isOk());
        QCOMPARE(head.numSeries(), size_t(2));
    }

    void truncateKeepsSeriesPinnedByAppender()
    {
        Head head;
        auto app = head.appender();
        auto ref = app->append(0, series("m"), 5000, 1);  // created, not committed
        QVERIFY(ref.isOk());
        head.truncate(1000);
        QCOMPARE(head.numSeries(), size_t(1));
        QVERIFY(app->commit().isOk());
        QCOMPARE(query(head, 0, 10000, {eq("__name__", "m")}).size(), size_t(1));
        // Rolled-back creation leaves an empty series that truncate removes.
        auto app2 = head.appender();
        QVERIFY(app2->append(0, series("ghost"), 6000, 1).isOk());
        app2->rollback();
        QCOMPARE(head.numSeries(), size_t(2));
        head.truncate(1000);
        QCOMPARE(head.numSeries(), size_t(1));
    }

    void replay()
    {
        Head head;
        FakeSink sink;
        head.setWalSink(&sink);
        QVERIFY(head.replaySeries(5, series("a")).isOk());
        QVERIFY(head.replaySeries(9, series("b")).isOk());
        QVERIFY(head.replaySeries(9, series("b")).isOk());  // idempotent
        QCOMPARE(head.replaySeries(9, series("c")).code(), Status::Code::Corruption);
        QCOMPARE(head.replaySeries(0, series("c")).code(), Status::Code::Corruption);
        QVERIFY(head.replaySeries(7, series("a")).isOk());  // alias of 5
        QVERIFY(head.replaySample({5, 1000, 1}).isOk());
        QVERIFY(head.replaySample({7, 2000, 2}).isOk());
        QVERIFY(head.replaySample({9, 1000, 3}).isOk());
        QCOMPARE(head.replaySample({4, 1000, 3}).code(), Status::Code::NotFound);
        auto ooo = head.replaySample({9, 500, 3});
        QCOMPARE(QString::fromStdString(ooo.message()), QString(storage::kErrOutOfOrder));
        QVERIFY(sink.calls.empty());  // replay never writes the WAL

        auto got = query(head, 0, 10000, {eq("instance", "a")});
        QCOMPARE(got.size(), size_t(2));
        QCOMPARE(got[0].samples.size(), size_t(2));
        QCOMPARE(got[1].samples.size(), size_t(1));
        QCOMPARE(head.stats().samplesAppended, uint64_t(3));

        // New series get refs past the largest replayed one, and replayed
        // series are not logged again.
        auto app = head.appender();
        auto r = app->append(0, series("z"), 1000, 1);
        QVERIFY(r.isOk());
        QVERIFY(*r > 9);
        auto ra = app->append(0, series("a"), 3000, 1);
        QCOMPARE(*ra, uint64_t(5));
        QVERIFY(app->commit().isOk());
        QCOMPARE(sink.calls.size(), size_t(2));
        QCOMPARE(sink.calls[0].refs, std::vector<uint64_t>{*r});
    }

    void replayRespectsTruncation()
    {
        Head head;
        head.truncate(5000);  // e.g. data up to 4999 is already persisted
        QVERIFY(head.replaySeries(3, series("a")).isOk());
        const Status st = head.replaySample({3, 4999, 1});
        QCOMPARE(QString::fromStdString(st.message()), QString(storage::kErrOutOfBounds));
        QVERIFY(head.replaySample({3, 5000, 2}).isOk());
        auto got = query(head, 0, 10000, {eq("__name__", "a")});
        QCOMPARE(got.size(), size_t(1));
        QCOMPARE(got[0].samples.size(), size_t(1));
        QCOMPARE(head.stats().outOfBoundsRejected, uint64_t(1));
    }

    void walSinkOrderAndFailure()
    {
        Head head;
        FakeSink sink;
        head.setWalSink(&sink);
        auto app = head.appender();
        auto a = app->append(0, series("m", "a"), 1000, 1);
        auto b = app->append(0, series("m", "b"), 1000, 2);
        QVERIFY(app->append(*a, {}, 2000, 3).isOk());
        QVERIFY(app->commit().isOk());
        QCOMPARE(sink.calls.size(), size_t(2));
        QCOMPARE(sink.calls[0].kind, std::string("series"));
        QCOMPARE(sink.calls[0].refs, (std::vector<uint64_t>{*a, *b}));
        QCOMPARE(sink.calls[1].kind, std::string("samples"));
        QCOMPARE(sink.calls[1].samples.size(), size_t(3));
        QCOMPARE(sink.calls[1].samples[2].ref, *a);
        QCOMPARE(sink.calls[1].samples[2].t, int64_t(2000));

        // Known series: samples only.
        sink.calls.clear();
        QVERIFY(app->append(*b, {}, 3000, 4).isOk());
        QVERIFY(app->commit().isOk());
        QCOMPARE(sink.calls.size(), size_t(1));
        QCOMPARE(sink.calls[0].kind, std::string("samples"));

        // A failing samples write aborts the commit: nothing applied.
        sink.calls.clear();
        sink.failSamples = true;
        QVERIFY(app->append(*b, {}, 4000, 5).isOk());
        Status st = app->commit();
        QCOMPARE(st.code(), Status::Code::IOError);
        auto got = query(head, 0, 10000, {eq("instance", "b")});
        QCOMPARE(got[0].samples.size(), size_t(2));
        QCOMPARE(got[0].samples.back().t, int64_t(3000));

        // A failing series write aborts too, and the series is logged by the
        // next successful commit.
        sink.failSamples = false;
        sink.failSeries = true;
        auto c = app->append(0, series("m", "c"), 1000, 1);
        QVERIFY(c.isOk());
        QCOMPARE(app->commit().code(), Status::Code::IOError);
        QVERIFY(query(head, 0, 10000, {eq("instance", "c")}).empty());
        sink.failSeries = false;
        QVERIFY(app->append(*c, {}, 1000, 1).isOk());
        QVERIFY(app->commit().isOk());
        QCOMPARE(sink.calls.size(), size_t(2));
        QCOMPARE(sink.calls[0].refs, std::vector<uint64_t>{*c});
        QCOMPARE(query(head, 0, 10000, {eq("instance", "c")}).size(), size_t(1));
    }

    void appendErrors()
    {
        Head head;
        auto app = head.appender();
        QCOMPARE(app->append(12345, {}, 1000, 1).status().code(), Status::Code::NotFound);
        QCOMPARE(app->append(0, {}, 1000, 1).status().code(), Status::Code::InvalidArgument);
        // Unknown ref with labels falls back to the labels.
        auto r = app->append(12345, series("m"), 1000, 1);
        QVERIFY(r.isOk());
        QVERIFY(*r != 12345);
        auto unsorted = model::Labels::fromSorted({{"b", "1"}, {"a", "2"}});
        QCOMPARE(app->append(0, unsorted, 1000, 1).status().code(), Status::Code::InvalidArgument);
        auto q = head.querier(0, 1);
        QCOMPARE((*q)->select({}).status().code(), Status::Code::InvalidArgument);
    }

    void seriesHashMatchesLabelsHash()
    {
        for (const auto &l : {series("a"), series("b", "c"), model::Labels{{"x", std::string(100000, 'y')}},
                              model::Labels{}}) {
            QCOMPARE(seriesHash(l), l.hash());
        }
    }

    void optionsValidation()
    {
        HeadOptions bad;
        bad.chunkRangeMs = 0;
        bad.samplesPerChunk = 70000;
        QCOMPARE(bad.validate().code(), Status::Code::InvalidArgument);
        QVERIFY(HeadOptions{}.validate().isOk());
        Head head(bad);  // sanitized, still works
        QCOMPARE(head.options().chunkRangeMs, HeadOptions{}.chunkRangeMs);
        QCOMPARE(head.options().samplesPerChunk, 120u);
        auto app = head.appender();
        QVERIFY(app->append(0, series("m"), -5, 1).isOk());
        QVERIFY(app->commit().isOk());
    }

    void labelNamesAndValues()
    {
        Head head;
        auto app = head.appender();
        QVERIFY(app->append(0, model::Labels{{"__name__", "up"}, {"job", "node"}, {"zone", "x"}}, 1, 1).isOk());
        QVERIFY(app->append(0, model::Labels{{"__name__", "up"}, {"job", "prom"}}, 1, 1).isOk());
        QVERIFY(app->append(0, model::Labels{{"__name__", "down"}, {"job", "node"}}, 1, 1).isOk());
        QVERIFY(app->commit().isOk());
        auto q = head.querier(0, 10);
        QCOMPARE(*(*q)->labelNames({}), (std::vector<std::string>{"__name__", "job", "zone"}));
        QCOMPARE(*(*q)->labelValues("job", {}), (std::vector<std::string>{"node", "prom"}));
        QCOMPARE(*(*q)->labelValues("nope", {}), std::vector<std::string>{});
        QCOMPARE(*(*q)->labelNames({eq("job", "prom")}), (std::vector<std::string>{"__name__", "job"}));
        QCOMPARE(*(*q)->labelValues("__name__", {eq("job", "node")}), (std::vector<std::string>{"down", "up"}));
    }
};

QTEST_GUILESS_MAIN(TestHead)
#include "tst_head.moc"
