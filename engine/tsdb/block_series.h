// BlockSeries: one series of a block query: labels plus its timestamps and
// value column within [mint, maxt]. iterator() decodes the value column (one
// frame decompression, usually cached by the block); a damaged frame yields
// an iterator whose status() is Corruption.
//
// Ownership: shares the block. Thread safety: immutable.
#pragma once

#include "tsdb/block.h"

#include "storage/storage.h"

#include <memory>

namespace vigil::tsdb {

class BlockSeries : public storage::Series {
public:
    BlockSeries(std::shared_ptr<const Block> block, uint32_t index, int64_t mint, int64_t maxt)
        : block_(std::move(block)), index_(index), mint_(mint), maxt_(maxt)
    {
    }

    const model::Labels &labels() const override { return block_->series()[index_].labels; }
    std::unique_ptr<storage::SampleIterator> iterator() const override;

private:
    std::shared_ptr<const Block> block_;
    uint32_t index_;
    int64_t mint_, maxt_;
};

}  // namespace vigil::tsdb
