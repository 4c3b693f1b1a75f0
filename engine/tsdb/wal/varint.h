// Varint helpers of the WAL record codecs: unsigned LEB128 (as Go's
// binary.PutUvarint) and zigzag-mapped signed varints, plus fixed 32/64-bit
// little-endian integers. Writers need room for kMaxVarintLen bytes; readers
// never read past `end` and return nullptr on truncated or overlong input.
#pragma once

#include <cstdint>
#include <cstring>

namespace vigil::tsdb::wal {

inline constexpr int kMaxVarintLen = 10;

inline char *putUvarint(char *p, uint64_t v)
{
    while (v >= 0x80) {
        *p++ = static_cast<char>(static_cast<uint8_t>(v) | 0x80);
        v >>= 7;
    }
    *p++ = static_cast<char>(v);
    return p;
}

inline uint64_t zigzag(int64_t v)
{
    return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
inline int64_t unzigzag(uint64_t u)
{
    return static_cast<int64_t>(u >> 1) ^ -static_cast<int64_t>(u & 1);
}

inline char *putVarint(char *p, int64_t v)
{
    return putUvarint(p, zigzag(v));
}

inline const char *getUvarint(const char *p, const char *end, uint64_t *out)
{
    uint64_t result = 0;
    for (int shift = 0; shift < 64 && p < end; shift += 7) {
        const uint8_t b = static_cast<uint8_t>(*p++);
        if (shift == 63 && b > 1) return nullptr;  // overflows 64 bits
        result |= static_cast<uint64_t>(b & 0x7f) << shift;
        if (!(b & 0x80)) {
            *out = result;
            return p;
        }
    }
    return nullptr;
}

inline const char *getVarint(const char *p, const char *end, int64_t *out)
{
    uint64_t u;
    p = getUvarint(p, end, &u);
    if (p) *out = unzigzag(u);
    return p;
}

inline void putFixed32(char *p, uint32_t v)
{
    for (int i = 0; i < 4; ++i) p[i] = static_cast<char>(v >> (8 * i));
}

inline uint32_t getFixed32(const char *p)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<uint32_t>(static_cast<uint8_t>(p[i])) << (8 * i);
    return v;
}

inline void putFixed64(char *p, uint64_t v)
{
    for (int i = 0; i < 8; ++i) p[i] = static_cast<char>(v >> (8 * i));
}

inline uint64_t getFixed64(const char *p)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(static_cast<uint8_t>(p[i])) << (8 * i);
    return v;
}

}  // namespace vigil::tsdb::wal
