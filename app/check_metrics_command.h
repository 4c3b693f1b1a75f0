// `vigil check metrics`: the scraper's own parsers applied to a file or stdin.
// Exit 0 when it parses, 1 with "line:column: reason" on stderr when not,
// 2 on a usage error.
#pragma once

#include <string>
#include <vector>

int runCheckMetrics(const std::vector<std::string> &args);
