// `vigil check rules` and `vigil test rules` against promtool 2.42 on the
// files in tests/engine/rules/testdata: same exit code for every file, and
// the same output shape (promtool's "Checking FILE" / "SUCCESS: N rules
// found" / "Unit Testing:  FILE" lines).
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QtTest>

namespace {

struct Run {
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString &program, const QStringList &args, const QString &cwd)
{
    QProcess p;
    p.setWorkingDirectory(cwd);
    p.start(program, args);
    Run r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished(5000);
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString testdata() { return qEnvironmentVariable("VIGIL_SOURCE_DIR") + QStringLiteral("/tests/engine/rules/testdata"); }

}  // namespace

class TestRulesCommands : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(QStringLiteral("/usr/bin/promtool")), "promtool (Debian package \"prometheus\") is required");
        QVERIFY(QDir(testdata()).exists());
    }

    void checkRules_data()
    {
        QTest::addColumn<QString>("file");
        const QStringList files = QDir(testdata() + QStringLiteral("/check")).entryList({QStringLiteral("*.yml")});
        QVERIFY(files.size() >= 8);
        for (const auto &f : files) QTest::newRow(qPrintable(f)) << QStringLiteral("check/") + f;
    }
    void checkRules()
    {
        QFETCH(QString, file);
        const Run prom = run(QStringLiteral("/usr/bin/promtool"), {QStringLiteral("check"), QStringLiteral("rules"), file}, testdata());
        const Run vigil = run(QStringLiteral(VIGIL_EXE), {QStringLiteral("check"), QStringLiteral("rules"), file}, testdata());
        QCOMPARE(vigil.code, prom.code);
        QVERIFY(prom.code == 0 || prom.code == 1);
        // Same stdout ("Checking FILE", "  SUCCESS: N rules found").
        QCOMPARE(vigil.out, prom.out);
        if (prom.code == 1) QVERIFY2(vigil.err.startsWith("  FAILED:\n"), vigil.err.constData());
        // Input that is not UTF-8 is refused with the reader's wording, as Go's yaml does.
        if (file.endsWith(QLatin1String("invalid_utf8.yml")))
            QVERIFY2(vigil.err.contains("yaml: invalid leading UTF-8 octet"), vigil.err.constData());
    }

    void checkRulesSeveralFiles()
    {
        const QStringList args = {QStringLiteral("check"), QStringLiteral("rules"), QStringLiteral("check/valid_basic.yml"),
                                  QStringLiteral("check/broken_expr.yml"), QStringLiteral("check/valid_empty.yml")};
        const Run prom = run(QStringLiteral("/usr/bin/promtool"), args, testdata());
        const Run vigil = run(QStringLiteral(VIGIL_EXE), args, testdata());
        QCOMPARE(vigil.code, 1);
        QCOMPARE(vigil.code, prom.code);
        QCOMPARE(vigil.out, prom.out);
        QCOMPARE(vigil.err, prom.err);  // the same error line, position and wording
    }

    void missingFile()
    {
        const QStringList args = {QStringLiteral("check"), QStringLiteral("rules"), QStringLiteral("no/such/file.yml")};
        QCOMPARE(run(QStringLiteral(VIGIL_EXE), args, testdata()).code,
                 run(QStringLiteral("/usr/bin/promtool"), args, testdata()).code);
        const QStringList t = {QStringLiteral("test"), QStringLiteral("rules"), QStringLiteral("no/such/file.yml")};
        QCOMPARE(run(QStringLiteral(VIGIL_EXE), t, testdata()).code,
                 run(QStringLiteral("/usr/bin/promtool"), t, testdata()).code);
    }

    void testRules_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("expected");
        const QStringList files = QDir(testdata() + QStringLiteral("/unit")).entryList({QStringLiteral("*.yml")});
        int pass = 0, fail = 0;
        for (const auto &f : files) {
            if (f.startsWith(QLatin1String("rules_"))) continue;  // rule files the tests load
            const int expected = f.startsWith(QLatin1String("pass_")) ? 0 : 1;
            (expected ? fail : pass)++;
            QTest::newRow(qPrintable(f)) << QStringLiteral("unit/") + f << expected;
        }
        QVERIFY(pass >= 4 && fail >= 6);
    }
    void testRules()
    {
        QFETCH(QString, file);
        QFETCH(int, expected);
        const Run prom = run(QStringLiteral("/usr/bin/promtool"), {QStringLiteral("test"), QStringLiteral("rules"), file}, testdata());
        const Run vigil = run(QStringLiteral(VIGIL_EXE), {QStringLiteral("test"), QStringLiteral("rules"), file}, testdata());
        QCOMPARE(prom.code, expected);  // the file is what its name says, for the reference too
        QCOMPARE(vigil.code, prom.code);
        QCOMPARE(vigil.out, prom.out);  // "Unit Testing:  FILE" and "  SUCCESS" or the blank lines
        if (expected == 0) QVERIFY2(vigil.err.isEmpty(), vigil.err.constData());
        else QCOMPARE(vigil.err, prom.err);  // the same failure report
    }
};

QTEST_GUILESS_MAIN(TestRulesCommands)
#include "tst_rules_commands.moc"
