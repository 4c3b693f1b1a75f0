// BlockWriter: writes one immutable block file (docs/format/blocks.md).
//
//   auto w = BlockWriter::create(path, seq, source);
//   w->addSeries(labels, timestamps, values);   // in increasing label order
//   auto meta = w->finish();                     // fsync, rename into place
//
// Data goes to `path + ".tmp"` as series are added (memory holds one frame
// and the index); finish() writes the index and footer, fsyncs, renames the
// file to `path` and fsyncs the directory, so a crash leaves either no block
// or a complete one (plus a .tmp that Db::open removes). A writer destroyed
// without finish() removes its .tmp file. A block with no series writes no
// file (finish() returns meta with numSeries == 0).
//
// Errors: InvalidArgument for out-of-order series or samples, IOError /
// ResourceExhausted from the file system. Thread safety: none (one thread).
#pragma once

#include "tsdb/block_meta.h"

#include "core/status.h"
#include "model/labels.h"

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace vigil::tsdb {

class BlockWriter {
public:
    // zlibLevel: 1 (fast) .. 9 (small).
    static Result<std::unique_ptr<BlockWriter>> create(const std::string &path, uint64_t seq,
                                                       BlockMeta::Source source, int zlibLevel = 6);
    ~BlockWriter();
    BlockWriter(const BlockWriter &) = delete;
    BlockWriter &operator=(const BlockWriter &) = delete;

    // Adds one series: labels strictly greater than the previous series',
    // timestamps strictly increasing, same length as values, non-empty.
    Status addSeries(const model::Labels &labels, const std::vector<int64_t> &timestamps,
                     const std::vector<double> &values);
    Result<BlockMeta> finish();

    uint64_t numSamples() const { return meta_.numSamples; }
    // Records the blocks this one replaces (compaction). Call before finish().
    void setParents(std::vector<uint64_t> parents) { meta_.parents = std::move(parents); }

private:
    BlockWriter(std::string path, int fd, int level) : path_(std::move(path)), fd_(fd), level_(level) {}
    Status flushFrame();
    Status writeAll(const char *p, size_t n);
    void abandon();

    struct Entry {
        model::Labels labels;
        uint32_t timeColumn, frame, valueOffset, valueLength;
    };
    struct FrameInfo {
        uint64_t offset;
        uint32_t length, rawLength, crc;
    };

    std::string path_;
    int fd_ = -1;
    int level_;
    uint64_t offset_ = 0;
    BlockMeta meta_;
    std::string frame_;  // raw bytes of the frame being filled
    std::vector<FrameInfo> frames_;
    std::vector<Entry> entries_;
    std::string timeColumns_;  // encoded, concatenated
    uint32_t numTimeColumns_ = 0;
    std::unordered_map<std::string, uint32_t> timeColumnIds_;
    std::string scratch_;
    bool finished_ = false;
};

}  // namespace vigil::tsdb
