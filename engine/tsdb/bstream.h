// BStream: an append-only bit stream, the writing half of the chunk encoding.
//
// Bits are written most significant first into a byte vector: the first bit
// written is bit 7 of byte 0. The stream may start with caller-provided bytes
// (the chunk header); writing continues after them.
//
// Ownership: owns its buffer. Thread safety: none; external synchronisation.
// Errors: none; growth is the only allocation (amortised, never per bit).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace vigil::tsdb {

class BStream {
public:
    BStream() = default;
    // Starts with `prefixBytes` zero bytes (e.g. a header filled in later),
    // byte-aligned.
    explicit BStream(size_t prefixBytes) : buf_(prefixBytes, 0) {}

    void reserve(size_t bytes) { buf_.reserve(bytes); }

    void writeBit(bool bit)
    {
        if (free_ == 0) {
            buf_.push_back(0);
            free_ = 8;
        }
        --free_;
        if (bit) buf_.back() |= uint8_t(1u << free_);
    }

    // Writes the low `nbits` bits of `value` (0 <= nbits <= 64), MSB first.
    void writeBits(uint64_t value, int nbits);

    void writeByte(uint8_t b) { writeBits(b, 8); }

    const uint8_t *data() const { return buf_.data(); }
    uint8_t *mutableData() { return buf_.data(); }
    size_t size() const { return buf_.size(); }
    size_t capacity() const { return buf_.capacity(); }
    // Total bits written including any prefix bytes.
    size_t bitCount() const { return buf_.size() * 8 - free_; }

    // Releases the buffer; the stream becomes empty.
    std::vector<uint8_t> take();
    // Empties the stream and frees its memory.
    void clear();
    // Empties the stream, keeping its capacity, then writes `prefixBytes`
    // zero bytes.
    void reset(size_t prefixBytes)
    {
        buf_.assign(prefixBytes, 0);
        free_ = 0;
    }

private:
    std::vector<uint8_t> buf_;
    uint8_t free_ = 0;  // unused low bits in buf_.back()
};

}  // namespace vigil::tsdb
