// `vigil dashboards list|export|import` on a scratch data directory: the
// built-ins are listed and exported, an export re-imported under another name
// round-trips byte for byte, an existing name needs --force, bad files and a
// data directory held by another Vigil (its lock) fail with clear messages.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct Run {
    int code;
    QByteArray out, err;
};
Run run(QStringList args, const QString &dir)
{
    args << QStringLiteral("--storage.tsdb.path=%1").arg(dir);
    QProcess p;
    p.start(QStringLiteral(VIGIL_EXE), args);
    p.waitForStarted(10000);
    p.waitForFinished(20000);
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}
QStringList words(const char *a, const char *b = nullptr, const char *c = nullptr)
{
    QStringList l{QStringLiteral("dashboards"), QString::fromLatin1(a)};
    if (b) l << QString::fromLocal8Bit(b);
    if (c) l << QString::fromLocal8Bit(c);
    return l;
}
}  // namespace

class TestDashboardsCommand : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("data"));
        auto list = run(words("list"), dir);
        QCOMPARE(list.code, 0);
        QCOMPARE(list.out, QByteArray("developers\tbuilt-in\tDevelopers\nexecutive\tbuilt-in\tExecutive\n"
                                      "operations\tbuilt-in\tOperations\n"));
        QVERIFY(!QFile::exists(dir + QStringLiteral("/app.db")));  // listing creates nothing

        auto exp = run(words("export", "operations"), dir);
        QCOMPARE(exp.code, 0);
        QJsonObject o = QJsonDocument::fromJson(exp.out).object();
        QCOMPARE(o.value(QStringLiteral("vigilDashboard")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("name")).toString(), QStringLiteral("operations"));
        QVERIFY(o.value(QStringLiteral("panels")).toArray().size() >= 8);

        // Re-import under another name.
        o[QStringLiteral("name")] = QStringLiteral("ops-copy");
        o[QStringLiteral("title")] = QStringLiteral("Ops copy");
        const QString file = tmp.filePath(QStringLiteral("copy.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(o).toJson());
        f.close();
        auto imp = run(words("import", file.toLocal8Bit().constData()), dir);
        QCOMPARE(imp.code, 0);
        QVERIFY2(imp.out.contains("imported dashboard \"ops-copy\""), imp.out.constData());
        list = run(words("list"), dir);
        QVERIFY2(list.out.contains("ops-copy\tsaved\tOps copy\n"), list.out.constData());
        auto back = run(words("export", "ops-copy"), dir);
        QCOMPARE(back.code, 0);
        QCOMPARE(QJsonDocument::fromJson(back.out).object(), o);

        // The same name again needs --force.
        auto again = run(words("import", file.toLocal8Bit().constData()), dir);
        QCOMPARE(again.code, 1);
        QVERIFY2(again.err.contains("exists; pass --force"), again.err.constData());
        QCOMPARE(run(words("import", file.toLocal8Bit().constData(), "--force"), dir).code, 0);

        // Overriding a built-in shows as built-in+saved; export writes a file with --output.
        o[QStringLiteral("name")] = QStringLiteral("executive");
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(o).toJson());
        f.close();
        QCOMPARE(run(words("import", file.toLocal8Bit().constData(), "--force"), dir).code, 0);
        QVERIFY(run(words("list"), dir).out.contains("executive\tbuilt-in+saved\tOps copy\n"));
        const QString out = tmp.filePath(QStringLiteral("out.json"));
        QCOMPARE(run(words("export", "executive", ("--output=" + out).toLocal8Bit().constData()), dir).code, 0);
        QFile written(out);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(written.readAll()).object(), o);
    }

    void errors()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("data"));
        auto unknown = run(words("export", "nope"), dir);
        QCOMPARE(unknown.code, 1);
        QVERIFY(unknown.err.contains("no dashboard named nope"));
        QCOMPARE(run(words("export"), dir).code, 2);
        QCOMPARE(run(words("list", "--bogus"), dir).code, 2);

        const QString bad = tmp.filePath(QStringLiteral("bad.json"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"vigilDashboard": 1, "name": "x", "panels": [{"type": "pie"}]})");
        f.close();
        auto r = run(words("import", bad.toLocal8Bit().constData()), dir);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("panel 1: unknown type \"pie\""), r.err.constData());
        auto missing = run(words("import", "/nonexistent/x.json"), dir);
        QCOMPARE(missing.code, 1);
        QVERIFY(missing.err.contains("cannot read"));

        // A data directory in use by a running Vigil (its lock held) is not written.
        QVERIFY(QDir().mkpath(dir));
        QLockFile lock(dir + QStringLiteral("/lock"));
        QVERIFY(lock.tryLock(0));
        f.setFileName(tmp.filePath(QStringLiteral("good.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"vigilDashboard": 1, "name": "good"})");
        f.close();
        auto locked = run(words("import", f.fileName().toLocal8Bit().constData()), dir);
        QCOMPARE(locked.code, 1);
        QVERIFY2(locked.err.contains("is in use by another Vigil"), locked.err.constData());
        lock.unlock();
        QCOMPARE(run(words("import", f.fileName().toLocal8Bit().constData()), dir).code, 0);
    }
};

QTEST_GUILESS_MAIN(TestDashboardsCommand)
#include "tst_dashboards_command.moc"
