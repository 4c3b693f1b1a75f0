// Federation: GET /federate?match[]=<selector>... as Prometheus 2.42 serves it
// (web/federate.go), for a Prometheus that scrapes Vigil with
// `metrics_path: /federate` and `honor_labels: true`.
//
// Output is the text exposition format 0.0.4: for every series matched by
// any match[] selector, its latest sample in [now - lookback, now] (a stale
// marker as the latest sample drops the series: the format cannot carry
// one), grouped by metric name, each group after a "# TYPE <name> untyped"
// line. Labels are printed in name order without __name__ and without
// empty values, then the external labels the series does not have, in name
// order, with instance="" among them unless an external label sets it (so
// the federating server does not attach its own target's instance). Each
// sample carries its timestamp in ms. Nameless series are skipped.
// Prometheus orders series within a group arbitrarily (an unstable sort by
// name); Vigil orders them by labels.
//
// Thread safety: pure function over a querier the caller owns.
#pragma once

#include "core/status.h"
#include "model/labels.h"
#include "model/matcher.h"
#include "storage/storage.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vigil::web {

// Renders the federation body for `sets` (each one match[] selector) from
// `querier`, which must cover [maxtMs - lookbackMs, maxtMs].
Result<std::string> renderFederation(storage::Querier &querier, const std::vector<std::vector<model::Matcher>> &sets,
                                     int64_t maxtMs, int64_t lookbackMs, const model::Labels &externalLabels);

}  // namespace vigil::web
