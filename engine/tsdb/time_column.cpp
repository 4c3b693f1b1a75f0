#include "tsdb/time_column.h"

#include "tsdb/wal/varint.h"

namespace vigil::tsdb::time_column {

using wal::getUvarint;
using wal::getVarint;
using wal::putUvarint;
using wal::putVarint;

void encode(const std::vector<int64_t> &ts, std::string *out)
{
    char buf[wal::kMaxVarintLen];
    out->append(buf, putUvarint(buf, ts.size()));
    int64_t prev = 0, prevDelta = 0;
    for (size_t i = 0; i < ts.size(); ++i) {
        // Arithmetic modulo 2^64, so any int64 sequence round-trips.
        if (i == 0) {
            out->append(buf, putVarint(buf, ts[0]));
        } else {
            const int64_t delta = int64_t(uint64_t(ts[i]) - uint64_t(prev));
            const int64_t v = i == 1 ? delta : int64_t(uint64_t(delta) - uint64_t(prevDelta));
            out->append(buf, putVarint(buf, v));
            prevDelta = delta;
        }
        prev = ts[i];
    }
}

const char *decode(const char *p, const char *end, std::vector<int64_t> *out)
{
    uint64_t n = 0;
    p = getUvarint(p, end, &n);
    if (!p || n > uint64_t(end - p)) return nullptr;  // at least one byte per timestamp
    out->clear();
    out->reserve(n);
    int64_t prev = 0, delta = 0;
    for (uint64_t i = 0; i < n; ++i) {
        int64_t v = 0;
        p = getVarint(p, end, &v);
        if (!p) return nullptr;
        if (i == 0) {
            prev = v;
        } else {
            delta = i == 1 ? v : int64_t(uint64_t(delta) + uint64_t(v));
            prev = int64_t(uint64_t(prev) + uint64_t(delta));
        }
        out->push_back(prev);
    }
    return p;
}

}  // namespace vigil::tsdb::time_column
