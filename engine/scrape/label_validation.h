// Label name and value checks shared by the configuration, relabeling and
// target code, with Prometheus's rules (model.LabelName.IsValid and
// model.LabelValue.IsValid). Pure functions; thread-safe.
#pragma once

#include <string_view>

namespace vigil::scrape {

// [a-zA-Z_][a-zA-Z0-9_]*
bool isValidLabelName(std::string_view name);
// Valid UTF-8 (the empty string is valid).
bool isValidLabelValue(std::string_view value);
// The number of UTF-8 code points (for label length limits, counted in
// characters as Prometheus counts them with utf8.RuneCountInString).
size_t utf8Length(std::string_view s);

}  // namespace vigil::scrape
