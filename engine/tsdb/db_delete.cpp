// Db: series deletion through tombstones (tsdb/tombstones.h).
#include "tsdb/db.h"

#include "tsdb/db_querier.h"

#include "core/log.h"

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
    qCInfo(lcTsdb, "deleted samples of %zu series in [%lld, %lld]", changed, (long long)mint, (long long)maxt);
    return Status::ok();
}

}  // namespace vigil::tsdb
