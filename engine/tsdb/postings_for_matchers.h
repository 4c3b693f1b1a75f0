// postingsForMatchers: the refs of series whose labels satisfy every matcher,
// with Prometheus's semantics: an absent label has the value "", so a matcher
// that matches "" also selects series lacking the label ({foo=""},
// {foo!="bar"}, {foo=~"x|"}).
//
// Strategy: a matcher that does not match "" contributes the union of the
// lists of the values it matches (=, and =~ with a literal alternation, by
// direct lookup; others by scanning the label's values); a matcher that
// matches "" contributes the values it does NOT match, which are subtracted
// at the end (so != and !~ are subtractions). With only subtractions the
// start set is all series.
//
// Thread safety: as MemPostings (reads only). An empty matcher list yields
// all series.
#pragma once

#include "tsdb/mem_postings.h"

#include "model/matcher.h"

#include <vector>

namespace vigil::tsdb {

postings::List postingsForMatchers(const MemPostings &index, const std::vector<model::Matcher> &matchers);

}  // namespace vigil::tsdb
