// RefSample: one sample addressed by head series ref, as the WAL records it.
// Plain value; units: t in int64 milliseconds since the epoch.
#pragma once

#include <cstdint>

namespace vigil::tsdb {

struct RefSample {
    uint64_t ref = 0;
    int64_t t = 0;
    double v = 0;
};

}  // namespace vigil::tsdb
