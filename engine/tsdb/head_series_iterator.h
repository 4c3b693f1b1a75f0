// HeadSeriesIterator: iterates a SeriesSnapshot within [mint, maxt]
// (inclusive), merging the in-order chunks with out-of-order chunks and
// samples. On equal timestamps the in-order sample wins and the others are
// skipped, so timestamps are strictly increasing.
//
// Ownership: shares the snapshot (immutable). Thread safety: one iterator per
// thread. Errors: a corrupt chunk ends iteration and status() reports it.
#pragma once

#include "tsdb/series_snapshot.h"
#include "tsdb/xor_iterator.h"

#include "storage/storage.h"

#include <memory>
#include <vector>

namespace vigil::tsdb {

class HeadSeriesIterator : public storage::SampleIterator {
public:
    HeadSeriesIterator(std::shared_ptr<const SeriesSnapshot> snapshot, int64_t mint, int64_t maxt);
    ~HeadSeriesIterator() override;

    bool next() override;
    bool seek(int64_t t) override;
    model::Sample at() const override { return cur_; }
    Status status() const override { return status_; }

private:
    // One sorted stream of samples: a chain of chunks or a sample vector.
    struct Stream {
        const std::vector<ClosedChunk> *chunks = nullptr;  // chain, sorted and non-overlapping
        size_t chunkIdx = 0;
        XorIterator it;
        const std::vector<model::Sample> *samples = nullptr;
        size_t sampleIdx = 0;
        bool started = false;
        bool valid = false;
        int64_t t = 0;
        double v = 0;
    };

    bool advance(Stream &s);
    bool seekStream(Stream &s, int64_t t);
    bool pick();

    std::shared_ptr<const SeriesSnapshot> snap_;
    std::vector<std::vector<ClosedChunk>> singleChunks_;  // one chain per out-of-order chunk
    std::vector<Stream> streams_;
    int64_t mint_, maxt_;
    model::Sample cur_;
    Status status_;
    bool started_ = false;
    bool done_ = false;
};

}  // namespace vigil::tsdb
