// Automatic change markers: a watched series changing value or label set
// (a deploy shows up as build_info's `version` label changing) becomes a
// marker at the first step showing the new state.
//
// Identity of a watched thing: the metric name plus the `by` labels (job and
// instance by default). At each step its state is the set of (other labels,
// value) of its series present at that step; steps where it is absent (a
// restart, a scrape gap) are skipped, so only a different state after a
// present one counts as a change. The first state seen is not a change.
//
// Pure functions over query results; thread-safe.
#pragma once

#include "incidents/incident.h"
#include "promql/engine.h"

#include <string>
#include <vector>

namespace vigil::incidents {

struct ChangeWatch {
    std::string expr;  // e.g. {__name__=~".+_build_info"}
    std::vector<std::string> by = {"job", "instance"};
};

// The default watch: every *_build_info series.
ChangeWatch defaultBuildInfoWatch();

// Changes in a range-query result (steps of one query); markers have source
// "auto:<expr>", labels = identity labels plus the changed labels' new values,
// and text like: build_info{instance="a", job="api"}: version 1.0 → 1.1.
std::vector<Marker> detectChanges(const promql::Matrix &matrix, const ChangeWatch &watch);

// Runs the watch as a range query over [startMs, endMs] at stepMs and
// detects changes in it.
Result<std::vector<Marker>> scanChanges(const promql::Engine &engine, const ChangeWatch &watch, int64_t startMs,
                                        int64_t endMs, int64_t stepMs);

}  // namespace vigil::incidents
