// Db: retention by time and by size. Deleted blocks leave the list at once;
// their files are unlinked right away (readers still holding a block keep
// reading through its open descriptor; the space returns when they finish).
#include "tsdb/db.h"

#include "tsdb/block.h"

#include "core/log.h"

#include <algorithm>
#include <fcntl.h>
#include <filesystem>
#include <set>
#include <unistd.h>

namespace vigil::tsdb {

namespace fs = std::filesystem;

namespace {

uint64_t walBytes(const std::string &dir)
{
    std::error_code ec;
    uint64_t total = 0;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code ec2;
        if (it->is_regular_file(ec2)) total += it->file_size(ec2);
    }
    return total;
}

}  // namespace

Status Db::applyRetention()
{
    std::vector<std::shared_ptr<const Block>> blocks = blocksSnapshot();
    if (blocks.empty()) return Status::ok();
    std::set<const Block *> doomed;
    if (options_.retentionMs > 0) {
        int64_t newest = head_->maxTime();
        for (const auto &b : blocks) newest = std::max(newest, b->meta().maxTime);
        if (newest > INT64_MIN + options_.retentionMs) {
            const int64_t cutoff = newest - options_.retentionMs;
            for (const auto &b : blocks) {
                if (b->meta().maxTime < cutoff) doomed.insert(b.get());
            }
        }
    }
    if (options_.retentionBytes > 0) {
        // The newest block written from the head records how far the head was
        // persisted (read back at open): it is never deleted for size.
        const Block *keep = nullptr;
        for (const auto &b : blocks) {
            if (b->meta().source == BlockMeta::Source::Head && (!keep || b->meta().maxTime > keep->meta().maxTime))
                keep = b.get();
        }
        uint64_t total = walBytes(dir_ + "/wal");
        for (const auto &b : blocks) {
            if (!doomed.count(b.get())) total += b->fileBytes();
        }
        std::vector<const Block *> byAge;
        for (const auto &b : blocks) byAge.push_back(b.get());
        std::sort(byAge.begin(), byAge.end(),
                  [](const Block *a, const Block *b) { return a->meta().maxTime < b->meta().maxTime; });
        for (const Block *b : byAge) {
            if (total <= options_.retentionBytes) break;
            if (b == keep || doomed.count(b)) continue;
            doomed.insert(b);
            total -= b->fileBytes();
        }
    }
    if (doomed.empty()) return Status::ok();
    {
        std::unique_lock lock(blocksMu_);
        blocks_.erase(std::remove_if(blocks_.begin(), blocks_.end(),
                                     [&](const auto &b) { return doomed.count(b.get()) > 0; }),
                      blocks_.end());
    }
    Status st;
    for (const Block *b : doomed) {
        std::error_code ec;
        fs::remove(b->path(), ec);
        if (ec && st.isOk()) st = Status::ioError("removing " + b->path() + ": " + ec.message());
        qCInfo(lcTsdb, "retention: deleted block %s [%lld, %lld]", b->path().c_str(), (long long)b->meta().minTime,
               (long long)b->meta().maxTime);
    }
    counters_.blocksDeletedByRetention.fetch_add(doomed.size());
    const int fd = ::open(blocksDir().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
    return st;
}

}  // namespace vigil::tsdb
