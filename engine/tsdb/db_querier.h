// DbQuerier: the storage::Querier of a Db over [mint, maxt] inclusive: the
// head and every block overlapping the range, merged (MergeQuerier::mergeSets;
// the head wins on equal timestamps), with the Db's tombstones applied:
// deleted samples are skipped and series left empty are dropped.
// labelNames()/labelValues() read the indexes and still list deleted series
// (as Prometheus does until compaction).
//
// Consistency with concurrent maintenance: each call reads the head first and
// only then takes the list of blocks. Maintenance publishes a block before it
// drops the same data from the head, so data moving from the head into a
// block during a query is seen at least once (twice is merged away) — never
// missed.
//
// Thread safety: one thread at a time (as any Querier). Must not outlive the
// Db; the returned series may.
#pragma once

#include "storage/storage.h"

namespace vigil::tsdb {

class Db;

class DbQuerier : public storage::Querier {
public:
    DbQuerier(Db &db, int64_t mint, int64_t maxt) : db_(db), mint_(mint), maxt_(maxt) {}

    Result<storage::SeriesSet> select(const std::vector<model::Matcher> &matchers) override;
    Result<std::vector<std::string>> labelNames(const std::vector<model::Matcher> &matchers) override;
    Result<std::vector<std::string>> labelValues(const std::string &name,
                                                 const std::vector<model::Matcher> &matchers) override;

private:
    // The head's querier first, then those of the blocks in range (read the
    // block list after calling this only for the head: see above).
    Result<std::vector<std::unique_ptr<storage::Querier>>> blockQueriers() const;

    Db &db_;
    int64_t mint_, maxt_;
};

}  // namespace vigil::tsdb
