// The command-line contract: --version, --help, exit codes.
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct Run {
    int code;
    QByteArray out, err;
};
Run run(const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(QStringLiteral(VIGIL_EXE), args);
    p.waitForStarted(10000);
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(10000);
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}
}  // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void version()
    {
        auto r = run({QStringLiteral("--version")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith("vigil, version "));
    }
    void helpListsPrometheusFlags()
    {
        auto r = run({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        for (const char *flag : {"--headless", "--config.file=FILE", "--storage.tsdb.path=DIR",
                                 "--web.listen-address=ADDRESS", "--storage.tsdb.retention.time=DURATION"}) {
            QVERIFY2(r.out.contains(flag), flag);
        }
    }
    void checkMetrics_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("code");
        QTest::addColumn<QByteArray>("error");
        const QStringList check{"check", "metrics"};
        QTest::newRow("text ok") << check << QByteArray("# TYPE up gauge\nup{job=\"a\"} 1\n") << 0 << QByteArray();
        QTest::newRow("openmetrics ok") << check << QByteArray("# TYPE a counter\na_total 1\n# EOF\n") << 0
                                        << QByteArray();
        QTest::newRow("bad quote") << (check + QStringList{"--format=text"}) << QByteArray("a{x=\"1} 1\n") << 1
                                   << QByteArray("1:");
        QTest::newRow("openmetrics needs EOF") << (check + QStringList{"--format=openmetrics"}) << QByteArray("a 1\n")
                                               << 1 << QByteArray("# EOF");
        QTest::newRow("bad format flag") << (check + QStringList{"--format=json"}) << QByteArray() << 2
                                         << QByteArray("text or openmetrics");
    }
    void checkMetrics()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, input);
        QFETCH(int, code);
        QFETCH(QByteArray, error);
        auto r = run(args, input);
        QCOMPARE(r.code, code);
        if (!error.isEmpty()) QVERIFY2(r.err.contains(error), r.err.constData());
        else QVERIFY2(r.err.isEmpty(), r.err.constData());
    }
    void checkConfig()
    {
        QTemporaryDir dir;
        const QString good = dir.filePath(QStringLiteral("good.yml"));
        const QString bad = dir.filePath(QStringLiteral("bad.yml"));
        QFile g(good);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write("global:\n  scrape_interval: 15s\nscrape_configs:\n  - job_name: node\n    static_configs:\n"
                "      - targets: ['localhost:9100']\n");
        g.close();
        QFile b(bad);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write("scrape_configs:\n  - job_name: node\n    scrape_interval: 15s\n    scrape_timeout: 20s\n");
        b.close();
        auto ok = run({QStringLiteral("check"), QStringLiteral("config"), good});
        QCOMPARE(ok.code, 0);
        QVERIFY(ok.out.contains(": OK"));
        auto r = run({QStringLiteral("check"), QStringLiteral("config"), bad});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("bad.yml:4") && r.err.contains("scrape_timeout"), r.err.constData());
    }
    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("unknown flag") << QStringList{"--frobnicate"} << QByteArray("unknown flag --frobnicate");
        QTest::newRow("unknown command") << QStringList{"frobnicate"} << QByteArray("unknown command \"frobnicate\"");
        QTest::newRow("lang headless") << QStringList{"--headless", "--lang=ko"} << QByteArray("apply to the console");
        QTest::newRow("page headless") << QStringList{"--headless", "--page=targets"} << QByteArray("apply to the console");
    }
    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        auto r = run(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
