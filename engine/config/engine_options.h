// EngineOptions: everything the engine is started with, from the command line
// (Prometheus-compatible flag names, so scripts and unit files carry over) or
// from the console's settings.
//
// parseFlags() accepts `--name=value`, `--name value`, and for booleans
// `--name` / `--no-name`. An unknown flag or a bad value is InvalidArgument
// with a message naming the flag; the app prints it and exits with code 2.
#pragma once

#include "core/status.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vigil::config {

struct EngineOptions {
    std::string configFile;            // --config.file (empty: built-in defaults)
    std::string notifierConfigFile;    // --notifier.config.file: alertmanager.yml (empty: built-in tier policy)
    std::string storagePath;           // --storage.tsdb.path (empty: XDG data location)
    std::string listenAddress = "127.0.0.1:9090";  // --web.listen-address
    bool webEnabled = true;            // --[no-]web.enable (console setting "API on")
    bool allowNonLoopback = false;     // --web.allow-non-loopback: needed to bind 0.0.0.0 etc.
    bool enableLifecycle = false;      // --web.enable-lifecycle (POST /-/reload, /-/quit)
    bool enableAdminApi = false;       // --web.enable-admin-api
    bool enableRemoteWriteReceiver = false;  // --web.enable-remote-write-receiver
    std::string externalUrl;           // --web.external-url
    std::string webConfigFile;         // --web.config.file: TLS and basic auth (web/web_config.h)
    int64_t retentionTimeMs = 15LL * 24 * 3600 * 1000;  // --storage.tsdb.retention.time
    int64_t retentionSizeBytes = 0;    // --storage.tsdb.retention.size (0: unlimited)
    int64_t lookbackDeltaMs = 5 * 60 * 1000;  // --query.lookback-delta
    int64_t queryTimeoutMs = 2 * 60 * 1000;   // --query.timeout
    int queryMaxConcurrency = 20;      // --query.max-concurrency
    int64_t queryMaxSamples = 50000000;  // --query.max-samples
    std::string logLevel = "info";     // --log.level: debug, info, warn, error
    bool selfScrape = true;            // --[no-]scrape.self: scrape Vigil's own /metrics by default
};

// A flag's name, value placeholder and help text, for --help.
struct FlagInfo {
    const char *name;
    const char *placeholder;  // empty for booleans
    const char *help;
};
const std::vector<FlagInfo> &engineFlags();

// Parses `args` (without the program name and without --headless) into
// `opts`, starting from its current values.
Status parseFlags(const std::vector<std::string> &args, EngineOptions &opts);

// Parses "host:port" / "[v6]:port" / ":port" into host and port.
Status splitHostPort(const std::string &address, std::string &host, uint16_t &port);

// Parses Prometheus byte sizes: "512MB", "10GB", "1TB", plain bytes "1024".
Result<int64_t> parseByteSize(const std::string &s);

}  // namespace vigil::config
