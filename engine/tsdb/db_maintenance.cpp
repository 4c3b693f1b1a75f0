// Db: the maintenance pass — persist head data older than the head window
// into blocks, truncate the head, checkpoint the WAL, apply retention.
#include "tsdb/db.h"

#include "tsdb/block.h"
#include "tsdb/block_format.h"
#include "tsdb/block_writer.h"
#include "tsdb/wal/wal.h"

#include "core/log.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>

namespace vigil::tsdb {

namespace {

// Largest multiple of `range` <= t (floor, also for negative t).
int64_t alignDown(int64_t t, int64_t range)
{
    int64_t q = t / range;
    if (t % range != 0 && t < 0) --q;
    return q * range;
}

// At most this many blocks per pass; a head spanning more (e.g. after a long
// downtime with old samples in the WAL) gets proportionally longer blocks.
constexpr int64_t kMaxBlocksPerPass = 64;

}  // namespace

std::string Db::blockPath(uint64_t seq) const
{
    char name[32];
    std::snprintf(name, sizeof name, "%010" PRIu64, seq);
    return blocksDir() + "/" + name + block_format::kFileSuffix;
}

Status Db::persistRange(int64_t lo, int64_t hi)
{
    auto q = head_->querier(lo, hi);
    if (!q) return q.status();
    auto all = model::Matcher::create(model::Matcher::Type::Regex, std::string(model::kMetricName), ".*");
    if (!all) return all.status();
    auto set = (*q)->select({*all});
    if (!set) return set.status();
    if (set->empty()) return Status::ok();
    const uint64_t seq = nextBlockSeq_++;
    auto w = BlockWriter::create(blockPath(seq), seq, BlockMeta::Source::Head);
    if (!w) return w.status();
    std::vector<int64_t> ts;
    std::vector<double> vs;
    for (const auto &s : *set) {
        ts.clear();
        vs.clear();
        auto it = s->iterator();
        while (it->next()) {
            const model::Sample smp = it->at();
            ts.push_back(smp.t);
            vs.push_back(smp.v);
        }
        if (!it->status().isOk()) return it->status().withContext("reading the head");
        if (ts.empty()) continue;
        VIGIL_RETURN_IF_ERROR((*w)->addSeries(s->labels(), ts, vs));
    }
    auto meta = (*w)->finish();
    if (!meta) return meta.status();
    if (meta->numSeries == 0) return Status::ok();
    auto block = Block::open(blockPath(seq));
    if (!block) return block.status();
    {
        std::unique_lock lock(blocksMu_);
        auto pos = std::upper_bound(blocks_.begin(), blocks_.end(), *block, [](const auto &a, const auto &b) {
            return a->meta().minTime < b->meta().minTime;
        });
        blocks_.insert(pos, std::move(block).value());
    }
    counters_.blocksWritten.fetch_add(1);
    qCDebug(lcTsdb, "persisted block %llu: %llu series, %llu samples", (unsigned long long)seq,
            (unsigned long long)meta->numSeries, (unsigned long long)meta->numSamples);
    return Status::ok();
}

Status Db::maintainLocked(bool all)
{
    if (!wal_) return Status::failedPrecondition("database not open");
    const int64_t headMin = head_->minTime();
    const int64_t headMax = head_->maxTime();
    bool persisted = false;
    if (headMax != INT64_MIN && headMin <= headMax) {
        const int64_t range = options_.blockRangeMs;
        int64_t upTo;  // exclusive
        if (all) {
            upTo = headMax == INT64_MAX ? INT64_MAX : headMax + 1;
        } else {
            upTo = headMax - options_.headKeepMs < INT64_MIN + range ? INT64_MIN
                                                                     : alignDown(headMax - options_.headKeepMs, range);
        }
        const int64_t done = persistedMaxTime_.load();
        const int64_t start = std::max(headMin, done == INT64_MIN ? INT64_MIN : done + 1);
        if (start < upTo) {
            int64_t window = range;
            const int64_t first = alignDown(start, range);
            const uint64_t span = uint64_t(upTo) - uint64_t(first);
            if (span / uint64_t(range) > uint64_t(kMaxBlocksPerPass))
                window = int64_t((span / uint64_t(kMaxBlocksPerPass) / uint64_t(range) + 1) * uint64_t(range));
            for (int64_t ws = first; ws < upTo;) {
                const int64_t we = uint64_t(upTo) - uint64_t(ws) <= uint64_t(window) ? upTo : ws + window;
                const int64_t lo = std::max(ws, start);
                // No commit may add samples below `we` once the range is
                // read: they would be neither in the block nor kept by
                // truncate() (see Head::fenceAppendsBefore).
                if (we != INT64_MAX) head_->fenceAppendsBefore(we);
                VIGIL_RETURN_IF_ERROR(persistRange(lo, we - 1));
                persistedMaxTime_.store(we - 1);
                if (we != INT64_MAX) head_->truncate(we);
                persisted = true;
                ws = we;
                if (we == INT64_MAX) break;
            }
        }
    }
    if (persisted) {
        // Everything older than the persisted range is in blocks: keep only
        // the rest in the WAL. Series records are all kept (a replayed series
        // without samples is dropped by the next head truncation).
        const wal::Wal::SegmentRange r = wal_->segmentRange();
        const int64_t mint = persistedMaxTime_.load() == INT64_MAX ? INT64_MAX : persistedMaxTime_.load() + 1;
        if (all || r.last > r.first) {
            VIGIL_RETURN_IF_ERROR(wal_->checkpoint(all ? r.last : r.last - 1, [](uint64_t) { return true; }, mint));
        }
    }
    VIGIL_RETURN_IF_ERROR(compact());
    return applyRetention();
}

}  // namespace vigil::tsdb
