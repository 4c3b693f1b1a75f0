// One target that sends a 100 MB body (25 MB when instrumented) slowly (2 MiB every 20 ms, ~7 million
// sample lines that take seconds to parse and append) must not hold up the
// scrapes of another target: the healthy target's scrape timestamps, as
// stored in the TSDB, stay on its 500 ms grid (every slot present, each gap
// within a small jitter) for as long as the big body is being received,
// parsed and appended, at least twice over.
//
// Before the ingest pool (engine/scrape/scrape_worker.h) every target was
// parsed on the one scrape thread, and the healthy target's timestamps showed
// gaps of whole seconds here.
#include "head_reader.h"
#include "test_http_server.h"

#include "scrape/prometheus_config.h"
#include "scrape/scrape_manager.h"
#include "tsdb/head.h"

#include <QTest>

#include <algorithm>

using namespace vigil;
using namespace vigil::scrape;
using vigil::testing::readSeries;
using vigil::testing::Route;
using vigil::testing::TestHttpServer;

namespace {
// Instrumented builds (ASan/UBSan, TSan) parse several times slower, and two complete scrapes of the
// whole body no longer fit the wait: there a quarter of it, which still takes seconds to parse — the
// window the healthy target's grid is checked over.
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define VIGIL_TEST_INSTRUMENTED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__) || defined(VIGIL_TEST_INSTRUMENTED)
constexpr int kBodyMiB = 25;
#else
constexpr int kBodyMiB = 100;
#endif
}  // namespace

class TestSlowBodyIsolation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void hugeSlowBodyDoesNotDelayOtherTargets()
    {
        TestHttpServer http;
        QVERIFY(http.listenLoopback());
        Route ok{};
        ok.body = "healthy_metric 1\n";
        http.setRoute("/ok", ok);

        // 1000 distinct series, repeated: the work is parsing, not memory.
        QByteArray block;
        for (int i = 0; i < 1000; ++i) block += "big{i=\"" + QByteArray::number(i) + "\"} 1\n";
        Route big{};
        big.body = block.repeated(int((qsizetype(kBodyMiB) << 20) / block.size()));
        big.trickleBytes = 2 << 20;
        big.trickleIntervalMs = 20;
        const qsizetype bigLines = big.body.count('\n');
        http.setRoute("/big", big);
        big.body.clear();

        const std::string h = http.address().toStdString();
        const std::string yaml = "scrape_configs:\n"
                                 "  - job_name: healthy\n    metrics_path: /ok\n"
                                 "    scrape_interval: 500ms\n    scrape_timeout: 400ms\n"
                                 "    static_configs:\n      - targets: ['" + h + "']\n"
                                 "  - job_name: big\n    metrics_path: /big\n"
                                 "    scrape_interval: 5s\n    scrape_timeout: 4500ms\n"
                                 "    static_configs:\n      - targets: ['" + h + "']\n";
        auto cfg = PrometheusConfig::loadString(yaml, "isolation.yml");
        QVERIFY2(cfg, cfg.status().message().c_str());

        tsdb::Head head;
        ScrapeManager mgr(&head);
        QVERIFY(mgr.applyConfig(*cfg));

        // Two complete scrapes of the big body (each one's synthetic series
        // carry its timestamp and how many samples it parsed).
        auto bigScrapes = [&] {
            return readSeries(head, {{"__name__", "scrape_samples_scraped"}, {"job", "big"}});
        };
        QTRY_VERIFY_WITH_TIMEOUT(!bigScrapes().empty() && bigScrapes()[0].samples.size() >= 2, 60000);
        const auto scraped = bigScrapes()[0].samples;
        QCOMPARE(scraped[0].v, double(bigLines));
        QCOMPARE(scraped[1].v, double(bigLines));
        const auto durations = readSeries(head, {{"__name__", "scrape_duration_seconds"}, {"job", "big"}});
        QVERIFY(!durations.empty() && durations[0].samples.size() >= 2);
        qInfo("big body: %lld lines, scrape durations %.2f s, %.2f s", qint64(bigLines),
              durations[0].samples[0].v, durations[0].samples[1].v);
        // The big target's second scrape ended before the last healthy sample we look at.
        const int64_t windowStart = scraped[0].t;
        const int64_t windowEnd = scraped[1].t + int64_t(durations[0].samples[1].v * 1000);
        auto lastHealthy = [&] {
            const auto h = readSeries(head, {{"__name__", "healthy_metric"}});
            return h.empty() || h[0].samples.empty() ? int64_t(0) : h[0].samples.back().t;
        };
        QTRY_VERIFY_WITH_TIMEOUT(lastHealthy() > windowEnd + 1000, 10000);
        mgr.stop();

        const auto healthy = readSeries(head, {{"__name__", "healthy_metric"}, {"job", "healthy"}});
        QCOMPARE(healthy.size(), size_t(1));
        const auto &s = healthy[0].samples;
        constexpr int64_t kInterval = 500, kJitter = 200;
        int64_t minGap = INT64_MAX, maxGap = 0;
        int inWindow = 0;
        for (size_t i = 1; i < s.size(); ++i) {
            if (s[i].t < windowStart || s[i - 1].t > windowEnd) continue;
            ++inWindow;
            const int64_t gap = s[i].t - s[i - 1].t;
            minGap = std::min(minGap, gap);
            maxGap = std::max(maxGap, gap);
            QVERIFY2(std::abs(gap - kInterval) <= kJitter,
                     qPrintable(QStringLiteral("healthy scrape gap %1 ms at %2 (big scrapes at %3 and %4)")
                                    .arg(gap).arg(s[i].t).arg(scraped[0].t).arg(scraped[1].t)));
        }
        qInfo("healthy: %d gaps while the big body was scraped, %lld..%lld ms", inWindow, qint64(minGap),
              qint64(maxGap));
        // Every slot of the window is there (none skipped).
        QVERIFY2(inWindow >= (windowEnd - windowStart) / kInterval - 1, qPrintable(QString::number(inWindow)));
    }
};

QTEST_GUILESS_MAIN(TestSlowBodyIsolation)
#include "tst_slow_body_isolation.moc"
