#include "tsdb/bstream.h"

#include <algorithm>

namespace vigil::tsdb {

void BStream::writeBits(uint64_t value, int nbits)
{
    if (nbits <= 0) return;
    if (nbits < 64) value &= (uint64_t{1} << nbits) - 1;
    // Top up the partly written last byte.
    if (free_ > 0) {
        const int take = std::min<int>(nbits, free_);
        nbits -= take;
        buf_.back() |= uint8_t((value >> nbits) << (free_ - take));
        free_ = uint8_t(free_ - take);
        if (nbits == 0) return;
    }
    // Whole bytes, then the high part of a last partial byte.
    const size_t old = buf_.size();
    buf_.resize(old + size_t((nbits + 7) / 8));
    uint8_t *p = buf_.data() + old;
    while (nbits >= 8) {
        nbits -= 8;
        *p++ = uint8_t(value >> nbits);
    }
    if (nbits > 0) {
        *p = uint8_t(value << (8 - nbits));
        free_ = uint8_t(8 - nbits);
    }
}

std::vector<uint8_t> BStream::take()
{
    std::vector<uint8_t> out;
    out.swap(buf_);
    free_ = 0;
    return out;
}

void BStream::clear()
{
    std::vector<uint8_t>().swap(buf_);
    free_ = 0;
}

}  // namespace vigil::tsdb
