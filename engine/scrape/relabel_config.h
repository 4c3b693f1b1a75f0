// RelabelConfig: one entry of relabel_configs / metric_relabel_configs, with
// Prometheus's defaults (action replace, separator ";", regex "(.*)",
// replacement "$1") and its validation rules.
//
// A plain value (the compiled regex is shared between copies); thread-safe to
// read concurrently.
#pragma once

#include "core/status.h"
#include "scrape/relabel_regex.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::scrape {

enum class RelabelAction {
    Replace,
    Keep,
    Drop,
    KeepEqual,
    DropEqual,
    HashMod,
    LabelMap,
    LabelDrop,
    LabelKeep,
    Lowercase,
    Uppercase,
};

// The configuration spelling ("replace", "keepequal", ...).
std::string_view relabelActionName(RelabelAction a);
// Case-insensitive, as Prometheus; nullopt for an unknown action.
std::optional<RelabelAction> parseRelabelAction(std::string_view s);

struct RelabelConfig {
    std::vector<std::string> sourceLabels;
    std::string separator = ";";
    RelabelRegex regex;  // "(.*)"
    uint64_t modulus = 0;
    std::string targetLabel;
    std::string replacement = "$1";
    RelabelAction action = RelabelAction::Replace;

    // Prometheus's relabel.Config checks: required target_label / modulus,
    // valid target labels and replacements, fields that an action forbids.
    // InvalidArgument with Prometheus's wording.
    Status validate() const;

    friend bool operator==(const RelabelConfig &, const RelabelConfig &) = default;
};

}  // namespace vigil::scrape
