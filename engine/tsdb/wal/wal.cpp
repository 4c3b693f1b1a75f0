#include "tsdb/wal/wal.h"

#include "core/log.h"
#include "tsdb/wal/wal_dir_listing.h"
#include "tsdb/wal/wal_env.h"
#include "tsdb/wal/wal_writable_file.h"

#include <algorithm>

namespace vigil::tsdb::wal {

namespace {

constexpr size_t kMaxEntriesPerRecord = size_t(1) << 20;
constexpr uint64_t kMinSegmentSize = 4096;

}  // namespace

Wal::Wal(std::string dir, const WalOptions &options)
    : dir_(std::move(dir)), options_(options), env_(options.env ? options.env : WalEnv::posix())
{
    options_.segmentSize = std::max(options_.segmentSize, kMinSegmentSize);
    if (options_.syncInterval.count() <= 0) options_.syncInterval = std::chrono::milliseconds(1);
}

Wal::~Wal()
{
    const Status st = close();
    if (!st.isOk() && st.code() != Status::Code::FailedPrecondition) {
        qCWarning(lcWal) << "closing WAL" << dir_.c_str() << "failed:" << st.toString().c_str();
    }
}

std::string Wal::segmentPath(uint32_t n) const
{
    return dir_ + "/" + WalDirListing::segmentName(n);
}

Status Wal::usableLocked() const
{
    if (closed_) return Status::failedPrecondition("WAL " + dir_ + " is closed");
    return broken_;
}

Status Wal::writeRecord(std::string_view record)
{
    VIGIL_RETURN_IF_ERROR(usableLocked());
    if (segmentBytes_ > 0 && segmentBytes_ + record.size() > options_.segmentSize) {
        VIGIL_RETURN_IF_ERROR(cutLocked());
    }
    const Status st = file_->append(record.data(), record.size());
    if (!st.isOk()) {
        // Undo a partial write so the segment still ends on a record boundary.
        const Status undo = file_->truncate(segmentBytes_);
        if (!undo.isOk()) {
            broken_ = st.withContext("WAL write failed and could not be undone (" + undo.toString() + ")");
            qCWarning(lcWal) << broken_.toString().c_str();
            return broken_;
        }
        return st.withContext("WAL write");
    }
    segmentBytes_ += record.size();
    if (options_.syncPolicy == WalSyncPolicy::EveryCommit) {
        const Status s = file_->sync();
        if (!s.isOk()) {
            broken_ = s.withContext("WAL sync");
            return broken_;
        }
    } else {
        dirty_ = true;
    }
    return Status::ok();
}

Status Wal::logSeries(const std::vector<std::pair<uint64_t, model::Labels>> &series)
{
    if (series.empty()) return Status::ok();
    std::lock_guard lock(mu_);
    const std::string_view rec = encoder_.series(series);
    if (rec.empty()) return Status::invalidArgument("series batch too large for one WAL record");
    return writeRecord(rec);
}

Status Wal::logSamples(const std::vector<RefSample> &samples)
{
    if (samples.empty()) return Status::ok();
    std::lock_guard lock(mu_);
    if (samples.size() <= kMaxEntriesPerRecord) return writeRecord(encoder_.samples(samples));
    std::vector<RefSample> part;
    for (size_t i = 0; i < samples.size(); i += kMaxEntriesPerRecord) {
        const size_t n = std::min(kMaxEntriesPerRecord, samples.size() - i);
        part.assign(samples.begin() + static_cast<ptrdiff_t>(i),
                    samples.begin() + static_cast<ptrdiff_t>(i + n));
        VIGIL_RETURN_IF_ERROR(writeRecord(encoder_.samples(part)));
    }
    return Status::ok();
}

Status Wal::logTombstones(const std::vector<WalTombstone> &tombstones)
{
    if (tombstones.empty()) return Status::ok();
    std::lock_guard lock(mu_);
    std::vector<WalTombstone> part;
    for (size_t i = 0; i < tombstones.size(); i += kMaxEntriesPerRecord) {
        const size_t n = std::min(kMaxEntriesPerRecord, tombstones.size() - i);
        part.assign(tombstones.begin() + static_cast<ptrdiff_t>(i),
                    tombstones.begin() + static_cast<ptrdiff_t>(i + n));
        VIGIL_RETURN_IF_ERROR(writeRecord(encoder_.tombstones(part)));
    }
    return Status::ok();
}

Status Wal::sync()
{
    std::lock_guard lock(mu_);
    VIGIL_RETURN_IF_ERROR(usableLocked());
    const Status st = file_->sync();
    if (!st.isOk()) {
        broken_ = st.withContext("WAL sync");
        return broken_;
    }
    dirty_ = false;
    return Status::ok();
}

Status Wal::cutLocked()
{
    Status st = file_->sync();
    if (!st.isOk()) {
        broken_ = st.withContext("WAL sync before cutting a segment");
        return broken_;
    }
    dirty_ = false;
    const uint32_t next = currentSegment_ + 1;
    auto f = env_->newWritableFile(segmentPath(next));
    if (!f) return f.status().withContext("WAL: creating segment");
    VIGIL_RETURN_IF_ERROR(env_->syncDir(dir_).withContext("WAL: creating segment"));
    // The old file closes when the last reference goes (the flusher may hold one).
    file_ = std::shared_ptr<WalWritableFile>(std::move(*f));
    currentSegment_ = next;
    segmentBytes_ = 0;
    return Status::ok();
}

Result<uint32_t> Wal::cutSegment()
{
    std::lock_guard lock(mu_);
    VIGIL_RETURN_IF_ERROR(usableLocked());
    VIGIL_RETURN_IF_ERROR(cutLocked());
    return currentSegment_;
}

Wal::SegmentRange Wal::segmentRange() const
{
    std::lock_guard lock(mu_);
    return {firstSegment_, currentSegment_};
}

void Wal::flusherLoop()
{
    std::unique_lock lock(mu_);
    while (!stopFlusher_) {
        flusherWake_.wait_for(lock, options_.syncInterval);
        if (stopFlusher_) break;
        if (!dirty_ || !broken_.isOk() || closed_) continue;
        std::shared_ptr<WalWritableFile> f = file_;
        dirty_ = false;
        lock.unlock();  // fdatasync without blocking loggers
        const Status st = f->sync();
        lock.lock();
        if (!st.isOk() && broken_.isOk()) {
            broken_ = st.withContext("WAL background sync");
            qCWarning(lcWal) << broken_.toString().c_str();
        }
    }
}

Status Wal::close()
{
    {
        std::lock_guard lock(mu_);
        if (closed_) return Status::failedPrecondition("WAL " + dir_ + " is closed");
        stopFlusher_ = true;
    }
    flusherWake_.notify_all();
    if (flusher_.joinable()) flusher_.join();
    std::lock_guard lock(mu_);
    closed_ = true;
    if (!file_) return broken_;
    Status st = broken_;
    if (st.isOk()) st = file_->sync().withContext("WAL sync on close");
    const Status c = file_->close();
    if (st.isOk()) st = c.withContext("WAL close");
    file_.reset();
    return st;
}

}  // namespace vigil::tsdb::wal
