#include "model/matcher.h"

#include <QTest>

using vigil::model::Matcher;
using Type = vigil::model::Matcher::Type;

class TestMatcher : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matches_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("expected");
        QTest::newRow("eq") << int(Type::Equal) << "a" << "a" << true;
        QTest::newRow("eq-miss") << int(Type::Equal) << "a" << "ab" << false;
        QTest::newRow("neq") << int(Type::NotEqual) << "a" << "b" << true;
        QTest::newRow("re-anchored") << int(Type::Regex) << "a" << "ab" << false;
        QTest::newRow("re-full") << int(Type::Regex) << "a.*" << "abc" << true;
        QTest::newRow("re-alt-anchored") << int(Type::Regex) << "a|b" << "ab" << false;
        QTest::newRow("re-dot-newline") << int(Type::Regex) << "a.b" << "a\nb" << true;
        QTest::newRow("nre") << int(Type::NotRegex) << "foo.*" << "bar" << true;
        QTest::newRow("re-empty") << int(Type::Regex) << ".*" << "" << true;
    }
    void matches()
    {
        QFETCH(int, type);
        QFETCH(QString, pattern);
        QFETCH(QString, value);
        QFETCH(bool, expected);
        auto m = Matcher::create(Type(type), "l", pattern.toStdString());
        QVERIFY(m.isOk());
        QCOMPARE(m->matches(value.toStdString()), expected);
    }
    void badRegexIsAnError()
    {
        auto m = Matcher::create(Type::Regex, "l", "a(");
        QVERIFY(!m.isOk());
        QCOMPARE(m.status().code(), vigil::Status::Code::InvalidArgument);
        QVERIFY(QString::fromStdString(m.status().message()).contains(QStringLiteral("missing )")));
    }
    void setMatches()
    {
        auto m = Matcher::create(Type::Regex, "l", "a|bb|c");
        QVERIFY(m.isOk());
        QCOMPARE(m->setMatches().size(), size_t(3));
        auto n = Matcher::create(Type::Regex, "l", "a.|b");
        QVERIFY(n->setMatches().empty());
    }
    void matchesEmpty()
    {
        QVERIFY(Matcher::create(Type::Equal, "l", "")->matchesEmpty());
        QVERIFY(!Matcher::create(Type::Regex, "l", ".+")->matchesEmpty());
        QVERIFY(Matcher::create(Type::NotEqual, "l", "x")->matchesEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMatcher)
#include "tst_matcher.moc"
