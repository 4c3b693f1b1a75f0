#include "tsdb/tombstones.h"

#include "tsdb/wal/varint.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <mutex>
#include <sstream>

namespace vigil::tsdb {

namespace {

constexpr char kMagic[4] = {'V', 'T', 'M', 'B'};
constexpr uint32_t kVersion = 1;

Status errnoStatus(const std::string &what, int err)
{
    return Status::ioError(what + ": " + std::strerror(err));
}

void putUvarint(std::string *out, uint64_t v)
{
    char buf[wal::kMaxVarintLen];
    out->append(buf, size_t(wal::putUvarint(buf, v) - buf));
}

void putVarint(std::string *out, int64_t v)
{
    char buf[wal::kMaxVarintLen];
    out->append(buf, size_t(wal::putVarint(buf, v) - buf));
}

void putString(std::string *out, const std::string &s)
{
    putUvarint(out, s.size());
    out->append(s);
}

uint32_t crcOf(const char *p, size_t n)
{
    return uint32_t(crc32(0L, reinterpret_cast<const Bytef *>(p), uInt(n)));
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

}  // namespace

void addInterval(Intervals *iv, Interval add)
{
    Intervals out;
    out.reserve(iv->size() + 1);
    bool placed = false;
    for (const Interval &i : *iv) {
        // Disjoint and not adjacent: keep as is (INT64 bounds guarded).
        const bool before = i.maxt < add.mint && i.maxt + 1 < add.mint;
        const bool after = i.mint > add.maxt && i.mint - 1 > add.maxt;
        if (before) {
            out.push_back(i);
        } else if (after) {
            if (!placed) out.push_back(add), placed = true;
            out.push_back(i);
        } else {
            add.mint = std::min(add.mint, i.mint);
            add.maxt = std::max(add.maxt, i.maxt);
        }
    }
    if (!placed) out.push_back(add);
    *iv = std::move(out);
}

bool intervalsContain(const Intervals &iv, int64_t t)
{
    auto it =
        std::upper_bound(iv.begin(), iv.end(), t, [](int64_t x, const Interval &i) { return x < i.mint; });
    return it != iv.begin() && std::prev(it)->maxt >= t;
}

Result<Tombstones::Map> Tombstones::read(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (errno == ENOENT) return Map{};
        return errnoStatus("reading " + path, errno);
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    const std::string data = ss.str();
    auto corrupt = [&](const char *why) { return Status::corruption(path + ": " + why); };
    if (data.size() < 12 || std::memcmp(data.data(), kMagic, 4) != 0) return corrupt("not a tombstones file");
    if (wal::getFixed32(data.data() + 4) != kVersion) return corrupt("unsupported version");
    const size_t bodyEnd = data.size() - 4;
    if (crcOf(data.data(), bodyEnd) != wal::getFixed32(data.data() + bodyEnd)) return corrupt("CRC mismatch");
    const char *p = data.data() + 8, *end = data.data() + bodyEnd;
    auto uv = [&](uint64_t *v) { return (p = p ? wal::getUvarint(p, end, v) : nullptr) != nullptr; };
    auto sv = [&](int64_t *v) { return (p = p ? wal::getVarint(p, end, v) : nullptr) != nullptr; };
    auto str = [&](std::string *s) {
        uint64_t n = 0;
        if (!uv(&n) || uint64_t(end - p) < n) return false;
        s->assign(p, size_t(n));
        p += n;
        return true;
    };
    Map map;
    uint64_t numSeries = 0;
    if (!uv(&numSeries)) return corrupt("truncated");
    for (uint64_t s = 0; s < numSeries; ++s) {
        uint64_t numLabels = 0;
        if (!uv(&numLabels) || numLabels > uint64_t(end - p)) return corrupt("truncated");
        std::vector<model::Label> labels(numLabels);
        for (auto &l : labels) {
            if (!str(&l.name) || !str(&l.value)) return corrupt("truncated");
        }
        uint64_t numIntervals = 0;
        if (!uv(&numIntervals) || numIntervals > uint64_t(end - p)) return corrupt("truncated");
        Intervals iv;
        for (uint64_t i = 0; i < numIntervals; ++i) {
            Interval x{};
            if (!sv(&x.mint) || !sv(&x.maxt) || x.mint > x.maxt) return corrupt("bad interval");
            addInterval(&iv, x);
        }
        map[model::Labels::fromUnsorted(std::move(labels))] = std::move(iv);
    }
    if (p != end) return corrupt("trailing bytes");
    return map;
}

Status Tombstones::write(const std::string &path, const Map &map)
{
    const auto slash = path.rfind('/');
    const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash);
    if (map.empty()) {
        if (::unlink(path.c_str()) != 0 && errno != ENOENT) return errnoStatus("removing " + path, errno);
        return syncDir(dir);
    }
    std::string out(kMagic, 4);
    char fixed[4];
    wal::putFixed32(fixed, kVersion);
    out.append(fixed, 4);
    putUvarint(&out, map.size());
    for (const auto &[labels, iv] : map) {
        putUvarint(&out, labels.size());
        for (const auto &l : labels) {
            putString(&out, l.name);
            putString(&out, l.value);
        }
        putUvarint(&out, iv.size());
        for (const Interval &i : iv) {
            putVarint(&out, i.mint);
            putVarint(&out, i.maxt);
        }
    }
    wal::putFixed32(fixed, crcOf(out.data(), out.size()));
    out.append(fixed, 4);

    const std::string tmp = path + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return errnoStatus("creating " + tmp, errno);
    size_t done = 0;
    while (done < out.size()) {
        const ssize_t n = ::write(fd, out.data() + done, out.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int err = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            return errnoStatus("writing " + tmp, err);
        }
        done += size_t(n);
    }
    if (::fdatasync(fd) != 0) {
        const int err = errno;
        ::close(fd);
        ::unlink(tmp.c_str());
        return errnoStatus("syncing " + tmp, err);
    }
    ::close(fd);
    if (::rename(tmp.c_str(), path.c_str()) != 0) return errnoStatus("renaming to " + path, errno);
    return syncDir(dir);
}

void Tombstones::reset(Map map)
{
    std::unique_lock lock(mu_);
    map_ = std::move(map);
}

Intervals Tombstones::lookup(const model::Labels &labels) const
{
    std::shared_lock lock(mu_);
    auto it = map_.find(labels);
    return it == map_.end() ? Intervals{} : it->second;
}

bool Tombstones::empty() const
{
    std::shared_lock lock(mu_);
    return map_.empty();
}

Tombstones::Map Tombstones::snapshot() const
{
    std::shared_lock lock(mu_);
    return map_;
}

}  // namespace vigil::tsdb
