// `vigil tsdb import openmetrics FILE [--storage.tsdb.path=DIR]`: backfill
// from an OpenMetrics file with timestamps (what `promtool tsdb
// create-blocks-from openmetrics` takes) into Vigil's data directory, which
// must not be in use by a running Vigil. Exit 0 imported, 1 failed (nothing
// imported; the message names the line), 2 usage error.
#pragma once

#include <string>
#include <vector>

int runTsdbImportOpenMetrics(const std::vector<std::string> &args);
