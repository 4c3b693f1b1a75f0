// XorIterator: decodes a chunk produced by XorChunk (or by Prometheus).
//
// Ownership: does not own the bytes; they must stay alive and unchanged while
// the iterator is used. Thread safety: one iterator per thread; any number of
// iterators may read the same bytes concurrently.
// Errors: truncated or malformed input stops iteration; next()/seek() return
// false and status() is Corruption. An empty buffer is an empty chunk.
#pragma once

#include "core/status.h"

#include <cstddef>
#include <cstdint>

#include "tsdb/bstream_reader.h"

namespace vigil::tsdb {

class XorIterator {
public:
    XorIterator() = default;
    XorIterator(const uint8_t *data, size_t len);

    // Advances to the next sample; false at the end or on corruption.
    bool next();
    // Advances to the first sample with timestamp >= t; does not move when
    // the current sample already qualifies. False when there is none.
    bool seek(int64_t t);

    // The current sample; valid after next()/seek() returned true.
    int64_t t() const { return t_; }
    double v() const;
    uint64_t vBits() const { return vBits_; }

    uint32_t numSamples() const { return total_; }
    const Status &status() const { return status_; }

private:
    bool fail();
    bool readValue();

    BStreamReader r_;
    Status status_;
    int64_t t_ = 0;
    uint64_t tDelta_ = 0;
    uint64_t vBits_ = 0;
    uint32_t total_ = 0;
    uint32_t read_ = 0;  // samples decoded so far
    uint8_t leading_ = 0;
    uint8_t trailing_ = 0;
    bool done_ = false;
};

}  // namespace vigil::tsdb
