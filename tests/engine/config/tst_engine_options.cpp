#include "config/duration.h"
#include "config/engine_options.h"

#include <QTest>

using namespace vigil::config;

class TestEngineOptions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("seconds") << "15s" << qint64(15000);
        QTest::newRow("compound") << "1h30m" << qint64(5400000);
        QTest::newRow("days") << "15d" << qint64(15LL * 86400000);
        QTest::newRow("week") << "1w" << qint64(7LL * 86400000);
        QTest::newRow("year") << "1y" << qint64(365LL * 86400000);
        QTest::newRow("millis") << "500ms" << qint64(500);
        QTest::newRow("zero") << "0" << qint64(0);
        QTest::newRow("all") << "1d2h3m4s5ms" << qint64(86400000 + 7200000 + 180000 + 4000 + 5);
        QTest::newRow("bad-order") << "1m1h" << qint64(-1);
        QTest::newRow("repeat") << "1m1m" << qint64(-1);
        QTest::newRow("no-unit") << "15" << qint64(-1);
        QTest::newRow("unknown-unit") << "5x" << qint64(-1);
        QTest::newRow("empty") << "" << qint64(-1);
        QTest::newRow("negative") << "-5m" << qint64(-1);
        QTest::newRow("fraction") << "1.5h" << qint64(-1);
    }
    void durations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        auto r = parseDuration(text.toStdString());
        if (ms < 0) {
            QVERIFY(!r.isOk());
            QVERIFY(QString::fromStdString(r.status().message()).contains(QStringLiteral("not a valid duration")));
        } else {
            QVERIFY2(r.isOk(), r.status().message().c_str());
            QCOMPARE(qint64(*r), ms);
        }
    }
    void formatRoundTrips()
    {
        QCOMPARE(QString::fromStdString(formatDuration(5400000)), QStringLiteral("1h30m"));
        QCOMPARE(QString::fromStdString(formatDuration(0)), QStringLiteral("0s"));
        QCOMPARE(QString::fromStdString(formatDuration(7LL * 86400000)), QStringLiteral("1w"));
        QCOMPARE(QString::fromStdString(formatDuration(8LL * 86400000)), QStringLiteral("8d"));
        QCOMPARE(QString::fromStdString(formatDuration(1500)), QStringLiteral("1s500ms"));
        for (int64_t v : {int64_t(1), int64_t(61000), int64_t(90061001), int64_t(400LL * 86400000)}) {
            QCOMPARE(*parseDuration(formatDuration(v)), v);
        }
    }
    void prometheusFlags()
    {
        EngineOptions o;
        auto st = parseFlags({"--config.file=/etc/p.yml", "--storage.tsdb.path", "data",
                              "--web.listen-address=127.0.0.1:9091", "--storage.tsdb.retention.time=30d",
                              "--storage.tsdb.retention.size=10GB", "--web.enable-lifecycle",
                              "--no-web.enable", "--query.max-concurrency=4", "--log.level=debug"},
                             o);
        QVERIFY2(st.isOk(), st.message().c_str());
        QCOMPARE(o.configFile, std::string("/etc/p.yml"));
        QCOMPARE(o.storagePath, std::string("data"));
        QCOMPARE(o.listenAddress, std::string("127.0.0.1:9091"));
        QCOMPARE(o.retentionTimeMs, int64_t(30LL * 86400000));
        QCOMPARE(o.retentionSizeBytes, int64_t(10LL << 30));
        QVERIFY(o.enableLifecycle);
        QVERIFY(!o.webEnabled);
        QCOMPARE(o.queryMaxConcurrency, 4);
        QCOMPARE(o.logLevel, std::string("debug"));
    }
    void badFlags_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown") << QStringList{"--storage.tsdb.pth=x"} << "unknown flag --storage.tsdb.pth";
        QTest::newRow("missing-value") << QStringList{"--config.file"} << "needs a value";
        QTest::newRow("bad-duration") << QStringList{"--storage.tsdb.retention.time=15"} << "not a valid duration";
        QTest::newRow("bad-address") << QStringList{"--web.listen-address=9090"} << "want host:port";
        QTest::newRow("bad-port") << QStringList{"--web.listen-address=127.0.0.1:99999"} << "want host:port";
        QTest::newRow("bad-bool") << QStringList{"--web.enable-lifecycle=yes"} << "true or false";
        QTest::newRow("positional") << QStringList{"extra"} << "unexpected argument";
        QTest::newRow("bad-size") << QStringList{"--storage.tsdb.retention.size=10XB"} << "not a valid byte size";
        QTest::newRow("bad-level") << QStringList{"--log.level=loud"} << "log level";
    }
    void badFlags()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        std::vector<std::string> a;
        for (const auto &s : args) a.push_back(s.toStdString());
        EngineOptions o;
        auto st = parseFlags(a, o);
        QVERIFY(!st.isOk());
        QCOMPARE(st.code(), vigil::Status::Code::InvalidArgument);
        QVERIFY2(QString::fromStdString(st.message()).contains(message), st.message().c_str());
    }
    void hostPort()
    {
        std::string h;
        uint16_t p = 0;
        QVERIFY(splitHostPort("[::1]:9090", h, p).isOk());
        QCOMPARE(h, std::string("::1"));
        QCOMPARE(p, uint16_t(9090));
        QVERIFY(splitHostPort(":9090", h, p).isOk());
        QCOMPARE(h, std::string(""));
        QVERIFY(!splitHostPort("::1:9090", h, p).isOk());
    }
};

QTEST_GUILESS_MAIN(TestEngineOptions)
#include "tst_engine_options.moc"
