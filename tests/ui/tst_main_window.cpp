#include "main_window.h"
#include "pages/overview_page.h"
#include "pages/settings_page.h"
#include "ui_settings.h"

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
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
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
