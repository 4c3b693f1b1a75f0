// Block: one persisted, immutable block file (docs/format/blocks.md) opened
// for reading: its meta, its series index (labels, postings) in memory, and
// its compressed sample frames read from the file on demand.
//
// Ownership: always held by shared_ptr; queriers and the series they return
// share it, so a block deleted by retention stays readable until the last
// reader is gone (the file descriptor keeps the data alive).
// Thread safety: immutable after open(); all methods are thread-safe.
// Errors: open() fails with Corruption (bad magic, CRC, format) naming the
// file, IOError when it cannot be read; a frame that fails its CRC during a
// query ends that series' iteration with Corruption (status()).
#pragma once

#include "tsdb/block_meta.h"
#include "tsdb/mem_postings.h"

#include "core/status.h"
#include "model/labels.h"
#include "storage/storage.h"

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace vigil::tsdb {

class Block : public std::enable_shared_from_this<Block> {
public:
    // One series of the block: where its columns are.
    struct SeriesEntry {
        model::Labels labels;
        int64_t minTime = 0, maxTime = 0;
        uint32_t numSamples = 0;
        uint32_t timeColumn = 0;   // index into the block's timestamp columns
        uint32_t frame = 0;        // frame holding the value column
        uint32_t valueOffset = 0;  // offset of the value column in the decompressed frame
        uint32_t valueLength = 0;
    };
    struct Frame {
        uint64_t offset = 0;  // in the file
        uint32_t length = 0;  // compressed bytes
        uint32_t rawLength = 0;
        uint32_t crc = 0;     // CRC-32 of the compressed bytes
    };

    static Result<std::shared_ptr<const Block>> open(const std::string &path);
    ~Block();
    Block(const Block &) = delete;
    Block &operator=(const Block &) = delete;

    const BlockMeta &meta() const { return meta_; }
    const std::string &path() const { return path_; }
    uint64_t fileBytes() const { return fileBytes_; }

    // A querier over [mint, maxt] inclusive; shares this block.
    std::unique_ptr<storage::Querier> querier(int64_t mint, int64_t maxt) const;

    const std::vector<SeriesEntry> &series() const { return series_; }
    const MemPostings &postings() const { return postings_; }  // ids are indices + 1 into series()
    // Decoded timestamps of column `i`.
    const std::vector<int64_t> &timeColumn(uint32_t i) const { return timeColumns_[i]; }
    // The decompressed bytes of frame `i` (cached, shared), or Corruption.
    Result<std::shared_ptr<const std::string>> frame(uint32_t i) const;

private:
    Block() = default;
    Status load();

    std::string path_;
    int fd_ = -1;
    uint64_t fileBytes_ = 0;
    BlockMeta meta_;
    std::vector<SeriesEntry> series_;  // sorted by labels
    std::vector<std::vector<int64_t>> timeColumns_;
    std::vector<Frame> frames_;
    MemPostings postings_;

    // A small cache of decompressed frames (most recent first).
    mutable std::mutex cacheMu_;
    mutable std::vector<std::pair<uint32_t, std::shared_ptr<const std::string>>> cache_;  // guarded by cacheMu_
};

}  // namespace vigil::tsdb
