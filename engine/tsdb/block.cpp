#include "tsdb/block.h"

#include "tsdb/block_format.h"
#include "tsdb/block_querier.h"
#include "tsdb/time_column.h"
#include "tsdb/wal/varint.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

namespace vigil::tsdb {

namespace {

constexpr size_t kCacheFrames = 8;

Status preadAll(int fd, uint64_t offset, size_t n, std::string *out, const std::string &path)
{
    out->resize(n);
    size_t done = 0;
    while (done < n) {
        const ssize_t r = ::pread(fd, out->data() + done, n - done, off_t(offset + done));
        if (r < 0) {
            if (errno == EINTR) continue;
            return Status::ioError("reading " + path + ": " + std::strerror(errno));
        }
        if (r == 0) return Status::corruption(path + ": unexpected end of file");
        done += size_t(r);
    }
    return Status::ok();
}

// zlib expands at most ~1032:1. A larger claimed size is a damaged length field (the footer is not
// covered by any CRC), and must not become a multi-GiB allocation before inflate can say so.
constexpr uint64_t kMaxZlibRatio = 1032;
bool plausibleRawLength(uint64_t packedLength, uint64_t rawLength)
{
    return rawLength <= packedLength * kMaxZlibRatio + 64;
}

bool uncompress(const std::string &in, size_t rawLength, std::string *out)
{
    out->resize(rawLength);
    uLongf len = uLongf(rawLength);
    if (::uncompress(reinterpret_cast<Bytef *>(out->data()), &len, reinterpret_cast<const Bytef *>(in.data()),
                     uLong(in.size())) != Z_OK)
        return false;
    return len == rawLength;
}

uint32_t crcOf(const std::string &s)
{
    return uint32_t(crc32(0L, reinterpret_cast<const Bytef *>(s.data()), uInt(s.size())));
}

// Sequential reader of the index bytes; any failure sets ok = false.
struct Cursor {
    const char *p;
    const char *end;
    bool ok = true;
    uint64_t u()
    {
        uint64_t v = 0;
        if (ok && !(p = wal::getUvarint(p, end, &v))) ok = false;
        return v;
    }
    int64_t s()
    {
        int64_t v = 0;
        if (ok && !(p = wal::getVarint(p, end, &v))) ok = false;
        return v;
    }
    uint8_t byte()
    {
        if (!ok || p >= end) return ok = false, 0;
        return uint8_t(*p++);
    }
    uint32_t fixed32()
    {
        if (!ok || end - p < 4) return ok = false, 0;
        const uint32_t v = wal::getFixed32(p);
        p += 4;
        return v;
    }
    std::string str()
    {
        const uint64_t n = u();
        if (!ok || n > uint64_t(end - p)) return ok = false, std::string();
        std::string v(p, n);
        p += n;
        return v;
    }
};

}  // namespace

Block::~Block()
{
    if (fd_ >= 0) ::close(fd_);
}

Result<std::shared_ptr<const Block>> Block::open(const std::string &path)
{
    std::shared_ptr<Block> b(new Block());
    b->path_ = path;
    b->fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (b->fd_ < 0) return Status::ioError("opening " + path + ": " + std::strerror(errno));
    VIGIL_RETURN_IF_ERROR(b->load());
    return std::shared_ptr<const Block>(std::move(b));
}

Status Block::load()
{
    struct stat st{};
    if (::fstat(fd_, &st) != 0) return Status::ioError("stat " + path_ + ": " + std::strerror(errno));
    fileBytes_ = uint64_t(st.st_size);
    using namespace block_format;
    if (fileBytes_ < kHeaderSize + kFooterSize) return Status::corruption(path_ + ": too short for a block file");
    std::string header, footer;
    VIGIL_RETURN_IF_ERROR(preadAll(fd_, 0, kHeaderSize, &header, path_));
    VIGIL_RETURN_IF_ERROR(preadAll(fd_, fileBytes_ - kFooterSize, kFooterSize, &footer, path_));
    if (std::memcmp(header.data(), kHeaderMagic, 8) != 0 || std::memcmp(footer.data() + 24, kFooterMagic, 8) != 0)
        return Status::corruption(path_ + ": not a block file (bad magic)");
    const uint64_t indexOffset = wal::getFixed64(footer.data());
    const uint32_t indexLength = wal::getFixed32(footer.data() + 8);
    const uint32_t indexRaw = wal::getFixed32(footer.data() + 12);
    const uint32_t indexCrc = wal::getFixed32(footer.data() + 16);
    const uint32_t version = wal::getFixed32(footer.data() + 20);
    if (version != kVersion) return Status::corruption(path_ + ": unsupported block version " + std::to_string(version));
    if (indexOffset < kHeaderSize || indexOffset + indexLength != fileBytes_ - kFooterSize)
        return Status::corruption(path_ + ": bad index location");
    std::string packed, index;
    VIGIL_RETURN_IF_ERROR(preadAll(fd_, indexOffset, indexLength, &packed, path_));
    if (crcOf(packed) != indexCrc) return Status::corruption(path_ + ": index CRC mismatch");
    if (!plausibleRawLength(indexLength, indexRaw))
        return Status::corruption(path_ + ": implausible index size " + std::to_string(indexRaw));
    if (!uncompress(packed, indexRaw, &index)) return Status::corruption(path_ + ": index does not decompress");

    Cursor c{index.data(), index.data() + index.size()};
    if (c.byte() != kVersion) return Status::corruption(path_ + ": bad index version");
    meta_.minTime = c.s();
    meta_.maxTime = c.s();
    meta_.numSeries = c.u();
    meta_.numSamples = c.u();
    meta_.seq = c.u();
    meta_.source = BlockMeta::Source(c.byte());
    const uint64_t nParents = c.u();
    if (!c.ok || nParents > index.size()) return Status::corruption(path_ + ": bad parent list");
    for (uint64_t i = 0; i < nParents; ++i) meta_.parents.push_back(c.u());
    const uint64_t nTime = c.u();
    if (!c.ok || nTime > index.size()) return Status::corruption(path_ + ": bad index header");
    timeColumns_.resize(nTime);
    for (auto &col : timeColumns_) {
        c.p = time_column::decode(c.p, c.end, &col);
        if (!c.p) return Status::corruption(path_ + ": bad timestamp column");
    }
    const uint64_t nFrames = c.u();
    if (!c.ok || nFrames > index.size()) return Status::corruption(path_ + ": bad frame table");
    frames_.resize(nFrames);
    for (Frame &f : frames_) {
        f.offset = c.u();
        f.length = uint32_t(c.u());
        f.rawLength = uint32_t(c.u());
        f.crc = c.fixed32();
        if (c.ok && (f.offset < kHeaderSize || f.offset + f.length > indexOffset))
            return Status::corruption(path_ + ": frame outside the file");
        if (c.ok && !plausibleRawLength(f.length, f.rawLength))
            return Status::corruption(path_ + ": implausible frame size " + std::to_string(f.rawLength));
    }
    const uint64_t nSeries = c.u();
    if (!c.ok || nSeries != meta_.numSeries) return Status::corruption(path_ + ": bad series count");
    series_.resize(nSeries);
    uint64_t samples = 0;
    for (uint64_t i = 0; i < nSeries; ++i) {
        SeriesEntry &e = series_[i];
        const uint64_t nl = c.u();
        if (!c.ok || nl > 1024) return Status::corruption(path_ + ": bad label count");
        std::vector<model::Label> ls(nl);
        for (auto &l : ls) {
            l.name = c.str();
            l.value = c.str();
        }
        e.labels = model::Labels::fromSorted(std::move(ls));
        e.timeColumn = uint32_t(c.u());
        e.frame = uint32_t(c.u());
        e.valueOffset = uint32_t(c.u());
        e.valueLength = uint32_t(c.u());
        if (!c.ok || e.timeColumn >= timeColumns_.size() || e.frame >= frames_.size() ||
            uint64_t(e.valueOffset) + e.valueLength > frames_[e.frame].rawLength)
            return Status::corruption(path_ + ": bad series entry " + std::to_string(i));
        const auto &ts = timeColumns_[e.timeColumn];
        if (ts.empty()) return Status::corruption(path_ + ": empty series");
        e.numSamples = uint32_t(ts.size());
        e.minTime = ts.front();
        e.maxTime = ts.back();
        samples += ts.size();
        postings_.add(i + 1, e.labels);
    }
    if (samples != meta_.numSamples) return Status::corruption(path_ + ": sample count mismatch");
    return Status::ok();
}

Result<std::shared_ptr<const std::string>> Block::frame(uint32_t i) const
{
    {
        std::lock_guard lock(cacheMu_);
        for (size_t k = 0; k < cache_.size(); ++k) {
            if (cache_[k].first == i) {
                auto hit = cache_[k];
                cache_.erase(cache_.begin() + long(k));
                cache_.insert(cache_.begin(), hit);
                return hit.second;
            }
        }
    }
    if (i >= frames_.size()) return Status::corruption(path_ + ": no frame " + std::to_string(i));
    const Frame &f = frames_[i];
    std::string packed;
    VIGIL_RETURN_IF_ERROR(preadAll(fd_, f.offset, f.length, &packed, path_));
    if (crcOf(packed) != f.crc) return Status::corruption(path_ + ": frame " + std::to_string(i) + " CRC mismatch");
    auto raw = std::make_shared<std::string>();
    if (!uncompress(packed, f.rawLength, raw.get()))
        return Status::corruption(path_ + ": frame " + std::to_string(i) + " does not decompress");
    std::shared_ptr<const std::string> out = std::move(raw);
    std::lock_guard lock(cacheMu_);
    cache_.insert(cache_.begin(), {i, out});
    if (cache_.size() > kCacheFrames) cache_.pop_back();
    return out;
}

std::unique_ptr<storage::Querier> Block::querier(int64_t mint, int64_t maxt) const
{
    return std::make_unique<BlockQuerier>(shared_from_this(), mint, maxt);
}

}  // namespace vigil::tsdb
