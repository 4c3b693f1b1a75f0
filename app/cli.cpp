#include "cli.h"

#include <sstream>

#include "subcommands.h"

bool parseCommandLine(const std::vector<std::string> &args, CommandLine &out, std::string &error)
{
    if (!args.empty() && !args[0].empty() && args[0][0] != '-') {
        out.action = CommandLine::Action::Subcommand;
        out.subcommand = args;
        return true;
    }
    std::vector<std::string> engineArgs;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        if (a == "--version" || a == "-v") {
            out.action = CommandLine::Action::Version;
            return true;
        }
        if (a == "--help" || a == "-h") {
            out.action = CommandLine::Action::Help;
            return true;
        }
        if (a == "--headless") {
            out.action = CommandLine::Action::Headless;
            continue;
        }
        auto takeValue = [&](const std::string &flag, std::string &dest) {
            if (a.rfind(flag + "=", 0) == 0) {
                dest = a.substr(flag.size() + 1);
                return true;
            }
            if (a == flag) {
                if (i + 1 >= args.size()) {
                    error = "flag " + flag + " needs a value";
                    return true;
                }
                dest = args[++i];
                return true;
            }
            return false;
        };
        if (takeValue("--lang", out.language) || takeValue("--dashboard", out.dashboard) ||
            takeValue("--page", out.page) || takeValue("--screenshot", out.screenshot)) {
            if (!error.empty()) return false;
            continue;
        }
        engineArgs.push_back(a);
    }
    if (out.action == CommandLine::Action::Headless && (!out.language.empty() || !out.dashboard.empty() || !out.page.empty() ||
                                                      !out.screenshot.empty())) {
        error = "--lang, --page and --dashboard apply to the console, not to --headless";
        return false;
    }
    if (out.action != CommandLine::Action::Headless) out.action = CommandLine::Action::Gui;
    if (vigil::Status s = vigil::config::parseFlags(engineArgs, out.engine); !s.isOk()) {
        error = s.message();
        return false;
    }
    return true;
}

std::string helpText()
{
    std::ostringstream o;
    o << "usage: vigil [<flags>]                 open the monitoring console\n"
         "       vigil --headless [<flags>]      run the engine and HTTP API without a display\n"
         "       vigil <command> [<args>]        run a tool command\n\n"
         "Vigil: a desktop monitoring console with a built-in Prometheus-compatible engine.\n\n"
         "Flags:\n"
         "  -h, --help                 Show this help and exit.\n"
         "  -v, --version              Show the version and exit.\n"
         "      --headless             Run without a display (engine + HTTP API); stops on SIGTERM/SIGINT.\n"
         "      --lang=LANG            Console language: en, ko or system (default: the saved setting).\n"
         "      --page=PAGE            Open a page: dashboards, explore, targets, alerts, rules, incidents, settings, status.\n"
         "      --dashboard=NAME       Open the named dashboard.\n";
    for (const auto &f : vigil::config::engineFlags()) {
        std::string lhs = std::string("--") + f.name;
        if (*f.placeholder) lhs += std::string("=") + f.placeholder;
        o << "      " << lhs;
        for (size_t n = lhs.size(); n < 39; ++n) o << ' ';
        o << ' ' << f.help << '\n';
    }
    const auto &cmds = subcommands();
    if (!cmds.empty()) {
        o << "\nCommands:\n";
        for (const auto &c : cmds) o << "  " << c.usage << "\n      " << c.help << '\n';
    }
    return o.str();
}
