// `vigil check config FILE...`: validates prometheus.yml files with the same
// loader the engine uses (strict, as Prometheus). Prints "FILE: OK" or the
// error with file, line and field. Exit 0 all valid, 1 any invalid, 2 usage.
#pragma once

#include <string>
#include <vector>

int runCheckConfig(const std::vector<std::string> &args);
