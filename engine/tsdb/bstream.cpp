#include "tsdb/bstream.h"

#include <algorithm>

namespace vigil::tsdb {

void BStream::writeBits(uint64_t value, int nbits)
{
    if (nbits < 64) value &= (uint64_t{1} << nbits) - 1;
    while (nbits > 0) {
        if (free_ == 0) {
            buf_.push_back(0);
            free_ = 8;
        }
        const int take = std::min<int>(nbits, free_);
        const uint64_t bits = (value >> (nbits - take)) & ((uint64_t{1} << take) - 1);
        buf_.back() |= uint8_t(bits << (free_ - take));
        free_ = uint8_t(free_ - take);
        nbits -= take;
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
