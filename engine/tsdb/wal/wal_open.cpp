// Wal::open: replay, repair of a damaged tail, start of a fresh segment.
#include "tsdb/wal/wal.h"

#include "core/log.h"
#include "tsdb/wal/wal_dir_listing.h"
#include "tsdb/wal/wal_env.h"
#include "tsdb/wal/wal_reader.h"
#include "tsdb/wal/wal_writable_file.h"

namespace vigil::tsdb::wal {

Result<std::unique_ptr<Wal>> Wal::open(const std::string &dir, const WalOptions &options,
                                       const WalReplayCallbacks &callbacks)
{
    std::unique_ptr<Wal> wal(new Wal(dir, options));
    WalEnv *env = wal->env_;
    VIGIL_RETURN_IF_ERROR(env->createDir(dir).withContext("WAL"));

    // Leftovers of an interrupted checkpoint go first: they are never read.
    {
        auto listing = WalDirListing::read(env, dir);
        if (!listing) return listing.status().withContext("WAL");
        for (const std::string &tmp : listing->tmpCheckpoints) {
            qCInfo(lcWal) << "removing unfinished checkpoint" << tmp.c_str() << "in" << dir.c_str();
            VIGIL_RETURN_IF_ERROR(env->removeDir(dir + "/" + tmp).withContext("WAL"));
        }
    }

    WalReader reader(env, dir);
    auto stats = reader.read(callbacks);
    if (!stats) return stats.status().withContext("WAL replay of " + dir);
    wal->replayStats_ = std::move(*stats);
    VIGIL_RETURN_IF_ERROR(wal->repairAndStart(reader));
    return wal;
}

Status Wal::repairAndStart(const WalReader &reader)
{
    const WalDirListing &listing = reader.listing();
    WalReplayStats &stats = replayStats_;
    std::optional<uint32_t> cp = stats.checkpoint;

    // Older checkpoints and segments covered by the newest checkpoint.
    for (uint32_t c : listing.checkpoints) {
        if (cp && c < *cp)
            VIGIL_RETURN_IF_ERROR(env_->removeDir(dir_ + "/" + WalDirListing::checkpointName(c)));
    }
    std::optional<uint32_t> last = cp;  // last segment (or checkpoint) kept
    for (uint32_t seg : listing.segments) {
        if (cp && seg <= *cp) {
            VIGIL_RETURN_IF_ERROR(env_->removeFile(segmentPath(seg)));
            continue;
        }
        if (stats.corrupted && seg > stats.corruptSegment) {
            VIGIL_RETURN_IF_ERROR(env_->removeFile(segmentPath(seg)));
            stats.segmentsRemoved.push_back(seg);
            continue;
        }
        last = seg;
    }

    if (stats.corrupted) {
        const bool cutInside = stats.corruptOffset != UINT64_MAX && last && *last == stats.corruptSegment &&
                               (!cp || stats.corruptSegment > *cp);
        std::string removed;
        for (uint32_t s : stats.segmentsRemoved) removed += " " + WalDirListing::segmentName(s);
        if (removed.empty()) removed = " none";
        std::string msg = "WAL " + dir_ + ": ";
        if (cutInside) {
            msg += "segment " + WalDirListing::segmentName(stats.corruptSegment) + " damaged at offset " +
                   std::to_string(stats.corruptOffset) + ": " + stats.corruptReason + "; truncated there";
        } else {
            msg += stats.corruptReason;
        }
        qCWarning(lcWal, "%s; later segments removed:%s", msg.c_str(), removed.c_str());
        if (cutInside) {
            VIGIL_RETURN_IF_ERROR(env_->truncateFile(segmentPath(stats.corruptSegment), stats.corruptOffset));
        }
    }

    std::lock_guard lock(mu_);
    checkpoint_ = cp;
    currentSegment_ = last ? *last + 1 : 0;
    firstSegment_ = currentSegment_;
    for (uint32_t seg : listing.segments) {
        if ((!cp || seg > *cp) && seg < currentSegment_) {
            firstSegment_ = seg;
            break;
        }
    }
    auto f = env_->newWritableFile(segmentPath(currentSegment_));
    if (!f) return f.status().withContext("WAL: creating segment");
    VIGIL_RETURN_IF_ERROR(env_->syncDir(dir_).withContext("WAL"));
    file_ = std::shared_ptr<WalWritableFile>(std::move(*f));
    segmentBytes_ = 0;
    if (options_.syncPolicy == WalSyncPolicy::Interval) flusher_ = std::thread([this] { flusherLoop(); });
    return Status::ok();
}

}  // namespace vigil::tsdb::wal
