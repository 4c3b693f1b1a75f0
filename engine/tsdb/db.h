// Db: the local time-series database as a whole — a write-ahead log, the
// in-memory head, and persisted blocks — behind the storage Appendable and
// Queryable interfaces.
//
// Directory layout (dir/):
//   wal/               the head's write-ahead log (docs/format/wal.md)
//   blocks/            persisted immutable block files (docs/format/blocks.md)
//
// Lifecycle:
//   auto db = Db::open(dir, options);   // creates dir, loads blocks, replays the WAL
//   db->appender() / db->querier(...)   // from any thread
//   db->close();                        // or the destructor
//
// open(): creates dir if needed, opens every block (a damaged block fails
// the open with Corruption naming the file), then opens dir/wal replaying
// series and samples into the head. A torn or corrupt WAL tail is cut by the
// WAL with a warning and everything before it is kept (stats() tells it).
// Samples older than what blocks already hold are skipped on replay. Then the
// head's commits are logged to the WAL (DbWalSink) before they become
// visible, and a background thread (DbOptions::maintenanceInterval) persists
// old head data to blocks, checkpoints the WAL, compacts complete
// compactRangeMs windows of blocks into one, and applies retention.
//
// Persisting a range first fences the head (Head::fenceAppendsBefore): a
// sample older than the range end that an appender accepted but had not yet
// committed is dropped by its commit (which returns kErrOutOfBounds) instead
// of slipping in between persistence and truncation and being lost; once a
// range is persisted, later appends into it fail with kErrOutOfBounds.
//
// Deletion: deleteSeries() records tombstones (dir/tombstones) that every
// querier applies; the samples stay in the head and blocks until a
// cleanTombstones() rewrites them.
//
// Queries: querier(mint, maxt) merges the blocks overlapping [mint, maxt]
// (inclusive, ms) with the head; a series present in several of them is one
// series whose samples are merged by timestamp with no duplicates.
//
// Errors: never throws; Status/Result. Appends after close() fail at commit
// (the WAL is closed) with FailedPrecondition.
//
// Thread safety: every public method is thread-safe. Queriers and appenders
// must not outlive the Db; series returned by queries may.
#pragma once

#include "tsdb/db_options.h"
#include "tsdb/db_stats.h"
#include "tsdb/head.h"
#include "tsdb/tombstones.h"

#include "core/status.h"
#include "storage/storage.h"

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>
#include <vector>

namespace vigil::tsdb {

namespace wal { class Wal; }
class Block;
class DbWalSink;

class Db : public storage::Appendable, public storage::Queryable {
public:
    // Opens (creating if needed) the database in `dir`. Fails with
    // InvalidArgument for bad options, IOError when the directory cannot be
    // created or read, Corruption for a damaged block or WAL checkpoint.
    static Result<std::unique_ptr<Db>> open(const std::string &dir, DbOptions options = {});

    // Calls close(); errors are logged.
    ~Db() override;
    Db(const Db &) = delete;
    Db &operator=(const Db &) = delete;

    // storage::Appendable: appends go to the head and are logged to the WAL
    // on commit (see head.h for ordering rules; samples older than the
    // persisted range fail with storage::kErrOutOfBounds).
    std::unique_ptr<storage::Appender> appender() override;
    // storage::Queryable over [mint, maxt] inclusive.
    Result<std::unique_ptr<storage::Querier>> querier(int64_t mint, int64_t maxt) override;

    // One maintenance pass now, on the calling thread: persist head data
    // older than the head window into blocks, truncate the head, checkpoint
    // the WAL, apply retention. Serialized with the background thread.
    Status maintain();

    // Persists everything in the head (also the newest data) and checkpoints
    // the WAL; for tests, backups and import. Serialized like maintain().
    Status persistAll();

    // Deletes the samples of every series matching all `matchers` within
    // [mint, maxt] (inclusive, ms): records a tombstone per series for the
    // range its samples there actually span (later samples stay visible, as
    // in Prometheus), durably in dir/tombstones before queriers stop seeing
    // them. InvalidArgument for an empty matcher list. Serialized with
    // maintenance. See tsdb/tombstones.h.
    Status deleteSeries(const std::vector<model::Matcher> &matchers, int64_t mint, int64_t maxt);
    // Rewrites every block holding samples hidden by a tombstone without
    // them (crash-safe as compaction: the new block names the old one as its
    // parent). The tombstones themselves are kept: they are a few bytes per
    // series and still hide the deleted samples of the head and the WAL.
    Status cleanTombstones();
    // Writes a consistent copy of the database to `dir` (which must not
    // exist): blocks/ hard-linked (copied across file systems), the head as
    // one more block unless skipHead, and the tombstones. `dir` can be opened
    // as a Db (--storage.tsdb.path). Serialized with maintenance.
    Status snapshot(const std::string &dir, bool skipHead);
    // Current tombstones (for tests and status).
    Tombstones::Map tombstones() const { return tombstones_.snapshot(); }

    // Stops the background thread, syncs and closes the WAL. Idempotent;
    // later calls return the first result.
    Status close();

    DbStats stats() const;
    const std::string &dir() const { return dir_; }
    const DbOptions &options() const { return options_; }

private:
    friend class DbQuerier;
    Db(std::string dir, DbOptions options);

    Status loadBlocks();                          // db_blocks.cpp
    Status replayWal();                           // db.cpp
    // The rest require maintainMu_ (db_maintenance.cpp, db_retention.cpp).
    Status maintainLocked(bool all);
    // Writes head data in [lo, hi] to one block and makes it visible.
    Status persistRange(int64_t lo, int64_t hi);
    Status applyRetention();
    Status compact();  // db_compaction.cpp
    std::string blockPath(uint64_t seq) const;
    void backgroundLoop();
    std::vector<std::shared_ptr<const Block>> blocksSnapshot() const;
    std::string blocksDir() const;
    std::string tombstonesPath() const { return dir_ + "/tombstones"; }

    const std::string dir_;
    const DbOptions options_;
    std::unique_ptr<Head> head_;
    std::unique_ptr<wal::Wal> wal_;
    std::unique_ptr<DbWalSink> sink_;

    mutable std::shared_mutex blocksMu_;
    std::vector<std::shared_ptr<const Block>> blocks_;  // guarded by blocksMu_, sorted by minTime
    // Head data with t <= persistedMaxTime_ is in blocks (INT64_MIN: none).
    std::atomic<int64_t> persistedMaxTime_{INT64_MIN};
    uint64_t nextBlockSeq_ = 1;  // guarded by maintainMu_

    std::mutex maintainMu_;  // one maintenance pass (or deletion) at a time
    Tombstones tombstones_;  // deleted ranges, applied by DbQuerier

    std::mutex bgMu_;
    std::condition_variable bgWake_;
    bool bgStop_ = false;  // guarded by bgMu_
    std::thread bg_;

    std::mutex closeMu_;
    bool closed_ = false;  // guarded by closeMu_
    Status closeStatus_;   // guarded by closeMu_

    struct Counters {
        std::atomic<uint64_t> replayedSeries{0}, replayedSamples{0}, replaySkippedSamples{0};
        std::atomic<bool> replayCutCorruptTail{false};
        std::atomic<uint64_t> blocksWritten{0}, blocksDeletedByRetention{0}, maintenanceErrors{0};
    };
    mutable Counters counters_;
};

}  // namespace vigil::tsdb
