#include "console_app.h"

#include "i18n.h"
#include "main_window.h"
#include "pages/explore_page.h"
#include "pages/overview_page.h"
#include "pages/settings_page.h"
#include "pages/targets_page.h"
#include "screenshot.h"
#include "startup_probe.h"
#include "tray_icon.h"
#include "ui_settings.h"

#include <QApplication>
#include <QHash>
#include <QIcon>
#include <QMessageBox>

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
    window.addPage(QStringLiteral("overview"), MainWindow::tr("Overview"), new OverviewPage(&engine, &window));
    window.addPage(QStringLiteral("explore"), MainWindow::tr("Explore"), new ExplorePage(&engine, &window));
    window.addPage(QStringLiteral("targets"), MainWindow::tr("Targets"), new TargetsPage(&engine, &window));
    engine.start();
    window.addPage(QStringLiteral("settings"), MainWindow::tr("Settings"), new SettingsPage(engine.dataDir(), &window));

    // --page names (the command-line contract) to the pages that exist so far.
    const QString page = QString::fromStdString(options.page);
    const QString dashboard = QString::fromStdString(options.dashboard);
    static const QHash<QString, QString> pageIds = {
        {QStringLiteral("dashboards"), QStringLiteral("overview")}, {QStringLiteral("status"), QStringLiteral("overview")},
        {QStringLiteral("explore"), QStringLiteral("explore")},     {QStringLiteral("targets"), QStringLiteral("targets")},     {QStringLiteral("settings"), QStringLiteral("settings")},
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
        window.showPage(QStringLiteral("overview"));
        warn(MainWindow::tr("There is no dashboard named “%1”.").arg(dashboard));
    } else {
        window.showPage(UiSettings::lastPage());
    }
    watchFirstPaint(&window, started);
    window.show();
    if (scripted) scheduleScreenshot(&window, &engine, QString::fromStdString(options.screenshot));
    const int rc = app.exec();
    engine.stop();
    return rc;
}

}  // namespace vigil::ui
