// The desktop integration files as the package ships them: the desktop entry and the AppStream
// metadata pass the freedesktop validators, the manual is clean roff that documents every flag and
// command of `vigil --help`, and the systemd user unit starts the headless engine.
#include <QFile>
#include <QImageReader>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

namespace {

struct Run {
    int code = -1;
    QByteArray out, err;
};

Run run(const QString &program, const QStringList &args, const QProcessEnvironment &env = {})
{
    QProcess p;
    if (!env.isEmpty()) p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForStarted(10000)) return {-1, {}, program.toUtf8() + " did not start"};
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class TestDesktopFiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void desktopEntryValidates()
    {
        const Run r = run(QStringLiteral("desktop-file-validate"), {QStringLiteral(DESKTOP_FILE)});
        QVERIFY2(r.code == 0 && r.out.isEmpty(), (r.out + r.err).constData());
        const QByteArray entry = readFile(QStringLiteral(DESKTOP_FILE));
        QVERIFY(entry.contains("\nExec=vigil\n"));
        QVERIFY(entry.contains("\nIcon=" VIGIL_APP_ID "\n"));
        QVERIFY(entry.contains("\nGenericName[ko]="));
    }

    void metainfoValidates()
    {
        const Run r = run(QStringLiteral("appstreamcli"),
                          {QStringLiteral("validate"), QStringLiteral("--no-net"), QStringLiteral(METAINFO_FILE)});
        QVERIFY2(r.code == 0, (r.out + r.err).constData());
        // Warnings fail too; only pedantic notes and infos may remain.
        QVERIFY2(!r.out.contains("W: ") && !r.out.contains("E: "), r.out.constData());
        const QByteArray xml = readFile(QStringLiteral(METAINFO_FILE));
        QVERIFY(xml.contains("<id>" VIGIL_APP_ID "</id>"));
        QVERIFY(xml.contains("<launchable type=\"desktop-id\">" VIGIL_APP_ID ".desktop</launchable>"));
        QVERIFY(xml.contains("<release version=\"" VIGIL_VERSION "\""));
    }

    void manualIsCleanRoff()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MANWIDTH"), QStringLiteral("200"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        const Run r = run(QStringLiteral("man"), {QStringLiteral("--warnings"), QStringLiteral("-l"), QStringLiteral(MAN_PAGE)}, env);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());  // groff warnings
        QVERIFY(r.out.contains("vigil - desktop monitoring console"));
    }

    void manualDocumentsEveryFlagAndCommand()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MANWIDTH"), QStringLiteral("200"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        const Run page = run(QStringLiteral("man"), {QStringLiteral("-l"), QStringLiteral(MAN_PAGE)}, env);
        QCOMPARE(page.code, 0);
        const QString text = QString::fromUtf8(page.out);
        const Run help = run(QStringLiteral(VIGIL_EXE), {QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        const QString helpText = QString::fromUtf8(help.out);
        const QStringList helpLines = helpText.split(QLatin1Char('\n'));

        // Every --flag of the help, and every command line ("  check config FILE..." under Commands:).
        int flags = 0;
        static const QRegularExpression flagRe(QStringLiteral("^\\s+(?:-[a-z], )?(--[a-z][a-z0-9.-]*)"));
        for (const QString &line : helpLines) {
            const auto m = flagRe.match(line);
            if (!m.hasMatch()) continue;
            ++flags;
            QVERIFY2(text.contains(m.captured(1)), qPrintable(m.captured(1)));
        }
        QVERIFY(flags >= 20);
        const qsizetype commandsAt = helpLines.indexOf(QStringLiteral("Commands:"));
        QVERIFY(commandsAt > 0);
        int commands = 0;
        for (qsizetype i = commandsAt + 1; i < helpLines.size(); ++i) {
            const QString &line = helpLines[i];
            if (!line.startsWith(QLatin1String("  ")) || line.startsWith(QLatin1String("   "))) continue;
            ++commands;
            const QString usage = QStringLiteral("vigil ") + line.trimmed();
            QVERIFY2(text.contains(usage), qPrintable(usage));
        }
        QVERIFY(commands >= 4);
        // The hand-written parts name the installed paths, never the build tree.
        QVERIFY(text.contains(QLatin1String("/share/vigil/prometheus.yml")));
        QVERIFY(!text.contains(qEnvironmentVariable("VIGIL_BINARY_DIR")));
    }

    void iconsHaveTheirSizes_data()
    {
        QTest::addColumn<int>("size");
        for (int size : {16, 22, 24, 32, 48, 64, 128, 256}) QTest::newRow(qPrintable(QString::number(size))) << size;
    }
    void iconsHaveTheirSizes()
    {
        // The hicolor directory a PNG is installed in promises its size (packaging/icons/render.sh).
        QFETCH(int, size);
        QImageReader png(QStringLiteral(ICON_DIR "/vigil-%1.png").arg(size));
        QCOMPARE(png.format(), QByteArray("png"));
        QCOMPARE(png.size(), QSize(size, size));
        QVERIFY(readFile(QStringLiteral(ICON_DIR "/vigil.svg")).contains("viewBox=\"0 0 128 128\""));
    }

    void userUnitRunsHeadless()
    {
        const QByteArray unit = readFile(QStringLiteral(SERVICE_FILE));
        QVERIFY(unit.contains("\nExecStart=" INSTALL_BINDIR "/vigil --headless --storage.tsdb.path=%h/.local/share/"));
        QVERIFY(unit.contains("\nExecReload=/bin/kill -HUP $MAINPID\n"));
        QVERIFY(unit.contains("\nWantedBy=default.target\n"));
    }
};

QTEST_GUILESS_MAIN(TestDesktopFiles)
#include "tst_desktop_files.moc"
