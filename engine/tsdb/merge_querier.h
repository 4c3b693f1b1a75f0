// MergeQuerier: one storage::Querier over several sources (persisted blocks
// and the head) covering the same [mint, maxt].
//
// select() asks every source and merges the sorted results by labels; a
// series present in several sources becomes one MergedSeries whose samples
// are merged by timestamp (equal timestamps: the earlier source in the list
// wins, the others are skipped), so queries see no duplicates and no gaps
// where sources overlap. labelNames()/labelValues() return the sorted union.
// The first source error is returned.
//
// Ownership: owns the sources. Thread safety: one thread at a time (as any
// Querier); the returned series are immutable and may outlive it.
#pragma once

#include "storage/storage.h"

#include <memory>
#include <vector>

namespace vigil::tsdb {

class MergeQuerier : public storage::Querier {
public:
    explicit MergeQuerier(std::vector<std::unique_ptr<storage::Querier>> sources)
        : sources_(std::move(sources))
    {
    }

    Result<storage::SeriesSet> select(const std::vector<model::Matcher> &matchers) override;
    Result<std::vector<std::string>> labelNames(const std::vector<model::Matcher> &matchers) override;
    Result<std::vector<std::string>> labelValues(const std::string &name,
                                                 const std::vector<model::Matcher> &matchers) override;

    // Merges label-sorted series sets as select() does (earlier sets win on
    // equal timestamps).
    static storage::SeriesSet mergeSets(std::vector<storage::SeriesSet> sets);

private:
    std::vector<std::unique_ptr<storage::Querier>> sources_;
};

}  // namespace vigil::tsdb
