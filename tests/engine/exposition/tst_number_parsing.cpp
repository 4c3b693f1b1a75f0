#include "exposition/number_parsing.h"

#include <QRandomGenerator>
#include <QTest>

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>

using namespace vigil::exposition;

namespace {
// Bit-exact comparison that treats all NaNs alike and tells -0 from +0.
bool sameDouble(double a, double b)
{
    if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
    return std::memcmp(&a, &b, sizeof a) == 0;
}
}  // namespace

class TestNumberParsing : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void spellings_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<bool>("textOk");
        QTest::addColumn<bool>("omOk");
        QTest::addColumn<double>("expected");
        const double inf = std::numeric_limits<double>::infinity();
        const double nan = std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("int") << QByteArray("42") << true << true << 42.0;
        QTest::newRow("leading zeros") << QByteArray("0042") << true << true << 42.0;
        QTest::newRow("plus") << QByteArray("+1.5") << true << true << 1.5;
        QTest::newRow("minus zero") << QByteArray("-0") << true << true << -0.0;
        QTest::newRow("exp") << QByteArray("1.89e-7") << true << true << 1.89e-7;
        QTest::newRow("EXP") << QByteArray("4.20072246E+06") << true << true << 4.20072246e6;
        QTest::newRow("dot first") << QByteArray(".5") << true << true << 0.5;
        QTest::newRow("dot last") << QByteArray("5.") << true << true << 5.0;
        QTest::newRow("Inf") << QByteArray("+Inf") << true << true << inf;
        QTest::newRow("-inf") << QByteArray("-inf") << true << true << -inf;
        QTest::newRow("Infinity") << QByteArray("Infinity") << true << true << inf;
        QTest::newRow("NaN") << QByteArray("NaN") << true << true << nan;
        QTest::newRow("nan") << QByteArray("nan") << true << true << nan;
        QTest::newRow("signed NaN") << QByteArray("-NaN") << false << false << 0.0;
        QTest::newRow("hex") << QByteArray("0x1p-2") << true << false << 0.25;
        QTest::newRow("hex no exponent") << QByteArray("0x10") << false << false << 0.0;
        QTest::newRow("empty") << QByteArray("") << false << false << 0.0;
        QTest::newRow("sign only") << QByteArray("-") << false << false << 0.0;
        QTest::newRow("dot only") << QByteArray(".") << false << false << 0.0;
        QTest::newRow("double sign") << QByteArray("+-1") << false << false << 0.0;
        QTest::newRow("dangling exponent") << QByteArray("1e") << false << false << 0.0;
        QTest::newRow("trailing junk") << QByteArray("1x") << false << false << 0.0;
        QTest::newRow("inner blank") << QByteArray("1 2") << false << false << 0.0;
        QTest::newRow("underscore") << QByteArray("1_000") << false << false << 0.0;
        QTest::newRow("overflow") << QByteArray("1e400") << false << false << 0.0;
        QTest::newRow("underflow to zero") << QByteArray("1e-400") << true << true << 0.0;
        QTest::newRow("max") << QByteArray("1.7976931348623157e308") << true << true
                             << std::numeric_limits<double>::max();
        QTest::newRow("denormal") << QByteArray("5e-324") << true << true
                                  << std::numeric_limits<double>::denorm_min();
        QTest::newRow("long mantissa")
            << QByteArray("3.14159265358979323846264338327950288") << true << true << 3.141592653589793;
        QTest::newRow("2^53+1") << QByteArray("9007199254740993") << true << true << 9007199254740992.0;
    }
    void spellings()
    {
        QFETCH(QByteArray, input);
        QFETCH(bool, textOk);
        QFETCH(bool, omOk);
        QFETCH(double, expected);
        const std::string_view s(input.constData(), size_t(input.size()));
        double v = 12345;
        QCOMPARE(parseTextFloat(s, &v), textOk);
        if (textOk) QVERIFY2(sameDouble(v, expected), qPrintable(QString::number(v, 'g', 17)));
        v = 12345;
        QCOMPARE(parseOpenMetricsNumber(s, &v), omOk);
        if (omOk) QVERIFY2(sameDouble(v, expected), qPrintable(QString::number(v, 'g', 17)));
    }

    void realNumberExcludesSpecials()
    {
        double v = 0;
        QVERIFY(parseOpenMetricsRealNumber("1520879607.789", &v));
        QCOMPARE(v, 1520879607.789);
        QVERIFY(!parseOpenMetricsRealNumber("+Inf", &v));
        QVERIFY(!parseOpenMetricsRealNumber("NaN", &v));
    }

    void int64()
    {
        int64_t v = 0;
        QVERIFY(parseInt64("1395066363000", &v));
        QCOMPARE(v, int64_t(1395066363000));
        QVERIFY(parseInt64("+5", &v));
        QCOMPARE(v, int64_t(5));
        QVERIFY(parseInt64("-9223372036854775808", &v));
        QCOMPARE(v, std::numeric_limits<int64_t>::min());
        QVERIFY(!parseInt64("9223372036854775808", &v));
        QVERIFY(!parseInt64("+-5", &v));
        QVERIFY(!parseInt64("1.0", &v));
        QVERIFY(!parseInt64("", &v));
        QVERIFY(!parseInt64("+", &v));
    }

    // The exact fast path must agree bit for bit with std::from_chars.
    void fastPathMatchesFromChars()
    {
        QRandomGenerator rng(20261125);
        for (int i = 0; i < 200000; ++i) {
            std::string s;
            if (rng.bounded(2)) s += '-';
            const int intDigits = int(rng.bounded(10));
            const int fracDigits = int(rng.bounded(12));
            for (int d = 0; d < intDigits; ++d) s += char('0' + rng.bounded(10));
            if (intDigits == 0 || fracDigits > 0) {
                s += '.';
                for (int d = 0; d < std::max(fracDigits, intDigits == 0 ? 1 : 0); ++d)
                    s += char('0' + rng.bounded(10));
            }
            if (rng.bounded(3) == 0) s += "e" + std::to_string(int(rng.bounded(60)) - 30);
            double ours = 0, ref = 0;
            QVERIFY2(parseOpenMetricsNumber(s, &ours), s.c_str());
            const char *first = s.data() + (s[0] == '-');
            auto r = std::from_chars(first, s.data() + s.size(), ref);
            QVERIFY(r.ec == std::errc());
            if (s[0] == '-') ref = -ref;
            QVERIFY2(sameDouble(ours, ref), s.c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestNumberParsing)
#include "tst_number_parsing.moc"
