#include "console_app.h"

#include "i18n.h"
#include "main_window.h"
#include "dashboards/dashboard_view.h"
#include "pages/alerts_page.h"
#include "pages/dashboards_page.h"
#include "pages/explore_page.h"
#include "pages/incidents_page.h"
#include "pages/overview_page.h"
#include "data_sources.h"
#include "pages/remote_page.h"
#include "pages/rules_page.h"
#include "pages/settings_page.h"
#include "pages/status_page.h"
#include "pages/targets_page.h"
#include "screenshot.h"
#include "startup_probe.h"
#include "tray_icon.h"
#include "ui_settings.h"

#include <QApplication>
#include <QHash>
#include <QIcon>
#include <QMessageBox>
#include <QSettings>
#include <QThreadPool>

#include <cstdio>

namespace vigil::ui {

int runConsole(int argc, char **argv, const ConsoleOptions &options)
{
    QElapsedTimer started;
    started.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("vigil"));
    QApplication::setOrganizationName(QStringLiteral("vigil"));
    QApplication::setApplicationDisplayName(QStringLiteral("Vigil"));
    QApplication::setApplicationVersion(QString::fromStdString(options.version));
    // The installed desktop entry and icon carry the application id (packaging/); the drawn status icon
    // stands in when Vigil runs from a build tree.
    QApplication::setDesktopFileName(QStringLiteral(VIGIL_APP_ID));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral(VIGIL_APP_ID), statusIcon(QColor(0x2e, 0x7d, 0x32), 128)));
    QApplication::setQuitOnLastWindowClosed(true);

    const QString langSetting =
        options.language.empty() ? UiSettings::language() : QString::fromStdString(options.language);
    installTranslators(app, resolveLanguage(langSetting));

    runtime::Engine engine(UiSettings::engineOptions(options.engine));
    // POST /-/quit (with --web.enable-lifecycle) closes the console too.
    QObject::connect(&engine, &runtime::Engine::quitRequested, &app, [] { QApplication::quit(); });
    MainWindow window(&engine);
    auto *dashboards = new DashboardsPage(&engine, &window);
    window.addPage(QStringLiteral("dashboards"), MainWindow::tr("Dashboards"), dashboards);
    window.addPage(QStringLiteral("overview"), MainWindow::tr("Overview"), new OverviewPage(&engine, &window));
    auto *explore = new ExplorePage(&engine, &window);
    window.addPage(QStringLiteral("explore"), MainWindow::tr("Explore"), explore);
    auto *alertsPage = new AlertsPage(&engine, &window);
    window.addPage(QStringLiteral("alerts"), MainWindow::tr("Alerts"), alertsPage);
    QObject::connect(alertsPage, &AlertsPage::openGraphRequested, &window,
                     [&window, explore](const QString &expr, qint64 fromMs, qint64 toMs) {
                         window.showPage(QStringLiteral("explore"));
                         explore->showGraph(expr, fromMs, toMs);
                     });
    window.addPage(QStringLiteral("rules"), MainWindow::tr("Rules"), new RulesPage(&engine, &window));
    QObject::connect(explore, &ExplorePage::dashboardRequested, &window, [&window, dashboards](const QString &name) {
        window.showPage(QStringLiteral("dashboards"));  // showing the page reads the list again
        dashboards->openDashboard(name);
    });
    QObject::connect(&window, &MainWindow::openGraphRequested, explore,
                     [&window, explore](const QString &expr, qint64 fromMs, qint64 toMs) {
                         window.showPage(QStringLiteral("explore"));
                         explore->showExpression(expr, fromMs, toMs);
                     });
    auto *targets = new TargetsPage(&engine, &window);
    window.addPage(QStringLiteral("targets"), MainWindow::tr("Targets"), targets);
    QObject::connect(dashboards, &DashboardsPage::addTargetRequested, &window, [&window, targets] {
        window.showPage(QStringLiteral("targets"));
        targets->addTarget();
    });
    window.addPage(QStringLiteral("incidents"), MainWindow::tr("Incidents"), new IncidentsPage(&engine, &window));
    window.addPage(QStringLiteral("status"), MainWindow::tr("TSDB status"), new StatusPage(&engine, &window));
    engine.start();
    window.addPage(QStringLiteral("settings"), MainWindow::tr("Settings"), new SettingsPage(engine.dataDir(), &window));
    // Remote data sources and remote_write destinations kept in app.db: loaded once the engine runs.
    runtime::DataSourceRegistry dataSourceRegistry(&engine);
    runtime::RemoteWriteDestinations remoteWrites(&engine);
    setDataSources(&dataSourceRegistry);
    auto loadRemote = [&] {
        if (engine.state() != runtime::Engine::State::Running) return;
        dataSourceRegistry.reload();
        remoteWrites.reload();
    };
    QObject::connect(&engine, &runtime::Engine::stateChanged, &window, loadRemote);
    loadRemote();
    window.addPage(QStringLiteral("remote"), MainWindow::tr("Remote"),
                   new RemotePage(&engine, &remoteWrites, &dataSourceRegistry, &window));

    // --page names (the command-line contract) to the pages that exist so far.
    const QString page = QString::fromStdString(options.page);
    const QString dashboard = QString::fromStdString(options.dashboard);
    static const QHash<QString, QString> pageIds = {
        {QStringLiteral("dashboards"), QStringLiteral("dashboards")}, {QStringLiteral("status"), QStringLiteral("status")},
        {QStringLiteral("explore"), QStringLiteral("explore")},     {QStringLiteral("targets"), QStringLiteral("targets")},     {QStringLiteral("settings"), QStringLiteral("settings")},
        {QStringLiteral("alerts"), QStringLiteral("alerts")},       {QStringLiteral("rules"), QStringLiteral("rules")},
        {QStringLiteral("incidents"), QStringLiteral("incidents")},
        {QStringLiteral("remote"), QStringLiteral("remote")},
    };
    const bool scripted = !options.screenshot.empty();
    auto warn = [&window, scripted](const QString &text) {
        if (scripted) {
            std::fprintf(stderr, "vigil: %s\n", qPrintable(text));
        } else {
            QMessageBox::warning(&window, MainWindow::tr("Vigil"), text);
        }
    };
    if (!page.isEmpty()) {
        if (!window.showPage(pageIds.value(page))) {
            // Scripts read stderr: the same English line in every language.
            if (scripted) std::fprintf(stderr, "vigil: --page=%s: not available in this version\n", qPrintable(page));
            else warn(MainWindow::tr("The page “%1” is not available in this version.").arg(page));
        }
    } else if (!dashboard.isEmpty()) {
        window.showPage(QStringLiteral("dashboards"));
        if (!dashboards->openDashboard(dashboard)) {
            // A saved dashboard arrives with the list from app.db once the engine runs.
            QObject::connect(dashboards, &DashboardsPage::listLoaded, &window, [warn, dashboards, dashboard] {
                static bool asked = false;
                if (asked) return;
                asked = true;
                if (!dashboards->openDashboard(dashboard))
                    warn(MainWindow::tr("There is no dashboard named “%1”.").arg(dashboard));
            });
        }
    } else if (!window.showPage(UiSettings::lastPage())) {
        // First run (no page remembered): the Operations dashboard, with Vigil's own and a local node exporter's data.
        window.showPage(QStringLiteral("dashboards"));
        dashboards->openDashboard(QStringLiteral("operations"));
    }
    if (dashboards->currentName().isEmpty())
        dashboards->openDashboard(QSettings().value(QStringLiteral("dashboards/last"), QStringLiteral("operations")).toString());
    watchFirstPaint(&window, started);
    QObject::connect(dashboards->view(), &DashboardView::refreshFinished, &window, [dashboards, started](int withData) {
        if (withData > 0) watchFirstDataPaint(dashboards->view(), started);
    });
    window.show();
    if (scripted) scheduleScreenshot(&window, &engine, QString::fromStdString(options.screenshot));
    const int rc = app.exec();
    // Pages read app.db and the TSDB on the global pool; let those finish before the engine closes them.
    QThreadPool::globalInstance()->waitForDone();
    engine.stop();
    return rc;
}

}  // namespace vigil::ui
