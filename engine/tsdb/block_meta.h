// BlockMeta: what a persisted block covers. Plain value, stored in the block
// file's footer (docs/format/blocks.md).
#pragma once

#include <cstdint>
#include <vector>

namespace vigil::tsdb {

struct BlockMeta {
    enum class Source : uint8_t { Head = 1, Import = 2 };

    int64_t minTime = 0;  // first sample (ms), inclusive
    int64_t maxTime = 0;  // last sample (ms), inclusive
    uint64_t numSeries = 0;
    uint64_t numSamples = 0;
    uint64_t seq = 0;     // creation order within the database (file name)
    Source source = Source::Head;
    // Sequence numbers of the blocks this one was compacted from: once this
    // block exists they are obsolete (Db::open deletes leftovers).
    std::vector<uint64_t> parents;
};

}  // namespace vigil::tsdb
