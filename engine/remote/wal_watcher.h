// WalWatcher: follows the head's write-ahead log as it is written, the way
// Prometheus's remote-write WAL watcher does, so remote write sends what was
// durably logged and a receiver outage only delays it.
//
// Reading: Series records feed a ref -> labels table; Samples records are
// handed to the sink. Records are framed and CRC-checked (SegmentReader); a
// record still being written at the end of the newest segment is simply read
// again at the next poll. When the current segment is read to its end and a
// newer one exists, reading moves on. If a checkpoint removed the segment
// being read (the queue fell more than the head's range behind), reading
// jumps to the oldest segment left and lostSegments() counts it.
//
// Position: (segment, offset) of the next record. start(pos) first rebuilds
// the series table from the newest checkpoint and the segments before `pos`
// (series records only), so a saved position resumes after a restart.
//
// Thread safety: one thread uses a watcher; the WAL may be appended to
// concurrently by the Db (it only reads files).
#pragma once

#include "core/status.h"
#include "model/labels.h"
#include "tsdb/ref_sample.h"

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

namespace vigil::remote {

struct WalPosition {
    uint32_t segment = 0;
    uint64_t offset = 0;
    friend bool operator==(const WalPosition &, const WalPosition &) = default;
    friend auto operator<=>(const WalPosition &, const WalPosition &) = default;
};

class WalWatcher {
public:
    // Samples of one record, with the record's position (where it starts)
    // and the position after it.
    using SampleSink = std::function<void(const std::vector<tsdb::RefSample> &samples, WalPosition recordStart,
                                          WalPosition recordEnd)>;

    explicit WalWatcher(std::string walDir);

    // Rebuilds the series table and positions the reader at `from`; with no
    // saved position (nullopt-like: `fromStart` false) at the start of the
    // oldest segment after the checkpoint.
    Status start(const WalPosition *from);

    // Reads complete records from the current position until the WAL's end or
    // until at least `maxSamples` samples were handed to `sink`. Returns the
    // number of samples read.
    Result<size_t> poll(size_t maxSamples, const SampleSink &sink);

    WalPosition position() const { return pos_; }
    // The labels of a series ref, or nullptr if no Series record named it.
    const model::Labels *labels(uint64_t ref) const;
    uint64_t lostSegments() const { return lostSegments_; }
    // Bytes between the position and the end of the newest segment (lag).
    uint64_t bytesBehind() const { return bytesBehind_; }

private:
    Status readSeriesOnly(const std::string &path, uint64_t limit);
    Status handleSeries(std::string_view payload);

    std::string dir_;
    WalPosition pos_;
    std::unordered_map<uint64_t, model::Labels> series_;
    uint64_t lostSegments_ = 0;
    uint64_t bytesBehind_ = 0;
    std::vector<tsdb::RefSample> scratch_;
};

}  // namespace vigil::remote
