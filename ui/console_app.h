// The console process: QApplication, language, engine and main window.
#pragma once

#include "config/engine_options.h"

#include <string>

namespace vigil::ui {

struct ConsoleOptions {
    config::EngineOptions engine;
    std::string language;   // "", "en", "ko", "system": empty uses the saved setting
    std::string dashboard;  // dashboard to open (dashboards arrive with issue 8)
    std::string page;       // page to open by its --page name; empty: the last one
    std::string version;
    // Hidden, for scripted checks: grab the window into this PNG once the
    // engine runs, print a line about it and quit (ui/screenshot.h). No
    // message boxes are shown in this mode; warnings go to stderr.
    std::string screenshot;
};

int runConsole(int argc, char **argv, const ConsoleOptions &options);

}  // namespace vigil::ui
