// HeadAppender: the storage::Appender of a Head (see head.h for the commit,
// visibility and ordering rules).
//
// append() checks the sample against the series' committed state and
// returns the ordering errors right away; a sample accepted there can still
// be dropped at commit() when another appender (or an earlier sample of the
// same batch) got there first: such drops are counted in HeadStats, not
// returned. Series are created by append(), before commit, and stay when the
// batch is rolled back (an empty series is removed by the next truncate()).
//
// Thread safety: one thread at a time (storage::Appender contract). Holds
// pins on the series it buffered samples for until commit()/rollback().
// Memory: buffers are reused across commits; appending does not allocate
// per sample once they reached the batch size.
#pragma once

#include "tsdb/mem_series.h"
#include "tsdb/ref_sample.h"

#include "storage/storage.h"

#include <vector>

namespace vigil::tsdb {

class Head;

class HeadAppender : public storage::Appender {
public:
    // `id` (>= MemSeries::kWalFirstClaimer) marks the WAL series records
    // this appender's commit will write.
    HeadAppender(Head &head, uint32_t id) : head_(head), id_(id) {}
    ~HeadAppender() override;

    Result<storage::SeriesRef> append(storage::SeriesRef ref, const model::Labels &labels, int64_t t,
                                      double v) override;
    Status commit() override;
    void rollback() override;

private:
    struct Pending {
        MemSeries *series;  // pinned
        int64_t t;
        double v;
    };

    void releasePins();
    void releaseClaims();

    Head &head_;
    const uint32_t id_;
    std::vector<Pending> samples_;
    std::vector<MemSeries *> unlogged_;  // series whose WAL record this batch claimed
    std::vector<MemSeries *> alsoLog_;   // records being written by another appender too
    std::vector<RefSample> walSamples_;  // reused buffer for the sink
};

}  // namespace vigil::tsdb
