// Relabeling: applies relabel_configs / metric_relabel_configs to a label set
// as Prometheus's relabel.Process does.
//
//   model::LabelsBuilder lb(labels);
//   if (!relabel(&lb, cfg.relabelConfigs)) { /* dropped */ }
//
// Semantics per action (source value = values of source_labels joined by
// separator, a missing label being ""):
//   replace    if regex matches the value, target_label (expanded) is set to
//              the expanded replacement; an empty replacement or an invalid
//              expanded name deletes target_label as written
//   keep/drop  drop the set unless / if regex matches the value
//   keepequal/dropequal  drop unless / if the value equals target_label's
//   hashmod    target_label = (last 8 bytes of MD5(value), big endian) % modulus
//   labelmap   each label whose name matches is copied to the expanded name
//   labeldrop/labelkeep  remove labels whose name matches / does not match
//   lowercase/uppercase  target_label = case-mapped value (Unicode)
// Regexes are anchored at both ends; expansion follows Go's Regexp.Expand.
//
// Thread safety: pure functions over caller-owned values.
#pragma once

#include "model/labels.h"
#include "scrape/relabel_config.h"

#include <span>

namespace vigil::scrape {

// Applies `cfgs` in order to `lb`. Returns false when the set is dropped (lb
// is then unspecified).
bool relabel(model::LabelsBuilder *lb, std::span<const RelabelConfig> cfgs);

// Convenience: the relabeled set, or an empty Labels when dropped.
model::Labels relabel(const model::Labels &labels, std::span<const RelabelConfig> cfgs);

}  // namespace vigil::scrape
