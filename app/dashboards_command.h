// `vigil dashboards list|export NAME|import FILE`: the dashboards in a data
// directory's app.db (plus the built-in ones), from the command line.
//   list    one line per dashboard: name, origin (built-in, saved, built-in+saved), title
//   export  the dashboard's JSON on stdout (or --output=FILE)
//   import  reads a dashboard JSON file and saves it; an existing name needs --force
// --storage.tsdb.path=DIR selects the data directory (default: the console's).
// import takes the data directory's lock like the engine does, so it refuses
// to write while a Vigil runs there; list and export only read.
#pragma once

#include <string>
#include <vector>

int runDashboardsList(const std::vector<std::string> &args);
int runDashboardsExport(const std::vector<std::string> &args);
int runDashboardsImport(const std::vector<std::string> &args);
