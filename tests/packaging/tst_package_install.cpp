// The Debian package as an operator uses it: `apt-get install ./vigil_*.deb`, the installed binary,
// the user unit's command line running the headless engine that scrapes itself and answers `up`
// through /api/v1/query, and `apt-get remove` leaving nothing behind in /usr.
//
// Needs root or passwordless sudo (it installs into /usr): CTest label "root"; exclude it with
// `ctest -LE root` where that is not available. It fails, never skips, when it cannot run.
// Runs of this suite from several checkouts on one machine take turns (a lock file in the temp dir),
// and it refuses to touch a vigil package it did not install (a marker file in the temp dir tells).
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <csignal>
#include <unistd.h>

namespace {

const QString kApp = QStringLiteral(VIGIL_APP_ID);

struct Run {
    int code = -1;
    QByteArray out, err;
    QByteArray all() const { return out + err; }
};

Run run(const QString &program, const QStringList &args, int timeoutMs = 90000,
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForStarted(10000)) return {-1, {}, program.toUtf8() + " did not start"};
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        return {-1, p.readAllStandardOutput(), p.readAllStandardError() + "\n(timed out)"};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

// apt-get and dpkg as root: directly when this process is root, else through passwordless sudo.
Run asRoot(const QStringList &command, int timeoutMs = 90000)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DEBIAN_FRONTEND"), QStringLiteral("noninteractive"));
    if (::geteuid() == 0) return run(command.first(), command.mid(1), timeoutMs, env);
    return run(QStringLiteral("sudo"), QStringList{QStringLiteral("-n"), QStringLiteral("--preserve-env=DEBIAN_FRONTEND")} + command,
               timeoutMs, env);
}

QString packageStatus()
{
    const Run r = run(QStringLiteral("dpkg-query"), {QStringLiteral("-W"), QStringLiteral("-f=${Status}"), QStringLiteral("vigil")});
    return r.code == 0 ? QString::fromUtf8(r.out) : QString();
}

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

QByteArray httpGet(const QUrl &url, int *status = nullptr)
{
    QNetworkAccessManager nam;
    QNetworkRequest req(url);
    req.setTransferTimeout(2000);
    QNetworkReply *r = nam.get(req);
    QSignalSpy done(r, &QNetworkReply::finished);
    if (!r->isFinished()) done.wait(3000);
    if (status) *status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = r->readAll();
    r->deleteLater();
    return body;
}

// The value of `up` for the given instance from /api/v1/query, or "" while there is none.
QString upValue(quint16 port)
{
    QUrl url(QStringLiteral("http://127.0.0.1:%1/api/v1/query").arg(port));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("query"), QStringLiteral("up"));
    url.setQuery(q);
    const QJsonObject doc = QJsonDocument::fromJson(httpGet(url)).object();
    if (doc.value(QLatin1String("status")).toString() != QLatin1String("success")) return {};
    for (const QJsonValue &v : doc.value(QLatin1String("data")).toObject().value(QLatin1String("result")).toArray()) {
        const QJsonObject s = v.toObject();
        const QJsonObject metric = s.value(QLatin1String("metric")).toObject();
        if (metric.value(QLatin1String("instance")).toString() == QStringLiteral("127.0.0.1:%1").arg(port) &&
            metric.value(QLatin1String("job")).toString() == QLatin1String("self")) {
            return s.value(QLatin1String("value")).toArray().at(1).toString();
        }
    }
    return {};
}

// One line "Key=value" of a unit file.
QString unitValue(const QByteArray &unit, const QString &key)
{
    for (const QByteArray &line : unit.split('\n')) {
        if (line.startsWith(key.toUtf8() + '=')) return QString::fromUtf8(line.mid(key.size() + 1));
    }
    return {};
}

QByteArray contentOf(const QString &path)
{
    if (path.endsWith(QLatin1String(".gz"))) return run(QStringLiteral("gzip"), {QStringLiteral("-dc"), path}).out;
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class TestPackageInstall : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0) {
            QVERIFY2(run(QStringLiteral("sudo"), {QStringLiteral("-n"), QStringLiteral("true")}).code == 0,
                     "installing the package needs root or passwordless sudo (exclude with ctest -LE root)");
        }
        const QDir dir(QStringLiteral(DEB_DIR));
        const QStringList debs = dir.entryList({QStringLiteral("vigil_" VIGIL_VERSION "_*.deb")}, QDir::Files);
        QVERIFY2(debs.size() == 1, qPrintable(QStringLiteral("want one vigil_" VIGIL_VERSION "_*.deb in ") + dir.path()));
        deb_ = dir.absoluteFilePath(debs.first());
        lock_.setStaleLockTime(0);  // a crashed run's lock is stale once its process is gone
        QVERIFY2(lock_.tryLock(180000), "another run of this suite held the lock for 3 minutes");
        // A run killed half-way (a CTest timeout) leaves its marker; its package may be removed again.
        if (QFile::exists(marker_) && packageStatus().contains(QLatin1String(" installed"))) {
            const Run r = asRoot({QStringLiteral("apt-get"), QStringLiteral("remove"), QStringLiteral("-y"),
                                  QStringLiteral("-o"), QStringLiteral("DPkg::Lock::Timeout=120"), QStringLiteral("vigil")});
            QVERIFY2(r.code == 0, r.all().constData());
        }
        QFile::remove(marker_);
        QVERIFY2(!packageStatus().contains(QLatin1String(" installed")),
                 "a vigil package is already installed on this machine; this test will not replace it "
                 "(apt-get remove vigil first)");
    }

    void cleanupTestCase()
    {
        // A failed run must not leave the package behind.
        if (installedByUs_ && packageStatus().contains(QLatin1String(" installed"))) {
            asRoot({QStringLiteral("apt-get"), QStringLiteral("remove"), QStringLiteral("-y"), QStringLiteral("vigil")});
        }
        if (!packageStatus().contains(QLatin1String(" installed"))) QFile::remove(marker_);
    }

    void installsWithApt()
    {
        installedByUs_ = true;
        QFile marker(marker_);
        QVERIFY(marker.open(QIODevice::WriteOnly));
        marker.write(deb_.toUtf8());
        marker.close();
        // No Recommends: the test must not depend on the network for optional packages.
        const Run r = asRoot({QStringLiteral("apt-get"), QStringLiteral("install"), QStringLiteral("-y"),
                              QStringLiteral("--no-install-recommends"), QStringLiteral("-o"),
                              QStringLiteral("DPkg::Lock::Timeout=120"), deb_});
        QVERIFY2(r.code == 0, r.all().constData());
        QCOMPARE(packageStatus(), QStringLiteral("install ok installed"));

        const Run list = run(QStringLiteral("dpkg"), {QStringLiteral("-L"), QStringLiteral("vigil")});
        QCOMPARE(list.code, 0);
        files_ = QString::fromUtf8(list.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &want : {QStringLiteral("/usr/bin/vigil"),
                                    QStringLiteral("/usr/share/applications/%1.desktop").arg(kApp),
                                    QStringLiteral("/usr/share/metainfo/%1.metainfo.xml").arg(kApp),
                                    QStringLiteral("/usr/share/icons/hicolor/scalable/apps/%1.svg").arg(kApp),
                                    QStringLiteral("/usr/share/icons/hicolor/16x16/apps/%1.png").arg(kApp),
                                    QStringLiteral("/usr/share/icons/hicolor/256x256/apps/%1.png").arg(kApp),
                                    QStringLiteral("/usr/share/man/man1/vigil.1.gz"),
                                    QStringLiteral("/usr/lib/systemd/user/vigil.service"),
                                    QStringLiteral("/usr/share/vigil/prometheus.yml"),
                                    QStringLiteral("/usr/share/vigil/rules/starter_rules.yml"),
                                    QStringLiteral("/usr/share/doc/vigil/copyright")}) {
            QVERIFY2(files_.contains(want), qPrintable(want));
            QVERIFY2(QFileInfo::exists(want), qPrintable(want));
        }
    }

    void noBuildPathsInside()
    {
        QVERIFY(!files_.isEmpty());
        const QByteArray src = qgetenv("VIGIL_SOURCE_DIR"), bin = qgetenv("VIGIL_BINARY_DIR");
        QVERIFY(!src.isEmpty() && !bin.isEmpty());
        for (const QString &path : std::as_const(files_)) {
            if (!QFileInfo(path).isFile()) continue;
            const QByteArray content = contentOf(path);
            QVERIFY2(!content.contains(src) && !content.contains(bin), qPrintable(path + QStringLiteral(" names the build tree")));
        }
    }

    void installedBinaryAndFilesWork()
    {
        const Run version = run(QStringLiteral("/usr/bin/vigil"), {QStringLiteral("--version")});
        QCOMPARE(version.code, 0);
        QCOMPARE(version.out, QByteArray("vigil, version " VIGIL_VERSION "\n"));
        const Run check = run(QStringLiteral("/usr/bin/vigil"),
                              {QStringLiteral("check"), QStringLiteral("config"), QStringLiteral("/usr/share/vigil/prometheus.yml")});
        QVERIFY2(check.code == 0, check.all().constData());
        const Run rules = run(QStringLiteral("/usr/bin/vigil"), {QStringLiteral("check"), QStringLiteral("rules"),
                                                                 QStringLiteral("/usr/share/vigil/rules/starter_rules.yml")});
        QVERIFY2(rules.code == 0, rules.all().constData());
        const Run man = run(QStringLiteral("man"), {QStringLiteral("-w"), QStringLiteral("vigil")});
        QCOMPARE(man.out.trimmed(), QByteArray("/usr/share/man/man1/vigil.1.gz"));
        // The installed unit, as systemd reads it (a scratch runtime directory stands in for a session).
        QTemporaryDir runtime;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path());
        env.insert(QStringLiteral("HOME"), runtime.path());
        const Run verify = run(QStringLiteral("systemd-analyze"),
                               {QStringLiteral("verify"), QStringLiteral("--user"), QStringLiteral("--man=no"),
                                QStringLiteral("/usr/lib/systemd/user/vigil.service")}, 60000, env);
        QVERIFY2(verify.code == 0 && verify.all().isEmpty(), verify.all().constData());
    }

    void userUnitCommandScrapesItselfAndReloads()
    {
        // The unit's own ExecStart, with %h a scratch home and $ARGS what ~/.config/vigil/headless.env would add.
        const QByteArray unit = contentOf(QStringLiteral("/usr/lib/systemd/user/vigil.service"));
        QString execStart = unitValue(unit, QStringLiteral("ExecStart"));
        QVERIFY2(execStart.startsWith(QLatin1String("/usr/bin/vigil --headless ")), qPrintable(execStart));
        QTemporaryDir home;
        const quint16 port = freePort();
        QFile cfg(home.filePath(QStringLiteral("prometheus.yml")));
        QVERIFY(cfg.open(QIODevice::WriteOnly));
        cfg.write(QStringLiteral("global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: self\n"
                                 "    static_configs:\n      - targets: ['127.0.0.1:%1']\n").arg(port).toUtf8());
        cfg.close();
        execStart.replace(QLatin1String("%h"), home.path());
        execStart.replace(QLatin1String("$ARGS"), QStringLiteral("--config.file=%1 --web.listen-address=127.0.0.1:%2")
                                                      .arg(cfg.fileName()).arg(port));
        QStringList argv = execStart.split(QLatin1Char(' '), Qt::SkipEmptyParts);

        QProcess vigil;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        vigil.setProcessEnvironment(env);
        vigil.start(argv.takeFirst(), argv);
        QVERIFY(vigil.waitForStarted(5000));
        QTRY_COMPARE_WITH_TIMEOUT(upValue(port), QStringLiteral("1"), 20000);
        QVERIFY(QFileInfo::exists(home.filePath(QStringLiteral(".local/share/vigil/headless/lock"))));

        // ExecReload, with $MAINPID the engine's pid.
        QString reload = unitValue(unit, QStringLiteral("ExecReload"));
        reload.replace(QLatin1String("$MAINPID"), QString::number(vigil.processId()));
        QStringList reloadArgv = reload.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        const Run r = run(reloadArgv.takeFirst(), reloadArgv);
        QCOMPARE(r.code, 0);
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += vigil.readAllStandardError()).contains("configuration reloaded"), 5000);

        ::kill(pid_t(vigil.processId()), SIGTERM);
        QVERIFY(vigil.waitForFinished(20000));
        QCOMPARE(vigil.exitStatus(), QProcess::NormalExit);
        QCOMPARE(vigil.exitCode(), 0);
    }

    void removesCleanly()
    {
        QVERIFY(!files_.isEmpty());
        const Run r = asRoot({QStringLiteral("apt-get"), QStringLiteral("remove"), QStringLiteral("-y"),
                              QStringLiteral("-o"), QStringLiteral("DPkg::Lock::Timeout=120"), QStringLiteral("vigil")});
        QVERIFY2(r.code == 0, r.all().constData());
        // No conffiles, so nothing stays behind for a purge.
        QVERIFY2(!packageStatus().contains(QLatin1String("installed")), qPrintable(packageStatus()));
        for (const QString &path : std::as_const(files_)) {
            // Directories other packages share (/usr/share/man/man1, ...) stay; the package's own go.
            const bool shared = !path.contains(QLatin1String("vigil")) && !path.contains(kApp);
            if (shared) continue;
            QVERIFY2(!QFileInfo::exists(path), qPrintable(path + QStringLiteral(" is left after apt-get remove")));
        }
        QVERIFY(!QFileInfo::exists(QStringLiteral("/usr/share/vigil")));
        QVERIFY(!QFileInfo::exists(QStringLiteral("/usr/share/doc/vigil")));
        // Nor anything the package's scripts or triggers might have made.
        const Run find = run(QStringLiteral("find"), {QStringLiteral("/usr"), QStringLiteral("-xdev"), QStringLiteral("-iname"),
                                                    QStringLiteral("*vigil*")});
        QVERIFY2(find.out.isEmpty(), find.out.constData());
    }

private:
    QString deb_;
    QStringList files_;
    bool installedByUs_ = false;
    QLockFile lock_{QDir::temp().filePath(QStringLiteral("vigil-package-test.lock"))};
    // Exists while a package this suite installed may be on the machine.
    const QString marker_ = QDir::temp().filePath(QStringLiteral("vigil-package-test.installed"));
};

QTEST_GUILESS_MAIN(TestPackageInstall)
#include "tst_package_install.moc"
