// HeadQuerier: storage::Querier over a Head for [mint, maxt] inclusive.
//
// select() finds the series through the inverted index, then takes each
// series' lock only long enough to copy references to its closed chunks and
// the bytes of its open chunk; iteration happens with no lock held. Appends
// may continue meanwhile (see head.h for what a querier sees of a commit).
// Series without samples in [mint, maxt] are left out; results are sorted by
// labels. labelNames()/labelValues() with no matchers read the index (all
// series in the head); with matchers, the matching series' labels.
//
// Thread safety: one thread at a time (storage::Querier contract). Must not
// outlive the head; the returned series may.
#pragma once

#include "storage/storage.h"

namespace vigil::tsdb {

class Head;

class HeadQuerier : public storage::Querier {
public:
    HeadQuerier(Head &head, int64_t mint, int64_t maxt) : head_(head), mint_(mint), maxt_(maxt) {}

    Result<storage::SeriesSet> select(const std::vector<model::Matcher> &matchers) override;
    Result<std::vector<std::string>> labelNames(const std::vector<model::Matcher> &matchers) override;
    Result<std::vector<std::string>> labelValues(const std::string &name,
                                                 const std::vector<model::Matcher> &matchers) override;

private:
    Head &head_;
    int64_t mint_, maxt_;
};

}  // namespace vigil::tsdb
