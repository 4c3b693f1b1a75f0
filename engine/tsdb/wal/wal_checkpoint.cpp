// Wal::checkpoint: rewrite old segments into checkpoint.N, then drop them.
#include "tsdb/wal/wal.h"

#include "core/log.h"
#include "tsdb/wal/checkpoint_writer.h"
#include "tsdb/wal/wal_dir_listing.h"
#include "tsdb/wal/wal_env.h"
#include "tsdb/wal/wal_reader.h"
#include "tsdb/wal/wal_writable_file.h"

namespace vigil::tsdb::wal {

Status Wal::checkpoint(uint32_t lastSegment, const std::function<bool(uint64_t ref)> &keep, int64_t mint,
                       CheckpointStats *statsOut)
{
    std::lock_guard checkpointLock(checkpointMu_);
    uint32_t first;
    std::optional<uint32_t> previous;
    {
        std::lock_guard lock(mu_);
        VIGIL_RETURN_IF_ERROR(usableLocked());
        if (lastSegment > currentSegment_) {
            return Status::invalidArgument("WAL checkpoint: segment " + std::to_string(lastSegment) +
                                           " is beyond the current segment " +
                                           std::to_string(currentSegment_));
        }
        if (checkpoint_ && lastSegment <= *checkpoint_) return Status::ok();
        if (lastSegment < firstSegment_) {
            return Status::invalidArgument("WAL checkpoint: segment " + std::to_string(lastSegment) +
                                           " is before the first segment " + std::to_string(firstSegment_));
        }
        if (lastSegment == currentSegment_) VIGIL_RETURN_IF_ERROR(cutLocked());
        first = firstSegment_;
        previous = checkpoint_;
    }

    const std::string finalDir = dir_ + "/" + WalDirListing::checkpointName(lastSegment);
    const std::string tmpDir = finalDir + ".tmp";
    if (env_->isDirectory(tmpDir))
        VIGIL_RETURN_IF_ERROR(env_->removeDir(tmpDir).withContext("WAL checkpoint"));
    VIGIL_RETURN_IF_ERROR(env_->createDir(tmpDir).withContext("WAL checkpoint"));

    CheckpointStats stats;
    CheckpointWriter out(env_, tmpDir, options_.segmentSize);
    RecordEncoder encoder;
    std::vector<std::pair<uint64_t, model::Labels>> keptSeries;
    std::vector<RefSample> keptSamples;
    std::vector<WalTombstone> keptTombstones;
    WalReplayCallbacks filter;
    filter.series = [&](const std::vector<std::pair<uint64_t, model::Labels>> &series) {
        keptSeries.clear();
        for (const auto &s : series) {
            if (keep(s.first)) keptSeries.push_back(s);
        }
        stats.seriesKept += keptSeries.size();
        stats.seriesDropped += series.size() - keptSeries.size();
        return keptSeries.empty() ? Status::ok() : out.write(encoder.series(keptSeries));
    };
    filter.samples = [&](const std::vector<RefSample> &samples) {
        keptSamples.clear();
        for (const RefSample &s : samples) {
            if (s.t >= mint && keep(s.ref)) keptSamples.push_back(s);
        }
        stats.samplesKept += keptSamples.size();
        stats.samplesDropped += samples.size() - keptSamples.size();
        return keptSamples.empty() ? Status::ok() : out.write(encoder.samples(keptSamples));
    };
    filter.tombstones = [&](const std::vector<WalTombstone> &tombstones) {
        keptTombstones.clear();
        for (const WalTombstone &t : tombstones) {
            if (t.maxt >= mint && keep(t.ref)) keptTombstones.push_back(t);
        }
        stats.tombstonesKept += keptTombstones.size();
        stats.tombstonesDropped += tombstones.size() - keptTombstones.size();
        return keptTombstones.empty() ? Status::ok() : out.write(encoder.tombstones(keptTombstones));
    };

    auto build = [&]() -> Status {
        WalReplayStats readStats;
        if (previous) {
            VIGIL_RETURN_IF_ERROR(WalReader::readCheckpoint(
                env_, dir_ + "/" + WalDirListing::checkpointName(*previous), filter, &readStats));
        }
        for (uint32_t seg = first; seg <= lastSegment; ++seg) {
            auto r = WalReader::readSegment(env_, segmentPath(seg), filter, &readStats);
            if (!r) return r.status();
            if (r->damaged) {
                return Status::corruption("segment " + WalDirListing::segmentName(seg) + ": " + r->reason +
                                          " at offset " + std::to_string(r->goodOffset));
            }
        }
        VIGIL_RETURN_IF_ERROR(out.finish());
        VIGIL_RETURN_IF_ERROR(env_->rename(tmpDir, finalDir));
        return env_->syncDir(dir_);
    };
    if (Status st = build(); !st.isOk()) {
        (void)env_->removeDir(tmpDir);
        return st.withContext("WAL checkpoint " + WalDirListing::checkpointName(lastSegment));
    }

    {
        std::lock_guard lock(mu_);
        checkpoint_ = lastSegment;
        firstSegment_ = lastSegment + 1;
    }
    // The checkpoint is durable; failing to delete what it replaces only
    // wastes space (replay skips covered segments and older checkpoints).
    for (uint32_t seg = first; seg <= lastSegment; ++seg) {
        if (Status st = env_->removeFile(segmentPath(seg)); !st.isOk()) {
            qCWarning(lcWal) << "WAL checkpoint: could not remove segment:" << st.toString().c_str();
        }
    }
    if (previous) {
        if (Status st = env_->removeDir(dir_ + "/" + WalDirListing::checkpointName(*previous)); !st.isOk()) {
            qCWarning(lcWal) << "WAL checkpoint: could not remove old checkpoint:" << st.toString().c_str();
        }
    }
    if (Status st = env_->syncDir(dir_); !st.isOk()) {
        qCWarning(lcWal) << "WAL checkpoint: directory sync failed:" << st.toString().c_str();
    }
    if (statsOut) *statsOut = stats;
    return Status::ok();
}

}  // namespace vigil::tsdb::wal
