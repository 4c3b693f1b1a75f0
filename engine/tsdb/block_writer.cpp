#include "tsdb/block_writer.h"

#include "tsdb/block_format.h"
#include "tsdb/time_column.h"
#include "tsdb/value_column.h"
#include "tsdb/wal/varint.h"

#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

namespace vigil::tsdb {

namespace {

Status errnoStatus(const std::string &what, int err)
{
    const std::string msg = what + ": " + std::strerror(err);
    if (err == ENOSPC || err == EDQUOT) return Status::resourceExhausted("no space left on device: " + msg);
    return Status::ioError(msg);
}

void putUvarint(std::string *out, uint64_t v)
{
    char buf[wal::kMaxVarintLen];
    out->append(buf, wal::putUvarint(buf, v));
}

void putVarint(std::string *out, int64_t v)
{
    char buf[wal::kMaxVarintLen];
    out->append(buf, wal::putVarint(buf, v));
}

void putString(std::string *out, const std::string &s)
{
    putUvarint(out, s.size());
    out->append(s);
}

bool compress(const std::string &raw, int level, std::string *out)
{
    uLongf len = compressBound(uLong(raw.size()));
    out->resize(len);
    if (compress2(reinterpret_cast<Bytef *>(out->data()), &len, reinterpret_cast<const Bytef *>(raw.data()),
                  uLong(raw.size()), level) != Z_OK)
        return false;
    out->resize(len);
    return true;
}

Status syncDir(const std::string &dir)
{
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return errnoStatus("opening " + dir, errno);
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    return rc == 0 ? Status::ok() : errnoStatus("syncing " + dir, err);
}

std::string dirOf(const std::string &path)
{
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? "." : path.substr(0, slash);
}

}  // namespace

Result<std::unique_ptr<BlockWriter>> BlockWriter::create(const std::string &path, uint64_t seq,
                                                         BlockMeta::Source source, int zlibLevel)
{
    const std::string tmp = path + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return errnoStatus("creating " + tmp, errno);
    std::unique_ptr<BlockWriter> w(new BlockWriter(path, fd, zlibLevel < 1 ? 1 : zlibLevel > 9 ? 9 : zlibLevel));
    w->meta_.seq = seq;
    w->meta_.source = source;
    w->meta_.minTime = INT64_MAX;
    w->meta_.maxTime = INT64_MIN;
    VIGIL_RETURN_IF_ERROR(w->writeAll(block_format::kHeaderMagic, block_format::kHeaderSize));
    return w;
}

BlockWriter::~BlockWriter()
{
    if (!finished_) abandon();
}

void BlockWriter::abandon()
{
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    ::unlink((path_ + ".tmp").c_str());
    finished_ = true;
}

Status BlockWriter::writeAll(const char *p, size_t n)
{
    while (n > 0) {
        const ssize_t w = ::write(fd_, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return errnoStatus("writing " + path_ + ".tmp", errno);
        }
        p += w;
        n -= size_t(w);
        offset_ += uint64_t(w);
    }
    return Status::ok();
}

Status BlockWriter::flushFrame()
{
    if (frame_.empty()) return Status::ok();
    if (!compress(frame_, level_, &scratch_)) return Status::internal("zlib compression failed");
    const uint32_t crc = uint32_t(crc32(0L, reinterpret_cast<const Bytef *>(scratch_.data()), uInt(scratch_.size())));
    frames_.push_back({offset_, uint32_t(scratch_.size()), uint32_t(frame_.size()), crc});
    VIGIL_RETURN_IF_ERROR(writeAll(scratch_.data(), scratch_.size()));
    frame_.clear();
    return Status::ok();
}

Status BlockWriter::addSeries(const model::Labels &labels, const std::vector<int64_t> &ts,
                              const std::vector<double> &vs)
{
    if (finished_) return Status::failedPrecondition("block writer already finished");
    if (ts.empty() || ts.size() != vs.size())
        return Status::invalidArgument("series " + labels.toString() + ": no samples or length mismatch");
    if (ts.size() > UINT32_MAX) return Status::invalidArgument("too many samples in one series");
    if (!entries_.empty() && !(entries_.back().labels < labels))
        return Status::invalidArgument("series not added in increasing label order: " + labels.toString());
    for (size_t i = 1; i < ts.size(); ++i) {
        if (ts[i] <= ts[i - 1])
            return Status::invalidArgument("series " + labels.toString() + ": timestamps not increasing");
    }
    scratch_.clear();
    time_column::encode(ts, &scratch_);
    auto [it, inserted] = timeColumnIds_.try_emplace(scratch_, numTimeColumns_);
    if (inserted) {
        ++numTimeColumns_;
        timeColumns_ += scratch_;
    }
    const size_t before = frame_.size();
    value_column::encode(vs, &frame_);
    entries_.push_back({labels, it->second, uint32_t(frames_.size()), uint32_t(before),
                        uint32_t(frame_.size() - before)});
    meta_.numSeries++;
    meta_.numSamples += ts.size();
    meta_.minTime = std::min(meta_.minTime, ts.front());
    meta_.maxTime = std::max(meta_.maxTime, ts.back());
    if (frame_.size() >= block_format::kFrameTargetBytes) return flushFrame();
    return Status::ok();
}

Result<BlockMeta> BlockWriter::finish()
{
    if (finished_) return Status::failedPrecondition("block writer already finished");
    if (entries_.empty()) {
        abandon();
        BlockMeta m = meta_;
        m.minTime = m.maxTime = 0;
        return m;
    }
    Status st = flushFrame();
    std::string index;
    if (st.isOk()) {
        index.push_back(char(block_format::kVersion));
        putVarint(&index, meta_.minTime);
        putVarint(&index, meta_.maxTime);
        putUvarint(&index, meta_.numSeries);
        putUvarint(&index, meta_.numSamples);
        putUvarint(&index, meta_.seq);
        index.push_back(char(meta_.source));
        putUvarint(&index, meta_.parents.size());
        for (uint64_t p : meta_.parents) putUvarint(&index, p);
        putUvarint(&index, numTimeColumns_);
        index += timeColumns_;
        putUvarint(&index, frames_.size());
        for (const FrameInfo &f : frames_) {
            putUvarint(&index, f.offset);
            putUvarint(&index, f.length);
            putUvarint(&index, f.rawLength);
            char buf[4];
            wal::putFixed32(buf, f.crc);
            index.append(buf, 4);
        }
        putUvarint(&index, entries_.size());
        for (const Entry &e : entries_) {
            putUvarint(&index, e.labels.size());
            for (const auto &l : e.labels) {
                putString(&index, l.name);
                putString(&index, l.value);
            }
            putUvarint(&index, e.timeColumn);
            putUvarint(&index, e.frame);
            putUvarint(&index, e.valueOffset);
            putUvarint(&index, e.valueLength);
        }
        if (!compress(index, level_, &scratch_)) st = Status::internal("zlib compression failed");
    }
    if (st.isOk()) {
        const uint64_t indexOffset = offset_;
        st = writeAll(scratch_.data(), scratch_.size());
        char footer[block_format::kFooterSize];
        wal::putFixed64(footer, indexOffset);
        wal::putFixed32(footer + 8, uint32_t(scratch_.size()));
        wal::putFixed32(footer + 12, uint32_t(index.size()));
        wal::putFixed32(footer + 16,
                        uint32_t(crc32(0L, reinterpret_cast<const Bytef *>(scratch_.data()), uInt(scratch_.size()))));
        wal::putFixed32(footer + 20, block_format::kVersion);
        std::memcpy(footer + 24, block_format::kFooterMagic, 8);
        if (st.isOk()) st = writeAll(footer, sizeof footer);
    }
    if (st.isOk() && ::fdatasync(fd_) != 0) st = errnoStatus("syncing " + path_ + ".tmp", errno);
    if (st.isOk()) {
        ::close(fd_);
        fd_ = -1;
        if (::rename((path_ + ".tmp").c_str(), path_.c_str()) != 0) st = errnoStatus("renaming to " + path_, errno);
    }
    if (st.isOk()) st = syncDir(dirOf(path_));
    if (!st.isOk()) {
        abandon();
        return st;
    }
    finished_ = true;
    return meta_;
}

}  // namespace vigil::tsdb
