// Db: loading the persisted blocks at open.
#include "tsdb/db.h"

#include "tsdb/block.h"

#include "core/log.h"

#include <algorithm>
#include <filesystem>

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
