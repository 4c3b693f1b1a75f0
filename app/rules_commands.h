// `vigil check rules FILE...` and `vigil test rules FILE...`: promtool's
// `check rules` and `test rules` over Vigil's rule engine, with promtool's
// output shape and exit codes (0 all good, 1 any file failed or a file does
// not exist).
#pragma once

#include <string>
#include <vector>

int runCheckRules(const std::vector<std::string> &args);
int runTestRules(const std::vector<std::string> &args);
