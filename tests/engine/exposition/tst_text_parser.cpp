#include "exposition/metadata_collector.h"
#include "exposition/parser.h"
#include "exposition/text_parser.h"
#include "exposition_test_util.h"
#include "model/sample.h"
#include "node_like_body.h"

#include <QTest>

#include <cmath>

using namespace vigil::exposition;
using vigil::exposition::testutil::parseAll;

class TestTextParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void valid_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("empty") << QByteArray() << QStringList{};
        QTest::newRow("docs counter")
            << QByteArray(
                   "# HELP http_requests_total The total number of HTTP requests.\n"
                   "# TYPE http_requests_total counter\n"
                   "http_requests_total{method=\"post\",code=\"200\"} 1027 1395066363000\n"
                   "http_requests_total{method=\"post\",code=\"400\"}    3 1395066363000\n")
            << QStringList{"H http_requests_total The total number of HTTP requests.",
                           "T http_requests_total counter",
                           "S http_requests_total/counter http_requests_total{method=\"post\",code=\"200\"} "
                           "1027 @1395066363000",
                           "S http_requests_total/counter http_requests_total{method=\"post\",code=\"400\"} "
                           "3 @1395066363000"};
        QTest::newRow("escapes in label values")
            << QByteArray(
                   "msdos_file_access_time_seconds{path=\"C:\\\\DIR\\\\FILE.TXT\",error=\"Cannot find "
                   "file:\\n\\\"FILE.TXT\\\"\"} 1.458255915e9\n")
            << QStringList{
                   "S msdos_file_access_time_seconds/unknown msdos_file_access_time_seconds{path=\"C:\\\\DIR"
                   "\\\\FILE.TXT\",error=\"Cannot find file:\\n\\\"FILE.TXT\\\"\"} 1458255915"};
        QTest::newRow("special and odd values")
            << QByteArray(
                   "a NaN\nb +Inf\nc -Inf\nd -1.5e-3\ne .5\nf 1e+3 -5\ng 0x1p-2\nh inf\ni Infinity\nj 5.\n"
                   "k +0 +17\nl 1e-400\n")
            << QStringList{"S a/unknown a{} NaN",     "S b/unknown b{} +Inf",  "S c/unknown c{} -Inf",
                           "S d/unknown d{} -0.0015", "S e/unknown e{} 0.5",   "S f/unknown f{} 1000 @-5",
                           "S g/unknown g{} 0.25",    "S h/unknown h{} +Inf",  "S i/unknown i{} +Inf",
                           "S j/unknown j{} 5",       "S k/unknown k{} 0 @17", "S l/unknown l{} 0"};
        QTest::newRow("comments blank lines whitespace")
            << QByteArray("  # just a comment  \n\n\t\n\t foo \t 1 \t\n#HELPER not help\n#\n")
            << QStringList{"C just a comment", "S foo/unknown foo{} 1", "C HELPER not help", "C "};
        QTest::newRow("blanks inside braces and trailing comma")
            << QByteArray("foo { a = \"b\" , c=\"d\", } 1\nbar{} 2\nbaz{a=\"b\"}3\n")
            << QStringList{"S foo/unknown foo{a=\"b\",c=\"d\"} 1", "S bar/unknown bar{} 2",
                           "S baz/unknown baz{a=\"b\"} 3"};
        QTest::newRow("no trailing newline") << QByteArray("foo 1") << QStringList{"S foo/unknown foo{} 1"};
        QTest::newRow("help escapes and empty help")
            << QByteArray("# HELP foo a\\\\b\\nc \"q\"\n# HELP bar\n# TYPE foo gauge\nfoo 1\n")
            << QStringList{"H foo a\\\\b\\nc \\\"q\\\"", "H bar ", "T foo gauge", "S foo/gauge foo{} 1"};
        QTest::newRow("utf8 label value")
            << QByteArray(
                   "foo{a=\"\xc3\xbcn\xc3\xaf"
                   "c\xc3\xb6"
                   "d\xc3\xa9 \xe2\x9c\x93\"} 1\n")
            << QStringList{QString::fromUtf8("S foo/unknown foo{a=\"ünïcödé ✓\"} 1")};
        QTest::newRow("untyped") << QByteArray("# TYPE foo untyped\nfoo 1\n")
                                 << QStringList{"T foo unknown", "S foo/unknown foo{} 1"};
        QTest::newRow("docs histogram")
            << QByteArray(
                   "# HELP http_request_duration_seconds A histogram of the request duration.\n"
                   "# TYPE http_request_duration_seconds histogram\n"
                   "http_request_duration_seconds_bucket{le=\"0.05\"} 24054\n"
                   "http_request_duration_seconds_bucket{le=\"0.1\"} 33444\n"
                   "http_request_duration_seconds_bucket{le=\"+Inf\"} 144320\n"
                   "http_request_duration_seconds_sum 53423\n"
                   "http_request_duration_seconds_count 144320\n")
            << QStringList{
                   "H http_request_duration_seconds A histogram of the request duration.",
                   "T http_request_duration_seconds histogram",
                   "S http_request_duration_seconds/histogram "
                   "http_request_duration_seconds_bucket{le=\"0.05\"} 24054",
                   "S http_request_duration_seconds/histogram "
                   "http_request_duration_seconds_bucket{le=\"0.1\"} 33444",
                   "S http_request_duration_seconds/histogram "
                   "http_request_duration_seconds_bucket{le=\"+Inf\"} 144320",
                   "S http_request_duration_seconds/histogram http_request_duration_seconds_sum{} 53423",
                   "S http_request_duration_seconds/histogram http_request_duration_seconds_count{} 144320"};
        QTest::newRow("docs summary")
            << QByteArray(
                   "# TYPE rpc_duration_seconds summary\n"
                   "rpc_duration_seconds{quantile=\"0.01\"} 3102\n"
                   "rpc_duration_seconds{quantile=\"0.99\"} 76656\n"
                   "rpc_duration_seconds_sum 1.7560473e+07\n"
                   "rpc_duration_seconds_count 2693\n")
            << QStringList{"T rpc_duration_seconds summary",
                           "S rpc_duration_seconds/summary rpc_duration_seconds{quantile=\"0.01\"} 3102",
                           "S rpc_duration_seconds/summary rpc_duration_seconds{quantile=\"0.99\"} 76656",
                           "S rpc_duration_seconds/summary rpc_duration_seconds_sum{} 17560473",
                           "S rpc_duration_seconds/summary rpc_duration_seconds_count{} 2693"};
        QTest::newRow("interleaved histogram series resolve to their family")
            << QByteArray("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 1\nother 2\nh_sum 3\n")
            << QStringList{"T h histogram", "S h/histogram h_bucket{le=\"+Inf\"} 1",
                           "S other/unknown other{} 2", "S h/histogram h_sum{} 3"};
        QTest::newRow("two histogram series")
            << QByteArray(
                   "# TYPE h histogram\nh_bucket{a=\"1\",le=\"1\"} 1\nh_bucket{a=\"1\",le=\"+Inf\"} 2\n"
                   "h_bucket{a=\"2\",le=\"1\"} 0\nh_bucket{a=\"2\",le=\"+Inf\"} 0\n")
            << QStringList{"T h histogram", "S h/histogram h_bucket{a=\"1\",le=\"1\"} 1",
                           "S h/histogram h_bucket{a=\"1\",le=\"+Inf\"} 2",
                           "S h/histogram h_bucket{a=\"2\",le=\"1\"} 0",
                           "S h/histogram h_bucket{a=\"2\",le=\"+Inf\"} 0"};
        QTest::newRow("metric name with colon, label with digits")
            << QByteArray("job:up:sum{a1_b=\"x\"} 1\n")
            << QStringList{"S job:up:sum/unknown job:up:sum{a1_b=\"x\"} 1"};
        QTest::newRow("gauge with le is not a histogram")
            << QByteArray("# TYPE g gauge\ng{le=\"x\"} 1\n")
            << QStringList{"T g gauge", "S g/gauge g{le=\"x\"} 1"};
    }
    void valid()
    {
        QFETCH(QByteArray, input);
        QFETCH(QStringList, expected);
        const QStringList got =
            parseAll(Format::Text, std::string_view(input.constData(), size_t(input.size())));
        QCOMPARE(got, expected);
    }

    void invalid_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("position");
        QTest::addColumn<QString>("reason");

        QTest::newRow("duplicate label") << QByteArray("foo{a=\"b\",a=\"c\"} 1\n") << "1:11: "
                                         << "duplicate label name";
        QTest::newRow("bad metric name") << QByteArray("0foo 1\n") << "1:1: "
                                         << "invalid metric name";
        QTest::newRow("bad label name") << QByteArray("foo{0a=\"b\"} 1\n") << "1:5: "
                                        << "invalid label name";
        QTest::newRow("bad escape") << QByteArray("foo{a=\"b\\x\"} 1\n") << "1:9: "
                                    << "invalid escape sequence";
        QTest::newRow("unterminated value") << QByteArray("foo{a=\"b} 1\n") << "1:7: "
                                            << "unterminated";
        QTest::newRow("bad value") << QByteArray("foo abc\n") << "1:5: "
                                   << "invalid value \"abc\"";
        QTest::newRow("value out of range") << QByteArray("foo 1e400\n") << "1:5: "
                                            << "invalid value";
        QTest::newRow("float timestamp") << QByteArray("foo 1 1.5\n") << "1:7: "
                                         << "invalid timestamp";
        QTest::newRow("timestamp overflow") << QByteArray("foo 1 99999999999999999999\n") << "1:7: "
                                            << "invalid timestamp";
        QTest::newRow("trailing token") << QByteArray("foo 1 2 3\n") << "1:9: "
                                        << "unexpected text";
        QTest::newRow("second TYPE") << QByteArray("# TYPE foo counter\n# TYPE foo gauge\n") << "2:3: "
                                     << "second TYPE line";
        QTest::newRow("TYPE after samples") << QByteArray("x 0\nfoo 1\n# TYPE foo counter\n") << "3:3: "
                                            << "must come before its samples";
        QTest::newRow("TYPE after untyped buckets")
            << QByteArray("foo_bucket{le=\"+Inf\"} 1\n# TYPE foo histogram\n") << "2:3: "
            << "must come before";
        QTest::newRow("second HELP") << QByteArray("# HELP foo a\n# HELP foo b\n") << "2:3: "
                                     << "second HELP line";
        QTest::newRow("bad type") << QByteArray("# TYPE foo bar\n") << "1:12: "
                                  << "invalid metric type \"bar\"";
        QTest::newRow("uppercase type") << QByteArray("# TYPE foo COUNTER\n") << "1:12: "
                                        << "invalid metric type";
        QTest::newRow("type extra token") << QByteArray("# TYPE foo counter extra\n") << "1:20: "
                                          << "unexpected text";
        QTest::newRow("HELP without name") << QByteArray("# HELP\n") << "1:7: "
                                           << "missing metric name";
        QTest::newRow("bucket without le") << QByteArray("# TYPE foo histogram\nfoo_bucket 1\n") << "2:1: "
                                           << "has no \"le\" label";
        QTest::newRow("bad le") << QByteArray("# TYPE foo histogram\nfoo_bucket{le=\"x\"} 1\n") << "2:12: "
                                << "invalid \"le\"";
        QTest::newRow("buckets out of order")
            << QByteArray("# TYPE foo histogram\nfoo_bucket{le=\"1\"} 1\nfoo_bucket{le=\"0.5\"} 1\n")
            << "3:1: "
            << "increasing order of \"le\"";
        QTest::newRow("no +Inf before sum")
            << QByteArray("# TYPE foo histogram\nfoo_bucket{le=\"1\"} 1\nfoo_sum 1\n") << "3:1: "
            << "no bucket with le=\"+Inf\"";
        QTest::newRow("no +Inf at end of input")
            << QByteArray("# TYPE foo histogram\nfoo_bucket{le=\"1\"} 1\n") << "3:1: "
            << "series ending on line 2";
        QTest::newRow("no +Inf at next family")
            << QByteArray("# TYPE foo histogram\nfoo_bucket{le=\"1\"} 1\nbar 1\n") << "3:1: "
            << "le=\"+Inf\"";
        QTest::newRow("count differs from +Inf bucket")
            << QByteArray(
                   "# TYPE foo histogram\nfoo_bucket{a=\"x\",le=\"+Inf\"} 2\nfoo_sum{a=\"x\"} 1\n"
                   "foo_count{a=\"x\"} 3\n")
            << "4:1: "
            << "_count must equal";
        QTest::newRow("summary without quantile") << QByteArray("# TYPE foo summary\nfoo 1\n") << "2:1: "
                                                  << "no \"quantile\" label";
        QTest::newRow("quantile out of range")
            << QByteArray("# TYPE foo summary\nfoo{quantile=\"1.5\"} 1\n") << "2:5: "
            << "in [0, 1]";
        QTest::newRow("quantiles out of order")
            << QByteArray("# TYPE foo summary\nfoo{quantile=\"0.9\"} 1\nfoo{quantile=\"0.5\"} 1\n") << "3:1: "
            << "increasing order";
        QTest::newRow("invalid utf8") << QByteArray("foo{a=\"\xff\"} 1\n") << "1:8: "
                                      << "invalid UTF-8";
        QTest::newRow("__name__ label") << QByteArray("foo{__name__=\"x\"} 1\n") << "1:5: "
                                        << "reserved";
        QTest::newRow("help bad escape") << QByteArray("# HELP foo a\\tb\n") << "1:13: "
                                         << "invalid escape";
        QTest::newRow("missing comma") << QByteArray("foo{a=\"b\" b=\"c\"} 1\n") << "1:11: "
                                       << "expected ','";
        QTest::newRow("missing value") << QByteArray("foo{a=\"b\"}\n") << "1:11: "
                                       << "missing value";
        QTest::newRow("missing equals") << QByteArray("foo{a \"b\"} 1\n") << "1:7: "
                                        << "expected '='";
        QTest::newRow("unterminated labels") << QByteArray("foo{a=\"b\"\n") << "1:10: "
                                             << "unterminated label set";
        QTest::newRow("carriage return") << QByteArray("foo 1\r\n") << "1:6: "
                                         << "carriage return";
        QTest::newRow("name glued to value") << QByteArray("foo+1\n") << "1:4: "
                                             << "invalid character";
        QTest::newRow("error on later line") << QByteArray("a 1\nb 2\n\nc{x=\"y\",x=\"z\"} 3\n") << "4:9: "
                                             << "duplicate label name \"x\"";
    }
    void invalid()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, position);
        QFETCH(QString, reason);
        auto p = Parser::create(Format::Text, std::string_view(input.constData(), size_t(input.size())));
        Entry e;
        int guard = 0;
        while ((e = p->next()) != Entry::Invalid && e != Entry::Eof && ++guard < 1000) {
        }
        QCOMPARE(e, Entry::Invalid);
        const QString msg = QString::fromStdString(p->status().message());
        QVERIFY2(msg.startsWith(position), qPrintable(msg));
        QVERIFY2(msg.contains(reason), qPrintable(msg));
        QCOMPARE(QStringLiteral("%1:%2: ").arg(p->errorLine()).arg(p->errorColumn()), position);
        QCOMPARE(p->status().code(), vigil::Status::Code::InvalidArgument);
        // Sticky.
        QCOMPARE(p->next(), Entry::Invalid);
    }

    void eofIsSticky()
    {
        auto p = Parser::create(Format::Text, "a 1\n");
        QCOMPARE(p->next(), Entry::Series);
        QCOMPARE(p->next(), Entry::Eof);
        QCOMPARE(p->next(), Entry::Eof);
        QVERIFY(p->status().isOk());
        QCOMPARE(p->format(), Format::Text);
    }

    void nanIsNotTheStaleMarker()
    {
        auto p = Parser::create(Format::Text, "a NaN\n");
        QCOMPARE(p->next(), Entry::Series);
        QVERIFY(std::isnan(p->value()));
        QVERIFY(!vigil::model::isStaleNaN(p->value()));
    }

    void accessors()
    {
        const std::string body = "# TYPE x counter\nx{b=\"2\",a=\"q\\\"\"} 3 -7\n";
        TextParser p(body);
        QCOMPARE(p.next(), Entry::Type);
        QCOMPARE(p.next(), Entry::Series);
        QCOMPARE(p.line(), 2);
        QCOMPARE(p.metricName(), std::string_view("x"));
        QCOMPARE(p.family(), std::string_view("x"));
        QCOMPARE(p.type(), MetricType::Counter);
        QCOMPARE(p.labels().size(), size_t(2));
        QCOMPARE(p.labelValue("a"), std::string_view("q\""));
        QCOMPARE(p.labelValue("b"), std::string_view("2"));
        QCOMPARE(p.labelValue("c"), std::string_view());
        QVERIFY(p.hasTimestamp());
        QCOMPARE(p.timestamp(), int64_t(-7));
        QVERIFY(!p.hasExemplar());
        // Unescaped values live in scratch; unescaped ones point into the body.
        QVERIFY(p.labelValue("b").data() >= body.data() &&
                p.labelValue("b").data() < body.data() + body.size());
    }

    void metadataCollector()
    {
        const std::string body =
            "# HELP a Help of a.\n# TYPE a gauge\na 1\n# TYPE b counter\nb 2\n# HELP c only help\nd 4\n";
        auto p = Parser::create(Format::Text, body);
        MetadataCollector md;
        for (Entry e; (e = p->next()) != Entry::Eof;) {
            QVERIFY(e != Entry::Invalid);
            md.observe(*p, e);
        }
        QCOMPARE(md.size(), size_t(3));
        QVERIFY(md.find("a"));
        QCOMPARE(md.find("a")->type, MetricType::Gauge);
        QCOMPARE(md.find("a")->help, std::string("Help of a."));
        QCOMPARE(md.find("b")->type, MetricType::Counter);
        QCOMPARE(md.find("b")->help, std::string());
        QCOMPARE(md.find("c")->type, MetricType::Unknown);
        QVERIFY(!md.find("d"));
    }

    void largeNodeLikeBody()
    {
        const auto g = testutil::generateNodeLikeBody(false);
        auto p = Parser::create(Format::Text, g.body);
        size_t series = 0, help = 0, type = 0, withLabels = 0;
        MetadataCollector md;
        for (Entry e; (e = p->next()) != Entry::Eof;) {
            QVERIFY2(e != Entry::Invalid, p->status().message().c_str());
            md.observe(*p, e);
            if (e == Entry::Series) {
                ++series;
                withLabels += !p->labels().empty();
                QVERIFY(std::isfinite(p->value()));
            }
            help += e == Entry::Help;
            type += e == Entry::Type;
        }
        QCOMPARE(series, g.series);
        QCOMPARE(help, g.families);
        QCOMPARE(type, g.families);
        QCOMPARE(md.size(), g.families);
        QVERIFY(series > 1000);
        QCOMPARE(withLabels, series - 152);  // 150 node_memory_* gauges, go_gc_duration_seconds_{sum,count}
        QCOMPARE(md.find("node_cpu_seconds_total")->type, MetricType::Counter);
        QCOMPARE(md.find("go_gc_duration_seconds")->type, MetricType::Summary);
    }
};

QTEST_GUILESS_MAIN(TestTextParser)
#include "tst_text_parser.moc"
