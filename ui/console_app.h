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
};

int runConsole(int argc, char **argv, const ConsoleOptions &options);

}  // namespace vigil::ui
