// Tool subcommands (`vigil check metrics ...`, `vigil tsdb import ...`): a
// table of word paths and the functions that run them. Each returns the
// process exit code (0 ok, 1 failed, 2 usage error).
#pragma once

#include <functional>
#include <string>
#include <vector>

struct Subcommand {
    std::vector<std::string> path;  // {"check", "metrics"}
    std::string usage;              // "check metrics [--format=text|openmetrics] [FILE]"
    std::string help;
    std::function<int(const std::vector<std::string> &args)> run;  // args after the path
};

const std::vector<Subcommand> &subcommands();

// Finds and runs the subcommand named by `args`; prints usage errors.
int runSubcommand(const std::vector<std::string> &args);
