// Command-line front door: `vigil` (console), `vigil --headless ...`,
// `vigil --version`, `vigil --help` and the tool subcommands.
//
// Exit codes: 0 success, 1 failure of the command itself, 2 usage error
// (unknown flag or subcommand; the message says which).
#pragma once

#include "config/engine_options.h"

#include <string>
#include <vector>

struct CommandLine {
    enum class Action { Gui, Headless, Version, Help, Subcommand };
    Action action = Action::Gui;
    vigil::config::EngineOptions engine;
    std::string language;   // --lang=en|ko|system (console only)
    std::string dashboard;  // --dashboard NAME (console only)
    std::string page;       // --page dashboards|explore|targets|alerts|rules|settings|status (console only)
    std::string screenshot; // --screenshot=FILE (console only, hidden: scripted screenshots)
    std::vector<std::string> subcommand;  // e.g. {"check", "metrics", "file"}
};

// Parses argv (without argv[0]). On error returns the message in `error`.
bool parseCommandLine(const std::vector<std::string> &args, CommandLine &out, std::string &error);

std::string helpText();
