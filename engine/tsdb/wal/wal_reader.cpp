#include "tsdb/wal/wal_reader.h"

#include "tsdb/wal/record_decoder.h"
#include "tsdb/wal/segment_reader.h"
#include "tsdb/wal/wal_env.h"

namespace vigil::tsdb::wal {

WalReader::WalReader(WalEnv *env, std::string dir) : env_(env ? env : WalEnv::posix()), dir_(std::move(dir))
{
}

Result<WalReader::SegmentResult> WalReader::readSegment(WalEnv *env, const std::string &path,
                                                        const WalReplayCallbacks &cb, WalReplayStats *stats)
{
    std::string data;
    VIGIL_RETURN_IF_ERROR(env->readFile(path, &data));
    SegmentReader reader(data);
    std::vector<std::pair<uint64_t, model::Labels>> series;
    std::vector<RefSample> samples;
    std::vector<WalTombstone> tombstones;
    SegmentResult result;
    while (reader.next()) {
        Status decoded;
        Status delivered;
        switch (reader.type()) {
            case RecordType::Series:
                decoded = RecordDecoder::series(reader.payload(), &series);
                if (decoded.isOk()) {
                    stats->seriesRecords++;
                    stats->series += series.size();
                    if (cb.series) delivered = cb.series(series);
                }
                break;
            case RecordType::Samples:
                decoded = RecordDecoder::samples(reader.payload(), &samples);
                if (decoded.isOk()) {
                    stats->sampleRecords++;
                    stats->samples += samples.size();
                    if (cb.samples) delivered = cb.samples(samples);
                }
                break;
            case RecordType::Tombstones:
                decoded = RecordDecoder::tombstones(reader.payload(), &tombstones);
                if (decoded.isOk()) {
                    stats->tombstoneRecords++;
                    stats->tombstones += tombstones.size();
                    if (cb.tombstones) delivered = cb.tombstones(tombstones);
                }
                break;
        }
        if (!decoded.isOk()) {
            // An intact frame whose payload does not decode: cut before it.
            result.damaged = true;
            result.goodOffset = reader.recordOffset();
            result.reason = decoded.message();
            return result;
        }
        if (!delivered.isOk()) return delivered;
        stats->records++;
    }
    if (reader.corrupted()) {
        result.damaged = true;
        result.goodOffset = reader.goodOffset();
        result.reason = reader.error();
    } else {
        result.goodOffset = data.size();
    }
    return result;
}

Status WalReader::readCheckpoint(WalEnv *env, const std::string &path, const WalReplayCallbacks &cb,
                                 WalReplayStats *stats)
{
    auto listing = WalDirListing::read(env, path);
    if (!listing) return listing.status();
    uint32_t expect = 0;
    for (uint32_t seg : listing->segments) {
        const std::string segPath = path + "/" + WalDirListing::segmentName(seg);
        if (seg != expect)
            return Status::corruption("checkpoint " + path + ": missing segment " + std::to_string(expect));
        ++expect;
        auto r = readSegment(env, segPath, cb, stats);
        if (!r) return r.status();
        if (r->damaged) {
            return Status::corruption("checkpoint segment " + segPath + ": " + r->reason + " at offset " +
                                      std::to_string(r->goodOffset));
        }
    }
    return Status::ok();
}

Result<WalReplayStats> WalReader::read(const WalReplayCallbacks &cb)
{
    WalReplayStats stats;
    auto listing = WalDirListing::read(env_, dir_);
    if (!listing) {
        if (listing.status().code() == Status::Code::NotFound) return stats;
        return listing.status();
    }
    listing_ = std::move(*listing);

    std::optional<uint32_t> prev;  // last segment (or checkpoint) read
    if (!listing_.checkpoints.empty()) {
        const uint32_t cp = listing_.checkpoints.back();
        VIGIL_RETURN_IF_ERROR(
            readCheckpoint(env_, dir_ + "/" + WalDirListing::checkpointName(cp), cb, &stats));
        stats.checkpoint = cp;
        prev = cp;
    }
    for (uint32_t seg : listing_.segments) {
        if (stats.checkpoint && seg <= *stats.checkpoint) continue;  // left over from a checkpoint
        if (prev && seg != *prev + 1) {
            stats.corrupted = true;
            stats.corruptSegment = *prev;
            stats.corruptOffset = UINT64_MAX;  // keep all of *prev; drop what follows
            stats.corruptReason = "segment " + WalDirListing::segmentName(*prev + 1) + " is missing";
            break;
        }
        prev = seg;
        if (!stats.firstSegment) stats.firstSegment = seg;
        stats.lastSegment = seg;
        auto r = readSegment(env_, dir_ + "/" + WalDirListing::segmentName(seg), cb, &stats);
        if (!r) return r.status();
        if (r->damaged) {
            stats.corrupted = true;
            stats.corruptSegment = seg;
            stats.corruptOffset = r->goodOffset;
            stats.corruptReason = r->reason;
            break;
        }
    }
    return stats;
}

}  // namespace vigil::tsdb::wal
