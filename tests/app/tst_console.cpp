// The console binary as a desktop shortcut or a script starts it:
// - every --page in English and Korean under a real X server (xvfb-run),
//   grabbed with the hidden --screenshot option; the PNGs are kept as test
//   artifacts in <build>/artifacts/screenshots/;
// - --config.file adds that prometheus.yml's targets to the console's own
//   (stored in app.db under --storage.tsdb.path) for the run.
#include "store/app_store.h"

#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#ifndef VIGIL_EXE
#error "VIGIL_EXE must name the vigil binary"
#endif

namespace {

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

bool hasHangul(const QString &s)
{
    for (QChar c : s) {
        if (c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3) return true;
    }
    return false;
}

}  // namespace

class TestConsole : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(QStringLiteral("/usr/bin/xvfb-run")),
                 "xvfb-run is required (packaging/dev.sh installs xvfb)");
        artifacts_ = QDir(qEnvironmentVariable("VIGIL_BINARY_DIR", QDir::currentPath()))
                         .filePath(QStringLiteral("artifacts/screenshots"));
        QVERIFY(QDir().mkpath(artifacts_));
    }

    void screenshots_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("pageId");     // the page it must show
        QTest::addColumn<QString>("title");      // its English navigation title
        QTest::addColumn<bool>("mayBeMissing");  // pages other issues deliver
        struct P {
            const char *page, *id, *title;
            bool later;
        };
        const P pages[] = {
            {"dashboards", "dashboards", "Dashboards", false},
            {"explore", "explore", "Explore", false},
            {"targets", "targets", "Targets", false},
            {"alerts", "alerts", "Alerts", false},
            {"rules", "rules", "Rules", false},
            {"settings", "settings", "Settings", false},
            {"remote", "remote", "Remote", false},
            {"incidents", "incidents", "Incidents", false},
            {"status", "status", "TSDB status", false},
        };
        for (const char *lang : {"en", "ko"}) {
            for (const P &p : pages) {
                QTest::addRow("%s-%s", p.page, lang)
                    << QString::fromLatin1(p.page) << QString::fromLatin1(lang) << QString::fromLatin1(p.id)
                    << QString::fromLatin1(p.title) << p.later;
            }
        }
    }
    void screenshots()
    {
        QFETCH(QString, page);
        QFETCH(QString, lang);
        QFETCH(QString, pageId);
        QFETCH(QString, title);
        QFETCH(bool, mayBeMissing);
        QTemporaryDir home;
        const QString png = QDir(artifacts_).filePath(QStringLiteral("%1-%2.png").arg(page, lang));
        QFile::remove(png);
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"),
                   home.filePath(QStringLiteral("config")));  // no saved settings
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));        // the real xcb platform on Xvfb
        p.setProcessEnvironment(env);
        p.start(
            QStringLiteral("/usr/bin/xvfb-run"),
            {QStringLiteral("-a"), QStringLiteral("-s"), QStringLiteral("-screen 0 1400x900x24"),
             QStringLiteral(VIGIL_EXE), QStringLiteral("--lang=") + lang, QStringLiteral("--page=") + page,
             QStringLiteral("--storage.tsdb.path=") + home.filePath(QStringLiteral("data")),
             QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(freePort()),
             QStringLiteral("--screenshot=") + png});
        QVERIFY(p.waitForStarted(10000));
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished(5000);
            QFAIL("the console did not finish within 60 s");
        }
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitCode() == 0, qPrintable(out + err));

        static const QRegularExpression line(
            QStringLiteral("screenshot: (.+) (\\d+)x(\\d+) page=(\\S*) title=(.*)"));
        const auto m = line.match(out);
        QVERIFY2(m.hasMatch(), qPrintable(out + err));
        const bool missing = err.contains(QStringLiteral("not available"));
        if (missing) {
            QVERIFY2(mayBeMissing, qPrintable(QStringLiteral("page %1 must exist: %2").arg(page, err)));
        } else {
            QCOMPARE(m.captured(4), pageId);
            const QString shown = m.captured(5).trimmed();
            if (lang == QLatin1String("en")) {
                QCOMPARE(shown, title);
            } else {
                QVERIFY2(hasHangul(shown), qPrintable(shown));  // translated, not the English title
            }
        }

        // The PNG: the window's size, and not blank (a real page has many colours).
        QImage image(png);
        QVERIFY2(!image.isNull(), qPrintable(png));
        QCOMPARE(image.width(), m.captured(2).toInt());
        QCOMPARE(image.height(), m.captured(3).toInt());
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 4) {
            for (int x = 0; x < image.width(); x += 4) colours.insert(image.pixel(x, y));
        }
        QVERIFY2(colours.size() >= 8, qPrintable(QStringLiteral("%1 colours only").arg(colours.size())));
    }

    void configFileAddsToConsoleTargets()
    {
        const quint16 nodePort = freePort();
        QProcess node;
        node.start(QStringLiteral("/usr/bin/prometheus-node-exporter"),
                   {QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(nodePort)});
        QVERIFY2(node.waitForStarted(5000), "prometheus-node-exporter is required");
        auto stopNode = qScopeGuard([&] {
            node.kill();
            node.waitForFinished(5000);
        });

        // A console target stored in app.db of the data directory given on the command line.
        QTemporaryDir home;
        const QString data = home.filePath(QStringLiteral("data"));
        QVERIFY(QDir().mkpath(data));
        {
            vigil::store::AppStore store;
            QVERIFY(store.open(QDir(data).filePath(QStringLiteral("app.db")).toStdString()).isOk());
            vigil::store::StoredTarget t;
            t.job = "console-node";
            t.address = QStringLiteral("127.0.0.1:%1").arg(nodePort).toStdString();
            t.intervalMs = 1000;
            t.timeoutMs = 1000;
            QVERIFY(store.saveTarget(t).isOk());
        }
        const QString yml = home.filePath(QStringLiteral("prometheus.yml"));
        {
            QFile f(yml);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(
                QStringLiteral("scrape_configs:\n  - job_name: file-node\n    scrape_interval: 1s\n"
                               "    scrape_timeout: 1s\n    static_configs: [{targets: ['localhost:%1']}]\n")
                    .arg(nodePort)
                    .toUtf8());
        }
        const quint16 apiPort = freePort();
        QProcess vigil;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        vigil.setProcessEnvironment(env);
        vigil.start(QStringLiteral(VIGIL_EXE),
                    {QStringLiteral("--config.file=") + yml, QStringLiteral("--storage.tsdb.path=") + data,
                     QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(apiPort),
                     QStringLiteral("--web.enable-lifecycle"), QStringLiteral("--page=targets")});
        QVERIFY(vigil.waitForStarted(10000));
        auto stopVigil = qScopeGuard([&] {
            if (vigil.state() != QProcess::NotRunning) {
                vigil.kill();
                vigil.waitForFinished(5000);
            }
        });

        // Both jobs are scraped: the file's and the console's own.
        QNetworkAccessManager nam;
        QSet<QString> upJobs;
        for (int attempt = 0; attempt < 100 && upJobs.size() < 2; ++attempt) {
            QTest::qWait(200);
            QNetworkReply *reply = nam.get(
                QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/targets").arg(apiPort))));
            QSignalSpy done(reply, &QNetworkReply::finished);
            done.wait(5000);
            const auto doc = QJsonDocument::fromJson(reply->readAll());
            reply->deleteLater();
            upJobs.clear();
            for (const auto &v : doc.object()
                                     .value(QStringLiteral("data"))
                                     .toObject()
                                     .value(QStringLiteral("activeTargets"))
                                     .toArray()) {
                const auto t = v.toObject();
                if (t.value(QStringLiteral("health")).toString() == QLatin1String("up"))
                    upJobs.insert(t.value(QStringLiteral("scrapePool")).toString());
            }
        }
        QCOMPARE(upJobs, (QSet<QString>{QStringLiteral("console-node"), QStringLiteral("file-node")}));

        // /-/quit closes the console cleanly.
        QNetworkReply *quit = nam.post(
            QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/-/quit").arg(apiPort))), QByteArray());
        QSignalSpy quitDone(quit, &QNetworkReply::finished);
        quitDone.wait(5000);
        quit->deleteLater();
        QVERIFY2(vigil.waitForFinished(20000), "the console did not quit on /-/quit");
        QCOMPARE(vigil.exitCode(), 0);

        // The console target is still stored; the file's target never was.
        vigil::store::AppStore store;
        QVERIFY(store.open(QDir(data).filePath(QStringLiteral("app.db")).toStdString()).isOk());
        auto targets = store.targets();
        QVERIFY(targets.isOk());
        QCOMPARE(targets->size(), size_t(1));
        QCOMPARE(targets->front().job, std::string("console-node"));
    }

private:
    QString artifacts_;
};

QTEST_MAIN(TestConsole)
#include "tst_console.moc"
