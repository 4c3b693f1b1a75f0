// Headless mode: the engine and HTTP API under QCoreApplication, no display.
// Stops cleanly (flushing storage) on SIGTERM/SIGINT and exits 0; exits 1
// when the engine fails to start.
#pragma once

#include "config/engine_options.h"

int runHeadless(int argc, char **argv, const vigil::config::EngineOptions &options);
