// TargetSnapshot: an immutable copy of a target's identity and health for the
// UI and the HTTP API (/api/v1/targets). Safe to pass across threads and
// through queued signals.
#pragma once

#include "model/labels.h"
#include "scrape/target_health.h"

#include <QMetaType>

#include <cstdint>
#include <string>

namespace vigil::scrape {

struct TargetSnapshot {
    std::string job;       // scrapePool in Prometheus's API
    std::string url;       // scrape URL
    model::Labels labels;  // after relabeling, internal labels removed
    model::Labels discoveredLabels;
    int64_t intervalMs = 0;
    int64_t timeoutMs = 0;
    TargetHealth health;
};

}  // namespace vigil::scrape

Q_DECLARE_METATYPE(vigil::scrape::TargetSnapshot)
