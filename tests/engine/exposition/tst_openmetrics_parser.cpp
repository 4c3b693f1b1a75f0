#include "exposition/metadata_collector.h"
#include "exposition/openmetrics_parser.h"
#include "exposition/parser.h"
#include "exposition_test_util.h"
#include "node_like_body.h"

#include <QTest>

#include <cmath>

using namespace vigil::exposition;
using vigil::exposition::testutil::parseAll;

class TestOpenMetricsParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void valid_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("only EOF") << QByteArray("# EOF\n") << QStringList{};
        QTest::newRow("EOF without newline") << QByteArray("# EOF") << QStringList{};
        QTest::newRow("spec example")
            << QByteArray(
                   "# TYPE acme_http_router_request_seconds summary\n"
                   "# UNIT acme_http_router_request_seconds seconds\n"
                   "# HELP acme_http_router_request_seconds Latency though all of ACME's HTTP request "
                   "router.\n"
                   "acme_http_router_request_seconds_sum{path=\"/api/v1\",method=\"GET\"} 9036.32\n"
                   "acme_http_router_request_seconds_count{path=\"/api/v1\",method=\"GET\"} 807283.0\n"
                   "acme_http_router_request_seconds_created{path=\"/api/v1\",method=\"GET\"} 1605281325.0\n"
                   "# TYPE go_goroutines gauge\n"
                   "# HELP go_goroutines Number of goroutines that currently exist.\n"
                   "go_goroutines 69\n"
                   "# TYPE process_cpu_seconds counter\n"
                   "# UNIT process_cpu_seconds seconds\n"
                   "# HELP process_cpu_seconds Total user and system CPU time spent in seconds.\n"
                   "process_cpu_seconds_total 4.20072246e+06\n"
                   "# EOF\n")
            << QStringList{
                   "T acme_http_router_request_seconds summary",
                   "U acme_http_router_request_seconds seconds",
                   "H acme_http_router_request_seconds Latency though all of ACME's HTTP request router.",
                   "S acme_http_router_request_seconds/summary "
                   "acme_http_router_request_seconds_sum{path=\"/api/"
                   "v1\",method=\"GET\"} 9036.32",
                   "S acme_http_router_request_seconds/summary "
                   "acme_http_router_request_seconds_count{path=\"/"
                   "api/v1\",method=\"GET\"} 807283",
                   "S acme_http_router_request_seconds/summary acme_http_router_request_seconds_created{path="
                   "\"/api/v1\",method=\"GET\"} 1605281325",
                   "T go_goroutines gauge",
                   "H go_goroutines Number of goroutines that currently exist.",
                   "S go_goroutines/gauge go_goroutines{} 69",
                   "T process_cpu_seconds counter",
                   "U process_cpu_seconds seconds",
                   "H process_cpu_seconds Total user and system CPU time spent in seconds.",
                   "S process_cpu_seconds/counter process_cpu_seconds_total{} 4200722.46"};
        QTest::newRow("counter with timestamps and created")
            << QByteArray(
                   "# TYPE foo counter\nfoo_total 17.0 1520879607.789\nfoo_created 1520430000.123 "
                   "1520879607.789\n# EOF\n")
            << QStringList{"T foo counter", "S foo/counter foo_total{} 17 @1520879607789",
                           "S foo/counter foo_created{} 1520430000.123 @1520879607789"};
        QTest::newRow("numbers") << QByteArray(
                                        "a NaN\nb +Inf\nc -inf\nd INFINITY\ne nan\nf 1.5E-3\ng .5\nh 5.\ni "
                                        "0042\nj -0 -1.5\n# EOF\n")
                                 << QStringList{"S a/unknown a{} NaN",  "S b/unknown b{} +Inf",
                                                "S c/unknown c{} -Inf", "S d/unknown d{} +Inf",
                                                "S e/unknown e{} NaN",  "S f/unknown f{} 0.0015",
                                                "S g/unknown g{} 0.5",  "S h/unknown h{} 5",
                                                "S i/unknown i{} 42",   "S j/unknown j{} -0 @-1500"};
        QTest::newRow("histogram with exemplars")
            << QByteArray(
                   "# TYPE foo histogram\n"
                   "foo_bucket{le=\"0.01\"} 0\n"
                   "foo_bucket{le=\"0.1\"} 8 # {} 0.054\n"
                   "foo_bucket{le=\"1\"} 11 # {trace_id=\"KOO5S4vxi0o\"} 0.67\n"
                   "foo_bucket{le=\"10\"} 17 # {trace_id=\"oHg5SJYRHA0\"} 9.8 1520879607.789\n"
                   "foo_bucket{le=\"+Inf\"} 17\n"
                   "foo_count 17\n"
                   "foo_sum 324789.3\n"
                   "foo_created 1520430000.123\n"
                   "# EOF\n")
            << QStringList{
                   "T foo histogram",
                   "S foo/histogram foo_bucket{le=\"0.01\"} 0",
                   "S foo/histogram foo_bucket{le=\"0.1\"} 8 # {} 0.054",
                   "S foo/histogram foo_bucket{le=\"1\"} 11 # {trace_id=\"KOO5S4vxi0o\"} 0.67",
                   "S foo/histogram foo_bucket{le=\"10\"} 17 # {trace_id=\"oHg5SJYRHA0\"} 9.8 @1520879607789",
                   "S foo/histogram foo_bucket{le=\"+Inf\"} 17",
                   "S foo/histogram foo_count{} 17",
                   "S foo/histogram foo_sum{} 324789.3",
                   "S foo/histogram foo_created{} 1520430000.123"};
        QTest::newRow("counter exemplar with timestamp")
            << QByteArray("# TYPE foo counter\nfoo_total{a=\"b\"} 5 1000 # {id=\"x\"} 1 999.5\n# EOF\n")
            << QStringList{"T foo counter",
                           "S foo/counter foo_total{a=\"b\"} 5 @1000000 # {id=\"x\"} 1 @999500"};
        QTest::newRow("gaugehistogram")
            << QByteArray(
                   "# TYPE foo gaugehistogram\nfoo_bucket{le=\"0.01\"} 20.0\nfoo_bucket{le=\"+Inf\"} 42.0\n"
                   "foo_gcount 42.0\nfoo_gsum 3289.3\n# EOF\n")
            << QStringList{"T foo gaugehistogram", "S foo/gaugehistogram foo_bucket{le=\"0.01\"} 20",
                           "S foo/gaugehistogram foo_bucket{le=\"+Inf\"} 42",
                           "S foo/gaugehistogram foo_gcount{} 42", "S foo/gaugehistogram foo_gsum{} 3289.3"};
        QTest::newRow("stateset and info")
            << QByteArray(
                   "# TYPE foo stateset\nfoo{entity=\"c\",foo=\"a\"} 1.0\nfoo{entity=\"c\",foo=\"bb\"} 0\n"
                   "# TYPE bar info\nbar_info{name=\"pretty name\",version=\"8.2.7\"} 1\n# EOF\n")
            << QStringList{"T foo stateset", "S foo/stateset foo{entity=\"c\",foo=\"a\"} 1",
                           "S foo/stateset foo{entity=\"c\",foo=\"bb\"} 0", "T bar info",
                           "S bar/info bar_info{name=\"pretty name\",version=\"8.2.7\"} 1"};
        QTest::newRow("summary quantiles in any order")
            << QByteArray(
                   "# TYPE foo summary\nfoo{quantile=\"0.99\"} 150.0\nfoo{quantile=\"0.95\"} NaN\n"
                   "foo_count 17\nfoo_sum 324789.3\n# EOF\n")
            << QStringList{"T foo summary", "S foo/summary foo{quantile=\"0.99\"} 150",
                           "S foo/summary foo{quantile=\"0.95\"} NaN", "S foo/summary foo_count{} 17",
                           "S foo/summary foo_sum{} 324789.3"};
        QTest::newRow("escapes and undefined escape")
            << QByteArray(
                   "# HELP foo Some text and \\n some \\\" escaping \\a\nfoo{a=\"x\\\\y\\\"\\n\\q\"} 1\n# "
                   "EOF\n")
            << QStringList{"H foo Some text and \\n some \\\" escaping \\\\a",
                           "S foo/unknown foo{a=\"x\\\\y\\\"\\n\\\\q\"} 1"};
        QTest::newRow("empty help and unit, empty label set")
            << QByteArray("# HELP foo \n# UNIT foo \n# TYPE foo gauge\nfoo{} 0\n# EOF\n")
            << QStringList{"H foo ", "U foo ", "T foo gauge", "S foo/gauge foo{} 0"};
        QTest::newRow("implicit unknown families")
            << QByteArray("foo_total 1\nbar 2\nbar 3 100\n# EOF\n")
            << QStringList{"S foo_total/unknown foo_total{} 1", "S bar/unknown bar{} 2",
                           "S bar/unknown bar{} 3 @100000"};
        QTest::newRow("two metric points per histogram series")
            << QByteArray(
                   "# TYPE h histogram\nh_bucket{le=\"1\"} 1 10\nh_bucket{le=\"+Inf\"} 2 10\n"
                   "h_bucket{le=\"1\"} 2 20\nh_bucket{le=\"+Inf\"} 3 20\n# EOF\n")
            << QStringList{"T h histogram", "S h/histogram h_bucket{le=\"1\"} 1 @10000",
                           "S h/histogram h_bucket{le=\"+Inf\"} 2 @10000",
                           "S h/histogram h_bucket{le=\"1\"} 2 @20000",
                           "S h/histogram h_bucket{le=\"+Inf\"} 3 @20000"};
        QTest::newRow("gauge then counter named with _total")
            << QByteArray("# TYPE foo gauge\n# TYPE foo_total counter\nfoo_total_total 1\n# EOF\n")
            << QStringList{"T foo gauge", "T foo_total counter", "S foo_total/counter foo_total_total{} 1"};
        QTest::newRow("exemplar of 128 characters")
            << QByteArray("# TYPE c counter\nc_total 1 # {trace_id=\"" + QByteArray(120, 'a') +
                          "\"} 1\n# EOF\n")
            << QStringList{"T c counter",
                           "S c/counter c_total{} 1 # {trace_id=\"" + QString(120, 'a') + "\"} 1"};
    }
    void valid()
    {
        QFETCH(QByteArray, input);
        QFETCH(QStringList, expected);
        const QStringList got =
            parseAll(Format::OpenMetrics, std::string_view(input.constData(), size_t(input.size())));
        QCOMPARE(got, expected);
    }

    void invalid_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("position");
        QTest::addColumn<QString>("reason");

        QTest::newRow("empty body") << QByteArray() << "1:1: "
                                    << "must end with \"# EOF\"";
        QTest::newRow("missing EOF") << QByteArray("foo 1\n") << "2:1: "
                                     << "must end with \"# EOF\"";
        QTest::newRow("last line without newline") << QByteArray("foo 1") << "1:6: "
                                                   << "must end with";
        QTest::newRow("data after EOF") << QByteArray("# EOF\nfoo 1\n") << "2:1: "
                                        << "after \"# EOF\"";
        QTest::newRow("blank line after EOF") << QByteArray("# EOF\n\n") << "2:1: "
                                              << "after \"# EOF\"";
        QTest::newRow("empty line") << QByteArray("foo 1\n\n# EOF\n") << "2:1: "
                                    << "empty lines";
        QTest::newRow("carriage return") << QByteArray("foo 1\r\n# EOF\n") << "1:6: "
                                         << "carriage return";
        QTest::newRow("comment") << QByteArray("# hello\n# EOF\n") << "1:3: "
                                 << "invalid comment";
        QTest::newRow("no space after hash") << QByteArray("#TYPE foo gauge\n# EOF\n") << "1:2: "
                                             << "single space after '#'";
        QTest::newRow("two spaces before value") << QByteArray("foo  1\n# EOF\n") << "1:5: "
                                                 << "expected a value";
        QTest::newRow("tab separator") << QByteArray("foo\t1\n# EOF\n") << "1:4: "
                                       << "invalid character";
        QTest::newRow("trailing comma") << QByteArray("foo{a=\"b\",} 1\n# EOF\n") << "1:11: "
                                        << "trailing comma";
        QTest::newRow("duplicate label") << QByteArray("foo{a=\"b\",a=\"c\"} 1\n# EOF\n") << "1:11: "
                                         << "duplicate label name \"a\"";
        QTest::newRow("reserved label name") << QByteArray("foo{_a=\"b\"} 1\n# EOF\n") << "1:5: "
                                             << "reserved";
        QTest::newRow("reserved family name") << QByteArray("_foo 1\n# EOF\n") << "1:1: "
                                              << "reserved";
        QTest::newRow("bad label value utf8") << QByteArray("foo{a=\"\xc0\xaf\"} 1\n# EOF\n") << "1:8: "
                                              << "invalid UTF-8";
        QTest::newRow("hex value") << QByteArray("foo 0x10\n# EOF\n") << "1:5: "
                                   << "invalid value";
        QTest::newRow("signed nan") << QByteArray("foo +NaN\n# EOF\n") << "1:5: "
                                    << "invalid value";
        QTest::newRow("inf timestamp") << QByteArray("foo 1 +Inf\n# EOF\n") << "1:7: "
                                       << "invalid timestamp";
        QTest::newRow("uppercase type") << QByteArray("# TYPE foo Counter\n# EOF\n") << "1:12: "
                                        << "invalid metric type";
        QTest::newRow("untyped is text only") << QByteArray("# TYPE foo untyped\n# EOF\n") << "1:12: "
                                              << "invalid metric type \"untyped\"";
        QTest::newRow("help without space") << QByteArray("# HELP foo\n# EOF\n") << "1:11: "
                                            << "expected a space";
        QTest::newRow("duplicate TYPE")
            << QByteArray("# TYPE foo gauge\n# TYPE foo gauge\n# EOF\n") << "2:3: "
            << "duplicate TYPE";
        QTest::newRow("duplicate HELP") << QByteArray("# HELP foo a\n# HELP foo b\n# EOF\n") << "2:3: "
                                        << "duplicate HELP";
        QTest::newRow("duplicate UNIT")
            << QByteArray("# UNIT foo_seconds seconds\n# UNIT foo_seconds seconds\n# EOF\n") << "2:3: "
            << "duplicate UNIT";
        QTest::newRow("metadata after samples")
            << QByteArray("# TYPE foo gauge\nfoo 1\n# HELP foo x\n# EOF\n") << "3:3: "
            << "must come before its samples";
        QTest::newRow("interleaved families")
            << QByteArray("# TYPE a gauge\na 1\n# TYPE b gauge\nb 1\na 2\n# EOF\n") << "5:1: "
            << "interleaved";
        QTest::newRow("interleaved metadata")
            << QByteArray("# TYPE a gauge\n# TYPE b gauge\n# HELP a x\n# EOF\n") << "3:8: "
            << "interleaved";
        QTest::newRow("unit not a suffix")
            << QByteArray("# TYPE foo counter\n# UNIT foo seconds\n# EOF\n") << "2:12: "
            << "must be a suffix";
        QTest::newRow("unit without underscore")
            << QByteArray("# UNIT fooseconds seconds\n# EOF\n") << "1:19: "
            << "must be a suffix";
        QTest::newRow("unit on info")
            << QByteArray("# TYPE foo_bytes info\n# UNIT foo_bytes bytes\n# EOF\n") << "2:18: "
            << "must not have a unit";
        QTest::newRow("unit before stateset type")
            << QByteArray("# UNIT foo_bytes bytes\n# TYPE foo_bytes stateset\n# EOF\n") << "2:18: "
            << "must not have a unit";
        QTest::newRow("counter without _total") << QByteArray("# TYPE foo counter\nfoo 1\n# EOF\n") << "2:1: "
                                                << "expected _total or _created";
        QTest::newRow("gauge with suffix") << QByteArray("# TYPE foo gauge\nfoo_total 1\n# EOF\n") << "2:1: "
                                           << "not valid in metric family \"foo\" of type gauge";
        QTest::newRow("family named like a sample of the previous family")
            << QByteArray("# TYPE foo counter\n# TYPE foo_created gauge\n# EOF\n") << "2:8: "
            << "clashes with the sample names of metric family \"foo\" of type counter";
        QTest::newRow("histogram bad suffix")
            << QByteArray("# TYPE foo histogram\nfoo_gsum 1\n# EOF\n") << "2:1: "
            << "_bucket, _count, _sum or _created";
        QTest::newRow("info without suffix") << QByteArray("# TYPE foo info\nfoo 1\n# EOF\n") << "2:1: "
                                             << "expected _info";
        QTest::newRow("negative counter")
            << QByteArray("# TYPE foo counter\nfoo_total -1\n# EOF\n") << "2:11: "
            << "non-negative";
        QTest::newRow("NaN counter") << QByteArray("# TYPE foo counter\nfoo_total NaN\n# EOF\n") << "2:11: "
                                     << "not NaN";
        QTest::newRow("bucket without le")
            << QByteArray("# TYPE foo histogram\nfoo_bucket 1\n# EOF\n") << "2:1: "
            << "no \"le\" label";
        QTest::newRow("NaN le") << QByteArray("# TYPE foo histogram\nfoo_bucket{le=\"NaN\"} 1\n# EOF\n")
                                << "2:12: "
                                << "invalid \"le\"";
        QTest::newRow("buckets not increasing")
            << QByteArray("# TYPE foo histogram\nfoo_bucket{le=\"1\"} 1\nfoo_bucket{le=\"1\"} 1\n# EOF\n")
            << "3:1: "
            << "increasing order";
        QTest::newRow("buckets not cumulative")
            << QByteArray("# TYPE foo histogram\nfoo_bucket{le=\"1\"} 5\nfoo_bucket{le=\"+Inf\"} 4\n# EOF\n")
            << "3:1: "
            << "must not decrease";
        QTest::newRow("missing +Inf at EOF")
            << QByteArray("# TYPE foo histogram\nfoo_bucket{le=\"1\"} 5\n# EOF\n") << "3:1: "
            << "no bucket with le=\"+Inf\" (series ending on line 2)";
        QTest::newRow("missing +Inf before count")
            << QByteArray("# TYPE foo histogram\nfoo_bucket{le=\"1\"} 5\nfoo_count 5\n# EOF\n") << "3:1: "
            << "le=\"+Inf\"";
        QTest::newRow("fractional bucket")
            << QByteArray("# TYPE foo histogram\nfoo_bucket{le=\"+Inf\"} 1.5\n# EOF\n") << "2:23: "
            << "non-negative integer";
        QTest::newRow("le on count")
            << QByteArray("# TYPE foo histogram\nfoo_bucket{le=\"+Inf\"} 1\nfoo_count{le=\"1\"} 1\n# EOF\n")
            << "3:11: "
            << "only allowed on histogram _bucket";
        QTest::newRow("count differs from +Inf bucket")
            << QByteArray("# TYPE foo histogram\nfoo_bucket{le=\"+Inf\"} 2\nfoo_count 3\n# EOF\n") << "3:11: "
            << "_count must equal";
        QTest::newRow("gcount differs from +Inf bucket")
            << QByteArray("# TYPE foo gaugehistogram\nfoo_bucket{le=\"+Inf\"} 2\nfoo_gcount 1\n# EOF\n")
            << "3:12: "
            << "_count must equal";
        QTest::newRow("summary without quantile")
            << QByteArray("# TYPE foo summary\nfoo 1\n# EOF\n") << "2:1: "
            << "no \"quantile\" label";
        QTest::newRow("quantile out of range")
            << QByteArray("# TYPE foo summary\nfoo{quantile=\"-0.1\"} 1\n# EOF\n") << "2:5: "
            << "in [0, 1]";
        QTest::newRow("quantile on sum")
            << QByteArray("# TYPE foo summary\nfoo_sum{quantile=\"0.5\"} 1\n# EOF\n") << "2:9: "
            << "only allowed on summary quantile";
        QTest::newRow("negative summary count")
            << QByteArray("# TYPE foo summary\nfoo_count -1\n# EOF\n") << "2:11: "
            << "non-negative integer";
        QTest::newRow("stateset without state label")
            << QByteArray("# TYPE foo stateset\nfoo{a=\"b\"} 1\n# EOF\n") << "2:1: "
            << "label named \"foo\"";
        QTest::newRow("stateset value")
            << QByteArray("# TYPE foo stateset\nfoo{foo=\"b\"} 2\n# EOF\n") << "2:14: "
            << "0 or 1";
        QTest::newRow("info value") << QByteArray("# TYPE foo info\nfoo_info{a=\"b\"} 2\n# EOF\n") << "2:17: "
                                    << "info value must be 1";
        QTest::newRow("exemplar on gauge")
            << QByteArray("# TYPE foo gauge\nfoo 1 # {a=\"b\"} 1\n# EOF\n") << "2:7: "
            << "exemplars are only allowed";
        QTest::newRow("exemplar on _created")
            << QByteArray("# TYPE foo counter\nfoo_created 1 # {a=\"b\"} 1\n# EOF\n") << "2:15: "
            << "exemplars are only allowed";
        QTest::newRow("exemplar too long") << QByteArray("# TYPE c counter\nc_total 1 # {trace_id=\"" +
                                                         QByteArray(121, 'a') + "\"} 1\n# EOF\n")
                                           << "2:13: "
                                           << "at most 128";
        QTest::newRow("exemplar utf8 counts characters")
            << QByteArray("# TYPE c counter\nc_total 1 # {t=\"" + QByteArray(127, 'a') + "\xc3\xa9" +
                          "\"} 1\n# EOF\n")
            << "2:13: "
            << "129 characters";
        QTest::newRow("exemplar without value")
            << QByteArray("# TYPE c counter\nc_total 1 # {a=\"b\"}\n# EOF\n") << "2:20: "
            << "exemplar value";
        QTest::newRow("exemplar without braces")
            << QByteArray("# TYPE c counter\nc_total 1 # a 1\n# EOF\n") << "2:13: "
            << "exemplar label set";
        QTest::newRow("text after timestamp")
            << QByteArray("# TYPE c counter\nc_total 1 2 3\n# EOF\n") << "2:13: "
            << "start an exemplar";
        QTest::newRow("text after EOF marker") << QByteArray("# EOF x\n") << "1:6: "
                                               << "after \"# EOF\"";
        QTest::newRow("error on later line")
            << QByteArray("a 1\nb 2\nc{x=\"y\",x=\"z\"} 3\n# EOF\n") << "3:9: "
            << "duplicate label name \"x\"";
    }
    void invalid()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, position);
        QFETCH(QString, reason);
        auto p =
            Parser::create(Format::OpenMetrics, std::string_view(input.constData(), size_t(input.size())));
        Entry e;
        int guard = 0;
        while ((e = p->next()) != Entry::Invalid && e != Entry::Eof && ++guard < 1000) {
        }
        QCOMPARE(e, Entry::Invalid);
        const QString msg = QString::fromStdString(p->status().message());
        QVERIFY2(msg.startsWith(position), qPrintable(msg));
        QVERIFY2(msg.contains(reason), qPrintable(msg));
        QCOMPARE(QStringLiteral("%1:%2: ").arg(p->errorLine()).arg(p->errorColumn()), position);
        QCOMPARE(p->next(), Entry::Invalid);
    }

    void familyAndMetadata()
    {
        const std::string body =
            "# TYPE foo_seconds histogram\n# UNIT foo_seconds seconds\n# HELP foo_seconds Help \\\"x\\\".\n"
            "foo_seconds_bucket{le=\"+Inf\"} 1\nfoo_seconds_count 1\n# TYPE up gauge\nup 1\n# EOF\n";
        OpenMetricsParser p(body);
        MetadataCollector md;
        int series = 0;
        for (Entry e; (e = p.next()) != Entry::Eof;) {
            QVERIFY2(e != Entry::Invalid, p.status().message().c_str());
            md.observe(p, e);
            if (e == Entry::Series && series++ == 1) {
                QCOMPARE(p.metricName(), std::string_view("foo_seconds_count"));
                QCOMPARE(p.family(), std::string_view("foo_seconds"));
                QCOMPARE(p.type(), MetricType::Histogram);
            }
        }
        QCOMPARE(md.size(), size_t(2));
        const MetricMetadata expected{MetricType::Histogram, "Help \"x\".", "seconds"};
        QVERIFY(*md.find("foo_seconds") == expected);
        QCOMPARE(md.find("up")->type, MetricType::Gauge);
        QCOMPARE(md.find("up")->unit, std::string());
    }

    void largeNodeLikeBody()
    {
        const auto g = testutil::generateNodeLikeBody(true);
        auto p = Parser::create(Format::OpenMetrics, g.body);
        size_t series = 0, help = 0, type = 0;
        for (Entry e; (e = p->next()) != Entry::Eof;) {
            QVERIFY2(e != Entry::Invalid, p->status().message().c_str());
            series += e == Entry::Series;
            help += e == Entry::Help;
            type += e == Entry::Type;
        }
        QCOMPARE(series, g.series);
        QCOMPARE(help, g.families);
        QCOMPARE(type, g.families);
    }
};

QTEST_GUILESS_MAIN(TestOpenMetricsParser)
#include "tst_openmetrics_parser.moc"
