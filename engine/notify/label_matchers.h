// LabelMatchers: Alertmanager's matcher lists (route `matchers`, inhibit
// rules, silences) and the parser for its matcher syntax.
//
//   parseMatchers("{alertname=\"Foo\", severity=~\"crit.*\"}")
//   parseMatchers("instance!=db1")          // unquoted values are allowed
//
// Regexes are anchored (RE2), as model::Matcher makes them. An absent label
// matches as the empty string. Pure functions; values are thread-safe.
#pragma once

#include "core/status.h"
#include "model/labels.h"
#include "model/matcher.h"

#include <string>
#include <string_view>
#include <vector>

namespace vigil::notify {

using LabelMatchers = std::vector<model::Matcher>;

// One or more comma-separated matchers, optionally in braces. InvalidArgument
// with a message naming the bad part.
Result<LabelMatchers> parseMatchers(std::string_view text);

bool matchesAll(const LabelMatchers &ms, const model::Labels &labels);

// {a="b", c=~"d"} as Alertmanager prints matcher lists.
std::string matchersToString(const LabelMatchers &ms);

}  // namespace vigil::notify
