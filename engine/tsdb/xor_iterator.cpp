#include "tsdb/xor_iterator.h"

#include "tsdb/xor_chunk.h"

#include <bit>

namespace vigil::tsdb {

namespace {

bool readUvarint(BStreamReader &r, uint64_t *out)
{
    uint64_t x = 0;
    for (int shift = 0; shift < 70; shift += 7) {
        uint8_t b;
        if (!r.readByte(&b)) return false;
        if (shift == 63 && b > 1) return false;  // overflows 64 bits
        x |= uint64_t(b & 0x7f) << shift;
        if (b < 0x80) {
            *out = x;
            return true;
        }
    }
    return false;
}

bool readVarint(BStreamReader &r, int64_t *out)
{
    uint64_t ux;
    if (!readUvarint(r, &ux)) return false;
    int64_t x = int64_t(ux >> 1);
    if (ux & 1) x = ~x;
    *out = x;
    return true;
}

}  // namespace

XorIterator::XorIterator(const uint8_t *data, size_t len)
{
    if (len == 0) {
        done_ = true;
        return;
    }
    if (len < XorChunk::kHeaderBytes) {
        status_ = Status::corruption("xor chunk: shorter than its header");
        done_ = true;
        return;
    }
    total_ = (uint32_t(data[0]) << 8) | data[1];
    r_ = BStreamReader(data, len, XorChunk::kHeaderBytes);
}

double XorIterator::v() const { return std::bit_cast<double>(vBits_); }

bool XorIterator::fail()
{
    status_ = Status::corruption("xor chunk: truncated or malformed at bit " +
                                 std::to_string(r_.bitPosition()));
    done_ = true;
    return false;
}

bool XorIterator::next()
{
    if (done_) return false;
    if (read_ >= total_) {
        done_ = true;
        return false;
    }
    if (read_ == 0) {
        int64_t t;
        uint64_t bits;
        if (!readVarint(r_, &t) || !r_.readBits(64, &bits)) return fail();
        t_ = t;
        vBits_ = bits;
        ++read_;
        return true;
    }
    if (read_ == 1) {
        uint64_t delta;
        if (!readUvarint(r_, &delta)) return fail();
        tDelta_ = delta;
        t_ = int64_t(uint64_t(t_) + delta);
        if (!readValue()) return fail();
        ++read_;
        return true;
    }
    // Delta-of-delta prefix: up to four 1 bits terminated by a 0.
    int ones = 0;
    while (ones < 4) {
        bool bit;
        if (!r_.readBit(&bit)) return fail();
        if (!bit) break;
        ++ones;
    }
    int64_t dod = 0;
    static constexpr int kSizes[5] = {0, 14, 17, 20, 64};
    const int sz = kSizes[ones];
    if (sz == 64) {
        uint64_t bits;
        if (!r_.readBits(64, &bits)) return fail();
        dod = int64_t(bits);
    } else if (sz != 0) {
        uint64_t bits;
        if (!r_.readBits(sz, &bits)) return fail();
        if (bits > (uint64_t{1} << (sz - 1))) bits -= uint64_t{1} << sz;  // sign-extend
        dod = int64_t(bits);
    }
    tDelta_ = tDelta_ + uint64_t(dod);
    t_ = int64_t(uint64_t(t_) + tDelta_);
    if (!readValue()) return fail();
    ++read_;
    return true;
}

bool XorIterator::readValue()
{
    bool bit;
    if (!r_.readBit(&bit)) return false;
    if (!bit) return true;  // same value
    if (!r_.readBit(&bit)) return false;
    if (bit) {
        uint64_t lead, sig;
        if (!r_.readBits(5, &lead) || !r_.readBits(6, &sig)) return false;
        if (sig == 0) sig = 64;
        if (lead + sig > 64) return false;
        leading_ = uint8_t(lead);
        trailing_ = uint8_t(64 - lead - sig);
    }
    const int sig = 64 - leading_ - trailing_;
    uint64_t bits;
    if (!r_.readBits(sig, &bits)) return false;
    vBits_ ^= bits << trailing_;
    return true;
}

bool XorIterator::seek(int64_t t)
{
    if (read_ > 0 && !done_ && t_ >= t) return true;
    while (next()) {
        if (t_ >= t) return true;
    }
    return false;
}

}  // namespace vigil::tsdb
