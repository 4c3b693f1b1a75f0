// Db: compaction — several persisted head blocks inside one complete aligned
// DbOptions::compactRangeMs window are merged into one block.
//
// Crash safety: the merged block is written completely (tmp + rename) and
// lists its inputs as parents before any input is deleted; Db::open deletes
// blocks named as another block's parent. Readers holding an input keep it.
#include "tsdb/db.h"

#include "tsdb/block.h"
#include "tsdb/block_writer.h"
#include "tsdb/merge_querier.h"

#include "core/log.h"

#include <algorithm>
#include <filesystem>
#include <map>

namespace vigil::tsdb {

namespace fs = std::filesystem;

namespace {

int64_t alignDown(int64_t t, int64_t range)
{
    int64_t q = t / range;
    if (t % range != 0 && t < 0) --q;
    return q * range;
}

}  // namespace

Status Db::compact()
{
    const int64_t range = options_.compactRangeMs;
    const int64_t persisted = persistedMaxTime_.load();
    if (range <= 0 || persisted == INT64_MIN) return Status::ok();
    // Head blocks grouped by the compaction window holding them entirely.
    std::map<int64_t, std::vector<std::shared_ptr<const Block>>> groups;
    for (const auto &b : blocksSnapshot()) {
        if (b->meta().source != BlockMeta::Source::Head) continue;
        const int64_t w = alignDown(b->meta().minTime, range);
        if (b->meta().maxTime - w >= range) continue;  // spans windows (a wide catch-up block)
        if (w > persisted - range + 1) continue;     // window not complete yet
        groups[w].push_back(b);
    }
    for (auto &[w, inputs] : groups) {
        if (inputs.size() < 2) continue;
        std::vector<std::unique_ptr<storage::Querier>> qs;
        std::vector<uint64_t> parents;
        for (const auto &b : inputs) {
            qs.push_back(b->querier(w, w + range - 1));
            parents.push_back(b->meta().seq);
        }
        MergeQuerier merged(std::move(qs));
        auto all = model::Matcher::create(model::Matcher::Type::Regex, std::string(model::kMetricName), ".*");
        if (!all) return all.status();
        auto set = merged.select({*all});
        if (!set) return set.status();
        const uint64_t seq = nextBlockSeq_++;
        auto wr = BlockWriter::create(blockPath(seq), seq, BlockMeta::Source::Head);
        if (!wr) return wr.status();
        (*wr)->setParents(parents);
        std::vector<int64_t> ts;
        std::vector<double> vs;
        for (const auto &s : *set) {
            ts.clear();
            vs.clear();
            auto it = s->iterator();
            while (it->next()) {
                ts.push_back(it->at().t);
                vs.push_back(it->at().v);
            }
            if (!it->status().isOk()) return it->status();
            if (!ts.empty()) VIGIL_RETURN_IF_ERROR((*wr)->addSeries(s->labels(), ts, vs));
        }
        auto meta = (*wr)->finish();
        if (!meta) return meta.status();
        auto block = Block::open(blockPath(seq));
        if (!block) return block.status();
        {
            std::unique_lock lock(blocksMu_);
            blocks_.erase(std::remove_if(blocks_.begin(), blocks_.end(),
                                         // &inputs, not [&]: clang before 16 cannot capture a structured binding.
                                         [&in = inputs](const auto &b) {
                                             return std::find(in.begin(), in.end(), b) != in.end();
                                         }),
                          blocks_.end());
            auto pos = std::upper_bound(blocks_.begin(), blocks_.end(), *block, [](const auto &a, const auto &b) {
                return a->meta().minTime < b->meta().minTime;
            });
            blocks_.insert(pos, std::move(block).value());
        }
        for (const auto &b : inputs) {
            std::error_code ec;
            fs::remove(b->path(), ec);
        }
        qCDebug(lcTsdb, "compacted %zu blocks into block %llu", inputs.size(), (unsigned long long)seq);
    }
    return Status::ok();
}

}  // namespace vigil::tsdb
