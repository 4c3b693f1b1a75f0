// Scripted screenshots (the hidden `--screenshot=FILE` option, used by the
// Xvfb test): once the engine runs and the page has had a moment to load,
// grabs the main window into a PNG, prints one line to stdout
//   screenshot: <file> <width>x<height> page=<id> title=<navigation title>
// and quits the application (exit code 0, or 1 when the PNG cannot be
// written or the engine failed to start).
#pragma once

#include <QString>

namespace vigil::runtime {
class Engine;
}

namespace vigil::ui {

class MainWindow;

void scheduleScreenshot(MainWindow *window, runtime::Engine *engine, const QString &file);

}  // namespace vigil::ui
