// XorChunk: a growing Gorilla-compressed chunk of (timestamp, value) samples,
// byte-compatible with Prometheus's chunkenc XOR chunk. The byte format is
// documented in docs/format/chunks.md.
//
// Contract:
//  - Samples must be appended in non-decreasing timestamp order (equal
//    timestamps are encoded faithfully); the caller (MemSeries) enforces it.
//    Timestamps are int64 milliseconds, any value including negative.
//  - Values round-trip bit-exactly (all NaN payloads, ±Inf, denormals).
//  - At most kMaxSamples samples (the header is 16 bits); append() beyond
//    that is a caller bug (asserts).
//  - bytes() are a complete chunk after every append: copying them yields a
//    chunk any XorIterator can read.
//
// Ownership: owns its byte buffer. Thread safety: none; MemSeries guards it.
// Errors: none (no allocation per sample beyond amortised buffer growth).
#pragma once

#include "tsdb/bstream.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace vigil::tsdb {

class XorChunk {
public:
    static constexpr size_t kHeaderBytes = 2;
    static constexpr uint32_t kMaxSamples = 0xffff;

    XorChunk() = default;

    void append(int64_t t, double v);

    uint32_t numSamples() const { return n_; }
    bool empty() const { return n_ == 0; }
    // Valid when !empty().
    int64_t minTime() const { return firstT_; }
    int64_t maxTime() const { return t_; }
    uint64_t lastValueBits() const { return vBits_; }

    // The encoded chunk (header + bit stream); empty() chunks have size 0.
    const uint8_t *data() const { return stream_.data(); }
    size_t size() const { return stream_.size(); }

    // Hands out the encoded bytes and resets to an empty chunk.
    std::vector<uint8_t> take();
    // Resets to an empty chunk and frees the buffer.
    void clear();
    // Resets to an empty chunk but keeps the buffer's capacity for reuse.
    void restart();

    // Bytes reserved for a fresh chunk's buffer (a 120-sample chunk of
    // typical data fits without regrowing more than once).
    static constexpr size_t kInitialCapacity = 128;

private:
    void writeValue(uint64_t bits);

    BStream stream_;
    int64_t firstT_ = 0;
    int64_t t_ = 0;
    uint64_t tDelta_ = 0;
    uint64_t vBits_ = 0;
    uint32_t n_ = 0;
    uint8_t leading_ = 0xff;  // 0xff: no previous leading/trailing window
    uint8_t trailing_ = 0;
};

}  // namespace vigil::tsdb
