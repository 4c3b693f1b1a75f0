// ScrapeProcessor against a real tsdb::Head: target labels and honor_labels,
// honor_timestamps, metric relabeling, limits, all-or-nothing appends,
// staleness markers and the synthetic series; and GzipDecoder.
#include "gzip_util.h"
#include "head_reader.h"

#include "scrape/gzip_decoder.h"
#include "scrape/prometheus_config.h"
#include "scrape/scrape_processor.h"

#include <QTest>

#include <cmath>

using namespace vigil;
using namespace vigil::scrape;
using vigil::testing::lastIsStale;
using vigil::testing::lastValue;
using vigil::testing::readSeries;

namespace {

const model::Labels kTarget{{"instance", "h:1"}, {"job", "j"}};

ScrapeConfig jobFrom(const std::string &extra)
{
    auto cfg = PrometheusConfig::loadString("scrape_configs:\n  - job_name: j\n" + extra, "t.yml");
    if (!cfg) qFatal("%s", cfg.status().message().c_str());
    return cfg->scrapeConfigs.at(0);
}

struct Fixture {
    explicit Fixture(const std::string &extra = {}) : proc(jobFrom(extra), kTarget) {}
    Status scrape(const std::string &body, int64_t ts, exposition::Format fmt = exposition::Format::Text,
                  Status fetch = Status::ok())
    {
        return proc.scrape(&head, fetch, body, fmt, ts, 0.25, &report, &metadata);
    }
    tsdb::Head head;
    ScrapeProcessor proc;
    ScrapeReport report;
    exposition::MetadataCollector metadata;
};

}  // namespace

class TestScrapeProcessor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void appendsWithTargetLabelsAndReport()
    {
        Fixture f;
        QVERIFY(f.scrape("# HELP a An a.\n# TYPE a gauge\na 1\nb{x=\"y\"} 2\n", 1000));
        auto a = readSeries(f.head, {{"__name__", "a"}});
        QCOMPARE(a.size(), size_t(1));
        QCOMPARE(a[0].labels.toString(), std::string("a{instance=\"h:1\", job=\"j\"}"));
        QCOMPARE(a[0].samples.size(), size_t(1));
        QCOMPARE(a[0].samples[0].t, int64_t(1000));
        QCOMPARE(a[0].samples[0].v, 1.0);
        QCOMPARE(lastValue(f.head, {{"__name__", "b"}, {"x", "y"}, {"job", "j"}}), 2.0);
        QCOMPARE(lastValue(f.head, {{"__name__", "up"}, {"job", "j"}, {"instance", "h:1"}}), 1.0);
        QCOMPARE(lastValue(f.head, {{"__name__", "scrape_duration_seconds"}}), 0.25);
        QCOMPARE(lastValue(f.head, {{"__name__", "scrape_samples_scraped"}}), 2.0);
        QCOMPARE(lastValue(f.head, {{"__name__", "scrape_samples_post_metric_relabeling"}}), 2.0);
        QCOMPARE(lastValue(f.head, {{"__name__", "scrape_series_added"}}), 2.0);
        QVERIFY(f.metadata.find("a"));
        QCOMPARE(f.metadata.find("a")->help, std::string("An a."));

        QVERIFY(f.scrape("a 3\nb{x=\"y\"} 4\n", 2000));
        QCOMPARE(lastValue(f.head, {{"__name__", "scrape_series_added"}}), 0.0);
        QCOMPARE(readSeries(f.head, {{"__name__", "a"}})[0].samples.size(), size_t(2));
        QCOMPARE(f.proc.activeSeries(), size_t(2));
    }

    void exposedLabelsConflict()
    {
        Fixture f;
        QVERIFY(f.scrape("m{job=\"other\",instance=\"i2\",exported_job=\"x\"} 1\n", 1000));
        auto s = readSeries(f.head, {{"__name__", "m"}});
        QCOMPARE(s.size(), size_t(1));
        QCOMPARE(
            s[0].labels.toString(),
            std::string("m{exported_exported_job=\"other\", exported_instance=\"i2\", exported_job=\"x\", "
                        "instance=\"h:1\", job=\"j\"}"));
    }

    void honorLabels()
    {
        Fixture f("    honor_labels: true\n");
        QVERIFY(f.scrape("m{job=\"other\"} 1\n", 1000));
        auto s = readSeries(f.head, {{"__name__", "m"}});
        QCOMPARE(s[0].labels.toString(), std::string("m{instance=\"h:1\", job=\"other\"}"));
    }

    void honorTimestamps()
    {
        Fixture on;
        QVERIFY(on.scrape("m 1 500\n", 1000));
        QCOMPARE(readSeries(on.head, {{"__name__", "m"}})[0].samples[0].t, int64_t(500));
        Fixture off("    honor_timestamps: false\n");
        QVERIFY(off.scrape("m 1 500\n", 1000));
        QCOMPARE(readSeries(off.head, {{"__name__", "m"}})[0].samples[0].t, int64_t(1000));
    }

    void metricRelabeling()
    {
        Fixture f(
            "    metric_relabel_configs:\n      - source_labels: [__name__]\n        regex: 'go_.*'\n"
            "        action: drop\n      - source_labels: [path]\n        target_label: handler\n"
            "      - regex: path\n        action: labeldrop\n");
        QVERIFY(f.scrape("go_goroutines 5\nhttp_requests_total{path=\"/a\"} 7\n", 1000));
        QVERIFY(readSeries(f.head, {{"__name__", "go_goroutines"}}).empty());
        auto s = readSeries(f.head, {{"__name__", "http_requests_total"}});
        QCOMPARE(s.size(), size_t(1));
        QCOMPARE(std::string(s[0].labels.get("handler")), std::string("/a"));
        QVERIFY(!s[0].labels.has("path"));
        QCOMPARE(lastValue(f.head, {{"__name__", "scrape_samples_scraped"}}), 2.0);
        QCOMPARE(lastValue(f.head, {{"__name__", "scrape_samples_post_metric_relabeling"}}), 1.0);
        // Cached decisions hold on the next scrape.
        QVERIFY(f.scrape("go_goroutines 6\nhttp_requests_total{path=\"/a\"} 8\n", 2000));
        QVERIFY(readSeries(f.head, {{"__name__", "go_goroutines"}}).empty());
        QCOMPARE(lastValue(f.head, {{"__name__", "http_requests_total"}}), 8.0);
    }

    void limits_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("error");
        QTest::newRow("sample_limit") << "    sample_limit: 2\n"
                                      << "a 1\nb 2\nc 3\n"
                                      << "sample limit exceeded";
        QTest::newRow("sample_limit counts after relabeling")
            << "    sample_limit: 2\n    metric_relabel_configs:\n      - source_labels: [__name__]\n"
               "        regex: c\n        action: drop\n"
            << "a 1\nb 2\nc 3\n"
            << "";
        QTest::newRow("label_limit") << "    label_limit: 4\n"
                                     << "a{x=\"1\"} 1\nb{x=\"1\",y=\"2\"} 2\n"
                                     << "label_limit exceeded (metric: b, number of labels: 5, limit: 4)";
        QTest::newRow("label_name_length_limit")
            << "    label_name_length_limit: 8\n"
            << "a{short=\"1\"} 1\nb{longer_name=\"2\"} 2\n"
            << "label_name_length_limit exceeded (metric: b, label name: "
               "longer_name, length: 11, limit: 8)";
        QTest::newRow("label_value_length_limit")
            << "    label_value_length_limit: 3\n"
            << "a{v=\"abc\"} 1\nb{v=\"abcd\"} 2\n"
            << "label_value_length_limit exceeded (metric: b, label name: v, "
               "value: \"abcd\", length: 4, limit: 3)";
    }
    void limits()
    {
        QFETCH(QString, config);
        QFETCH(QString, body);
        QFETCH(QString, error);
        Fixture f(config.toStdString());
        Status st = f.scrape(body.toStdString(), 1000);
        if (error.isEmpty()) {
            QVERIFY2(st, st.message().c_str());
            return;
        }
        QVERIFY(!st);
        QCOMPARE(st.code(), Status::Code::ResourceExhausted);
        QVERIFY2(QString::fromStdString(st.message()).contains(error), st.message().c_str());
        // All or nothing: only the synthetic series exist.
        QVERIFY(readSeries(f.head, {{"__name__", "a"}}).empty());
        QCOMPARE(lastValue(f.head, {{"__name__", "up"}}), 0.0);
    }

    void parseErrorAppendsNothing()
    {
        Fixture f;
        Status st = f.scrape("good 1\nalso_good 2\nbad{ 3\n", 1000);
        QVERIFY(!st);
        QVERIFY2(st.message().rfind("3:", 0) == 0, st.message().c_str());
        QVERIFY(readSeries(f.head, {{"__name__", "good"}}).empty());
        QVERIFY(readSeries(f.head, {{"__name__", "also_good"}}).empty());
        QCOMPARE(lastValue(f.head, {{"__name__", "up"}}), 0.0);
        QCOMPARE(lastValue(f.head, {{"__name__", "scrape_samples_post_metric_relabeling"}}), 0.0);
        // The next good scrape works and sees the series as new.
        QVERIFY(f.scrape("good 1\n", 2000));
        QCOMPARE(lastValue(f.head, {{"__name__", "good"}}), 1.0);
        QCOMPARE(lastValue(f.head, {{"__name__", "scrape_series_added"}}), 1.0);
    }

    void stalenessMarkers()
    {
        Fixture f;
        QVERIFY(f.scrape("a 1\nb 2\n", 1000));
        QVERIFY(f.scrape("a 1\n", 2000));  // b disappeared
        QVERIFY(lastIsStale(f.head, {{"__name__", "b"}}));
        QCOMPARE(readSeries(f.head, {{"__name__", "b"}})[0].samples.back().t, int64_t(2000));
        QVERIFY(!lastIsStale(f.head, {{"__name__", "a"}}));
        QVERIFY(f.scrape("a 1\n", 3000));  // b is not marked again
        QCOMPARE(readSeries(f.head, {{"__name__", "b"}})[0].samples.size(), size_t(2));

        // A failed scrape marks every series of the previous scrape stale.
        QVERIFY(!f.scrape("", 4000, exposition::Format::Text,
                          Status::unavailable("server returned HTTP status 500")));
        QVERIFY(lastIsStale(f.head, {{"__name__", "a"}}));
        QCOMPARE(lastValue(f.head, {{"__name__", "up"}}), 0.0);
        // ... once.
        QVERIFY(!f.scrape("", 5000, exposition::Format::Text, Status::unavailable("down")));
        QCOMPARE(readSeries(f.head, {{"__name__", "a"}})[0].samples.size(), size_t(4));

        // Recovery.
        QVERIFY(f.scrape("a 5\nb 6\n", 6000));
        QCOMPARE(lastValue(f.head, {{"__name__", "a"}}), 5.0);
        QCOMPARE(lastValue(f.head, {{"__name__", "b"}}), 6.0);
        QCOMPARE(lastValue(f.head, {{"__name__", "up"}}), 1.0);

        // Target removed: everything stale, synthetic series too.
        QVERIFY(f.proc.markAllStale(&f.head, 7000));
        QVERIFY(lastIsStale(f.head, {{"__name__", "a"}}));
        QVERIFY(lastIsStale(f.head, {{"__name__", "b"}}));
        QVERIFY(lastIsStale(f.head, {{"__name__", "up"}}));
        QVERIFY(lastIsStale(f.head, {{"__name__", "scrape_series_added"}}));
    }

    void parseFailureMarksPreviousStale()
    {
        Fixture f;
        QVERIFY(f.scrape("a 1\n", 1000));
        QVERIFY(!f.scrape("a 2\ngarbage here\n", 2000));
        QVERIFY(lastIsStale(f.head, {{"__name__", "a"}}));
        QCOMPARE(readSeries(f.head, {{"__name__", "a"}})[0].samples.size(), size_t(2));
    }

    void explicitTimestampsAreNotMarkedStale()
    {
        Fixture f;
        QVERIFY(f.scrape("a 1 900\nb 2\n", 1000));
        QVERIFY(f.scrape("c 1\n", 2000));
        QVERIFY(!lastIsStale(f.head, {{"__name__", "a"}}));
        QVERIFY(lastIsStale(f.head, {{"__name__", "b"}}));
    }

    void sameSeriesDifferentSpellingIsNotStale()
    {
        Fixture f;
        QVERIFY(f.scrape("m{a=\"1\",b=\"2\"} 1\n", 1000));
        QVERIFY(f.scrape("m{b=\"2\",a=\"1\"} 2\n", 2000));
        auto s = readSeries(f.head, {{"__name__", "m"}});
        QCOMPARE(s.size(), size_t(1));
        QCOMPARE(s[0].samples.back().v, 2.0);
    }

    void openMetrics()
    {
        Fixture f;
        QVERIFY(f.scrape("# TYPE c counter\n# HELP c Count.\n# UNIT c \nc_total 3\n# EOF\n", 1000,
                         exposition::Format::OpenMetrics));
        QCOMPARE(lastValue(f.head, {{"__name__", "c_total"}}), 3.0);
        QVERIFY(f.metadata.find("c"));
        QCOMPARE(f.metadata.find("c")->type, exposition::MetricType::Counter);
        // Without # EOF the OpenMetrics body is invalid.
        QVERIFY(!f.scrape("c_total 4\n", 2000, exposition::Format::OpenMetrics));
    }

    void gzipRoundTrip()
    {
        QByteArray plain;
        for (int i = 0; i < 5000; ++i)
            plain += "metric_" + QByteArray::number(i) + " " + QByteArray::number(i) + "\n";
        const QByteArray gz = vigil::testing::gzipCompress(plain);
        auto out = GzipDecoder::decode(std::string_view(gz.constData(), size_t(gz.size())));
        QVERIFY2(out, out.status().message().c_str());
        QCOMPARE(QByteArray::fromStdString(*out), plain);

        // Streaming in small pieces.
        GzipDecoder d;
        std::string body;
        for (qsizetype i = 0; i < gz.size(); i += 7)
            QVERIFY(d.feed(
                std::string_view(gz.constData() + i, size_t(std::min<qsizetype>(7, gz.size() - i))), &body));
        QVERIFY(d.finish());
        QCOMPARE(QByteArray::fromStdString(body), plain);

        // Two members.
        const QByteArray two = vigil::testing::gzipCompress("a 1\n") + vigil::testing::gzipCompress("b 2\n");
        QCOMPARE(*GzipDecoder::decode(std::string_view(two.constData(), size_t(two.size()))),
                 std::string("a 1\nb 2\n"));

        // Limit on the decompressed size.
        auto limited = GzipDecoder::decode(std::string_view(gz.constData(), size_t(gz.size())), 1000);
        QVERIFY(!limited);
        QCOMPARE(limited.status().code(), Status::Code::ResourceExhausted);

        // Truncated and corrupt input.
        auto truncated = GzipDecoder::decode(std::string_view(gz.constData(), size_t(gz.size() / 2)));
        QVERIFY(!truncated);
        QVERIFY(truncated.status().message().find("unexpected EOF") != std::string::npos);
        auto corrupt = GzipDecoder::decode("not gzip at all");
        QVERIFY(!corrupt);
        QVERIFY(corrupt.status().message().rfind("gzip:", 0) == 0);
    }
};

QTEST_GUILESS_MAIN(TestScrapeProcessor)
#include "tst_scrape_processor.moc"
