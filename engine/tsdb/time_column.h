// Timestamp column codec of block files (docs/format/blocks.md): a sorted
// run of int64 ms timestamps as uvarint count, varint first, varint first
// delta, then varint delta-of-deltas. Regular scrapes cost ~1 byte/sample
// before compression and columns are shared by all series of a block that
// were scraped together.
//
// Pure functions; thread-safe. decode returns nullptr on truncated input.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vigil::tsdb::time_column {

void encode(const std::vector<int64_t> &ts, std::string *out);
// Decodes one column starting at p; returns the position after it, or
// nullptr when [p, end) is truncated or malformed.
const char *decode(const char *p, const char *end, std::vector<int64_t> *out);

}  // namespace vigil::tsdb::time_column
