// Db: series deletion through tombstones (tsdb/tombstones.h).
#include "tsdb/db.h"

#include "tsdb/block.h"
#include "tsdb/block_writer.h"
#include "tsdb/db_querier.h"
#include "tsdb/tombstoned_series.h"

#include "core/log.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <mutex>

namespace vigil::tsdb {

Status Db::deleteSeries(const std::vector<model::Matcher> &matchers, int64_t mint, int64_t maxt)
{
    if (matchers.empty()) return Status::invalidArgument("delete needs at least one matcher");
    if (mint > maxt) return Status::ok();
    std::lock_guard lock(maintainMu_);
    // What is visible now (earlier tombstones applied): each series' deleted
    // range is clamped to the samples it has in [mint, maxt], so samples
    // appended later, even at timestamps up to maxt, are not hidden.
    DbQuerier q(*this, mint, maxt);
    auto set = q.select(matchers);
    if (!set) return set.status();
    Tombstones::Map map = tombstones_.snapshot();
    size_t changed = 0;
    for (const auto &s : *set) {
        auto it = s->iterator();
        if (!it->next()) {
            VIGIL_RETURN_IF_ERROR(it->status());
            continue;
        }
        const int64_t first = it->at().t;
        int64_t last = first;
        while (it->next()) last = it->at().t;
        VIGIL_RETURN_IF_ERROR(it->status());
        addInterval(&map[s->labels()], Interval{first, last});
        ++changed;
    }
    if (changed == 0) return Status::ok();
    // Durable first, then visible: a crash never shows a deletion that a
    // restart would undo.
    VIGIL_RETURN_IF_ERROR(Tombstones::write(tombstonesPath(), map));
    tombstones_.reset(std::move(map));
    qCInfo(lcTsdb, "deleted samples of %zu series in [%lld, %lld]", changed, (long long)mint,
           (long long)maxt);
    return Status::ok();
}

}  // namespace vigil::tsdb

namespace vigil::tsdb {

namespace {

namespace fs = std::filesystem;

// Writes every series of `set` (sorted) with at least one sample to `w`.
Status writeSeries(BlockWriter *w, const storage::SeriesSet &set)
{
    std::vector<int64_t> ts;
    std::vector<double> vs;
    for (const auto &s : set) {
        ts.clear();
        vs.clear();
        auto it = s->iterator();
        while (it->next()) {
            ts.push_back(it->at().t);
            vs.push_back(it->at().v);
        }
        VIGIL_RETURN_IF_ERROR(it->status());
        if (!ts.empty()) VIGIL_RETURN_IF_ERROR(w->addSeries(s->labels(), ts, vs));
    }
    return Status::ok();
}

Result<model::Matcher> allSeries()
{
    return model::Matcher::create(model::Matcher::Type::Regex, std::string(model::kMetricName), ".*");
}

}  // namespace

Status Db::cleanTombstones()
{
    std::lock_guard lock(maintainMu_);
    const Tombstones::Map stones = tombstones_.snapshot();
    if (stones.empty()) return Status::ok();
    auto all = allSeries();
    if (!all) return all.status();
    size_t rewritten = 0;
    for (const auto &b : blocksSnapshot()) {
        // Does a tombstone hide anything of this block?
        bool affected = false;
        for (const auto &e : b->series()) {
            auto it = stones.find(e.labels);
            if (it == stones.end()) continue;
            for (const Interval &i : it->second)
                affected = affected || (i.mint <= e.maxTime && i.maxt >= e.minTime);
            if (affected) break;
        }
        if (!affected) continue;
        auto set = b->querier(b->meta().minTime, b->meta().maxTime)->select({*all});
        if (!set) return set.status();
        auto cleaned = applyTombstones(std::move(set).value(), tombstones_);
        if (!cleaned) return cleaned.status();
        const uint64_t seq = nextBlockSeq_++;
        auto w = BlockWriter::create(blockPath(seq), seq, b->meta().source);
        if (!w) return w.status();
        (*w)->setParents({b->meta().seq});
        VIGIL_RETURN_IF_ERROR(writeSeries(w->get(), *cleaned));
        auto meta = (*w)->finish();
        if (!meta) return meta.status();
        std::shared_ptr<const Block> replacement;
        if (meta->numSeries > 0) {
            auto nb = Block::open(blockPath(seq));
            if (!nb) return nb.status();
            replacement = std::move(nb).value();
        }
        {
            std::unique_lock blocksLock(blocksMu_);
            blocks_.erase(std::remove(blocks_.begin(), blocks_.end(), b), blocks_.end());
            if (replacement) {
                auto pos = std::upper_bound(
                    blocks_.begin(), blocks_.end(), replacement,
                    [](const auto &x, const auto &y) { return x->meta().minTime < y->meta().minTime; });
                blocks_.insert(pos, replacement);
            }
        }
        std::error_code ec;
        fs::remove(b->path(), ec);  // readers holding it keep its data
        ++rewritten;
    }
    qCInfo(lcTsdb, "clean tombstones: rewrote %zu blocks", rewritten);
    return Status::ok();
}

Status Db::snapshot(const std::string &dir, bool skipHead)
{
    std::lock_guard lock(maintainMu_);
    std::error_code ec;
    if (fs::exists(dir, ec))
        return Status::failedPrecondition("snapshot directory " + dir + " already exists");
    const std::string blocksOut = dir + "/blocks";
    fs::create_directories(blocksOut, ec);
    if (ec) return Status::ioError("creating " + blocksOut + ": " + ec.message());
    uint64_t maxSeq = 0;
    for (const auto &b : blocksSnapshot()) {
        const fs::path target = fs::path(blocksOut) / fs::path(b->path()).filename();
        fs::create_hard_link(b->path(), target, ec);
        if (ec) {
            ec.clear();
            fs::copy_file(b->path(), target, ec);
            if (ec)
                return Status::ioError("copying " + b->path() + " to " + target.string() + ": " +
                                       ec.message());
        }
        maxSeq = std::max(maxSeq, b->meta().seq);
    }
    if (!skipHead) {
        auto q = head_->querier(INT64_MIN, INT64_MAX);
        if (!q) return q.status();
        auto all = allSeries();
        if (!all) return all.status();
        auto set = (*q)->select({*all});
        if (!set) return set.status();
        // Named after the live blocks so it never collides with them.
        const uint64_t seq = std::max(maxSeq, nextBlockSeq_) + 1;
        char name[32];
        std::snprintf(name, sizeof name, "/%010llu.vblk", (unsigned long long)seq);
        auto w = BlockWriter::create(blocksOut + name, seq, BlockMeta::Source::Import);
        if (!w) return w.status();
        VIGIL_RETURN_IF_ERROR(writeSeries(w->get(), *set));
        auto meta = (*w)->finish();
        if (!meta) return meta.status();
    }
    const Tombstones::Map stones = tombstones_.snapshot();
    if (!stones.empty()) VIGIL_RETURN_IF_ERROR(Tombstones::write(dir + "/tombstones", stones));
    qCInfo(lcTsdb, "snapshot written to %s", dir.c_str());
    return Status::ok();
}

}  // namespace vigil::tsdb
