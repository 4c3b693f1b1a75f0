// Value column codec of block files (docs/format/blocks.md). Values
// round-trip bit-exactly (every NaN payload incl. the staleness marker, -0,
// ±Inf). The encoder picks the smallest of:
//   constant  — all values have the same bits: 8 bytes;
//   decimal   — every value is m / 10^k for one k in 0..18 and integers
//               |m| < 2^53 (counters, gauges parsed from text): m as
//               varint deltas or delta-of-deltas divided by their common
//               divisor (e.g. 4096 for page-granular memory gauges);
//   raw       — each value's bits XOR the previous value's bits, 8 bytes LE
//               (zeros where values repeat; the frame compressor squeezes
//               those).
// Pure functions; thread-safe.
#pragma once

#include "core/status.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vigil::tsdb::value_column {

void encode(const std::vector<double> &values, std::string *out);
// Decodes exactly `n` values from [p, end); Corruption on malformed input.
Status decode(const char *p, const char *end, size_t n, std::vector<double> *out);

}  // namespace vigil::tsdb::value_column
