// PrometheusConfig: a loaded prometheus.yml.
//
//   Result<PrometheusConfig> cfg = PrometheusConfig::loadFile("prometheus.yml");
//   if (!cfg) show(cfg.status().message());
//   // "prometheus.yml:12: scrape_configs[0].scrape_timeout: \"20s\" is greater
//   //  than scrape_interval \"15s\""
//
// Loading follows Prometheus 2.42's strict unmarshalling and validation:
// unknown fields, duplicate keys, duplicate job names, a timeout greater
// than the interval, invalid label names, durations, relabel configs and
// auth combinations are errors. Error messages are InvalidArgument
// "<file>:<line>: <field path>: <reason>" (line 1-based); an unreadable file
// is an IOError. Sections Vigil does not interpret yet are kept as YAML text
// (alerting, remote_write, remote_read, storage, tracing, *_sd_configs...).
//
// Relative paths (rule_files, password_file, credentials_file,
// bearer_token_file, ca_file, cert_file, key_file) are resolved against the
// directory of the configuration file.
//
// Never throws (yaml-cpp exceptions are caught). Thread-safe: pure
// functions; the result is a plain value.
#pragma once

#include "core/status.h"
#include "scrape/global_config.h"
#include "scrape/remote_write_config.h"
#include "scrape/scrape_config.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::scrape {

struct PrometheusConfig {
    GlobalConfig global;
    // Patterns as written, joined to the config file's directory when relative.
    std::vector<std::string> ruleFiles;
    std::vector<ScrapeConfig> scrapeConfigs;
    // remote_write: (also kept as text in rawSections["remote_write"]).
    std::vector<RemoteWriteConfig> remoteWrite;
    // Top-level sections kept as YAML text: "alerting", "remote_write",
    // "remote_read", "storage", "tracing" when present.
    std::map<std::string, std::string> rawSections;
    // The file this was loaded from (empty for loadString without a name).
    std::string sourceFile;

    // Reads and parses `path`.
    static Result<PrometheusConfig> loadFile(const std::string &path);
    // Parses `yaml`; `fileName` names the source in errors and its directory
    // resolves relative paths (the current directory when it has none).
    static Result<PrometheusConfig> loadString(std::string_view yaml, const std::string &fileName);

    // The job named `jobName`, or nullptr.
    const ScrapeConfig *findJob(std::string_view jobName) const;

    // Expands the rule_files globs (sorted, unique). IOError when a pattern
    // cannot be read; a pattern matching nothing is not an error.
    Result<std::vector<std::string>> expandRuleFiles() const;

    friend bool operator==(const PrometheusConfig &, const PrometheusConfig &) = default;
};

// Parses a relabel_configs sequence given on its own (as YAML, the way it is
// written under a job in prometheus.yml). Errors are InvalidArgument
// "<fileName>:<line>: relabel_configs[i]...: <reason>"; blank text is an
// empty list.
Result<std::vector<RelabelConfig>> parseRelabelConfigs(std::string_view yaml, const std::string &fileName);

}  // namespace vigil::scrape
