#include "config/engine_options.h"

#include "config/duration.h"

#include <cctype>
#include <charconv>
#include <functional>
#include <map>

namespace vigil::config {

const std::vector<FlagInfo> &engineFlags()
{
    static const std::vector<FlagInfo> flags = {
        {"config.file", "FILE", "Prometheus configuration file (scrape_configs, rule_files, ...)."},
        {"notifier.config.file", "FILE",
         "Alertmanager configuration file for notifications (default: the built-in tier policy)."},
        {"storage.tsdb.path", "DIR", "Base path for metrics storage (default: the per-user data directory)."},
        {"storage.tsdb.retention.time", "DURATION", "How long to retain samples in storage (default 15d)."},
        {"storage.tsdb.retention.size", "BYTES", "Maximum bytes of storage blocks to retain, e.g. 10GB (0: no limit)."},
        {"web.listen-address", "ADDRESS", "Address to listen on for the API and /metrics (default 127.0.0.1:9090)."},
        {"web.enable", "", "Serve the HTTP API (default on; --no-web.enable turns it off)."},
        {"web.allow-non-loopback", "", "Allow --web.listen-address to be a non-loopback address."},
        {"web.enable-lifecycle", "", "Enable shutdown and reload via HTTP request."},
        {"web.enable-admin-api", "", "Enable API endpoints for admin control actions."},
        {"web.enable-remote-write-receiver", "", "Accept remote write requests at /api/v1/write."},
        {"web.external-url", "URL", "The URL under which Vigil is externally reachable."},
        {"web.config.file", "FILE", "Prometheus web configuration file: TLS and basic authentication."},
        {"query.lookback-delta", "DURATION", "How far back to look for points for an instant vector (default 5m)."},
        {"query.timeout", "DURATION", "Maximum time a query may take before being aborted (default 2m)."},
        {"query.max-concurrency", "N", "Maximum number of queries executed concurrently (default 20)."},
        {"query.max-samples", "N", "Maximum number of samples a single query can load into memory."},
        {"scrape.self", "", "Scrape Vigil's own /metrics (default on)."},
        {"log.level", "LEVEL", "Only log messages with the given severity or above: debug, info, warn, error."},
    };
    return flags;
}

Result<int64_t> parseByteSize(const std::string &s)
{
    auto invalid = [&] { return Status::invalidArgument("not a valid byte size: \"" + s + "\""); };
    size_t i = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == 0) return invalid();
    int64_t n = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + i, n);
    if (ec != std::errc()) return invalid();
    std::string unit = s.substr(i);
    for (auto &c : unit) c = char(std::toupper(static_cast<unsigned char>(c)));
    static const std::map<std::string, int64_t> units = {
        {"", 1}, {"B", 1}, {"KB", 1LL << 10}, {"MB", 1LL << 20}, {"GB", 1LL << 30},
        {"TB", 1LL << 40}, {"PB", 1LL << 50}, {"EB", 1LL << 60},
    };
    auto it = units.find(unit);
    if (it == units.end()) return invalid();
    if (n > INT64_MAX / it->second) return invalid();
    return n * it->second;
}

Status splitHostPort(const std::string &address, std::string &host, uint16_t &port)
{
    auto invalid = [&] { return Status::invalidArgument("invalid listen address \"" + address + "\": want host:port"); };
    size_t colon;
    if (!address.empty() && address[0] == '[') {
        size_t close = address.find(']');
        if (close == std::string::npos || close + 1 >= address.size() || address[close + 1] != ':') return invalid();
        host = address.substr(1, close - 1);
        colon = close + 1;
    } else {
        colon = address.rfind(':');
        if (colon == std::string::npos) return invalid();
        host = address.substr(0, colon);
        if (host.find(':') != std::string::npos) return invalid();
    }
    const std::string p = address.substr(colon + 1);
    unsigned v = 0;
    auto [ptr, ec] = std::from_chars(p.data(), p.data() + p.size(), v);
    if (p.empty() || ec != std::errc() || ptr != p.data() + p.size() || v > 65535) return invalid();
    port = uint16_t(v);
    return {};
}

Status parseFlags(const std::vector<std::string> &args, EngineOptions &opts)
{
    using Setter = std::function<Status(const std::string &)>;
    auto dur = [](int64_t &field) {
        return Setter([&field](const std::string &v) {
            auto d = parseDuration(v);
            if (!d.isOk()) return d.status();
            field = *d;
            return Status();
        });
    };
    auto str = [](std::string &field) {
        return Setter([&field](const std::string &v) {
            field = v;
            return Status();
        });
    };
    auto integer = [](auto &field) {
        return Setter([&field](const std::string &v) {
            long long n = 0;
            auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
            if (v.empty() || ec != std::errc() || p != v.data() + v.size() || n <= 0) {
                return Status::invalidArgument("not a positive integer: \"" + v + "\"");
            }
            field = static_cast<std::remove_reference_t<decltype(field)>>(n);
            return Status();
        });
    };
    const std::map<std::string, Setter> valued = {
        {"config.file", str(opts.configFile)},
        {"notifier.config.file", str(opts.notifierConfigFile)},
        {"storage.tsdb.path", str(opts.storagePath)},
        {"storage.tsdb.retention.time", dur(opts.retentionTimeMs)},
        {"storage.tsdb.retention.size",
         [&opts](const std::string &v) {
             auto b = parseByteSize(v);
             if (!b.isOk()) return b.status();
             opts.retentionSizeBytes = *b;
             return Status();
         }},
        {"web.listen-address", str(opts.listenAddress)},
        {"web.external-url", str(opts.externalUrl)},
        {"web.config.file", str(opts.webConfigFile)},
        {"query.lookback-delta", dur(opts.lookbackDeltaMs)},
        {"query.timeout", dur(opts.queryTimeoutMs)},
        {"query.max-concurrency", integer(opts.queryMaxConcurrency)},
        {"query.max-samples", integer(opts.queryMaxSamples)},
        {"log.level",
         [&opts](const std::string &v) {
             if (v != "debug" && v != "info" && v != "warn" && v != "error") {
                 return Status::invalidArgument("log level must be one of debug, info, warn, error");
             }
             opts.logLevel = v;
             return Status();
         }},
    };
    const std::map<std::string, bool *> booleans = {
        {"web.enable", &opts.webEnabled},
        {"web.allow-non-loopback", &opts.allowNonLoopback},
        {"web.enable-lifecycle", &opts.enableLifecycle},
        {"web.enable-admin-api", &opts.enableAdminApi},
        {"web.enable-remote-write-receiver", &opts.enableRemoteWriteReceiver},
        {"scrape.self", &opts.selfScrape},
    };

    for (size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (arg.rfind("--", 0) != 0 || arg.size() == 2) {
            return Status::invalidArgument("unexpected argument \"" + arg + "\"");
        }
        std::string name = arg.substr(2);
        std::string value;
        bool hasValue = false;
        if (size_t eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
            hasValue = true;
        }
        if (auto it = booleans.find(name); it != booleans.end()) {
            if (hasValue) {
                if (value == "true") *it->second = true;
                else if (value == "false") *it->second = false;
                else return Status::invalidArgument("flag --" + name + " takes true or false, got \"" + value + "\"");
            } else {
                *it->second = true;
            }
            continue;
        }
        if (name.rfind("no-", 0) == 0) {
            if (auto it = booleans.find(name.substr(3)); it != booleans.end() && !hasValue) {
                *it->second = false;
                continue;
            }
        }
        auto it = valued.find(name);
        if (it == valued.end()) return Status::invalidArgument("unknown flag --" + name);
        if (!hasValue) {
            if (i + 1 >= args.size()) return Status::invalidArgument("flag --" + name + " needs a value");
            value = args[++i];
        }
        if (Status s = it->second(value); !s.isOk()) return s.withContext("flag --" + name);
    }

    std::string host;
    uint16_t port = 0;
    if (Status s = splitHostPort(opts.listenAddress, host, port); !s.isOk()) return s.withContext("flag --web.listen-address");
    return {};
}

}  // namespace vigil::config
