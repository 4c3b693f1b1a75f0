// Parser: canonical printing, tree shape (precedence, associativity, unary
// minus, modifier placement), node fields and positions, and error messages
// with their positions.
#include "promql/parser.h"
#include "promql/printer.h"

#include <QTest>

#include <cmath>

using namespace vigil::promql;

namespace {

ParseOptions experimental()
{
    ParseOptions o;
    o.enableExperimentalFunctions = true;
    return o;
}

// A fully parenthesised rendering showing how operators nest.
std::string tree(const Expr &e)
{
    switch (e.kind()) {
    case NodeKind::Binary: {
        const auto &b = *e.as<BinaryExpr>();
        return std::string("(") + binaryOpString(b.op) + " " + tree(*b.lhs) + " " + tree(*b.rhs) + ")";
    }
    case NodeKind::Unary: {
        const auto &u = *e.as<UnaryExpr>();
        return std::string(u.op == UnaryOp::Minus ? "(neg " : "(pos ") + tree(*u.expr) + ")";
    }
    case NodeKind::Paren: return "(paren " + tree(*e.as<ParenExpr>()->expr) + ")";
    case NodeKind::Subquery: {
        const auto &s = *e.as<SubqueryExpr>();
        std::string out = "(subquery " + tree(*s.expr) + ")";
        return out;
    }
    case NodeKind::Aggregate: {
        const auto &a = *e.as<AggregateExpr>();
        std::string out = std::string(aggregateOpString(a.op)) + "(";
        if (a.param) out += tree(*a.param) + ", ";
        return out + tree(*a.expr) + ")";
    }
    case NodeKind::Call: {
        const auto &c = *e.as<Call>();
        std::string out = std::string(c.func->name) + "(";
        for (size_t i = 0; i < c.args.size(); ++i) out += (i ? ", " : "") + tree(*c.args[i]);
        return out + ")";
    }
    default: return toString(e);
    }
}

ExprPtr mustParse(const std::string &q, const ParseOptions &o = experimental())
{
    auto r = parseExpr(q, o);
    if (!r.isOk()) qWarning("parse of %s failed: %s", q.c_str(), r.status().message().c_str());
    return r.isOk() ? std::move(r).value() : nullptr;
}

}  // namespace

class TestParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void format_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *in, const char *out) {
            QTest::newRow(in) << QString::fromUtf8(in) << QString::fromUtf8(out);
        };
        // Literals.
        row("1", "1");
        row("1e3", "1000");
        row("12.34e-6", "0.00001234");
        row("0x1F", "31");
        row(".5", "0.5");
        row("2.", "2");
        row("Inf", "+Inf");
        row("-inf", "-Inf");
        row("+0.2", "0.2");
        row("nan", "NaN");
        row("- 1", "-1");
        row("5m", "5m");
        row("'single'", "\"single\"");
        row("`raw\\n`", "\"raw\\\\n\"");
        row("\"tab\\there\"", "\"tab\\there\"");
        // Selectors.
        row("foo", "foo");
        row("foo{}", "foo");
        row("foo:bar:rate5m", "foo:bar:rate5m");
        row("foo{b=\"1\", a=\"2\"}", "foo{a=\"2\",b=\"1\"}");
        row("foo{a!=\"b\",c=~\"d.*\",e!~'f',}", "foo{a!=\"b\",c=~\"d.*\",e!~\"f\"}");
        row("{__name__=\"foo\"}", "{__name__=\"foo\"}");
        row("{__name__=~\"foo|bar\", job=\"x\"}", "{__name__=~\"foo|bar\",job=\"x\"}");
        row("{\"foo\"}", "{__name__=\"foo\"}");
        row("foo{\"a.b\"=\"c\"}", "foo{\"a.b\"=\"c\"}");
        row("sum", "sum");
        row("by{a=\"b\"}", "by{a=\"b\"}");
        row("foo # a comment", "foo");
        row("anchored{job=\"test\"}", "anchored{job=\"test\"}");
        row("smoothed", "smoothed");
        row("start{end=\"foo\"}", "start{end=\"foo\"}");
        row("offset{step=\"1s\"}[5m]", "offset{step=\"1s\"}[5m]");
        row("{'foo\\'bar', 'a\\\\dos'='boo'}", "{\"a\\\\dos\"=\"boo\",__name__=\"foo'bar\"}");
        row("start()", "start()");
        row("foo unless on(start, end) bar", "foo unless on (start, end) bar");
        row("sum by (anchored, smoothed) (x)", "sum by (anchored, smoothed) (x)");
        row("foo offset 5s-8", "foo offset 5s - 8");
        row("foo offset -1^1", "foo offset -1s ^ 1");
        row("foo offset +5m", "foo offset 5m");
        row("foo[4.018] @ 2.345", "foo[4s18ms] @ 2.345");
        row("foo @ 3.3335", "foo @ 3.334");
        row("0755", "493");
        row("foo{a=\"b\\nc\"}", "foo{a=\"b\\nc\"}");
        // Modifiers.
        row("foo offset 5m", "foo offset 5m");
        row("foo offset 90m", "foo offset 1h30m");
        row("foo offset -7m", "foo offset -7m");
        row("foo offset 7d", "foo offset 1w");
        row("foo offset 60", "foo offset 1m");
        row("foo OFFSET 1h", "foo offset 1h");
        row("foo @ 10", "foo @ 10.000");
        row("foo @ -1.5", "foo @ -1.500");
        row("foo @ 1603775091", "foo @ 1603775091.000");
        row("foo @ start()", "foo @ start()");
        row("foo @ end()", "foo @ end()");
        row("foo offset 5m @ 100", "foo @ 100.000 offset 5m");
        row("foo @ 100 offset 5m", "foo @ 100.000 offset 5m");
        row("foo[5m]", "foo[5m]");
        row("foo[300]", "foo[5m]");
        row("foo[1.5]", "foo[1s500ms]");
        row("foo{a=\"b\"}[1h30m]", "foo{a=\"b\"}[1h30m]");
        row("foo[5m] offset 1m", "foo[5m] offset 1m");
        row("foo[5m] @ 100 offset -1m", "foo[5m] @ 100.000 offset -1m");
        row("foo[5m] offset 1m @ end()", "foo[5m] @ end() offset 1m");
        row("foo[5m:1m]", "foo[5m:1m]");
        row("foo[5m:]", "foo[5m:]");
        row("foo[300:60]", "foo[5m:1m]");
        row("rate(foo[5m])[30m:1m] offset 1h @ 50", "rate(foo[5m])[30m:1m] @ 50.000 offset 1h");
        row("(foo + bar)[5m:]", "(foo + bar)[5m:]");
        // Operators.
        row("1 + 2", "1 + 2");
        row("1+2*3", "1 + 2 * 3");
        row("foo AND bar", "foo and bar");
        row("foo and on(a) bar", "foo and on (a) bar");
        row("foo or ignoring(a, b) bar", "foo or ignoring (a, b) bar");
        row("foo unless on() bar", "foo unless on () bar");
        row("a - ignoring() c", "a - c");
        row("a * on(b) group_left c", "a * on (b) group_left () c");
        row("a * on(b) group_left(x, y) c", "a * on (b) group_left (x, y) c");
        row("a / ignoring(b) group_right(x) c", "a / ignoring (b) group_right (x) c");
        row("up > bool 0", "up > bool 0");
        row("1 == bool 1", "1 == bool 1");
        row("a atan2 b", "a atan2 b");
        row("-foo", "-foo");
        row("-(1)", "-(1)");
        row("-1^2", "-1 ^ 2");
        row("2^-1", "2 ^ -1");
        row("1 - -1", "1 - -1");
        row("foo * -bar", "foo * -bar");
        row("a + on(\"x.y\") b", "a + on (\"x.y\") b");
        // Aggregations.
        row("sum(foo)", "sum(foo)");
        row("sum by (job) (foo)", "sum by (job) (foo)");
        row("sum(foo) by (job)", "sum by (job) (foo)");
        row("sum by() (foo)", "sum(foo)");
        row("sum without() (foo)", "sum without () (foo)");
        row("sum without(a, b) (foo)", "sum without (a, b) (foo)");
        row("SUM BY (job) (foo)", "sum by (job) (foo)");
        row("sum by (job,) (foo)", "sum by (job) (foo)");
        row("sum by (by, on, offset, sum) (foo)", "sum by (by, on, offset, sum) (foo)");
        row("topk(5, foo)", "topk(5, foo)");
        row("count_values(\"value\", foo)", "count_values(\"value\", foo)");
        row("quantile(0.9, foo) without (a)", "quantile without (a) (0.9, foo)");
        row("limitk(2, foo)", "limitk(2, foo)");
        row("sum by (job) (rate(foo[5m]))", "sum by (job) (rate(foo[5m]))");
        // Functions.
        row("time()", "time()");
        row("rate(foo[5m])", "rate(foo[5m])");
        row("histogram_quantile(0.9, sum by (le) (rate(x_bucket[5m])))",
            "histogram_quantile(0.9, sum by (le) (rate(x_bucket[5m])))");
        row("label_replace(up, \"a\", \"$1\", \"b\", \"(.*)\")", "label_replace(up, \"a\", \"$1\", \"b\", \"(.*)\")");
        row("label_join(up, \"a\", \",\", \"b\", \"c\")", "label_join(up, \"a\", \",\", \"b\", \"c\")");
        row("round(foo)", "round(foo)");
        row("hour()", "hour()");
        row("clamp(foo, 0, 1)", "clamp(foo, 0, 1)");
        row("sort_by_label(foo, \"a\", \"b\")", "sort_by_label(foo, \"a\", \"b\")");
        row("quantile_over_time(0.5, foo[5m:1m])", "quantile_over_time(0.5, foo[5m:1m])");
    }
    void format()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        ParseError err;
        auto r = parseExpr(input.toStdString(), experimental(), &err);
        QVERIFY2(r.isOk(), r.status().toString().c_str());
        const std::string printed = toString(**r);
        QCOMPARE(QString::fromStdString(printed), expected);
        // The canonical form parses back to itself.
        auto again = parseExpr(printed, experimental());
        QVERIFY2(again.isOk(), again.status().toString().c_str());
        QCOMPARE(QString::fromStdString(toString(**again)), expected);
    }

    void pretty_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("maxLineLength");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *name, const char *in, int max, const char *out) {
            QTest::newRow(name) << QString::fromUtf8(in) << max << QString::fromUtf8(out);
        };
        row("fits", "sum(x)", 10, "sum(x)");
        row("aggregate", "avg by (instance) (node_load1)", 10, "avg by (instance) (\n  node_load1\n)");
        row("aggregate-param", "quantile(0.5, http_latency)", 10, "quantile(\n  0.5,\n  http_latency\n)");
        row("binary", "up_a - up_b", 10, "  up_a\n-\n  up_b");
        row("binary-chain", "up_a - up_b - up_c", 10, "    up_a\n  -\n    up_b\n-\n  up_c");
        row("binary-modifiers", "x > bool on(job) group_left y", 10, "  x\n> bool on (job) group_left ()\n  y");
        row("call", "abs(some_gauge)", 10, "abs(\n  some_gauge\n)");
        row("unary-call", "-abs(some_gauge)", 10, "-abs(\n  some_gauge\n)");
        row("paren", "(some_gauge)", 10, "(\n  some_gauge\n)");
        row("short-subquery-arg", "max_over_time(g[5m:])", 10, "max_over_time(\ng[5m:]\n)");
        row("long-subquery-arg", "min_over_time(rate(requests[1m])[5m:])", 10,
            "min_over_time(\n  rate(\n    requests[1m]\n  )[5m:]\n)");
        row("selector-never-split", "some_long_metric_name{job=\"x\"}[5m] offset 1h", 10,
            "some_long_metric_name{job=\"x\"}[5m] offset 1h");
        row("default-short", "sum by (job) (rate(x[5m]))", 100, "sum by (job) (rate(x[5m]))");
        row("default-long",
            "sum by (job) (rate(http_requests_total{handler=\"/api/v1/query_range\"}[5m])) / "
            "sum by (job) (rate(http_requests_total[5m]))",
            100,
            "  sum by (job) (rate(http_requests_total{handler=\"/api/v1/query_range\"}[5m]))\n/\n"
            "  sum by (job) (rate(http_requests_total[5m]))");
    }
    void pretty()
    {
        QFETCH(QString, input);
        QFETCH(int, maxLineLength);
        QFETCH(QString, expected);
        auto e = mustParse(input.toStdString());
        QVERIFY(e);
        const std::string out = prettyString(*e, size_t(maxLineLength));
        QCOMPARE(QString::fromStdString(out), expected);
        // Pretty output is still a valid query with the same canonical form.
        auto again = mustParse(out);
        QVERIFY(again);
        QCOMPARE(toString(*again), toString(*e));
    }

    void structure_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *in, const char *out) {
            QTest::newRow(in) << QString::fromUtf8(in) << QString::fromUtf8(out);
        };
        // Precedence, lowest first: or; and unless; comparisons; + -; * / % atan2; ^.
        row("a + b * c", "(+ a (* b c))");
        row("a * b + c", "(+ (* a b) c)");
        row("a + b ^ c * d", "(+ a (* (^ b c) d))");
        row("a or b and c", "(or a (and b c))");
        row("a and b or c", "(or (and a b) c)");
        row("a unless b and c", "(and (unless a b) c)");
        row("a > b + c", "(> a (+ b c))");
        row("a and b > c", "(and a (> b c))");
        row("a == b or c != d", "(or (== a b) (!= c d))");
        row("a % b atan2 c / d", "(/ (atan2 (% a b) c) d)");
        // Associativity.
        row("1 - 2 - 3", "(- (- 1 2) 3)");
        row("a / b / c", "(/ (/ a b) c)");
        row("2 ^ 3 ^ 2", "(^ 2 (^ 3 2))");
        row("a or b or c", "(or (or a b) c)");
        // Unary minus binds like '*': below '^', above '+'.
        row("-1^2", "(neg (^ 1 2))");
        row("-a ^ b", "(neg (^ a b))");
        row("-a * b", "(* (neg a) b)");
        row("-a + b", "(+ (neg a) b)");
        row("a * -b", "(* a (neg b))");
        row("2 ^ -1 ^ 2", "(^ 2 (neg (^ 1 2)))");
        row("- -a", "(neg (neg a))");
        row("+a", "(pos a)");
        row("-1 + 2", "(+ -1 2)");
        row("-(1 + 2)", "(neg (paren (+ 1 2)))");
        // Modifiers bind tighter than any operator.
        row("-a offset 5m", "(neg a offset 5m)");
        row("a + b offset 5m", "(+ a b offset 5m)");
        row("-a @ 5 offset 1m", "(neg a @ 5.000 offset 1m)");
        row("sum(-a offset 1m)", "sum((neg a offset 1m))");
        row("(a + b)[5m:1m]", "(subquery (paren (+ a b)))");
        row("a ^ b @ 100", "(^ a b @ 100.000)");
        // Aggregations and calls.
        row("sum(a + b) by (x) * 2", "(* sum((+ a b)) 2)");
        row("topk(3, a) / 2", "(/ topk(3, a) 2)");
        row("abs(-a) - 1", "(- abs((neg a)) 1)");
        row("sum(rate(a[5m])) > bool 1", "(> sum(rate(a[5m])) 1)");
    }
    void structure()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        auto e = mustParse(input.toStdString());
        QVERIFY(e);
        QCOMPARE(QString::fromStdString(tree(*e)), expected);
    }

    void selectorFields()
    {
        auto e = mustParse("foo{job=\"a\"} offset -5m @ 1.5");
        QVERIFY(e);
        const auto *vs = e->as<VectorSelector>();
        QVERIFY(vs);
        QCOMPARE(vs->name, std::string("foo"));
        QCOMPARE(vs->matchers.size(), size_t(2));
        QCOMPARE(vs->matchers[0].name(), std::string("job"));
        QCOMPARE(vs->matchers[1].name(), std::string("__name__"));
        QCOMPARE(vs->matchers[1].value(), std::string("foo"));
        QCOMPARE(vs->originalOffsetMs, int64_t(-300000));
        QCOMPARE(vs->offsetMs, int64_t(-300000));
        QVERIFY(vs->timestampMs.has_value());
        QCOMPARE(*vs->timestampMs, int64_t(1500));
        QCOMPARE(vs->type(), ValueType::Vector);

        auto m = mustParse("foo[5m] @ end()");
        const auto *ms = m->as<MatrixSelector>();
        QVERIFY(ms);
        QCOMPARE(ms->rangeMs, int64_t(300000));
        QCOMPARE(ms->vectorSelector->startOrEnd, AtModifier::End);
        QCOMPARE(ms->type(), ValueType::Matrix);

        auto s = mustParse("foo[1h:1m] offset 10m @ start()");
        const auto *sq = s->as<SubqueryExpr>();
        QVERIFY(sq);
        QCOMPARE(sq->rangeMs, int64_t(3600000));
        QCOMPARE(sq->stepMs, int64_t(60000));
        QCOMPARE(sq->originalOffsetMs, int64_t(600000));
        QCOMPARE(sq->startOrEnd, AtModifier::Start);
        QCOMPARE(sq->type(), ValueType::Matrix);
    }

    void binaryFields()
    {
        auto e = mustParse("a * on(x) group_left(y) b");
        const auto *b = e->as<BinaryExpr>();
        QVERIFY(b && b->matching);
        QCOMPARE(b->matching->card, VectorMatchCardinality::ManyToOne);
        QVERIFY(b->matching->on);
        QCOMPARE(b->matching->matchingLabels, std::vector<std::string>{"x"});
        QCOMPARE(b->matching->include, std::vector<std::string>{"y"});

        auto s = mustParse("a and b");
        QCOMPARE(s->as<BinaryExpr>()->matching->card, VectorMatchCardinality::ManyToMany);

        // Vector matching is dropped when an operand is a scalar.
        auto sc = mustParse("a + 1");
        QVERIFY(!sc->as<BinaryExpr>()->matching);
        QCOMPARE(sc->type(), ValueType::Vector);
        auto ss = mustParse("1 + 2");
        QCOMPARE(ss->type(), ValueType::Scalar);
        auto cmp = mustParse("1 < bool 2");
        QVERIFY(cmp->as<BinaryExpr>()->returnBool);
    }

    void aggregateAndCallFields()
    {
        auto e = mustParse("topk without (a) (3, foo)");
        const auto *a = e->as<AggregateExpr>();
        QVERIFY(a);
        QCOMPARE(a->op, AggregateOp::Topk);
        QVERIFY(a->without);
        QCOMPARE(a->grouping, std::vector<std::string>{"a"});
        QVERIFY(a->param && a->param->as<NumberLiteral>());
        QCOMPARE(a->param->as<NumberLiteral>()->value, 3.0);

        auto c = mustParse("histogram_quantile(0.9, rate(x[5m]))");
        const auto *call = c->as<Call>();
        QVERIFY(call);
        QCOMPARE(call->func->name, std::string_view("histogram_quantile"));
        QCOMPARE(call->args.size(), size_t(2));
        QCOMPARE(call->type(), ValueType::Vector);
        QCOMPARE(mustParse("time()")->type(), ValueType::Scalar);
        QCOMPARE(mustParse("\"s\"")->type(), ValueType::String);

        auto n = mustParse("-5m");
        QVERIFY(n->as<NumberLiteral>());
        QCOMPARE(n->as<NumberLiteral>()->value, -300.0);
    }

    void positions_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("end");
        QTest::newRow("selector") << "  foo{a=\"b\"}  " << 2 << 12;
        QTest::newRow("offset") << "foo offset 5m" << 0 << 13;
        QTest::newRow("at-start") << "foo @ start()" << 0 << 13;
        QTest::newRow("matrix") << "foo[5m] offset 1m" << 0 << 17;
        QTest::newRow("subquery") << "(a)[5m:1m]" << 0 << 10;
        QTest::newRow("call") << "rate(foo[5m])" << 0 << 13;
        QTest::newRow("aggregate-trailing-by") << "sum(foo) by (a)" << 0 << 15;
        QTest::newRow("binary") << "a + b" << 0 << 5;
        QTest::newRow("unary-number") << "- 1" << 0 << 3;
        QTest::newRow("paren") << "(1)" << 0 << 3;
        QTest::newRow("string") << " 'x' " << 1 << 4;
    }
    void positions()
    {
        QFETCH(QString, input);
        QFETCH(int, start);
        QFETCH(int, end);
        auto e = mustParse(input.toStdString());
        QVERIFY(e);
        QCOMPARE(int(e->posRange.start), start);
        QCOMPARE(int(e->posRange.end), end);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("message");  // the full Status message
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("end");
        const auto row = [](const char *name, const char *in, const char *msg, int s, int e) {
            QTest::newRow(name) << QString::fromUtf8(in) << QString::fromUtf8(msg) << s << e;
        };
        // Syntax.
        row("empty", "", "1:1: parse error: no expression found in input", 0, 0);
        row("only-comment", "# x", "1:1: parse error: no expression found in input", 0, 0);
        row("dangling-op", "1 +", "1:4: parse error: unexpected end of input", 3, 3);
        row("leading-op", "*1", "1:1: parse error: unexpected <op:*>", 0, 1);
        row("two-selectors", "foo bar", "1:5: parse error: unexpected identifier \"bar\"", 4, 7);
        row("unclosed-paren", "(1", "1:3: parse error: unclosed left parenthesis", 2, 2);
        row("extra-paren", "1)", "1:3: parse error: unexpected right parenthesis ')'", 2, 2);
        row("extra-paren-nested", "(1))", "1:5: parse error: unexpected right parenthesis ')'", 4, 4);
        row("multiline", "foo +\n  )", "2:4: parse error: unexpected right parenthesis ')'", 9, 9);
        row("brace-eof", "foo{a=\"b\"", "1:10: parse error: unexpected end of input inside braces", 9, 9);
        row("matcher-no-op", "foo{a}", "1:6: parse error: unexpected \"}\" in label matching, expected label matching operator", 5, 6);
        row("matcher-no-string", "foo{a=b}", "1:7: parse error: unexpected identifier \"b\" in label matching, expected string", 6, 7);
        row("matcher-number", "foo{a=1}", "1:7: parse error: unexpected character inside braces: '1'", 6, 8);
        row("matcher-separator", "foo{a=\"b\" c=\"d\"}", "1:11: parse error: unexpected identifier \"c\" in label matching, expected \",\" or \"}\"", 10, 11);
        row("grouping-no-paren", "sum by foo (x)", "1:8: parse error: unexpected identifier \"foo\" in grouping opts, expected \"(\"", 7, 10);
        row("grouping-metric-ident", "sum by (a:b) (x)", "1:9: parse error: unexpected metric identifier \"a:b\" in grouping opts, expected label", 8, 11);
        row("grouping-number", "sum by (1) (x)", "1:9: parse error: unexpected number \"1\" in grouping opts, expected label", 8, 9);
        row("aggregation-no-args", "sum by (a)", "1:11: parse error: unexpected end of input in aggregation", 10, 10);
        row("trailing-comma", "rate(foo[5m],)", "1:13: parse error: trailing commas not allowed in function call args", 12, 13);
        row("offset-missing", "foo offset", "1:11: parse error: unexpected end of input in offset, expected number, duration, step(), or range()", 10, 10);
        row("offset-bad", "foo offset bar", "1:12: parse error: unexpected identifier \"bar\" in offset, expected number, duration, step(), or range()", 11, 14);
        row("offset-expression", "foo offset (5)", "1:12: parse error: experimental duration expression is not enabled", 11, 12);
        row("offset-out-of-range", "foo offset 9.5e10", "1:12: parse error: duration out of range", 11, 17);
        row("at-missing", "foo @", "1:6: parse error: unexpected end of input in @, expected timestamp", 5, 5);
        row("range-missing", "foo[]", "1:5: parse error: unexpected \"]\" in subquery or range selector, expected number, duration, step(), or range()", 4, 5);
        row("range-zero", "foo[0m]", "1:5: parse error: duration must be greater than 0", 4, 6);
        row("range-negative", "foo[-1]", "1:5: parse error: duration must be greater than 0", 4, 6);
        row("subquery-range-zero", "foo[0s:1s]", "1:5: parse error: duration must be greater than 0", 4, 6);
        row("range-bad-unit", "foo[5y1hs]", "1:5: parse error: unknown unit \"hs\" in duration \"5y1hs\"", 4, 9);
        row("range-unit-order", "foo[5m1h]", "1:5: parse error: not a valid duration string: \"5m1h\"", 4, 8);
        row("range-double-unit", "foo[5mm]", "1:5: parse error: bad number or duration syntax: \"5mm\"", 4, 8);
        row("range-string", "foo[\"5m\"]", "1:5: parse error: unexpected character in duration expression: '\"'", 4, 9);
        row("range-x", "foo[5s x 5s]", "1:8: parse error: unexpected character: 'x', expected ':'", 7, 12);
        row("range-unclosed", "foo[5m", "1:7: parse error: unclosed left bracket", 6, 6);
        row("range-bad-duration", "foo[1.5h]", "1:5: parse error: unknown unit \".\" in duration \"1.5h\"", 4, 8);
        row("range-bad-number", "foo[5x]", "1:5: parse error: bad number or duration syntax: \"5\"", 4, 7);
        row("duration-expression", "foo[5m+1m]", "1:7: parse error: experimental duration expression is not enabled", 6, 7);
        row("bad-escape", "\"\\q\"", "1:1: parse error: unknown escape sequence U+0071 'q'", 0, 4);
        row("unterminated-string", "foo{a=\"b}", "1:7: parse error: unterminated quoted string", 6, 9);
        row("bad-char", "foo $ bar", "1:5: parse error: unexpected character: '$'", 4, 9);
        row("group-left-without-on", "a * group_left b", "1:5: parse error: unexpected <group_left>", 4, 14);
        row("bool-after-on", "a > on(b) bool c", "1:11: parse error: unexpected <bool>", 10, 14);
        row("unknown-function", "foo(bar)", "1:1: parse error: unknown function with name \"foo\"", 0, 3);
        row("experimental-function", "sort_by_label(foo, \"a\")", "1:1: parse error: function \"sort_by_label\" is not enabled", 0, 13);
        row("experimental-aggregation", "limitk(1, foo)", "1:1: parse error: limitk() is experimental and must be enabled with --enable-feature=promql-experimental-functions", 0, 14);
        row("smoothed", "foo[5m] smoothed", "1:1: parse error: smoothed modifier is experimental and not enabled", 0, 7);
        // Modifier placement.
        row("range-on-expr", "(foo + bar)[5m]", "1:12: parse error: ranges only allowed for vector selectors", 11, 15);
        row("offset-before-range", "foo offset 5m[5m]", "1:14: parse error: no offset modifiers allowed before range", 13, 17);
        row("at-before-range", "foo @ 1 [5m]", "1:9: parse error: no @ modifiers allowed before range", 8, 12);
        row("offset-on-literal", "1 offset 5m", "1:1: parse error: offset modifier must be preceded by an instant vector selector or range vector selector or a subquery", 0, 1);
        row("offset-on-call", "rate(foo[5m]) offset 5m", "1:1: parse error: offset modifier must be preceded by an instant vector selector or range vector selector or a subquery", 0, 13);
        row("offset-twice", "foo offset 1m offset 2m", "1:1: parse error: offset may not be set multiple times", 0, 13);
        row("at-on-literal", "1 @ 5", "1:1: parse error: @ modifier must be preceded by an instant vector selector or range vector selector or a subquery", 0, 1);
        row("at-twice", "foo @ 1 @ 2", "1:1: parse error: @ <timestamp> may not be set multiple times", 0, 7);
        row("at-start-twice", "foo @ start() @ end()", "1:1: parse error: @ <timestamp> may not be set multiple times", 0, 13);
        row("at-inf", "foo @ Inf", "1:1: parse error: timestamp out of bounds for @ modifier: +Inf", 0, 3);
        // Type checking.
        row("empty-selector", "{}", "1:1: parse error: vector selector must contain at least one non-empty matcher", 0, 2);
        row("empty-matchers-only", "{a=\"\", b=~\".*\"}", "1:1: parse error: vector selector must contain at least one non-empty matcher", 0, 15);
        row("name-twice", "foo{__name__=\"bar\"}", "1:1: parse error: metric name must not be set twice: \"foo\" or \"bar\"", 0, 19);
        row("rate-instant", "rate(foo)", "1:6: parse error: expected type range vector in call to function \"rate\", got instant vector", 5, 8);
        row("abs-range", "abs(foo[5m])", "1:5: parse error: expected type instant vector in call to function \"abs\", got range vector", 4, 11);
        row("histogram-quantile-string", "histogram_quantile(\"a\", foo)", "1:20: parse error: expected type scalar in call to function \"histogram_quantile\", got string", 19, 22);
        row("args-exact", "rate(foo[5m], 1)", "1:1: parse error: expected 1 argument(s) in call to \"rate\", got 2", 0, 16);
        row("args-none", "time(1)", "1:1: parse error: expected 0 argument(s) in call to \"time\", got 1", 0, 7);
        row("args-at-least", "label_join(foo)", "1:1: parse error: expected at least 3 argument(s) in call to \"label_join\", got 1", 0, 15);
        row("args-at-most", "round(foo, 1, 2)", "1:1: parse error: expected at most 2 argument(s) in call to \"round\", got 3", 0, 16);
        row("agg-range", "sum(foo[5m])", "1:5: parse error: expected type instant vector in aggregation expression, got range vector", 4, 11);
        row("agg-param-type", "topk(foo, bar)", "1:6: parse error: expected type scalar in aggregation parameter, got instant vector", 5, 8);
        row("count-values-param", "count_values(1, foo)", "1:14: parse error: expected type string in aggregation parameter, got scalar", 13, 14);
        row("agg-no-args", "sum()", "1:1: parse error: no arguments for aggregate expression provided", 0, 5);
        row("agg-too-many", "sum(a, b)", "1:1: parse error: wrong number of arguments for aggregate expression provided, expected 1, got 2", 0, 9);
        row("topk-one-arg", "topk(foo)", "1:1: parse error: wrong number of arguments for aggregate expression provided, expected 2, got 1", 0, 9);
        row("binary-range-lhs", "foo[5m] + 1", "1:1: parse error: binary expression must contain only scalar and instant vector types", 0, 7);
        row("binary-range-rhs", "1 + foo[5m]", "1:5: parse error: binary expression must contain only scalar and instant vector types", 4, 11);
        row("binary-string", "\"a\" + 1", "1:1: parse error: binary expression must contain only scalar and instant vector types", 0, 3);
        row("scalar-set-op", "1 and 1", "1:1: parse error: set operator \"and\" not allowed in binary scalar expression", 0, 7);
        row("vector-scalar-set-op", "foo or 1", "1:1: parse error: set operator \"or\" not allowed in binary scalar expression", 0, 8);
        row("scalar-comparison", "1 == 1", "1:3: parse error: comparisons between scalars must use BOOL modifier", 2, 4);
        row("bool-on-arith", "foo + bool bar", "1:5: parse error: bool modifier can only be used on comparison operators", 4, 10);
        row("grouping-set-op", "foo and on(a) group_left bar", "1:1: parse error: no grouping allowed for \"and\" operation", 0, 28);
        row("matching-scalar", "1 + on(a) foo", "1:1: parse error: vector matching only allowed between instant vectors", 0, 13);
        row("on-and-group", "foo * on(a) group_left(a) bar", "1:5: parse error: label \"a\" must not occur in ON and GROUP clause at once", 4, 25);
        row("unary-string", "-\"foo\"", "1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got \"string\"", 0, 6);
        row("unary-range", "-foo[5m]", "1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got \"range vector\"", 0, 8);
        row("subquery-of-range", "foo[5m][10m:]", "1:1: parse error: subquery is only allowed on instant vector, got matrix instead", 0, 13);
    }
    void errors()
    {
        QFETCH(QString, input);
        QFETCH(QString, message);
        QFETCH(int, start);
        QFETCH(int, end);
        ParseError err;
        auto r = parseExpr(input.toStdString(), ParseOptions{}, &err);
        QVERIFY(!r.isOk());
        QCOMPARE(r.status().code(), vigil::Status::Code::InvalidArgument);
        QCOMPARE(QString::fromStdString(r.status().message()), message);
        QCOMPARE(int(err.range.start), start);
        QCOMPARE(int(err.range.end), end);
        QCOMPARE(QString::fromStdString(err.toString(input.toStdString())), message);
    }

    void metricSelectors_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");  // matchers joined by ",", or "ERROR: <message>"
        QTest::newRow("name") << "up" << "__name__=\"up\"";
        QTest::newRow("name-labels") << "up{job=\"a\", x!~\"b.*\"}" << "job=\"a\",x!~\"b.*\",__name__=\"up\"";
        QTest::newRow("braces-only") << "{__name__=~\"x.*\"}" << "__name__=~\"x.*\"";
        QTest::newRow("quoted-name") << "{\"a.b\", c=\"d\"}" << "__name__=\"a.b\",c=\"d\"";
        QTest::newRow("empty-allowed") << "{}" << "";
        QTest::newRow("keyword-name") << "sum" << "__name__=\"sum\"";
        QTest::newRow("offset") << "up offset 5m" << "ERROR: 1:4: parse error: unexpected <offset>";
        QTest::newRow("range") << "up[5m]" << "ERROR: 1:3: parse error: unexpected \"[\"";
        QTest::newRow("expression") << "1 + up" << "ERROR: 1:1: parse error: unexpected number \"1\"";
        QTest::newRow("empty") << "" << "ERROR: 1:1: parse error: unexpected end of input";
    }
    void metricSelectors()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        auto r = parseMetricSelector(input.toStdString());
        QString actual;
        if (!r.isOk()) {
            actual = QStringLiteral("ERROR: ") + QString::fromStdString(r.status().message());
        } else {
            QStringList parts;
            for (const auto &m : *r) parts << QString::fromStdString(m.toString());
            actual = parts.join(QLatin1Char(','));
        }
        QCOMPARE(actual, expected);
    }

    void badRegexIsAParseError()
    {
        ParseError err;
        auto r = parseExpr("foo{a=~\"(\"}", ParseOptions{}, &err);
        QVERIFY(!r.isOk());
        QVERIFY(r.status().message().rfind("1:5: parse error: ", 0) == 0);
        QCOMPARE(int(err.range.start), 4);
        QCOMPARE(int(err.range.end), 10);
    }

    void manyErrorsReportTheFirst()
    {
        // Prometheus's stress case: 10000 empty selectors under 1000 subqueries.
        std::string q = "(";
        for (int i = 0; i < 10000; ++i) q += "-{}-1";
        q += ")";
        for (int i = 0; i < 1000; ++i) q += "[1m:]";
        ParseError err;
        auto r = parseExpr(q, ParseOptions{}, &err);
        QVERIFY(!r.isOk());
        QCOMPARE(err.message, std::string("vector selector must contain at least one non-empty matcher"));
        QCOMPARE(int(err.range.start), 2);
        QCOMPARE(int(err.range.end), 4);
    }

    void nestingLimit()
    {
        std::string q(5000, '(');
        q += "1";
        q += std::string(5000, ')');
        ParseError err;
        QVERIFY(!parseExpr(q, ParseOptions{}, &err).isOk());
        QCOMPARE(err.message, std::string("expression nesting exceeds the maximum depth of 1000"));
        std::string minus(5000, '-');
        QVERIFY(!parseExpr(minus + "1").isOk());
        std::string pow = "1";
        for (int i = 0; i < 5000; ++i) pow += "^1";
        QVERIFY(!parseExpr(pow).isOk());
        std::string sum = "1";
        for (int i = 0; i < 20000; ++i) sum += "+1";
        auto r = parseExpr(sum);
        QVERIFY(r.isOk());
        QCOMPARE(toString(**r).size(), sum.size() * 2 - 1);
    }

    void randomInputsDoNotCrash()
    {
        // Deterministic pseudo-random token soup; whatever parses must round-trip.
        static const char *const pieces[] = {
            "foo", "bar{a=\"b\"}", "{", "}", "(", ")", "[", "]", "5m", "1", "0x1f", "-", "+", "*", "/", "^",
            "==", "!=", " bool ", " and ", " or ", " unless ", " on(a)", " ignoring(b)", " group_left", "sum",
            " by (x)", " without (y)", "rate(", "topk(", ",", ":", " offset ", " @ ", "start()", "\"s\"",
            "1h30m", "Inf", "NaN", "#c\n", "  ", "=~", "count_values(", "histogram_quantile(", "x[5m]"};
        uint32_t state = 12345;
        const auto next = [&] {
            state = state * 1103515245u + 12345u;
            return (state >> 16) & 0x7fff;
        };
        int parsed = 0;
        for (int i = 0; i < 20000; ++i) {
            std::string q;
            const int n = 1 + int(next() % 12);
            for (int k = 0; k < n; ++k) q += pieces[next() % (sizeof(pieces) / sizeof(pieces[0]))];
            auto r = parseExpr(q, experimental());
            if (!r.isOk()) continue;
            ++parsed;
            const std::string printed = toString(**r);
            auto again = parseExpr(printed, experimental());
            QVERIFY2(again.isOk(), (q + " -> " + printed + ": " + again.status().message()).c_str());
            QCOMPARE(toString(**again), printed);
        }
        QVERIFY(parsed > 100);
    }

    void deepNestingDoesNotCrash()
    {
        std::string q;
        for (int i = 0; i < 200; ++i) q += "(";
        q += "1";
        for (int i = 0; i < 200; ++i) q += ")";
        auto r = parseExpr(q);
        QVERIFY(r.isOk());
    }
};

QTEST_GUILESS_MAIN(TestParser)
#include "tst_parser.moc"
