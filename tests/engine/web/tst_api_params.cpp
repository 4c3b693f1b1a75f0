// ApiParams and the time/duration/match[] parsers of the HTTP API.
#include "web/api_params.h"

#include <QTest>

using namespace vigil::web;

class TestApiParams : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void time_data();
    void time();
    void duration_data();
    void duration();
    void formEncoding();
    void matchers();
    void rfc3339Nano();
};

void TestApiParams::time_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("ms");
    QTest::newRow("seconds") << "1435781451" << true << qint64(1435781451000);
    QTest::newRow("fraction") << "1435781451.781" << true << qint64(1435781451781);
    QTest::newRow("sub-ms rounds") << "1.0004" << true << qint64(1000);
    QTest::newRow("negative") << "-1.5" << true << qint64(-1500);
    QTest::newRow("exponent") << "1e3" << true << qint64(1000000);
    QTest::newRow("rfc3339 Z") << "2015-07-01T20:10:51.781Z" << true << qint64(1435781451781);
    QTest::newRow("rfc3339 offset") << "2015-07-01T22:10:51+02:00" << true << qint64(1435781451000);
    QTest::newRow("rfc3339 nanos") << "2015-07-01T20:10:51.781999999Z" << true << qint64(1435781451781);
    QTest::newRow("min") << "-292273086-05-16T16:47:06Z" << true << qint64(kApiMinTimeMs);
    QTest::newRow("max") << "292277025-08-18T07:12:54.999999999Z" << true << qint64(kApiMaxTimeMs);
    QTest::newRow("word") << "yesterday" << false << qint64(0);
    QTest::newRow("empty") << "" << false << qint64(0);
    QTest::newRow("no zone") << "2015-07-01T20:10:51" << false << qint64(0);
    QTest::newRow("bad month") << "2015-13-01T20:10:51Z" << false << qint64(0);
    QTest::newRow("space") << " 1" << false << qint64(0);
}

void TestApiParams::time()
{
    QFETCH(QString, input);
    QFETCH(bool, ok);
    QFETCH(qint64, ms);
    auto r = parseApiTime(input.toStdString());
    QCOMPARE(r.isOk(), ok);
    if (ok)
        QCOMPARE(qint64(*r), ms);
    else
        QCOMPARE(QString::fromStdString(r.status().message()),
                 QStringLiteral("cannot parse \"%1\" to a valid timestamp").arg(input));
}

void TestApiParams::duration_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("ms");
    QTest::newRow("seconds") << "15" << true << qint64(15000);
    QTest::newRow("float") << "0.5" << true << qint64(500);
    QTest::newRow("duration") << "1h30m" << true << qint64(5400000);
    QTest::newRow("ms") << "100ms" << true << qint64(100);
    QTest::newRow("zero") << "0" << true << qint64(0);
    QTest::newRow("bad unit") << "5x" << false << qint64(0);
    QTest::newRow("word") << "soon" << false << qint64(0);
}

void TestApiParams::duration()
{
    QFETCH(QString, input);
    QFETCH(bool, ok);
    QFETCH(qint64, ms);
    auto r = parseApiDuration(input.toStdString());
    QCOMPARE(r.isOk(), ok);
    if (ok)
        QCOMPARE(qint64(*r), ms);
    else
        QCOMPARE(QString::fromStdString(r.status().message()),
                 QStringLiteral("cannot parse \"%1\" to a valid duration").arg(input));
}

void TestApiParams::formEncoding()
{
    const ApiParams p =
        ApiParams::fromEncoded("query=a%20b&match%5B%5D=x&match[]=y", "query=sum+by+(job)+(up)&time=5");
    QCOMPARE(p.get("query"), std::string("sum by (job) (up)"));  // body first, '+' is a space
    QCOMPARE(p.all("query").size(), size_t(2));
    QCOMPARE(p.all("match[]"), (std::vector<std::string>{"x", "y"}));
    QVERIFY(p.has("time"));
    QVERIFY(!p.has("timeout"));
    QCOMPARE(p.get("timeout"), std::string());
    auto t = timeParam(p, "time", 0);
    QVERIFY(t.isOk());
    QCOMPARE(*t, int64_t(5000));
    QCOMPARE(*timeParam(p, "start", 42), int64_t(42));
}

void TestApiParams::matchers()
{
    auto ok = parseMatchParams({"up", "{job=~\"a.*\",instance!=\"\"}"});
    QVERIFY(ok.isOk());
    QCOMPARE(ok->size(), size_t(2));
    auto empty = parseMatchParams({"{job=~\".*\"}"});
    QVERIFY(!empty.isOk());
    QCOMPARE(
        empty.status().message(),
        std::string("invalid parameter \"match[]\": match[] must contain at least one non-empty matcher"));
    QVERIFY(!parseMatchParams({"up{"}).isOk());
}

void TestApiParams::rfc3339Nano()
{
    QCOMPARE(formatRfc3339Nano(1435781451781), std::string("2015-07-01T20:10:51.781Z"));
    QCOMPARE(formatRfc3339Nano(1435781451780), std::string("2015-07-01T20:10:51.78Z"));
    QCOMPARE(formatRfc3339Nano(0), std::string("1970-01-01T00:00:00Z"));
    QCOMPARE(formatRfc3339Nano(-1), std::string("1969-12-31T23:59:59.999Z"));
}

QTEST_GUILESS_MAIN(TestApiParams)
#include "tst_api_params.moc"
