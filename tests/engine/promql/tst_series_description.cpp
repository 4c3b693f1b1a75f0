// Series descriptions of PromQL test scripts: labels and expanded values.
#include "model/sample.h"
#include "promql/series_description.h"

#include <QTest>

#include <cmath>

using namespace vigil::promql;

namespace {

// Values rendered compactly: numbers with %g, "_" for omitted, "stale".
QString render(const SeriesDescription &d)
{
    QStringList parts;
    parts << QString::fromStdString(d.labels.toString());
    for (const auto &v : d.values) {
        if (v.omitted) {
            parts << QStringLiteral("_");
        } else if (vigil::model::isStaleNaN(v.value)) {
            parts << QStringLiteral("stale");
        } else if (std::isnan(v.value)) {
            parts << QStringLiteral("NaN");
        } else {
            parts << QString::number(v.value, 'g', 17);
        }
    }
    return parts.join(QLatin1Char(' '));
}

}  // namespace

class TestSeriesDescription : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void valid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *name, const char *in, const char *out) {
            QTest::newRow(name) << QString::fromUtf8(in) << QString::fromUtf8(out);
        };
        row("plain", "{} 1 2 3", "{} 1 2 3");
        row("labels", "{a=\"b\"} -1 2 3", "{a=\"b\"} -1 2 3");
        row("name", "my_metric 1 2 3", "my_metric 1 2 3");
        row("name-empty-braces", "my_metric{} 1", "my_metric 1");
        row("name-and-labels", "my_metric{a=\"b\", c='d',} 1", "my_metric{a=\"b\", c=\"d\"} 1");
        row("count-down", "my_metric{a=\"b\"} 1 2 3-10x4", "my_metric{a=\"b\"} 1 2 3 -7 -17 -27 -37");
        row("step-zero", "m 3-0x4", "m 3 3 3 3 3");
        row("times-zero", "{} 1x0", "{} 1");
        row("inc-times-zero", "{} 1+1x0", "{} 1");
        row("repeat", "{} 5x2", "{} 5 5 5");
        row("blanks", "m 1 3 _ 5 _x4", "m 1 3 _ 5 _ _ _ _");
        row("signs", "m 1 -1 -3-10x4 7 9 +5", "m 1 -1 -3 -13 -23 -33 -43 7 9 5");
        row("stale", "m 1 stale 2", "m 1 stale 2");
        row("special", "m Inf -Inf NaN inf", "m inf -inf NaN inf");
        row("exponent", "m 1e3 2.5E-1 -1e+2+1e2x1", "m 1000 0.25 -100 0");
        row("trailing-spaces", "m 1 2 3    ", "m 1 2 3");
        row("tabs", "m{a=\"b\"}\t\t0+50x2", "m{a=\"b\"} 0 50 100");
        row("escaped-value", "m{a=\"\\u70ac = torch\"} 1", "m{a=\"\xe7\x82\xac = torch\"} 1");
        row("quoted-names", "{\"http.requests\", \"service.name\"=\"api\"} 0+50x2",
            "http.requests{service.name=\"api\"} 0 50 100");
        row("labels-only", "{job=\"x\"}", "{job=\"x\"}");
        row("colon-name", "job:rate5m 1", "job:rate5m 1");
        row("empty-label-dropped", "m{a=\"\"} 1", "m 1");
    }
    void valid()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        auto r = parseSeriesDescription(input.toStdString());
        QVERIFY2(r.isOk(), r.status().toString().c_str());
        QCOMPARE(render(*r), expected);
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("message");
        QTest::newRow("no-times") << "{} 1+1" << "1:4: parse error: invalid value \"1+1\" in series values";
        QTest::newRow("bad-blank") << "m 1 3 _ 5 _a4" << "1:11: parse error: invalid value \"_a4\" in series values";
        QTest::newRow("double-sign") << "m -3-3 -3" << "1:3: parse error: invalid value \"-3-3\" in series values";
        QTest::newRow("blank-sign") << "m -3 _-2" << "1:6: parse error: invalid value \"_-2\" in series values";
        QTest::newRow("trailing-after-x") << "m 3+3x4-4" << "1:3: parse error: invalid value \"3+3x4-4\" in series values";
        QTest::newRow("word") << "m 1 foo" << "1:5: parse error: invalid value \"foo\" in series values";
        QTest::newRow("histogram") << "m {{schema:1 sum:2}}" << "1:3: parse error: native histograms are not supported";
        QTest::newRow("junk-label") << "{\"http.requests\"xx} 0"
                                    << "1:17: parse error: unexpected identifier \"xx\" in label set, expected \",\" or \"}\"";
        QTest::newRow("missing-value") << "{\"http.requests\"=, x=\"y\"} 0"
                                       << "1:18: parse error: unexpected \",\" in label set, expected string";
        QTest::newRow("unterminated") << "{\"http.requests} 0" << "1:2: parse error: unterminated quoted string";
        QTest::newRow("huge") << "m 1x100000000000" << "1:3: parse error: too many values in series";
    }
    void invalid()
    {
        QFETCH(QString, input);
        QFETCH(QString, message);
        ParseError err;
        auto r = parseSeriesDescription(input.toStdString(), &err);
        QVERIFY(!r.isOk());
        QCOMPARE(QString::fromStdString(r.status().message()), message);
        QVERIFY(err.range.start <= err.range.end && err.range.end <= size_t(input.size()));
    }
};

QTEST_GUILESS_MAIN(TestSeriesDescription)
#include "tst_series_description.moc"
