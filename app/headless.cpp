#include "headless.h"

#include "logging.h"
#include "runtime/engine.h"
#include "signal_watcher.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcMain, "vigil.main")

int runHeadless(int argc, char **argv, const vigil::config::EngineOptions &options)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vigil"));
    QCoreApplication::setOrganizationName(QStringLiteral("vigil"));  // same data directory as the console
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));
    installLogHandler(options.logLevel);

    using vigil::runtime::Engine;
    Engine engine(options, /*headless=*/true);
    SignalWatcher watcher;
    int exitCode = 0;

    QObject::connect(&watcher, &SignalWatcher::terminateRequested, &app, [&](int signo) {
        qCInfo(lcMain) << "received signal" << signo << "- shutting down";
        engine.stop();
        app.quit();
    });
    QObject::connect(&watcher, &SignalWatcher::reloadRequested, &engine, [&] { engine.reload(); });
    QObject::connect(&engine, &Engine::quitRequested, &app, [&] {
        engine.stop();
        app.quit();
    });
    QObject::connect(&engine, &Engine::stateChanged, &app, [&](Engine::State s) {
        if (s == Engine::State::Failed) {
            exitCode = 1;
            app.quit();
        }
    });

    qCInfo(lcMain) << "starting Vigil" << VIGIL_VERSION << "headless";
    engine.start();
    if (engine.state() == Engine::State::Failed) return 1;
    const int rc = app.exec();
    engine.stop();
    return exitCode ? exitCode : rc;
}
