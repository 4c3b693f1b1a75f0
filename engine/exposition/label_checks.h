// Helpers over the parsed label list shared by both parsers. Pure functions;
// `scratch` is a caller-owned buffer reused to avoid allocation.
#pragma once

#include "exposition/parser.h"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace vigil::exposition {

// The second occurrence of a repeated label name, or nullptr.
const LabelRef *findDuplicateLabel(std::span<const LabelRef> labels, std::vector<std::string_view> *scratch);

// The label named `name`, or nullptr.
const LabelRef *findLabel(std::span<const LabelRef> labels, std::string_view name);

// Hash of all (name, value) pairs except the one named `except`, in order.
uint64_t hashLabelsExcept(std::span<const LabelRef> labels, std::string_view except);

}  // namespace vigil::exposition
