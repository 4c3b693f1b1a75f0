// Samples and the staleness marker.
//
// A sample is a timestamp in int64 milliseconds since the Unix epoch and a
// double value. Prometheus marks a series stale by writing a special NaN whose
// bit pattern is 0x7ff0000000000002; it must survive storage bit-exactly, so
// never compare values with == where a NaN may appear: use isStaleNaN().
#pragma once

#include <bit>
#include <cstdint>

namespace vigil::model {

inline constexpr uint64_t kStaleNaNBits = 0x7ff0000000000002ULL;

inline double staleNaN() { return std::bit_cast<double>(kStaleNaNBits); }
inline bool isStaleNaN(double v) { return std::bit_cast<uint64_t>(v) == kStaleNaNBits; }

struct Sample {
    int64_t t = 0;  // milliseconds since epoch
    double v = 0;
};

}  // namespace vigil::model
