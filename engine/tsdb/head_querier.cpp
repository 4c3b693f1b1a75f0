#include "tsdb/head_querier.h"

#include "tsdb/head.h"
#include "tsdb/head_series.h"
#include "tsdb/head_series_iterator.h"
#include "tsdb/postings_for_matchers.h"

#include <algorithm>
#include <mutex>

namespace vigil::tsdb {

Result<storage::SeriesSet> HeadQuerier::select(const std::vector<model::Matcher> &matchers)
{
    if (matchers.empty()) return Status::invalidArgument("select needs at least one matcher");
    storage::SeriesSet out;
    if (mint_ > maxt_) return out;
    const postings::List refs = postingsForMatchers(head_.postings_, matchers);
    std::vector<std::shared_ptr<const HeadSeries>> found;
    for (uint64_t ref : refs) {
        std::shared_ptr<MemSeries> s = head_.series_.getByRef(ref);
        if (!s) continue;  // removed since the index was read
        auto snap = std::make_shared<SeriesSnapshot>();
        {
            std::lock_guard lock(s->mutex());
            s->snapshotLocked(mint_, maxt_, snap.get());
        }
        if (snap->empty()) continue;
        // Chunks overlapping the range may still hold no sample inside it.
        HeadSeriesIterator probe(snap, mint_, maxt_);
        if (!probe.next() && probe.status().isOk()) continue;
        out.push_back(std::make_shared<HeadSeries>(std::move(s), std::move(snap), mint_, maxt_));
    }
    std::sort(out.begin(), out.end(),
              [](const storage::SeriesPtr &a, const storage::SeriesPtr &b) { return a->labels() < b->labels(); });
    return out;
}

Result<std::vector<std::string>> HeadQuerier::labelNames(const std::vector<model::Matcher> &matchers)
{
    if (matchers.empty()) return head_.postings_.labelNames();
    std::vector<std::string> out;
    for (uint64_t ref : postingsForMatchers(head_.postings_, matchers)) {
        std::shared_ptr<MemSeries> s = head_.series_.getByRef(ref);
        if (!s) continue;
        for (const auto &l : s->labels()) out.push_back(l.name);
        // Keep the vector from growing with duplicates on large selections.
        if (out.size() > 4096) {
            std::sort(out.begin(), out.end());
            out.erase(std::unique(out.begin(), out.end()), out.end());
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

Result<std::vector<std::string>> HeadQuerier::labelValues(const std::string &name,
                                                          const std::vector<model::Matcher> &matchers)
{
    if (matchers.empty()) return head_.postings_.labelValues(name);
    std::vector<std::string> out;
    for (uint64_t ref : postingsForMatchers(head_.postings_, matchers)) {
        std::shared_ptr<MemSeries> s = head_.series_.getByRef(ref);
        if (!s) continue;
        std::string_view v = s->labels().get(name);
        if (!v.empty()) out.emplace_back(v);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace vigil::tsdb
