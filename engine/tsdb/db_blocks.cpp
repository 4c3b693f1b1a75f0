// Db: loading the persisted blocks at open.
#include "tsdb/db.h"

#include "tsdb/block.h"

#include "core/log.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace vigil::tsdb {

namespace fs = std::filesystem;

Status Db::loadBlocks()
{
    std::error_code ec;
    fs::create_directories(blocksDir(), ec);
    if (ec) return Status::ioError("creating " + blocksDir() + ": " + ec.message());
    std::vector<std::shared_ptr<const Block>> blocks;
    for (fs::directory_iterator it(blocksDir(), ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.ends_with(".tmp")) {
            // Left over by a crash while writing: never complete, never read.
            std::error_code rm;
            fs::remove(it->path(), rm);
            continue;
        }
        if (!name.ends_with(".vblk")) continue;
        auto b = Block::open(it->path().string());
        if (!b) return b.status();
        blocks.push_back(std::move(b).value());
    }
    if (ec) return Status::ioError("listing " + blocksDir() + ": " + ec.message());
    // A compaction that crashed after writing its result but before deleting
    // its inputs leaves them behind: they are obsolete (same data).
    std::set<uint64_t> obsolete;
    for (const auto &b : blocks) obsolete.insert(b->meta().parents.begin(), b->meta().parents.end());
    std::vector<std::shared_ptr<const Block>> live;
    for (auto &b : blocks) {
        if (!obsolete.count(b->meta().seq)) {
            live.push_back(std::move(b));
            continue;
        }
        qCInfo(lcTsdb, "removing %s: replaced by a compacted block", b->path().c_str());
        std::error_code rm;
        fs::remove(b->path(), rm);
        nextBlockSeq_ = std::max(nextBlockSeq_, b->meta().seq + 1);
    }
    blocks = std::move(live);
    std::sort(blocks.begin(), blocks.end(), [](const auto &a, const auto &b) {
        return a->meta().minTime != b->meta().minTime ? a->meta().minTime < b->meta().minTime
                                                      : a->meta().seq < b->meta().seq;
    });
    int64_t persisted = INT64_MIN;
    for (const auto &b : blocks) {
        nextBlockSeq_ = std::max(nextBlockSeq_, b->meta().seq + 1);
        if (b->meta().source == BlockMeta::Source::Head) persisted = std::max(persisted, b->meta().maxTime);
    }
    persistedMaxTime_.store(persisted);
    std::unique_lock lock(blocksMu_);
    blocks_ = std::move(blocks);
    return Status::ok();
}

}  // namespace vigil::tsdb
