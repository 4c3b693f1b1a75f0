// Wal: the write-ahead log of the head — a directory of numbered segment files
// holding framed, CRC-checked series/sample/tombstone records, plus at most one
// checkpoint. Byte format and naming: docs/format/wal.md.
//
// Lifecycle:
//   auto wal = Wal::open(dir, options, callbacks);   // replays, repairs, opens a new segment
//   wal->logSeries(...); wal->logSamples(...);       // from the head's commit
//   wal->checkpoint(last, keep, mint);               // after the head was truncated
//   wal->close();                                    // or the destructor
//
// open() always replays (callbacks may be empty) and repairs before anything
// can be written: a torn or corrupt record ends the replay with a
// qCWarning(lcWal) naming segment and offset, that segment is truncated at the
// last intact record and later segments are removed; everything before is kept.
// Writing then continues in a fresh segment numbered after the last one.
//
// Durability: each log*() call encodes the batch into one record (one record
// per call, so a batch is replayed entirely or not at all; sample and
// tombstone batches above 1,048,576 entries are split into several records)
// and writes it to the segment file with one write(2). When it is durable
// depends on WalOptions::syncPolicy (see wal_options.h); sync() forces it.
//
// Errors: never throws. A full disk is Status::resourceExhausted, other OS
// failures Status::ioError. A failed write is undone by truncating the segment
// back, so the WAL stays usable (the batch was not logged). If that undo or an
// fdatasync fails, the WAL is broken: every later log/sync/cut/checkpoint call
// returns the first such error (after a failed fdatasync the kernel may have
// dropped the dirty pages, so nothing written since the last good sync can be
// trusted). Reopen to recover.
//
// Thread safety: all methods may be called from any thread; log calls are
// serialized by an internal mutex. checkpoint() reads closed segments without
// blocking loggers, and only one checkpoint runs at a time. With
// WalSyncPolicy::Interval a background std::thread does the periodic syncs;
// it is stopped by close().
#pragma once

#include "core/status.h"
#include "model/labels.h"
#include "tsdb/ref_sample.h"
#include "tsdb/wal/record_encoder.h"
#include "tsdb/wal/wal_options.h"
#include "tsdb/wal/wal_replay_callbacks.h"
#include "tsdb/wal/wal_replay_stats.h"
#include "tsdb/wal/wal_tombstone.h"

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace vigil::tsdb::wal {

class WalEnv;
class WalReader;
class WalWritableFile;

class Wal {
public:
    struct SegmentRange {
        uint32_t first = 0;  // oldest segment still on disk (after the checkpoint)
        uint32_t last = 0;   // the segment being written
    };
    struct CheckpointStats {
        uint64_t seriesKept = 0, seriesDropped = 0;
        uint64_t samplesKept = 0, samplesDropped = 0;
        uint64_t tombstonesKept = 0, tombstonesDropped = 0;
    };

    // Opens (creating if needed) the WAL in `dir`, replays it into `callbacks`
    // and repairs a damaged tail (see above). Stats: replayStats(). Fails on
    // I/O errors, a damaged checkpoint (Corruption) or a callback error; the
    // directory is not modified in those cases except for leftovers of an
    // interrupted checkpoint.
    static Result<std::unique_ptr<Wal>> open(const std::string &dir, const WalOptions &options,
                                             const WalReplayCallbacks &callbacks = {});

    // Closes; errors are logged with qCWarning(lcWal).
    ~Wal();
    Wal(const Wal &) = delete;
    Wal &operator=(const Wal &) = delete;

    const WalReplayStats &replayStats() const { return replayStats_; }
    const std::string &dir() const { return dir_; }

    // Log one batch as one record. Series must be logged before samples that
    // reference them (replay preserves order). Empty batches write nothing.
    Status logSeries(const std::vector<std::pair<uint64_t, model::Labels>> &series);
    Status logSamples(const std::vector<RefSample> &samples);
    Status logTombstones(const std::vector<WalTombstone> &tombstones);

    // fdatasync of the current segment: everything logged before is durable.
    Status sync();

    // Syncs and closes the current segment and starts the next one; returns
    // its number. Everything in segments below it is durable.
    Result<uint32_t> cutSegment();

    SegmentRange segmentRange() const;

    // Rewrites segments [segmentRange().first, lastSegment] (together with the
    // previous checkpoint) into checkpoint.<lastSegment>: series records whose
    // ref satisfies keep(ref), samples with t >= mint (milliseconds) of kept
    // series, tombstones of kept series with maxt >= mint. Written to a .tmp
    // directory, synced, renamed; then those segments and older checkpoints
    // are deleted. If lastSegment is the segment being written, a new segment
    // is cut first. `keep` is called on the calling thread, not under the log
    // mutex. lastSegment above the current segment is InvalidArgument; one at
    // or below the existing checkpoint is a no-op.
    Status checkpoint(uint32_t lastSegment, const std::function<bool(uint64_t ref)> &keep, int64_t mint,
                      CheckpointStats *stats = nullptr);

    // Stops the flusher, syncs and closes the segment. Later calls fail with
    // FailedPrecondition. Idempotent.
    Status close();

private:
    Wal(std::string dir, const WalOptions &options);

    Status repairAndStart(const WalReader &reader);  // wal_open.cpp
    Status writeRecord(std::string_view record);     // requires mu_
    Status cutLocked();                              // requires mu_
    Status usableLocked() const;                     // requires mu_
    void flusherLoop();
    std::string segmentPath(uint32_t n) const;

    const std::string dir_;
    WalOptions options_;
    WalEnv *const env_;
    WalReplayStats replayStats_;

    mutable std::mutex mu_;
    std::condition_variable flusherWake_;
    RecordEncoder encoder_;                  // guarded by mu_
    std::shared_ptr<WalWritableFile> file_;  // guarded by mu_
    uint32_t firstSegment_ = 0;              // guarded by mu_
    uint32_t currentSegment_ = 0;            // guarded by mu_
    uint64_t segmentBytes_ = 0;              // guarded by mu_
    bool dirty_ = false;                     // guarded by mu_: written since the last sync
    bool closed_ = false;                    // guarded by mu_
    bool stopFlusher_ = false;               // guarded by mu_
    Status broken_;                          // guarded by mu_: sticky failure
    std::optional<uint32_t> checkpoint_;     // guarded by mu_
    std::thread flusher_;

    std::mutex checkpointMu_;  // one checkpoint at a time
};

}  // namespace vigil::tsdb::wal
