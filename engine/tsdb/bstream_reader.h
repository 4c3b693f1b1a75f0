// BStreamReader: reads bits written by BStream, most significant first.
//
// Ownership: does not own the bytes; they must outlive the reader and not
// change while it is used. Thread safety: none (one reader per thread; many
// readers may share the same immutable bytes).
// Errors: a read past the end returns false and leaves the output unset; the
// reader stays at the end.
#pragma once

#include <cstddef>
#include <cstdint>

namespace vigil::tsdb {

class BStreamReader {
public:
    BStreamReader() = default;
    // Reads data[startByte .. len).
    BStreamReader(const uint8_t *data, size_t len, size_t startByte = 0)
        : data_(data), bitLen_(len * 8), pos_(startByte * 8)
    {
    }

    bool readBit(bool *bit)
    {
        if (pos_ >= bitLen_) return false;
        *bit = (data_[pos_ >> 3] >> (7 - (pos_ & 7))) & 1u;
        ++pos_;
        return true;
    }

    // Reads `nbits` (0..64) bits into the low bits of *out.
    bool readBits(int nbits, uint64_t *out);

    bool readByte(uint8_t *out)
    {
        uint64_t v;
        if (!readBits(8, &v)) return false;
        *out = uint8_t(v);
        return true;
    }

    size_t bitPosition() const { return pos_; }

private:
    const uint8_t *data_ = nullptr;
    size_t bitLen_ = 0;
    size_t pos_ = 0;
};

}  // namespace vigil::tsdb
