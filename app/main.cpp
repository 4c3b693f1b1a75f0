// vigil: the console, headless mode and tool commands in one executable.
#include "cli.h"
#include "headless.h"
#include "subcommands.h"
#include "ui/console_app.h"

#include <QCoreApplication>

#include <iostream>

int main(int argc, char **argv)
{
    // Names decide the default data directory (QStandardPaths) in every mode.
    QCoreApplication::setOrganizationName(QStringLiteral("vigil"));
    QCoreApplication::setApplicationName(QStringLiteral("vigil"));
    std::vector<std::string> args(argv + 1, argv + argc);
    CommandLine cmd;
    std::string error;
    if (!parseCommandLine(args, cmd, error)) {
        std::cerr << "vigil: " << error << "\n(see vigil --help)\n";
        return 2;
    }
    switch (cmd.action) {
    case CommandLine::Action::Version:
        std::cout << "vigil, version " << VIGIL_VERSION << "\n";
        return 0;
    case CommandLine::Action::Help:
        std::cout << helpText();
        return 0;
    case CommandLine::Action::Subcommand:
        return runSubcommand(cmd.subcommand);
    case CommandLine::Action::Headless:
        return runHeadless(argc, argv, cmd.engine);
    case CommandLine::Action::Gui:
        break;
    }
    vigil::ui::ConsoleOptions co;
    co.engine = cmd.engine;
    co.language = cmd.language;
    co.dashboard = cmd.dashboard;
    co.page = cmd.page;
    co.screenshot = cmd.screenshot;
    co.version = VIGIL_VERSION;
    return vigil::ui::runConsole(argc, argv, co);
}
