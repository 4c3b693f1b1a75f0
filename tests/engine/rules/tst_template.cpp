// Template expansion and Go formatting details (values checked against
// promtool 2.42's expansion of the same templates).
#include "rules/go_format.h"
#include "rules/template_functions.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace vigil;

class TestTemplate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void expand_data();
    void expand();
    void humanizers_data();
    void humanizers();
    void errorsAsPrometheus();
};

void TestTemplate::expand_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("value %v large") << "{{ $value }}" << 1234567.0 << "1.234567e+06";
    QTest::newRow("value %v plain") << "{{ .Value }}" << 123456.0 << "123456";
    QTest::newRow("printf verbs") << R"x({{ printf "%v %.2f %5.1f|%-4d|%q %x %s" $value $value $value 3 "q" 255 "s" }})x"
                                  << 1234567.0 << "1.234567e+06 1234567.00 1234567.0|3   |\"q\" ff s";
    QTest::newRow("printf bad verb") << R"x({{ printf "%d" 1.5 }})x" << 0.0 << "%!d(float64=1.5)";
    QTest::newRow("printf missing") << R"x({{ printf "%d %s" }})x" << 0.0 << "%!d(MISSING) %!s(MISSING)";
    QTest::newRow("printf extra") << R"x({{ printf "%d" 1 2 }})x" << 0.0 << "1%!(EXTRA int=2)";
    QTest::newRow("labels map") << "{{ .Labels }}" << 0.0 << "map[__name__:m a:b]";
    QTest::newRow("missing label") << "[{{ $labels.nope }}]" << 0.0 << "[]";
    QTest::newRow("reReplaceAll") << R"x({{ reReplaceAll "(a+)" "<$1>" "baab" }})x" << 0.0 << "b<aa>b";
    QTest::newRow("print spacing") << R"x({{ print 1 2 "a" "b" 3 }})x" << 0.0 << "1 2ab3";
    QTest::newRow("title") << R"x({{ title "hello wORld-x_y" }})x" << 0.0 << "Hello WORld-X_y";
    QTest::newRow("pipeline") << "{{ $value | humanize | toUpper }}" << 1500.0 << "1.5K";
    QTest::newRow("if else if") << "{{ if gt $value 10.0 }}big{{ else if gt $value 5.0 }}mid{{ else }}small{{ end }}"
                                << 7.0 << "mid";
    QTest::newRow("range kv") << "{{ range $k, $v := $labels }}{{ $k }}={{ $v }},{{ end }}" << 0.0
                              << "__name__=m,a=b,";
    QTest::newRow("range else") << "{{ range $externalLabels }}x{{ else }}none{{ end }}" << 0.0 << "none";
    QTest::newRow("with") << "{{ with $labels.a }}<{{ . }}>{{ end }}" << 0.0 << "<b>";
    QTest::newRow("trim") << "a  {{- 1 -}}  b" << 0.0 << "a1b";
    QTest::newRow("comment") << "a{{/* hidden */}}b" << 0.0 << "ab";
    QTest::newRow("and or not") << R"x({{ and 1 0 }} {{ or 0 "x" }} {{ not true }})x" << 0.0 << "0 x false";
    QTest::newRow("variables") << "{{ $x := 1 }}{{ $x = 2 }}{{ $x }}" << 0.0 << "2";
    QTest::newRow("index") << R"x({{ index $labels "a" }})x" << 0.0 << "b";
}

void TestTemplate::expand()
{
    QFETCH(QString, text);
    QFETCH(double, value);
    QFETCH(QString, expected);
    rules::TemplateContext ctx;
    ctx.labels = {{"__name__", "m"}, {"a", "b"}};
    ctx.value = value;
    std::string err;
    const std::string got = rules::expandRuleTemplate("T", text.toStdString(), ctx, &err);
    QVERIFY2(err.empty(), err.c_str());
    QCOMPARE(QString::fromStdString(got), expected);
}

void TestTemplate::humanizers_data()
{
    QTest::addColumn<QString>("fn");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("humanize M") << "humanize" << 1234567.0 << "1.235M";
    QTest::newRow("humanize u") << "humanize" << 0.000012345 << "12.35u";
    QTest::newRow("humanize 0") << "humanize" << 0.0 << "0";
    QTest::newRow("humanize inf") << "humanize" << std::numeric_limits<double>::infinity() << "+Inf";
    QTest::newRow("humanize1024") << "humanize1024" << 1048576.0 << "1Mi";
    QTest::newRow("humanize1024 small") << "humanize1024" << 0.5 << "0.5";
    QTest::newRow("duration") << "humanizeDuration" << 3700.5 << "1h 1m 40s";
    QTest::newRow("duration days") << "humanizeDuration" << 90061.0 << "1d 1h 1m 1s";
    QTest::newRow("duration ms") << "humanizeDuration" << 0.0123 << "12.3ms";
    QTest::newRow("duration s") << "humanizeDuration" << 4.5 << "4.5s";
    QTest::newRow("percentage") << "humanizePercentage" << 0.1234567 << "12.35%";
    QTest::newRow("timestamp") << "humanizeTimestamp" << 1600000000.5 << "2020-09-13 12:26:40.5 +0000 UTC";
}

void TestTemplate::humanizers()
{
    QFETCH(QString, fn);
    QFETCH(double, value);
    QFETCH(QString, expected);
    rules::TemplateContext ctx;
    ctx.value = value;
    const std::string got = rules::expandRuleTemplate("T", "{{ " + fn.toStdString() + " $value }}", ctx);
    QCOMPARE(QString::fromStdString(got), expected);
}

void TestTemplate::errorsAsPrometheus()
{
    QCOMPARE(QString::fromStdString(rules::checkRuleTemplate("Y", "{{ $labels.x").message()),
             QStringLiteral("template: __alert_Y:1: unclosed action"));
    QCOMPARE(QString::fromStdString(rules::checkRuleTemplate("Y", "{{ nosuch 1 }}").message()),
             QStringLiteral("template: __alert_Y:1: function \"nosuch\" not defined"));
    QCOMPARE(QString::fromStdString(rules::checkRuleTemplate("Y", "{{ if true }}x").message()),
             QStringLiteral("template: __alert_Y:1: unexpected EOF"));
    QCOMPARE(QString::fromStdString(rules::checkRuleTemplate("Y", "{{ $undefined }}").message()),
             QStringLiteral("template: __alert_Y:1: undefined variable \"$undefined\""));
    // Deep nesting is refused instead of exhausting the stack.
    const std::string deep = "{{ " + std::string(5000, '(') + "1" + std::string(5000, ')') + " }}";
    QVERIFY(rules::checkRuleTemplate("Y", deep).message().find("max expression depth exceeded") != std::string::npos);
    std::string ifs;
    for (int i = 0; i < 5000; ++i) ifs += "{{ if true }}";
    QVERIFY(rules::checkRuleTemplate("Y", ifs).message().find("max expression depth exceeded") != std::string::npos);
    // Execution errors become the annotation text, as in Prometheus.
    rules::TemplateContext ctx;
    ctx.value = 5;
    const std::string got = rules::expandRuleTemplate("X", "{{ if gt $value 4 }}hi{{ end }}", ctx);
    QVERIFY2(got.rfind("<error expanding template: error executing template __alert_X: template: __alert_X:1:", 0) == 0,
             got.c_str());
    QVERIFY2(got.find("error calling gt: incompatible types for comparison>") != std::string::npos, got.c_str());
}

QTEST_GUILESS_MAIN(TestTemplate)
#include "tst_template.moc"
