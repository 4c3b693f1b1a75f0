// Import and export of console targets as prometheus.yml.
//
// importTargets(): each target of each static_configs entry of a job becomes
// one console target (the job's interval, timeout, scheme, path, TLS files,
// relabel_configs and auth; the entry's labels as extra labels). Jobs the
// console cannot represent yet are skipped with the reason: service discovery
// and other sections Vigil keeps as raw YAML, params, honor_labels,
// honor_timestamps: false, limits, metric_relabel_configs, secrets read from
// files, an Authorization type other than Bearer. A job's inline password or
// bearer token is returned beside its targets (`secret`) for the caller to
// put into the keychain; it is never part of the StoredTarget.
//
// exportTargets(): the targets as a prometheus.yml that `promtool check
// config` accepts, one scrape_config per job (in first-seen order; the
// settings of a job's first target), one static_configs entry per target.
// Secrets are not exported: a basic_auth keeps its username only and an
// authorization its type (Bearer) only, each with a comment saying so. Disabled targets
// are exported too (the file has no notion of pausing).
//
// Pure functions; thread-safe.
#pragma once

#include "scrape/prometheus_config.h"
#include "store/app_store.h"

#include <string>
#include <vector>

namespace vigil::runtime {

struct ImportedTarget {
    store::StoredTarget target;  // id 0, authSecretRef empty
    std::string secret;          // the job's inline password or bearer token, "" when none
};

struct SkippedJob {
    std::string job;
    std::string reason;  // plain English, e.g. "uses file_sd_configs (service discovery)"
};

struct TargetImport {
    std::vector<ImportedTarget> targets;
    std::vector<SkippedJob> skipped;
};

TargetImport importTargets(const scrape::PrometheusConfig &config);

std::string exportTargets(const std::vector<store::StoredTarget> &targets);

// relabel_configs as YAML text (a block sequence), "" for none. Parses back to
// equal RelabelConfigs with scrape::parseRelabelConfigs().
std::string relabelConfigsToYaml(const std::vector<scrape::RelabelConfig> &configs);

}  // namespace vigil::runtime
