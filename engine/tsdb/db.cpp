#include "tsdb/db.h"

#include "tsdb/block.h"
#include "tsdb/db_wal_sink.h"
#include "tsdb/db_querier.h"
#include "tsdb/wal/wal.h"

#include "core/log.h"

#include <filesystem>

namespace vigil::tsdb {

namespace fs = std::filesystem;

namespace {

uint64_t dirBytes(const std::string &dir)
{
    std::error_code ec;
    uint64_t total = 0;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code ec2;
        if (it->is_regular_file(ec2)) {
            const auto n = it->file_size(ec2);
            if (!ec2) total += n;
        }
    }
    return total;
}

Status validate(const DbOptions &o)
{
    VIGIL_RETURN_IF_ERROR(o.head.validate());
    if (o.retentionMs < 0) return Status::invalidArgument("retention time must be >= 0");
    if (o.blockRangeMs <= 0) return Status::invalidArgument("block range must be > 0 ms");
    if (o.compactRangeMs < 0 || (o.compactRangeMs > 0 && o.compactRangeMs % o.blockRangeMs != 0))
        return Status::invalidArgument("compaction range must be 0 or a multiple of the block range");
    if (o.headKeepMs < 0) return Status::invalidArgument("head window must be >= 0 ms");
    if (o.walSyncInterval.count() <= 0 && o.walSyncPolicy == wal::WalSyncPolicy::Interval)
        return Status::invalidArgument("WAL sync interval must be > 0 ms");
    return Status::ok();
}

}  // namespace

Db::Db(std::string dir, DbOptions options)
    : dir_(std::move(dir)), options_(std::move(options)), head_(std::make_unique<Head>(options_.head))
{
}

Db::~Db()
{
    const Status st = close();
    if (!st.isOk()) qCWarning(lcTsdb, "closing %s: %s", dir_.c_str(), st.toString().c_str());
}

std::string Db::blocksDir() const { return dir_ + "/blocks"; }

Result<std::unique_ptr<Db>> Db::open(const std::string &dir, DbOptions options)
{
    VIGIL_RETURN_IF_ERROR(validate(options));
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return Status::ioError("creating " + dir + ": " + ec.message());
    std::unique_ptr<Db> db(new Db(dir, std::move(options)));
    VIGIL_RETURN_IF_ERROR(db->loadBlocks());
    auto stones = Tombstones::read(db->tombstonesPath());
    if (!stones) return stones.status();
    db->tombstones_.reset(std::move(stones).value());
    VIGIL_RETURN_IF_ERROR(db->replayWal());
    if (db->options_.maintenanceInterval.count() > 0) db->bg_ = std::thread([p = db.get()] { p->backgroundLoop(); });
    return db;
}

Status Db::replayWal()
{
    // Data up to persistedMaxTime_ is in blocks: make the head refuse it, so
    // the replayed older samples are skipped instead of duplicated.
    const int64_t persisted = persistedMaxTime_.load();
    if (persisted != INT64_MIN) head_->truncate(persisted + 1);

    wal::WalReplayCallbacks cb;
    uint64_t series = 0, samples = 0, skipped = 0, badSeries = 0;
    cb.series = [&](const std::vector<std::pair<uint64_t, model::Labels>> &batch) {
        for (const auto &[ref, labels] : batch) {
            const Status st = head_->replaySeries(ref, labels);
            if (st.isOk()) {
                ++series;
            } else if (badSeries++ < 3) {
                qCWarning(lcTsdb, "WAL replay: skipping series ref %llu: %s", (unsigned long long)ref,
                          st.toString().c_str());
            }
        }
        return Status::ok();
    };
    cb.samples = [&](const std::vector<RefSample> &batch) {
        for (const RefSample &s : batch) {
            if (persisted != INT64_MIN && s.t <= persisted)
                ++skipped;  // already in a block
            else if (head_->replaySample(s).isOk())
                ++samples;
            else
                ++skipped;
        }
        return Status::ok();
    };
    wal::WalOptions wo;
    wo.segmentSize = options_.walSegmentSize;
    wo.syncPolicy = options_.walSyncPolicy;
    wo.syncInterval = options_.walSyncInterval;
    auto w = wal::Wal::open(dir_ + "/wal", wo, cb);
    if (!w) return w.status().withContext("opening the WAL of " + dir_);
    wal_ = std::move(w).value();
    const wal::WalReplayStats &rs = wal_->replayStats();
    counters_.replayedSeries = series;
    counters_.replayedSamples = samples;
    counters_.replaySkippedSamples = skipped;
    counters_.replayCutCorruptTail = rs.corrupted;
    if (rs.corrupted) {
        qCWarning(lcTsdb, "WAL of %s: damaged tail cut in segment %u (%s); data before it was kept", dir_.c_str(),
                  rs.corruptSegment, rs.corruptReason.c_str());
    }
    if (rs.records > 0) {
        qCInfo(lcTsdb, "WAL of %s replayed: %llu series, %llu samples (%llu skipped)", dir_.c_str(),
               (unsigned long long)series, (unsigned long long)samples, (unsigned long long)skipped);
    }
    sink_ = std::make_unique<DbWalSink>(*wal_);
    head_->setWalSink(sink_.get());
    return Status::ok();
}

std::unique_ptr<storage::Appender> Db::appender() { return head_->appender(); }

std::vector<std::shared_ptr<const Block>> Db::blocksSnapshot() const
{
    std::shared_lock lock(blocksMu_);
    return blocks_;
}

Result<std::unique_ptr<storage::Querier>> Db::querier(int64_t mint, int64_t maxt)
{
    return std::unique_ptr<storage::Querier>(std::make_unique<DbQuerier>(*this, mint, maxt));
}

void Db::backgroundLoop()
{
    std::unique_lock lock(bgMu_);
    while (!bgStop_) {
        bgWake_.wait_for(lock, options_.maintenanceInterval, [this] { return bgStop_; });
        if (bgStop_) break;
        lock.unlock();
        const Status st = maintain();
        if (!st.isOk()) qCWarning(lcTsdb, "maintenance of %s: %s", dir_.c_str(), st.toString().c_str());
        lock.lock();
    }
}

Status Db::maintain()
{
    std::lock_guard lock(maintainMu_);
    const Status st = maintainLocked(false);
    if (!st.isOk()) counters_.maintenanceErrors.fetch_add(1);
    return st;
}

Status Db::persistAll()
{
    std::lock_guard lock(maintainMu_);
    const Status st = maintainLocked(true);
    if (!st.isOk()) counters_.maintenanceErrors.fetch_add(1);
    return st;
}

Status Db::close()
{
    std::lock_guard lock(closeMu_);
    if (closed_) return closeStatus_;
    closed_ = true;
    {
        std::lock_guard bl(bgMu_);
        bgStop_ = true;
    }
    bgWake_.notify_all();
    if (bg_.joinable()) bg_.join();
    std::lock_guard ml(maintainMu_);
    if (wal_) closeStatus_ = wal_->close();
    return closeStatus_;
}

DbStats Db::stats() const
{
    DbStats s;
    s.head = head_->stats();
    s.walBytes = dirBytes(dir_ + "/wal");
    for (const auto &b : blocksSnapshot()) {
        ++s.blocks;
        s.persistedBytes += b->fileBytes();
        s.persistedSeries += b->meta().numSeries;
        s.persistedSamples += b->meta().numSamples;
    }
    s.diskBytes = s.walBytes + s.persistedBytes;
    s.persistedMaxTime = persistedMaxTime_.load();
    s.replayedSeries = counters_.replayedSeries.load();
    s.replayedSamples = counters_.replayedSamples.load();
    s.replaySkippedSamples = counters_.replaySkippedSamples.load();
    s.replayCutCorruptTail = counters_.replayCutCorruptTail.load();
    s.blocksWritten = counters_.blocksWritten.load();
    s.blocksDeletedByRetention = counters_.blocksDeletedByRetention.load();
    s.maintenanceErrors = counters_.maintenanceErrors.load();
    if (sink_) {
        s.walWriteErrors = sink_->failures();
        if (s.walWriteErrors > 0) s.lastWalWriteError = sink_->lastError();
        s.walWriteFailing = sink_->lastWriteFailed();
    }
    return s;
}

}  // namespace vigil::tsdb
