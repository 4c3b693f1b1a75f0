// engineApiSources(): the ApiV1::Sources of a running Engine — its storage,
// a PromQL engine over it, its scraper's targets and metadata, its options.
//
// `db` and `scraper` are not owned; they must stay valid until the ApiV1
// built from these sources was closed (ApiV1::close()). `scraper` may be null
// (no targets, no metadata).
#pragma once

#include "config/engine_options.h"
#include "web/api_v1.h"

namespace vigil::tsdb {
class Db;
}
namespace vigil::scrape {
class ScrapeManager;
}

namespace vigil::web {

ApiV1::Sources engineApiSources(tsdb::Db *db, scrape::ScrapeManager *scraper,
                                const config::EngineOptions &options);

// The YAML shown by /api/v1/status/config: the config file with its secrets
// redacted (redactConfigSecrets) when one is given, else the built-in default configuration with the running jobs.
std::string configYamlFor(const config::EngineOptions &options,
                          const std::vector<scrape::TargetSnapshot> &targets);

}  // namespace vigil::web
