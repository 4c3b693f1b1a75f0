#include "screenshot.h"

#include "main_window.h"
#include "runtime/engine.h"

#include <QApplication>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

namespace vigil::ui {

void scheduleScreenshot(MainWindow *window, runtime::Engine *engine, const QString &file)
{
    auto shoot = [window, file](int exitCode) {
        // Let the page fill (targets load asynchronously, the first scrape
        // lands) before grabbing.
        QTimer::singleShot(2500, window, [window, file, exitCode] {
            const QPixmap pixmap = window->grab();
            const bool saved = pixmap.save(file, "PNG");
            std::printf("screenshot: %s %dx%d page=%s title=%s\n", qPrintable(file), window->width(),
                        window->height(), qPrintable(window->currentPageId()),
                        qPrintable(window->currentPageTitle()));
            std::fflush(stdout);
            QApplication::exit(saved ? exitCode : 1);
        });
    };
    auto *connection = new QMetaObject::Connection;
    auto onState = [shoot, connection](runtime::Engine::State s) {
        if (s != runtime::Engine::State::Running && s != runtime::Engine::State::Failed) return;
        QObject::disconnect(*connection);
        delete connection;
        shoot(s == runtime::Engine::State::Running ? 0 : 1);
    };
    if (engine->state() == runtime::Engine::State::Running) {
        delete connection;
        shoot(0);
        return;
    }
    *connection = QObject::connect(engine, &runtime::Engine::stateChanged, window, onState);
}

}  // namespace vigil::ui
