#include "exposition/check_metrics.h"
#include "exposition/content_type.h"
#include "exposition/parser.h"
#include "node_like_body.h"

#include <QTest>

using namespace vigil::exposition;

Q_DECLARE_METATYPE(vigil::exposition::Format)

class TestContentType : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fromContentType_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<Format>("expected");
        QTest::newRow("openmetrics 1.0.0")
            << QByteArray("application/openmetrics-text;version=1.0.0") << Format::OpenMetrics;
        QTest::newRow("openmetrics with charset")
            << QByteArray("application/openmetrics-text; version=1.0.0; charset=utf-8")
            << Format::OpenMetrics;
        QTest::newRow("openmetrics 0.0.1")
            << QByteArray("application/openmetrics-text;version=0.0.1") << Format::OpenMetrics;
        QTest::newRow("openmetrics case and blanks")
            << QByteArray(" Application/OpenMetrics-Text ;version=1.0.0") << Format::OpenMetrics;
        QTest::newRow("text 0.0.4") << QByteArray("text/plain; version=0.0.4; charset=utf-8") << Format::Text;
        QTest::newRow("text plain") << QByteArray("text/plain") << Format::Text;
        QTest::newRow("empty") << QByteArray() << Format::Text;
        QTest::newRow("unknown") << QByteArray("application/json") << Format::Text;
        QTest::newRow("garbage") << QByteArray(";;;===") << Format::Text;
        QTest::newRow("protobuf falls back")
            << QByteArray("application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily")
            << Format::Text;
    }
    void fromContentType()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(Format, expected);
        QCOMPARE(formatFromContentType(std::string_view(contentType.constData(), size_t(contentType.size()))),
                 expected);
    }

    void acceptHeaderIsPrometheus242s()
    {
        QCOMPARE(kScrapeAcceptHeader,
                 std::string_view("application/openmetrics-text;version=1.0.0,application/openmetrics-text;"
                                  "version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"));
    }

    void detect_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<Format>("expected");
        QTest::newRow("empty") << QByteArray() << Format::Text;
        QTest::newRow("plain text") << QByteArray("# HELP a x\n# TYPE a counter\na 1\n") << Format::Text;
        QTest::newRow("EOF line") << QByteArray("a 1\n# EOF\n") << Format::OpenMetrics;
        QTest::newRow("EOF without newline") << QByteArray("a 1\n# EOF") << Format::OpenMetrics;
        QTest::newRow("UNIT line") << QByteArray("# UNIT a_seconds seconds\na_seconds 1\n")
                                   << Format::OpenMetrics;
        QTest::newRow("info type") << QByteArray("# TYPE a info\na_info 1\n") << Format::OpenMetrics;
        QTest::newRow("stateset type") << QByteArray("# TYPE a stateset\n") << Format::OpenMetrics;
        QTest::newRow("gaugehistogram type")
            << QByteArray("# TYPE a gaugehistogram\n") << Format::OpenMetrics;
        QTest::newRow("exemplar") << QByteArray("a_total 1 # {id=\"x\"} 1\n") << Format::OpenMetrics;
        QTest::newRow("EOF as a comment word") << QByteArray("# EOF of the world\na 1\n") << Format::Text;
    }
    void detect()
    {
        QFETCH(QByteArray, body);
        QFETCH(Format, expected);
        QCOMPARE(detectFormat(std::string_view(body.constData(), size_t(body.size()))), expected);
    }

    void checkMetrics_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<Format>("format");
        QTest::addColumn<QString>("error");  // empty: valid
        QTest::newRow("valid text") << QByteArray("# TYPE a counter\na 1\n") << Format::Text << QString();
        QTest::newRow("valid openmetrics")
            << QByteArray("# TYPE a counter\na_total 1\n# EOF\n") << Format::OpenMetrics << QString();
        QTest::newRow("auto picks openmetrics")
            << QByteArray("# TYPE a counter\na 1\n# EOF\n") << Format::Auto
            << QString("2:1: metric name \"a\" is not valid in metric family \"a\" of type counter");
        QTest::newRow("auto picks text")
            << QByteArray("# TYPE a counter\na 1\n") << Format::Auto << QString();
        QTest::newRow("text rejects EOF-less OM constructs")
            << QByteArray("a_total 1 # {id=\"x\"} 1\n") << Format::Text
            << QString("1:11: invalid timestamp \"#\"");
        QTest::newRow("openmetrics requires EOF")
            << QByteArray("a 1\n") << Format::OpenMetrics << QString("2:1: unexpected end of input");
        QTest::newRow("first error wins") << QByteArray("a{x=\"1\",x=\"2\"} 1\nb{ 1\n") << Format::Text
                                          << QString("1:9: duplicate label name");
    }
    void checkMetrics()
    {
        QFETCH(QByteArray, body);
        QFETCH(Format, format);
        QFETCH(QString, error);
        const vigil::Status s =
            vigil::exposition::checkMetrics(std::string_view(body.constData(), size_t(body.size())), format);
        if (error.isEmpty()) {
            QVERIFY2(s.isOk(), s.message().c_str());
        } else {
            QVERIFY(!s.isOk());
            QCOMPARE(s.code(), vigil::Status::Code::InvalidArgument);
            QVERIFY2(QString::fromStdString(s.message()).startsWith(error), s.message().c_str());
        }
    }

    void checkMetricsStats()
    {
        const auto g = testutil::generateNodeLikeBody(true);
        CheckMetricsStats stats;
        QVERIFY(vigil::exposition::checkMetrics(g.body, Format::Auto, &stats).isOk());
        QCOMPARE(stats.format, Format::OpenMetrics);
        QCOMPARE(stats.series, g.series);
        QCOMPARE(stats.metadata, 2 * g.families);
    }

    void createHonoursAuto()
    {
        QCOMPARE(Parser::create(Format::Auto, "a 1\n# EOF\n")->format(), Format::OpenMetrics);
        QCOMPARE(Parser::create(Format::Auto, "a 1\n")->format(), Format::Text);
        QCOMPARE(Parser::create(Format::Text, "# EOF\n")->format(), Format::Text);
    }

    void names()
    {
        QCOMPARE(formatName(Format::OpenMetrics), std::string_view("openmetrics"));
        QCOMPARE(metricTypeName(MetricType::GaugeHistogram), std::string_view("gaugehistogram"));
        QVERIFY(!parseTextMetricType("info"));
        QCOMPARE(*parseTextMetricType("untyped"), MetricType::Unknown);
        QVERIFY(!parseOpenMetricsMetricType("untyped"));
    }
};

QTEST_GUILESS_MAIN(TestContentType)
#include "tst_content_type.moc"
