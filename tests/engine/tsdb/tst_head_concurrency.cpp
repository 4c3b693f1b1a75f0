// Writers append and commit while readers query and a janitor truncates:
// every series a reader sees must have strictly increasing timestamps inside
// the query range and only values that were written for that (series, t).
#include "tsdb/head.h"

#include "tsdb_test_util.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <random>
#include <string>
#include <thread>
#include <vector>

using namespace vigil;
using namespace vigil::tsdb;

namespace {

constexpr int kWriters = 3;
constexpr int kSeriesPerWriter = 40;
constexpr int64_t kStep = 1000;

// The only value ever written for (series id, t).
double valueFor(int id, int64_t t) { return double(id) * 1e9 + double(t); }

model::Labels seriesLabels(int writer, int i)
{
    const int id = writer * kSeriesPerWriter + i;
    return model::Labels{{"__name__", i % 2 ? "odd" : "even"},
                         {"id", std::to_string(id)},
                         {"kind", "stable"},
                         {"writer", "w" + std::to_string(writer)}};
}

// Short-lived series: a new one every kChurnSteps steps per writer, so
// truncate() removes series while readers and writers run.
constexpr int64_t kChurnSteps = 200;
int churnId(int writer, int64_t step) { return 100000 + writer * 100000 + int(step / kChurnSteps); }
model::Labels churnLabels(int writer, int64_t step)
{
    return model::Labels{{"__name__", "odd"},
                         {"id", std::to_string(churnId(writer, step))},
                         {"kind", "churn"},
                         {"writer", "w" + std::to_string(writer)}};
}

}  // namespace

class TestHeadConcurrency : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void appendWhileQuerying_data()
    {
        QTest::addColumn<qint64>("oooWindow");
        QTest::newRow("in-order") << qint64(0);
        QTest::newRow("out-of-order-window") << qint64(10 * kStep);
    }
    void appendWhileQuerying()
    {
        QFETCH(qint64, oooWindow);
        HeadOptions opts;
        opts.chunkRangeMs = 50 * kStep;  // frequent range cuts as well as 120-sample cuts
        opts.outOfOrderWindowMs = oooWindow;
        opts.outOfOrderCapacity = 8;
        Head head(opts);

        std::atomic<bool> stop{false};
        std::atomic<int64_t> minStep{0};  // lowest step all writers have passed
        std::vector<std::atomic<int64_t>> progress(kWriters);
        for (auto &p : progress) p = 0;
        std::atomic<int> failures{0};
        std::atomic<int64_t> queries{0}, samplesRead{0};
        std::vector<std::string> errors(kWriters + 8);

        auto writer = [&](int w) {
            auto app = head.appender();
            std::vector<storage::SeriesRef> refs(kSeriesPerWriter, 0);
            std::mt19937 rng(w);
            for (int64_t step = 1; !stop.load(); ++step) {
                const int64_t t = step * kStep;
                for (int i = 0; i < kSeriesPerWriter; ++i) {
                    const int id = w * kSeriesPerWriter + i;
                    auto r = app->append(refs[i], seriesLabels(w, i), t, valueFor(id, t));
                    if (!r.isOk()) {
                        errors[w] = r.status().toString();
                        failures++;
                        return;
                    }
                    refs[i] = *r;
                    if (i == 0) {
                        const int cid = churnId(w, step);
                        auto c = app->append(0, churnLabels(w, step), t, valueFor(cid, t));
                        if (!c.isOk()) {
                            errors[w] = c.status().toString();
                            failures++;
                            return;
                        }
                    }
                    if (oooWindow > 0 && rng() % 4 == 0 && step > 5) {
                        // Out of order, inside the window; may be out of
                        // bounds after a truncation, which is fine.
                        const int64_t old = t - int64_t(rng() % 5 + 1) * kStep + 500;
                        auto o = app->append(refs[i], {}, old, valueFor(id, old));
                        if (!o.isOk() && o.status().message() != storage::kErrOutOfBounds &&
                            o.status().message() != storage::kErrTooOldSample) {
                            errors[w] = o.status().toString();
                            failures++;
                            return;
                        }
                    }
                }
                if (Status st = app->commit(); !st.isOk()) {
                    errors[w] = st.toString();
                    failures++;
                    return;
                }
                progress[w] = step;
            }
        };

        auto reader = [&](int r) {
            std::mt19937 rng(100 + r);
            while (!stop.load()) {
                int64_t hi = progress[rng() % kWriters].load() * kStep;
                const int64_t lo = std::max<int64_t>(0, hi - int64_t(rng() % 400) * kStep - int64_t(rng() % 997));
                hi += int64_t(rng() % 3000);
                auto q = head.querier(lo, hi);
                std::vector<model::Matcher> ms;
                switch (rng() % 3) {
                case 0: ms = {tsdbtest::eq("__name__", "odd")}; break;
                case 1: ms = {tsdbtest::eq("writer", "w" + std::to_string(rng() % kWriters))}; break;
                default:
                    ms = {tsdbtest::mustMatcher(model::Matcher::Type::Regex, "id", "1.*"),
                          tsdbtest::mustMatcher(model::Matcher::Type::NotEqual, "__name__", "even")};
                }
                auto set = (*q)->select(ms);
                if (!set.isOk()) {
                    errors[kWriters + r] = set.status().toString();
                    failures++;
                    return;
                }
                for (const auto &s : *set) {
                    const int id = std::stoi(std::string(s->labels().get("id")));
                    auto it = s->iterator();
                    int64_t prev = std::numeric_limits<int64_t>::min();
                    int64_t n = 0;
                    while (it->next()) {
                        const auto smp = it->at();
                        if (smp.t <= prev || smp.t < lo || smp.t > hi ||
                            tsdbtest::bits(smp.v) != tsdbtest::bits(valueFor(id, smp.t))) {
                            errors[kWriters + r] = "bad sample in " + s->labels().toString() + " at " +
                                                   std::to_string(smp.t);
                            failures++;
                            return;
                        }
                        prev = smp.t;
                        ++n;
                    }
                    if (!it->status().isOk() || n == 0) {
                        errors[kWriters + r] = "series " + s->labels().toString() + " unreadable or empty";
                        failures++;
                        return;
                    }
                    samplesRead += n;
                }
                queries++;
            }
        };

        auto janitor = [&] {
            while (!stop.load()) {
                int64_t low = std::numeric_limits<int64_t>::max();
                for (auto &p : progress) low = std::min<int64_t>(low, p.load());
                const int64_t cut = (low - 300) * kStep;
                if (cut > 0) {
                    head.truncate(cut);
                    minStep = low - 300;
                }
                (void)head.closedChunksBefore(cut);
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
        };

        std::vector<std::thread> threads;
        for (int w = 0; w < kWriters; ++w) threads.emplace_back(writer, w);
        for (int r = 0; r < 2; ++r) threads.emplace_back(reader, r);
        threads.emplace_back(janitor);
        // Run for at least 1.5 s and until truncation has had old series to
        // remove (slow builds, e.g. sanitizers, need longer); give up at 120 s.
        const auto start = std::chrono::steady_clock::now();
        for (;;) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            const auto elapsed = std::chrono::steady_clock::now() - start;
            int64_t low = std::numeric_limits<int64_t>::max();
            for (auto &p : progress) low = std::min<int64_t>(low, p.load());
            if (failures.load() > 0 || elapsed > std::chrono::seconds(120)) break;
            if (elapsed > std::chrono::milliseconds(1500) && low > 4 * kChurnSteps + 300 &&
                head.stats().seriesRemoved > 0)
                break;
        }
        stop = true;
        for (auto &t : threads) t.join();

        for (const auto &e : errors) {
            if (!e.empty()) qWarning("%s", e.c_str());
        }
        QCOMPARE(failures.load(), 0);
        QVERIFY(queries.load() > 10);
        QVERIFY(samplesRead.load() > 0);

        // Afterwards every series holds every in-order step since the last
        // truncation, exactly once.
        auto q = head.querier(0, std::numeric_limits<int64_t>::max());
        auto set = (*q)->select({tsdbtest::eq("kind", "stable")});
        QCOMPARE(int(set->size()), kWriters * kSeriesPerWriter);
        const int64_t from = head.minValidTime() == std::numeric_limits<int64_t>::min() ? kStep : head.minValidTime();
        for (const auto &s : *set) {
            const int w = std::stoi(std::string(s->labels().get("writer")).substr(1));
            const int64_t last = progress[w].load() * kStep;
            // truncate() keeps chunks that reach the cut point, so data may
            // start a little before it, never after.
            const int64_t firstKept = (from + kStep - 1) / kStep * kStep;
            int64_t expect = std::numeric_limits<int64_t>::min();
            auto it = s->iterator();
            int64_t inOrder = 0;
            while (it->next()) {
                if (it->at().t % kStep != 0) continue;  // out-of-order extras
                if (expect == std::numeric_limits<int64_t>::min()) {
                    QVERIFY(it->at().t <= firstKept);
                    expect = it->at().t;
                }
                QCOMPARE(it->at().t, expect);
                expect += kStep;
                ++inOrder;
            }
            QVERIFY(it->status().isOk());
            QCOMPARE(expect - kStep, last);
            QVERIFY(inOrder > 0);
        }
        const HeadStats st = head.stats();
        QVERIFY(st.chunksCreated > 0);
        QVERIFY(st.seriesRemoved > 0);
        if (oooWindow > 0) QVERIFY(st.outOfOrderSamplesAppended > 0);
        qInfo("writers committed up to step %lld; %lld queries read %lld samples; %llu series removed",
              (long long)progress[0].load(), (long long)queries.load(), (long long)samplesRead.load(),
              (unsigned long long)st.seriesRemoved);
    }
};

QTEST_GUILESS_MAIN(TestHeadConcurrency)
#include "tst_head_concurrency.moc"
