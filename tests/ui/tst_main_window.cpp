#include "../support/tmpfs_mount.h"
#include "main_window.h"
#include "pages/overview_page.h"
#include "pages/settings_page.h"
#include "ui_settings.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using vigil::runtime::Engine;
using namespace vigil::ui;

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("vigil-test"));
        QCoreApplication::setApplicationName(QStringLiteral("vigil-test"));
    }

    void showsEngineStatus()
    {
        QTemporaryDir dir;
        vigil::config::EngineOptions o;
        o.storagePath = dir.path().toStdString();
        o.listenAddress = "127.0.0.1:0";
        Engine engine(o);
        MainWindow w(&engine);
        auto *overview = new OverviewPage(&engine, &w);
        w.addPage(QStringLiteral("overview"), QStringLiteral("Overview"), overview);
        engine.start();
        w.addPage(QStringLiteral("settings"), QStringLiteral("Settings"), new SettingsPage(engine.dataDir(), &w));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        QCOMPARE(w.pageIds(), (QStringList{QStringLiteral("overview"), QStringLiteral("settings")}));
        QCOMPARE(w.currentPageId(), QStringLiteral("overview"));
        QTRY_COMPARE(overview->cardText(QStringLiteral("state")), QStringLiteral("Running"));
        QTRY_VERIFY(overview->cardText(QStringLiteral("api")).startsWith(QStringLiteral("127.0.0.1:")));
        QTRY_VERIFY(overview->cardText(QStringLiteral("data")).contains(dir.path()));
        QVERIFY(w.showPage(QStringLiteral("settings")));
        QCOMPARE(w.findChild<QStackedWidget *>()->currentWidget()->objectName(), QStringLiteral("settingsPage"));
        QVERIFY(!w.showPage(QStringLiteral("nope")));

        // Geometry and last page are remembered on close.
        w.close();
        QCOMPARE(UiSettings::lastPage(), QStringLiteral("settings"));
        QVERIFY(!UiSettings::windowGeometry().isEmpty());
        engine.stop();
        QTRY_COMPARE(overview->cardText(QStringLiteral("state")), QStringLiteral("Stopped"));
    }

    void engineErrorShowsBanner()
    {
        QTemporaryDir dir;
        vigil::config::EngineOptions o;
        o.storagePath = dir.path().toStdString();
        o.listenAddress = "127.0.0.1:0";
        Engine holder(o, true);
        holder.start();
        QTRY_COMPARE(holder.state(), Engine::State::Running);

        Engine engine(o);
        MainWindow w(&engine);
        w.show();
        auto *banner = w.findChild<QLabel *>(QStringLiteral("errorBanner"));
        QVERIFY(banner);
        QVERIFY(banner->isHidden());
        engine.start();  // the directory is locked by `holder`
        QCOMPARE(engine.state(), Engine::State::Failed);
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().startsWith(QStringLiteral("Storage: ")));
        QVERIFY(banner->text().contains(QStringLiteral("in use by another Vigil")));
    }

    // A full data disk as the operator sees it: the status bar counts dropped samples
    // (red while writes fail, plain after), and the banner names the error.
    void fullDiskInStatusBar()
    {
        QTemporaryDir dir;
        vigil::test::TmpfsMount tmpfs(dir.filePath(QStringLiteral("mnt")), QStringLiteral("8m"));
        if (!tmpfs.isMounted()) QSKIP(vigil::test::TmpfsMount::why());
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        QFile cfg(dir.filePath(QStringLiteral("prometheus.yml")));
        QVERIFY(cfg.open(QIODevice::WriteOnly));
        cfg.write(QStringLiteral("global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: self\n"
                                 "    static_configs:\n      - targets: ['127.0.0.1:%1']\n")
                      .arg(port)
                      .toUtf8());
        cfg.close();
        vigil::config::EngineOptions o;
        o.storagePath = dir.filePath(QStringLiteral("mnt/data")).toStdString();
        o.configFile = cfg.fileName().toStdString();
        o.listenAddress = QStringLiteral("127.0.0.1:%1").arg(port).toStdString();
        {
            Engine engine(o);
            MainWindow w(&engine);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            auto *label = w.findChild<QLabel *>(QStringLiteral("ingestErrorsLabel"));
            auto *banner = w.findChild<QLabel *>(QStringLiteral("errorBanner"));
            QVERIFY(label && banner);
            engine.start();
            QTRY_COMPARE_WITH_TIMEOUT(engine.state(), Engine::State::Running, 10000);
            QTest::qWait(2500);  // a few good scrapes and status refreshes
            QVERIFY(label->isHidden());

            QFile filler(dir.filePath(QStringLiteral("mnt/filler")));
            QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
            const QByteArray block(64 * 1024, 'x');
            for (qsizetype chunk = block.size(); chunk > 0; chunk /= 8)
                while (filler.write(block.constData(), chunk) == chunk) {
                }
            filler.close();

            QTRY_VERIFY_WITH_TIMEOUT(label->isVisible(), 15000);
            QVERIFY2(label->text().startsWith(QStringLiteral("Ingestion errors: ")), qPrintable(label->text()));
            QTRY_VERIFY_WITH_TIMEOUT(label->styleSheet().contains(QStringLiteral("color")), 5000);
            QVERIFY(banner->isVisible());
            QVERIFY2(banner->text().startsWith(QStringLiteral("Storage: cannot write to the data directory")),
                     qPrintable(banner->text()));

            QVERIFY(QFile::remove(filler.fileName()));
            QTRY_VERIFY_WITH_TIMEOUT(label->styleSheet().isEmpty(), 10000);  // writes succeed again
            QVERIFY(label->isVisible());  // the count stays for the operator to see
            engine.stop();
        }
        QVERIFY(tmpfs.unmount());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
