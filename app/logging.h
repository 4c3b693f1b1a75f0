// Process-wide log output: logfmt lines on stderr like Prometheus's
// (ts=... level=info component=web msg="..."), filtered by --log.level.
#pragma once

#include <string>

void installLogHandler(const std::string &level);
