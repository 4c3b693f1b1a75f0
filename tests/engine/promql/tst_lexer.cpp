// Lexer: token kinds, spellings and positions, and lexical errors.
#include "promql/duration.h"
#include "promql/go_strconv.h"
#include "promql/lexer.h"

#include <QTest>

#include <cmath>

using namespace vigil::promql;

namespace {

// Tokens rendered the way error messages describe them, joined by " | "
// (the trailing end of input included).
QString render(const std::string &input)
{
    QStringList parts;
    for (const Token &t : Lexer::tokenize(input, /*keepComments=*/true)) {
        if (t.type == TokenType::Error) {
            parts << QStringLiteral("ERROR(%1)").arg(QString::fromStdString(t.text));
        } else {
            parts << QString::fromStdString(describeToken(t));
        }
    }
    return parts.join(QStringLiteral(" | "));
}

}  // namespace

class TestLexer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tokens_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *name, const char *in, const char *out) {
            QTest::newRow(name) << QString::fromUtf8(in) << QString::fromUtf8(out);
        };
        // Numbers.
        row("int", "1", "number \"1\" | end of input");
        row("float", "4.23", "number \"4.23\" | end of input");
        row("leading-dot", ".3", "number \".3\" | end of input");
        row("trailing-dot", "5.", "number \"5.\" | end of input");
        row("exp", "1e-3", "number \"1e-3\" | end of input");
        row("exp-plus", "12.34e+6", "number \"12.34e+6\" | end of input");
        row("hex", "0x1F", "number \"0x1F\" | end of input");
        row("underscore", "1_000", "number \"1_000\" | end of input");
        row("inf", "Inf", "number \"Inf\" | end of input");
        row("inf-odd-case", "iNf", "number \"iNf\" | end of input");
        row("nan", "nAN", "number \"nAN\" | end of input");
        row("bad-exp", "1e", "ERROR(bad number or duration syntax: \"1e\")");
        row("two-dots", "1.2.3", "ERROR(bad number or duration syntax: \"1.2.\")");
        // Durations.
        row("dur-5m", "5m", "duration \"5m\" | end of input");
        row("dur-compound", "1h30m", "duration \"1h30m\" | end of input");
        row("dur-ms", "100ms", "duration \"100ms\" | end of input");
        row("dur-all", "1y2w3d4h5m6s7ms", "duration \"1y2w3d4h5m\"... | end of input");
        row("dur-bad-unit", "5x", "ERROR(bad number or duration syntax: \"5\")");
        // Strings.
        row("dq", "\"foo\"", "string \"\\\"foo\\\"\" | end of input");
        row("sq", "'foo'", "string \"'foo'\" | end of input");
        row("raw", "`a\\b`", "string \"`a\\\\b`\" | end of input");
        row("escapes", "\"\\n\\t\\x41\\101\\u00e9\\U0001F600\\\\\\\"\"",
            "string \"\\\"\\\\n\\\\t\\\\x41\\\\\"... | end of input");
        row("unterminated", "\"foo", "ERROR(unterminated quoted string)");
        row("newline-in-string", "\"a\nb\"", "ERROR(unterminated quoted string)");
        row("unterminated-raw", "`foo", "ERROR(unterminated raw string)");
        row("bad-escape", "\"\\q\"", "ERROR(unknown escape sequence U+0071 'q')");
        row("bad-hex-escape", "\"\\xZZ\"", "ERROR(illegal character U+005A 'Z' in escape sequence)");
        row("surrogate", "\"\\ud800\"", "ERROR(escape sequence is an invalid Unicode code point)");
        // Identifiers and keywords.
        row("ident", "foo_bar1", "identifier \"foo_bar1\" | end of input");
        row("metric-ident", "foo:bar:rate5m", "metric identifier \"foo:bar:rate5m\" | end of input");
        row("colon-first", ":foo", "metric identifier \":foo\" | end of input");
        row("keywords", "by without on ignoring group_left group_right offset bool",
            "<by> | <without> | <on> | <ignoring> | <group_left> | <group_right> | <offset> | <bool> | end of input");
        row("keyword-case", "BY Without", "<BY> | <Without> | end of input");
        row("set-ops", "and or unless atan2", "<op:and> | <op:or> | <op:unless> | <op:atan2> | end of input");
        row("aggregators", "sum avg count_values topk quantile",
            "<aggr:sum> | <aggr:avg> | <aggr:count_values> | <aggr:topk> | <aggr:quantile> | end of input");
        row("start-end", "start end", "\"start\" | \"end\" | end of input");
        // Operators.
        row("arith", "+ - * / % ^", "<op:+> | <op:-> | <op:*> | <op:/> | <op:%> | <op:^> | end of input");
        row("compare", "== != < <= > >=",
            "<op:==> | <op:!=> | <op:<> | <op:<=> | <op:>> | <op:>=> | end of input");
        row("at", "foo @ 1", "identifier \"foo\" | <op:@> | number \"1\" | end of input");
        row("bang", "!a", "ERROR(unexpected character after '!': 'a')");
        row("eq-tilde-outside", "a =~ b", "ERROR(unexpected character after '=': '~')");
        // Braces.
        row("selector", "foo{a=\"b\",c!=\"d\",e=~\"f\",g!~\"h\"}",
            "identifier \"foo\" | \"{\" | identifier \"a\" | \"=\" | string \"\\\"b\\\"\" | \",\" | identifier \"c\" | <op:!=> | "
            "string \"\\\"d\\\"\" | \",\" | identifier \"e\" | <op:=~> | string \"\\\"f\\\"\" | \",\" | identifier \"g\" | <op:!~> | "
            "string \"\\\"h\\\"\" | \"}\" | end of input");
        row("keyword-in-braces", "{by=\"x\"}", "\"{\" | identifier \"by\" | \"=\" | string \"\\\"x\\\"\" | \"}\" | end of input");
        row("unclosed-brace", "{a=\"b\"", "ERROR(unexpected end of input inside braces)");
        row("nested-brace", "{{", "ERROR(unexpected left brace '{')");
        row("number-in-braces", "{a=1}", "ERROR(unexpected character inside braces: '1')");
        // Brackets.
        row("range", "foo[5m]", "identifier \"foo\" | \"[\" | duration \"5m\" | \"]\" | end of input");
        row("range-seconds", "foo[300]", "identifier \"foo\" | \"[\" | number \"300\" | \"]\" | end of input");
        row("subquery", "foo[5m:1m]",
            "identifier \"foo\" | \"[\" | duration \"5m\" | \":\" | duration \"1m\" | \"]\" | end of input");
        row("subquery-default-step", "foo[ 5m : ]",
            "identifier \"foo\" | \"[\" | duration \"5m\" | \":\" | \"]\" | end of input");
        row("unclosed-bracket", "foo[5m", "ERROR(unclosed left bracket)");
        row("empty-bracket-eof", "foo[", "ERROR(unexpected end of input in duration expression)");
        row("double-colon", "foo[5m:1m:]", "ERROR(unexpected colon ':')");
        row("bracket-colon-first", "foo[:5m]", "ERROR(unexpected colon before duration in duration expression)");
        row("stray-right-bracket", "foo]", "ERROR(unexpected right bracket ']')");
        row("nested-bracket", "foo[[", "ERROR(unexpected left bracket '[')");
        // Parens and misc.
        row("unclosed-paren", "(foo", "ERROR(unclosed left parenthesis)");
        row("extra-paren", "foo)", "ERROR(unexpected right parenthesis ')')");
        row("comment", "foo # a comment\n+ 1",
            "identifier \"foo\" | comment \"# a commen\"... | <op:+> | number \"1\" | end of input");
        row("comment-only", "# nothing", "comment \"# nothing\" | end of input");
        row("bad-char", "foo $", "ERROR(unexpected character: '$')");
    }
    void tokens()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QString actual = render(input.toStdString());
        // Rows expecting an error state only the error, which ends the stream.
        if (expected.startsWith(QLatin1String("ERROR("))) actual = actual.split(QStringLiteral(" | ")).last();
        QCOMPARE(actual, expected);
    }

    void positions()
    {
        const auto toks = Lexer::tokenize("sum(rate(x[5m]))  ");
        QCOMPARE(toks.size(), size_t(11));
        QCOMPARE(toks[0].pos, size_t(0));  // sum
        QCOMPARE(toks[2].pos, size_t(4));  // rate
        QCOMPARE(toks[6].pos, size_t(11)); // 5m
        QCOMPARE(toks[6].end(), size_t(13));
        QCOMPARE(toks.back().type, TokenType::Eof);
        QCOMPARE(toks.back().pos, size_t(18));
        const auto err = Lexer::tokenize("foo + (bar");
        QCOMPARE(err.back().type, TokenType::Error);
        QCOMPARE(err.back().pos, size_t(10));
    }

    void errorStopsTheStream()
    {
        Lexer l("$ foo");
        QCOMPARE(l.next().type, TokenType::Error);
        QCOMPARE(l.next().type, TokenType::Eof);
        QCOMPARE(l.next().type, TokenType::Eof);
    }

    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qlonglong>("ms");
        QTest::addColumn<QString>("formatted");
        QTest::newRow("0") << "0" << 0LL << "0s";
        QTest::newRow("5m") << "5m" << 300000LL << "5m";
        QTest::newRow("90m") << "90m" << 5400000LL << "1h30m";
        QTest::newRow("1h30m") << "1h30m" << 5400000LL << "1h30m";
        QTest::newRow("100ms") << "100ms" << 100LL << "100ms";
        QTest::newRow("1d") << "1d" << 86400000LL << "1d";
        QTest::newRow("7d") << "7d" << 604800000LL << "1w";
        QTest::newRow("8d") << "8d" << 691200000LL << "8d";
        QTest::newRow("1y") << "1y" << 31536000000LL << "1y";
        QTest::newRow("366d") << "366d" << 31622400000LL << "366d";
        QTest::newRow("1m1s1ms") << "1m1s1ms" << 61001LL << "1m1s1ms";
    }
    void durations()
    {
        QFETCH(QString, text);
        QFETCH(qlonglong, ms);
        QFETCH(QString, formatted);
        auto d = parseDuration(text.toStdString());
        QVERIFY2(d.isOk(), d.status().toString().c_str());
        QCOMPARE(qlonglong(*d), ms);
        QCOMPARE(QString::fromStdString(formatDuration(*d)), formatted);
    }

    void badDurations()
    {
        for (const char *bad : {"", "5", "1.5h", "5m1h", "1hh", "1x", "3ms5s"}) {
            auto d = parseDuration(bad);
            QVERIFY2(!d.isOk(), bad);
        }
        QCOMPARE(parseDuration("1.5h").status().message(), std::string("unknown unit \".\" in duration \"1.5h\""));
        QCOMPARE(parseDuration("5m1h").status().message(), std::string("not a valid duration string: \"5m1h\""));
        QCOMPARE(parseDuration("300000000y").status().message(), std::string("duration out of range"));
    }

    void formatFloat_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("int") << 1.0 << "1";
        QTest::newRow("neg") << -2.5 << "-2.5";
        QTest::newRow("small") << 1.234e-5 << "0.00001234";
        QTest::newRow("large") << 1e21 << "1000000000000000000000";
        QTest::newRow("third") << 1.0 / 3 << "0.3333333333333333";
        QTest::newRow("inf") << double(INFINITY) << "+Inf";
        QTest::newRow("-inf") << double(-INFINITY) << "-Inf";
        QTest::newRow("nan") << double(NAN) << "NaN";
    }
    void formatFloat()
    {
        QFETCH(double, value);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(vigil::promql::formatFloat(value)), expected);
    }

    void numbers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("value");
        QTest::newRow("dec") << "42" << 42.0;
        QTest::newRow("hex") << "0x1f" << 31.0;
        QTest::newRow("octal") << "010" << 8.0;
        QTest::newRow("not-octal") << "09" << 9.0;
        QTest::newRow("underscore") << "1_000" << 1000.0;
        QTest::newRow("float") << "1.5e3" << 1500.0;
        QTest::newRow("dot") << ".5" << 0.5;
        QTest::newRow("trailing-dot") << "2." << 2.0;
        QTest::newRow("inf") << "Inf" << double(INFINITY);
    }
    void numbers()
    {
        QFETCH(QString, text);
        QFETCH(double, value);
        auto v = parseNumber(text.toStdString());
        QVERIFY2(v.isOk(), v.status().toString().c_str());
        QCOMPARE(*v, value);
        QVERIFY(std::isnan(*parseNumber("NaN")));
        QVERIFY(!parseNumber("1e400").isOk());
    }

    void quoting()
    {
        QCOMPARE(goQuote("a\"b\\c\n\t\x01"), std::string("\"a\\\"b\\\\c\\n\\t\\x01\""));
        QCOMPARE(goQuote("é"), std::string("\"é\""));
        QCOMPARE(goQuote("\xff"), std::string("\"\\xff\""));
        QCOMPARE(*unquote("\"a\\nb\\x41\\101\\u00e9\""), std::string("a\nbAA\xc3\xa9"));
        QCOMPARE(*unquote("'it\\'s'"), std::string("it's"));
        QCOMPARE(*unquote("`raw\\n`"), std::string("raw\\n"));
        QVERIFY(!unquote("\"\\'\"").isOk());
    }
};

QTEST_GUILESS_MAIN(TestLexer)
#include "tst_lexer.moc"
