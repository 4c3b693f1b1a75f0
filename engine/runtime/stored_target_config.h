// scrapeConfigFor: the scrape job of a console target (StoredTarget) — scheme,
// path, interval, timeout, auth, TLS and relabel_configs — as the scraper
// takes it. The secret (basic-auth password or bearer token) is passed in by
// the caller, who read it from the keychain (store::SecretStore); it ends up
// only in the returned value, which lives in memory.
//
// Errors: InvalidArgument for relabel YAML that does not parse or validate
// ("relabel_configs:<line>: ..."), or an auth type other than "", "basic",
// "bearer". Pure; thread-safe.
#pragma once

#include "core/status.h"
#include "scrape/scrape_config.h"
#include "store/app_store.h"

#include <string>

namespace vigil::runtime {

Result<scrape::ScrapeConfig> scrapeConfigFor(const store::StoredTarget &t, const std::string &secret);

// The target's extra labels as a label set.
model::Labels storedTargetLabels(const store::StoredTarget &t);

}  // namespace vigil::runtime
