#include "model/labels.h"
#include "model/sample.h"

#include <QTest>

#include <cmath>

using vigil::model::Label;
using vigil::model::Labels;
using vigil::model::LabelsBuilder;

class TestLabels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sortsAndDropsEmpty()
    {
        Labels l{{"job", "node"}, {"__name__", "up"}, {"empty", ""}, {"instance", "a:9100"}};
        QCOMPARE(l.size(), size_t(3));
        QCOMPARE(l[0].name, std::string("__name__"));
        QCOMPARE(l[1].name, std::string("instance"));
        QCOMPARE(l[2].name, std::string("job"));
        QCOMPARE(std::string(l.metricName()), std::string("up"));
        QVERIFY(!l.has("empty"));
    }
    void lastDuplicateWins()
    {
        auto l = Labels::fromUnsorted({{"a", "1"}, {"a", "2"}});
        QCOMPARE(l.size(), size_t(1));
        QCOMPARE(std::string(l.get("a")), std::string("2"));
    }
    void hashIsStableAndDiscriminates()
    {
        Labels a{{"__name__", "up"}, {"job", "x"}};
        Labels b{{"job", "x"}, {"__name__", "up"}};
        Labels c{{"__name__", "up"}, {"job", "y"}};
        // "a=bc" vs "ab=c" must differ: the separator is part of the hash.
        Labels d{{"a", "bc"}};
        Labels e{{"ab", "c"}};
        QCOMPARE(a.hash(), b.hash());
        QVERIFY(a.hash() != c.hash());
        QVERIFY(d.hash() != e.hash());
    }
    void toStringLikePrometheus()
    {
        Labels a{{"__name__", "up"}, {"job", "x\"y"}, {"instance", "h:1"}};
        QCOMPARE(QString::fromStdString(a.toString()), QStringLiteral("up{instance=\"h:1\", job=\"x\\\"y\"}"));
        Labels b{{"job", "x"}};
        QCOMPARE(QString::fromStdString(b.toString()), QStringLiteral("{job=\"x\"}"));
        QCOMPARE(QString::fromStdString(Labels{}.toString()), QStringLiteral("{}"));
    }
    void quotesLikeGo_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QByteArray>("quoted");
        QTest::newRow("plain") << QByteArray("abc") << QByteArray("\"abc\"");
        QTest::newRow("escapes") << QByteArray("a\"b\\c\nd\te") << QByteArray("\"a\\\"b\\\\c\\nd\\te\"");
        QTest::newRow("control") << QByteArray("\x01\x7f") << QByteArray("\"\\x01\\x7f\"");
        QTest::newRow("korean") << QByteArray("서버") << QByteArray("\"서버\"");
        QTest::newRow("invalid-utf8") << QByteArray("\xff") << QByteArray("\"\\xff\"");
        QTest::newRow("c1-control") << QByteArray("\xc2\x85") << QByteArray("\"\\u0085\"");
    }
    void quotesLikeGo()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QByteArray, quoted);
        QCOMPARE(QByteArray::fromStdString(vigil::model::quoteLabelValue(raw.toStdString())), quoted);
    }
    void compareOrdersLexicographically()
    {
        Labels a{{"a", "1"}};
        Labels b{{"a", "1"}, {"b", "1"}};
        Labels c{{"a", "2"}};
        QVERIFY(a < b);
        QVERIFY(b < c);
        QVERIFY(!(c < a));
        QCOMPARE(Labels::compare(a, a), 0);
    }
    void builderSetsAndDeletes()
    {
        LabelsBuilder b(Labels{{"__name__", "up"}, {"job", "x"}});
        b.set("instance", "h").set("job", "").set("zone", "z");
        Labels l = b.labels();
        QCOMPARE(QString::fromStdString(l.toString()), QStringLiteral("up{instance=\"h\", zone=\"z\"}"));
    }
    void staleMarkerIsDistinctNaN()
    {
        double s = vigil::model::staleNaN();
        QVERIFY(std::isnan(s));
        QVERIFY(vigil::model::isStaleNaN(s));
        QVERIFY(!vigil::model::isStaleNaN(std::nan("")));
    }
};

QTEST_GUILESS_MAIN(TestLabels)
#include "tst_labels.moc"
