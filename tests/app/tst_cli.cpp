// The command-line contract: --version, --help, exit codes.
#include <QProcess>
#include <QTest>

namespace {
struct Run {
    int code;
    QByteArray out, err;
};
Run run(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(VIGIL_EXE), args);
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
    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("unknown flag") << QStringList{"--frobnicate"} << QByteArray("unknown flag --frobnicate");
        QTest::newRow("unknown command") << QStringList{"frobnicate"} << QByteArray("unknown command \"frobnicate\"");
        QTest::newRow("lang headless") << QStringList{"--headless", "--lang=ko"} << QByteArray("apply to the console");
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
