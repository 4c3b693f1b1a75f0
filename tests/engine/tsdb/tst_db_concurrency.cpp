// Db under concurrent use, the ThreadSanitizer target for storage: writers
// append and commit samples moving through time while readers query every
// series and a maintainer persists, compacts, checkpoints and applies
// retention (small block ranges so all of that happens within seconds).
// Checked: every read sees strictly increasing timestamps and only values
// that were written for that (series, t); at the end every written sample is
// readable. Run it under -DVIGIL_SANITIZE=thread for race reports.
#include "tsdb/db.h"

#include "model/matcher.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace vigil;
using namespace vigil::tsdb;

namespace {

constexpr int kWriters = 3;
constexpr int kSeriesPerWriter = 20;
constexpr int kStepsPerWriter = 3000;
constexpr int64_t kStep = 1000;  // ms: 3000 steps span 50 minutes of data

double valueFor(int id, int64_t t) { return double(id) * 1e9 + double(t); }

model::Labels labelsFor(int id)
{
    return model::Labels{{"__name__", "conc"}, {"id", std::to_string(id)}};
}

}  // namespace

class TestDbConcurrency : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void appendQueryMaintainConcurrently()
    {
        QTemporaryDir dir;
        DbOptions o;
        o.blockRangeMs = 5 * 60 * 1000;    // 5 min blocks
        o.headKeepMs = 15 * 60 * 1000;      // writers may drift apart this far without hitting out-of-bounds
        o.compactRangeMs = 20 * 60 * 1000;  // compacted in 20 min ranges
        o.maintenanceInterval = std::chrono::milliseconds(0);  // the maintainer thread below does it
        auto db = Db::open(dir.filePath(QStringLiteral("db")).toStdString(), o);
        QVERIFY2(db.isOk(), db.status().toString().c_str());
        Db &d = **db;

        std::atomic<bool> stop{false};
        std::atomic<int> badReads{0}, writeErrors{0}, maintainErrors{0}, reads{0}, passes{0};
        std::vector<std::thread> threads;
        for (int w = 0; w < kWriters; ++w) {
            threads.emplace_back([&, w] {
                std::vector<storage::SeriesRef> refs(kSeriesPerWriter, 0);
                for (int step = 0; step < kStepsPerWriter; ++step) {
                    const int64_t t = int64_t(step) * kStep;
                    auto app = d.appender();
                    for (int i = 0; i < kSeriesPerWriter; ++i) {
                        const int id = w * kSeriesPerWriter + i;
                        auto r = app->append(refs[size_t(i)], labelsFor(id), t, valueFor(id, t));
                        if (r.isOk())
                            refs[size_t(i)] = *r;
                        else
                            writeErrors.fetch_add(1);
                    }
                    if (!app->commit().isOk()) writeErrors.fetch_add(1);
                }
            });
        }
        for (int r = 0; r < 2; ++r) {
            threads.emplace_back([&] {
                auto m = model::Matcher::create(model::Matcher::Type::Equal, "__name__", "conc");
                while (!stop.load()) {
                    auto q = d.querier(INT64_MIN, INT64_MAX);
                    if (!q.isOk()) continue;
                    auto set = (*q)->select({*m});
                    if (!set.isOk()) continue;
                    for (const auto &s : *set) {
                        const int id = std::stoi(std::string(s->labels().get("id")));
                        auto it = s->iterator();
                        int64_t last = INT64_MIN;
                        while (it->next()) {
                            const auto smp = it->at();
                            if (smp.t <= last || smp.v != valueFor(id, smp.t)) badReads.fetch_add(1);
                            last = smp.t;
                        }
                    }
                    reads.fetch_add(1);
                }
            });
        }
        threads.emplace_back([&] {
            while (!stop.load()) {
                if (!d.maintain().isOk()) maintainErrors.fetch_add(1);
                passes.fetch_add(1);
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
        });
        for (int w = 0; w < kWriters; ++w) threads[size_t(w)].join();
        stop.store(true);
        for (size_t i = kWriters; i < threads.size(); ++i) threads[i].join();
        qInfo("%d reads, %d maintenance passes, %llu blocks written", reads.load(), passes.load(),
              (unsigned long long)d.stats().blocksWritten);
        QCOMPARE(writeErrors.load(), 0);
        QCOMPARE(badReads.load(), 0);
        QCOMPARE(maintainErrors.load(), 0);
        QVERIFY(d.stats().blocksWritten > 0);

        // Everything written is readable, once.
        auto q = d.querier(INT64_MIN, INT64_MAX);
        QVERIFY(q.isOk());
        auto m = model::Matcher::create(model::Matcher::Type::Equal, "__name__", "conc");
        auto set = (*q)->select({*m});
        QVERIFY(set.isOk());
        QCOMPARE(int(set->size()), kWriters * kSeriesPerWriter);
        for (const auto &s : *set) {
            auto it = s->iterator();
            int n = 0;
            while (it->next()) ++n;
            QCOMPARE(n, kStepsPerWriter);
        }
        QVERIFY(d.close().isOk());
    }
};

QTEST_GUILESS_MAIN(TestDbConcurrency)
#include "tst_db_concurrency.moc"
