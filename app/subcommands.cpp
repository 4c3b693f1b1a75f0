#include "subcommands.h"

#include "check_config_command.h"
#include "check_metrics_command.h"
#include "query_command.h"
#include "test_promql_command.h"
#include "tsdb_import_command.h"

#include <iostream>

const std::vector<Subcommand> &subcommands()
{
    static const std::vector<Subcommand> table = {
        {{"check", "config"},
         "check config FILE...",
         "Validate prometheus.yml files as the engine loads them; errors name file, line and field.",
         runCheckConfig},
        {{"check", "metrics"},
         "check metrics [--format=text|openmetrics] [FILE]",
         "Check a metrics exposition (stdin without FILE) with the scraper's parsers; prints line:column: reason.",
         runCheckMetrics},
        {{"tsdb", "import", "openmetrics"},
         "tsdb import openmetrics FILE [--storage.tsdb.path=DIR]",
         "Backfill samples with timestamps from an OpenMetrics file (Vigil must not be running on DIR).",
         runTsdbImportOpenMetrics},
        {{"test", "promql"},
         "test promql FILE|DIR...",
         "Run PromQL test scripts (Prometheus's promqltest format) against Vigil's engine.",
         runTestPromql},
        {{"query", "instant"},
         "query instant --url URL [--time=T] [--format=table|json] EXPR",
         "Run an instant query against a Prometheus-compatible API (exit 1: the server refused it, 2: no answer).",
         [](const std::vector<std::string> &a) { return runQuery("instant", a); }},
        {{"query", "range"},
         "query range --url URL [--start=T] [--end=T] [--step=DURATION] [--format=table|json] EXPR",
         "Run a range query (default: the last 5 minutes, about 250 steps).",
         [](const std::vector<std::string> &a) { return runQuery("range", a); }},
        {{"query", "series"},
         "query series --url URL --match=SELECTOR... [--start=T] [--end=T] [--format=table|json]",
         "List the series matching the selectors.",
         [](const std::vector<std::string> &a) { return runQuery("series", a); }},
        {{"query", "labels"},
         "query labels --url URL [--match=SELECTOR...] [--start=T] [--end=T] [--format=table|json] NAME",
         "List the values of a label.",
         [](const std::vector<std::string> &a) { return runQuery("labels", a); }},
    };
    return table;
}

int runSubcommand(const std::vector<std::string> &args)
{
    const Subcommand *best = nullptr;
    for (const auto &c : subcommands()) {
        if (args.size() < c.path.size()) continue;
        bool match = true;
        for (size_t i = 0; i < c.path.size(); ++i) match = match && args[i] == c.path[i];
        if (match && (!best || c.path.size() > best->path.size())) best = &c;
    }
    if (!best) {
        std::string name;
        for (const auto &a : args) {
            if (!a.empty() && a[0] == '-') break;
            name += (name.empty() ? "" : " ") + a;
        }
        std::cerr << "vigil: unknown command \"" << name << "\" (see vigil --help)\n";
        return 2;
    }
    return best->run(std::vector<std::string>(args.begin() + long(best->path.size()), args.end()));
}
