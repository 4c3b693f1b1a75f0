// BlockQuerier: storage::Querier over one persisted Block for [mint, maxt]
// inclusive. Matching uses the block's in-memory index (postingsForMatchers,
// same semantics as the head); series without samples in the range are left
// out; results are sorted by labels. Sample data is decoded lazily by the
// series' iterators. labelNames()/labelValues() without matchers list the
// whole block.
//
// Ownership: shares the block. Thread safety: one thread at a time (as any
// Querier); returned series are immutable and may outlive it.
#pragma once

#include "tsdb/block.h"

#include "storage/storage.h"

#include <memory>

namespace vigil::tsdb {

class BlockQuerier : public storage::Querier {
public:
    BlockQuerier(std::shared_ptr<const Block> block, int64_t mint, int64_t maxt)
        : block_(std::move(block)), mint_(mint), maxt_(maxt)
    {
    }

    Result<storage::SeriesSet> select(const std::vector<model::Matcher> &matchers) override;
    Result<std::vector<std::string>> labelNames(const std::vector<model::Matcher> &matchers) override;
    Result<std::vector<std::string>> labelValues(const std::string &name,
                                                 const std::vector<model::Matcher> &matchers) override;

private:
    std::shared_ptr<const Block> block_;
    int64_t mint_, maxt_;
};

}  // namespace vigil::tsdb
