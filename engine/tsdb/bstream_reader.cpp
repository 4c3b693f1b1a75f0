#include "tsdb/bstream_reader.h"

#include <algorithm>

namespace vigil::tsdb {

bool BStreamReader::readBits(int nbits, uint64_t *out)
{
    if (pos_ + size_t(nbits) > bitLen_) {
        pos_ = bitLen_;
        return false;
    }
    uint64_t result = 0;
    while (nbits > 0) {
        const int off = int(pos_ & 7);
        const int avail = 8 - off;
        const int take = std::min(avail, nbits);
        const uint64_t b = data_[pos_ >> 3];
        result = (result << take) | ((b >> (avail - take)) & ((uint64_t{1} << take) - 1));
        pos_ += size_t(take);
        nbits -= take;
    }
    *out = result;
    return true;
}

}  // namespace vigil::tsdb
