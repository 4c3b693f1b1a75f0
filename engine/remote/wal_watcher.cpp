#include "remote/wal_watcher.h"

#include "core/log.h"
#include "tsdb/wal/record_decoder.h"
#include "tsdb/wal/segment_reader.h"
#include "tsdb/wal/wal_dir_listing.h"
#include "tsdb/wal/posix_wal_env.h"

#include <QFile>

#include <algorithm>

namespace vigil::remote {

using tsdb::wal::RecordDecoder;
using tsdb::wal::RecordType;
using tsdb::wal::SegmentReader;
using tsdb::wal::WalDirListing;

namespace {

// Reads [offset, min(end, limit)) of a file. NotFound when it does not exist.
Result<std::string> readFrom(const std::string &path, uint64_t offset, uint64_t limit = UINT64_MAX)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly)) {
        if (!f.exists()) return Status::notFound("no file " + path);
        return Status::ioError("cannot read " + path + ": " + f.errorString().toStdString());
    }
    const uint64_t size = uint64_t(f.size());
    const uint64_t end = std::min(size, limit);
    if (offset >= end) return std::string();
    if (!f.seek(qint64(offset))) return Status::ioError("cannot seek in " + path);
    std::string out(end - offset, '\0');
    const qint64 n = f.read(out.data(), qint64(out.size()));
    if (n < 0) return Status::ioError("cannot read " + path + ": " + f.errorString().toStdString());
    out.resize(size_t(n));
    return out;
}

Result<WalDirListing> listing(const std::string &dir)
{
    return WalDirListing::read(tsdb::wal::WalEnv::posix(), dir);
}

}  // namespace

WalWatcher::WalWatcher(std::string walDir) : dir_(std::move(walDir)) {}

const model::Labels *WalWatcher::labels(uint64_t ref) const
{
    auto it = series_.find(ref);
    return it == series_.end() ? nullptr : &it->second;
}

Status WalWatcher::handleSeries(std::string_view payload)
{
    std::vector<std::pair<uint64_t, model::Labels>> series;
    VIGIL_RETURN_IF_ERROR(RecordDecoder::series(payload, &series));
    for (auto &[ref, l] : series) series_[ref] = std::move(l);
    return Status::ok();
}

Status WalWatcher::readSeriesOnly(const std::string &path, uint64_t limit)
{
    auto data = readFrom(path, 0, limit);
    if (!data.isOk()) return data.status().code() == Status::Code::NotFound ? Status::ok() : data.status();
    SegmentReader r(data.value());
    while (r.next()) {
        if (r.type() == RecordType::Series) VIGIL_RETURN_IF_ERROR(handleSeries(r.payload()));
    }
    return Status::ok();
}

Status WalWatcher::start(const WalPosition *from)
{
    series_.clear();
    auto l = listing(dir_);
    if (!l.isOk()) return l.status();
    const WalDirListing &ls = l.value();
    if (!ls.checkpoints.empty()) {
        const std::string cp = dir_ + "/" + WalDirListing::checkpointName(ls.checkpoints.back());
        auto inner = listing(cp);
        if (inner.isOk()) {
            for (uint32_t s : inner.value().segments)
                VIGIL_RETURN_IF_ERROR(readSeriesOnly(cp + "/" + WalDirListing::segmentName(s), UINT64_MAX));
        }
    }
    const uint32_t first = ls.segments.empty() ? 0 : ls.segments.front();
    pos_ = {first, 0};
    if (from && !ls.segments.empty()) {
        if (from->segment < first) {
            qCWarning(lcRemote).noquote() << "remote write: WAL segment" << from->segment
                                          << "was removed by a checkpoint before it was sent; resuming at" << first;
            ++lostSegments_;
        } else {
            pos_ = *from;
        }
    }
    for (uint32_t s : ls.segments) {
        if (s > pos_.segment) break;
        VIGIL_RETURN_IF_ERROR(readSeriesOnly(dir_ + "/" + WalDirListing::segmentName(s),
                                             s == pos_.segment ? pos_.offset : UINT64_MAX));
    }
    return Status::ok();
}

Result<size_t> WalWatcher::poll(size_t maxSamples, const SampleSink &sink)
{
    size_t read = 0;
    for (;;) {
        const std::string path = dir_ + "/" + WalDirListing::segmentName(pos_.segment);
        auto data = readFrom(path, pos_.offset);
        auto l = listing(dir_);
        if (!l.isOk()) return l.status();
        const auto &segs = l.value().segments;
        if (!data.isOk()) {
            if (data.status().code() != Status::Code::NotFound) return data.status();
            // The segment is gone (checkpointed away) or not created yet.
            auto next = std::upper_bound(segs.begin(), segs.end(), pos_.segment);
            if (!segs.empty() && segs.front() > pos_.segment) {
                qCWarning(lcRemote).noquote() << "remote write: WAL segment" << pos_.segment
                                              << "was removed by a checkpoint before it was sent";
                ++lostSegments_;
                pos_ = {segs.front(), 0};
                continue;
            }
            if (next != segs.end()) {
                pos_ = {*next, 0};
                continue;
            }
            bytesBehind_ = 0;
            return read;
        }
        SegmentReader r(data.value());
        const uint64_t origin = pos_.offset;
        bool stopped = false;
        while (r.next()) {
            const WalPosition start{pos_.segment, pos_.offset + r.recordOffset()};
            const WalPosition end{pos_.segment, pos_.offset + r.goodOffset()};
            if (r.type() == RecordType::Series) {
                VIGIL_RETURN_IF_ERROR(handleSeries(r.payload()));
            } else if (r.type() == RecordType::Samples) {
                VIGIL_RETURN_IF_ERROR(RecordDecoder::samples(r.payload(), &scratch_));
                sink(scratch_, start, end);
                read += scratch_.size();
            }
            if (read >= maxSamples) {
                pos_ = end;
                stopped = true;
                break;
            }
        }
        if (!stopped) pos_.offset += r.goodOffset();
        const bool newer = !segs.empty() && segs.back() > pos_.segment;
        bytesBehind_ = data.value().size() - (pos_.offset - origin);
        if (stopped) return read;
        if (!newer) return read;  // at the WAL's end (a partial record is re-read next time)
        if (r.corrupted()) {
            qCWarning(lcRemote).noquote() << "remote write: WAL segment" << pos_.segment << "damaged at"
                                          << pos_.offset << "(" << r.error().c_str() << "); skipping to the next";
        }
        pos_ = {*std::upper_bound(segs.begin(), segs.end(), pos_.segment), 0};
    }
}

}  // namespace vigil::remote
