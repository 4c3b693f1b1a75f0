// ClosedChunk: an immutable, shared, in-memory XOR chunk with its time range.
//
// The bytes are a complete XorChunk encoding (docs/format/chunks.md) and are
// never modified once a ClosedChunk exists, so copies may be handed to any
// number of readers on any thread; the buffer lives as long as the last copy.
// A later persistence layer takes these (Head::closedChunksBefore) and writes
// them out without re-encoding.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

namespace vigil::tsdb {

struct ClosedChunk {
    int64_t minTime = 0;  // first sample's timestamp (ms)
    int64_t maxTime = 0;  // last sample's timestamp (ms)
    std::shared_ptr<const uint8_t[]> data;
    uint32_t size = 0;        // bytes in data
    uint32_t numSamples = 0;

    // Copies `len` bytes into a new shared buffer (one allocation).
    static ClosedChunk copyOf(int64_t mint, int64_t maxt, uint32_t numSamples,
                              const uint8_t *bytes, size_t len)
    {
        ClosedChunk c;
        c.minTime = mint;
        c.maxTime = maxt;
        c.numSamples = numSamples;
        c.size = uint32_t(len);
        std::shared_ptr<uint8_t[]> buf = std::make_shared_for_overwrite<uint8_t[]>(len);
        if (len > 0) std::memcpy(buf.get(), bytes, len);
        c.data = std::move(buf);
        return c;
    }

    bool overlaps(int64_t mint, int64_t maxt) const { return minTime <= maxt && maxTime >= mint; }
};

}  // namespace vigil::tsdb
