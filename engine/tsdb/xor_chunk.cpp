#include "tsdb/xor_chunk.h"

#include <bit>
#include <cassert>

namespace vigil::tsdb {

namespace {

// True when x fits the nbits-wide dod bucket as the format defines it:
// -(2^(nbits-1) - 1) <= x <= 2^(nbits-1). (The most negative two's-complement
// value is excluded because the reader maps it to +2^(nbits-1).)
inline bool fitsBucket(int64_t x, int nbits)
{
    const int64_t half = int64_t{1} << (nbits - 1);
    return -(half - 1) <= x && x <= half;
}

inline void writeUvarint(BStream &s, uint64_t x)
{
    while (x >= 0x80) {
        s.writeByte(uint8_t(x) | 0x80);
        x >>= 7;
    }
    s.writeByte(uint8_t(x));
}

inline void writeVarint(BStream &s, int64_t x)
{
    uint64_t ux = uint64_t(x) << 1;
    if (x < 0) ux = ~ux;
    writeUvarint(s, ux);
}

}  // namespace

void XorChunk::append(int64_t t, double v)
{
    assert(n_ < kMaxSamples);
    const uint64_t bits = std::bit_cast<uint64_t>(v);
    if (n_ == 0) {
        stream_.reset(kHeaderBytes);
        if (stream_.capacity() < kInitialCapacity) stream_.reserve(kInitialCapacity);
        writeVarint(stream_, t);
        stream_.writeBits(bits, 64);
        firstT_ = t;
    } else if (n_ == 1) {
        tDelta_ = uint64_t(t) - uint64_t(t_);
        writeUvarint(stream_, tDelta_);
        writeValue(bits);
    } else {
        const uint64_t delta = uint64_t(t) - uint64_t(t_);
        const int64_t dod = int64_t(delta - tDelta_);
        if (dod == 0) {
            stream_.writeBit(false);
        } else if (fitsBucket(dod, 14)) {
            stream_.writeBits(0b10, 2);
            stream_.writeBits(uint64_t(dod), 14);
        } else if (fitsBucket(dod, 17)) {
            stream_.writeBits(0b110, 3);
            stream_.writeBits(uint64_t(dod), 17);
        } else if (fitsBucket(dod, 20)) {
            stream_.writeBits(0b1110, 4);
            stream_.writeBits(uint64_t(dod), 20);
        } else {
            stream_.writeBits(0b1111, 4);
            stream_.writeBits(uint64_t(dod), 64);
        }
        tDelta_ = delta;
        writeValue(bits);
    }
    t_ = t;
    vBits_ = bits;
    ++n_;
    uint8_t *hdr = stream_.mutableData();
    hdr[0] = uint8_t(n_ >> 8);
    hdr[1] = uint8_t(n_);
}

void XorChunk::writeValue(uint64_t bits)
{
    const uint64_t delta = bits ^ vBits_;
    if (delta == 0) {
        stream_.writeBit(false);
        return;
    }
    stream_.writeBit(true);
    uint8_t leading = uint8_t(std::countl_zero(delta));
    const uint8_t trailing = uint8_t(std::countr_zero(delta));
    if (leading >= 32) leading = 31;  // 5-bit field
    if (leading_ != 0xff && leading >= leading_ && trailing >= trailing_) {
        stream_.writeBit(false);
        stream_.writeBits(delta >> trailing_, 64 - leading_ - trailing_);
        return;
    }
    leading_ = leading;
    trailing_ = trailing;
    const int sig = 64 - leading - trailing;
    stream_.writeBit(true);
    stream_.writeBits(leading, 5);
    stream_.writeBits(uint64_t(sig), 6);  // 64 wraps to 0
    stream_.writeBits(delta >> trailing, sig);
}

std::vector<uint8_t> XorChunk::take()
{
    std::vector<uint8_t> out = stream_.take();
    clear();
    return out;
}

void XorChunk::clear()
{
    stream_.clear();
    restart();
}

void XorChunk::restart()
{
    stream_.reset(0);
    firstT_ = t_ = 0;
    tDelta_ = vBits_ = 0;
    n_ = 0;
    leading_ = 0xff;
    trailing_ = 0;
}

}  // namespace vigil::tsdb
