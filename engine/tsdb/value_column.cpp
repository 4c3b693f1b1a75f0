#include "tsdb/value_column.h"

#include "tsdb/wal/varint.h"

#include <bit>
#include <cmath>
#include <numeric>

namespace vigil::tsdb::value_column {

namespace {

enum Kind : uint8_t { kRaw = 0, kConstant = 1, kDecimal = 2 };

constexpr int kMaxScale = 18;
constexpr double kMaxExact = 9007199254740992.0;  // 2^53

constexpr double kPow10[kMaxScale + 1] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8, 1e9,
                                          1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18};

double fromDecimal(int64_t m, int k) { return k == 0 ? double(m) : double(m) / kPow10[k]; }

// m with fromDecimal(m, k) bit-identical to v, if |m| < 2^53.
bool toDecimal(double v, int k, int64_t *m)
{
    const double x = v * kPow10[k];
    if (!(std::fabs(x) < kMaxExact)) return false;  // also NaN, Inf
    *m = std::llround(x);
    return std::bit_cast<uint64_t>(fromDecimal(*m, k)) == std::bit_cast<uint64_t>(v);
}

// The smallest scale at which v is exact, or -1.
int minScale(double v)
{
    int64_t m;
    for (int k = 0; k <= kMaxScale; ++k) {
        if (std::fabs(v * kPow10[k]) >= kMaxExact) return -1;
        if (toDecimal(v, k, &m)) return k;
    }
    return -1;
}

int varintLen(int64_t v)
{
    uint64_t u = wal::zigzag(v);
    int n = 1;
    while (u >= 0x80) {
        u >>= 7;
        ++n;
    }
    return n;
}

void putVarint(std::string *out, int64_t v)
{
    char buf[wal::kMaxVarintLen];
    out->append(buf, wal::putVarint(buf, v));
}

void putUvarint(std::string *out, uint64_t v)
{
    char buf[wal::kMaxVarintLen];
    out->append(buf, wal::putUvarint(buf, v));
}

void encodeRaw(const std::vector<double> &values, std::string *out)
{
    out->push_back(char(kRaw));
    uint64_t prev = 0;
    char buf[8];
    for (double v : values) {
        const uint64_t b = std::bit_cast<uint64_t>(v);
        wal::putFixed64(buf, b ^ prev);
        out->append(buf, 8);
        prev = b;
    }
}

}  // namespace

void encode(const std::vector<double> &values, std::string *out)
{
    const size_t n = values.size();
    if (n == 0) return encodeRaw(values, out);
    const uint64_t first = std::bit_cast<uint64_t>(values[0]);
    bool constant = true;
    for (double v : values) constant = constant && std::bit_cast<uint64_t>(v) == first;
    if (constant) {
        out->push_back(char(kConstant));
        char buf[8];
        wal::putFixed64(buf, first);
        out->append(buf, 8);
        return;
    }
    // Decimal: one scale for the column, the largest any value needs.
    int scale = 0;
    for (double v : values) {
        const int k = minScale(v);
        if (k < 0) return encodeRaw(values, out);
        scale = std::max(scale, k);
    }
    std::vector<int64_t> m(n);
    for (size_t i = 0; i < n; ++i) {
        if (!toDecimal(values[i], scale, &m[i])) return encodeRaw(values, out);
    }
    // Deltas (|m| < 2^53, so no overflow) and their common divisor.
    uint64_t g = 0;
    for (size_t i = 1; i < n; ++i) {
        const int64_t d = m[i] - m[i - 1];
        g = std::gcd(g, uint64_t(d < 0 ? -d : d));
    }
    if (g == 0) g = 1;
    size_t size1 = 0, size2 = 0;
    for (size_t i = 1; i < n; ++i) {
        const int64_t d = (m[i] - m[i - 1]) / int64_t(g);
        size1 += varintLen(d);
        size2 += varintLen(i == 1 ? d : d - (m[i - 1] - m[i - 2]) / int64_t(g));
    }
    const int order = size2 < size1 ? 2 : 1;
    out->push_back(char(kDecimal));
    out->push_back(char(scale));
    out->push_back(char(order));
    putVarint(out, m[0]);
    putUvarint(out, g);
    int64_t prevD = 0;
    for (size_t i = 1; i < n; ++i) {
        const int64_t d = (m[i] - m[i - 1]) / int64_t(g);
        putVarint(out, order == 2 && i > 1 ? d - prevD : d);
        prevD = d;
    }
}

Status decode(const char *p, const char *end, size_t n, std::vector<double> *out)
{
    out->clear();
    if (p >= end) return Status::corruption("empty value column");
    const uint8_t kind = uint8_t(*p++);
    switch (kind) {
    case kRaw: {
        if (size_t(end - p) < n * 8) return Status::corruption("truncated raw value column");
        out->reserve(n);
        uint64_t prev = 0;
        for (size_t i = 0; i < n; ++i, p += 8) {
            prev ^= wal::getFixed64(p);
            out->push_back(std::bit_cast<double>(prev));
        }
        return Status::ok();
    }
    case kConstant:
        if (end - p < 8) return Status::corruption("truncated constant value column");
        out->assign(n, std::bit_cast<double>(wal::getFixed64(p)));
        return Status::ok();
    case kDecimal: {
        if (end - p < 2) return Status::corruption("truncated decimal value column");
        const int scale = uint8_t(*p++);
        const int order = uint8_t(*p++);
        if (scale > kMaxScale || (order != 1 && order != 2))
            return Status::corruption("bad decimal value column header");
        int64_t m = 0;
        uint64_t g = 0;
        p = wal::getVarint(p, end, &m);
        if (p) p = wal::getUvarint(p, end, &g);
        if (!p || g == 0) return Status::corruption("truncated decimal value column");
        out->reserve(n);
        if (n > 0) out->push_back(fromDecimal(m, scale));
        int64_t d = 0;
        for (size_t i = 1; i < n; ++i) {
            int64_t x = 0;
            p = wal::getVarint(p, end, &x);
            if (!p) return Status::corruption("truncated decimal value column");
            d = order == 2 && i > 1 ? int64_t(uint64_t(d) + uint64_t(x)) : x;
            m = int64_t(uint64_t(m) + uint64_t(d) * g);
            out->push_back(fromDecimal(m, scale));
        }
        return Status::ok();
    }
    default:
        return Status::corruption("unknown value column kind " + std::to_string(kind));
    }
}

}  // namespace vigil::tsdb::value_column
