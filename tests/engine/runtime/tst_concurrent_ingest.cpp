// Everything that touches the TSDB at once, for ThreadSanitizer (and ASan)
// to watch: a ScrapeManager scraping three loopback targets every 100 ms
// into a tsdb::Db (scrape thread + ingest pool), two threads appending and
// committing their own series, two threads querying (select + iterate every
// series over the whole range) and one thread running maintenance (persist
// 1 s blocks, compact them into 4 s blocks, retention) in a loop, for a
// bounded few seconds. Then every sample a writer had committed is read
// back, the scraped targets are up with their samples stored, and blocks
// were both persisted and compacted.
//
// Run under TSan: see docs/testing.md (-DVIGIL_SANITIZE=thread).
#include "../scrape/test_http_server.h"

#include "model/matcher.h"
#include "scrape/prometheus_config.h"
#include "scrape/scrape_manager.h"
#include "tsdb/db.h"

#include <QDateTime>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <chrono>
#include <limits>
#include <mutex>
#include <set>
#include <thread>

using namespace vigil;

namespace {

model::Matcher eq(const std::string &name, const std::string &value)
{
    return *model::Matcher::create(model::Matcher::Type::Equal, name, value);
}

// Values of every sample of the series matching, whole range.
std::vector<double> values(tsdb::Db &db, const std::vector<model::Matcher> &ms, size_t *seriesCount = nullptr)
{
    std::vector<double> out;
    auto q = db.querier(std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max());
    if (!q) return out;
    auto set = (*q)->select(ms);
    if (!set) return out;
    if (seriesCount) *seriesCount = set->size();
    for (const auto &s : *set) {
        auto it = s->iterator();
        while (it->next()) out.push_back(it->at().v);
    }
    return out;
}

}  // namespace

class TestConcurrentIngest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void appendQueryCompactAndScrapeTogether()
    {
        vigil::testing::TestHttpServer http;
        QVERIFY(http.listenLoopback());
        for (int i = 0; i < 3; ++i) {
            QByteArray body;
            for (int s = 0; s < 200; ++s)
                body += "scraped_metric{target=\"" + QByteArray::number(i) + "\",s=\"" + QByteArray::number(s) +
                        "\"} " + QByteArray::number(s) + "\n";
            vigil::testing::Route r{};
            r.body = body;
            http.setRoute("/t" + QByteArray::number(i), r);
        }
        std::string yaml = "global:\n  scrape_interval: 100ms\n  scrape_timeout: 90ms\nscrape_configs:\n";
        for (int i = 0; i < 3; ++i)
            yaml += "- job_name: t" + std::to_string(i) + "\n  metrics_path: /t" + std::to_string(i) +
                    "\n  static_configs: [{targets: ['" + http.address().toStdString() + "']}]\n";
        auto cfg = scrape::PrometheusConfig::loadString(yaml, "stress.yml");
        QVERIFY2(cfg, cfg.status().message().c_str());

        QTemporaryDir dir;
        tsdb::DbOptions o;
        o.maintenanceInterval = std::chrono::milliseconds(0);  // our own maintenance thread
        o.retentionMs = 60'000;
        o.blockRangeMs = 1000;
        o.headKeepMs = 0;
        o.compactRangeMs = 4000;
        auto opened = tsdb::Db::open(dir.path().toStdString(), o);
        QVERIFY2(opened.isOk(), opened.status().toString().c_str());
        tsdb::Db &db = **opened;

        scrape::ScrapeManager mgr(&db);
        QVERIFY(mgr.applyConfig(*cfg));

        std::atomic<bool> stop{false};
        std::mutex mu;
        std::set<int64_t> committed;  // ids of the writers' committed samples
        std::atomic<int64_t> nextId{0}, queries{0}, passes{0}, maintenanceErrors{0};
        std::vector<std::thread> threads;
        for (int w = 0; w < 2; ++w) {
            threads.emplace_back([&, w] {
                while (!stop.load()) {
                    auto app = db.appender();
                    std::vector<int64_t> batch;
                    const int64_t now = QDateTime::currentMSecsSinceEpoch();
                    for (int k = 0; k < 20; ++k) {
                        const int64_t id = nextId.fetch_add(1);
                        const model::Labels ls{{"__name__", "written"}, {"writer", std::to_string(w)},
                                               {"k", std::to_string(k)}};
                        if (app->append(0, ls, now, double(id)).isOk()) batch.push_back(id);
                    }
                    if (app->commit().isOk()) {
                        std::lock_guard lock(mu);
                        committed.insert(batch.begin(), batch.end());
                    }
                    std::this_thread::sleep_for(std::chrono::milliseconds(2));
                }
            });
        }
        for (int r = 0; r < 2; ++r) {
            threads.emplace_back([&, r] {
                const std::string name = r == 0 ? "written" : "scraped_metric";
                while (!stop.load()) {
                    (void)values(db, {eq("__name__", name)});
                    queries.fetch_add(1);
                }
            });
        }
        threads.emplace_back([&] {
            while (!stop.load()) {
                if (db.maintain().isOk())
                    passes.fetch_add(1);
                else
                    maintenanceErrors.fetch_add(1);
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
        });

        // Run long enough for several 4 s compaction ranges, keeping the
        // event loop (the test HTTP server) going.
        QTest::qWait(9000);
        stop.store(true);
        for (auto &t : threads) t.join();
        mgr.stop();

        for (const scrape::TargetSnapshot &t : mgr.targets())
            QVERIFY2(t.health.health == scrape::HealthState::Up, t.job.c_str());
        size_t scrapedSeries = 0;
        const auto scraped = values(db, {eq("__name__", "scraped_metric")}, &scrapedSeries);
        QCOMPARE(scrapedSeries, size_t(600));
        QVERIFY2(scraped.size() > 600 * 10, qPrintable(QString::number(scraped.size())));

        QVERIFY(db.persistAll().isOk());
        std::set<int64_t> found;
        for (double v : values(db, {eq("__name__", "written")}))
            if (!std::isnan(v)) found.insert(int64_t(v));
        size_t lost = 0;
        for (int64_t id : committed) lost += found.count(id) ? 0 : 1;
        const QStringList blocks = QDir(dir.filePath(QStringLiteral("blocks"))).entryList(QDir::Files);
        qInfo("committed %zu, lost %zu, queries %lld, maintenance passes %lld (errors %lld), scraped samples %zu, "
              "block files %lld",
              committed.size(), lost, qint64(queries.load()), qint64(passes.load()),
              qint64(maintenanceErrors.load()), scraped.size(), qint64(blocks.size()));
        QCOMPARE(lost, size_t(0));
        QVERIFY(!committed.empty());
        QVERIFY(queries.load() > 10);
        QVERIFY(passes.load() > 10);
        QCOMPARE(maintenanceErrors.load(), int64_t(0));
        QVERIFY2(!blocks.isEmpty(), "maintenance persisted no block");
        QVERIFY(db.close().isOk());
    }
};

QTEST_GUILESS_MAIN(TestConcurrentIngest)
#include "tst_concurrent_ingest.moc"
