#include "tsdb/block_querier.h"

#include "tsdb/block_series.h"
#include "tsdb/postings_for_matchers.h"

#include <algorithm>

namespace vigil::tsdb {

Result<storage::SeriesSet> BlockQuerier::select(const std::vector<model::Matcher> &matchers)
{
    if (matchers.empty()) return Status::invalidArgument("select needs at least one matcher");
    storage::SeriesSet out;
    if (mint_ > maxt_ || block_->meta().minTime > maxt_ || block_->meta().maxTime < mint_) return out;
    for (uint64_t id : postingsForMatchers(block_->postings(), matchers)) {
        const uint32_t i = uint32_t(id - 1);
        const Block::SeriesEntry &e = block_->series()[i];
        if (e.minTime > maxt_ || e.maxTime < mint_) continue;
        const auto &ts = block_->timeColumn(e.timeColumn);
        auto it = std::lower_bound(ts.begin(), ts.end(), mint_);
        if (it == ts.end() || *it > maxt_) continue;  // no sample inside the range
        out.push_back(std::make_shared<BlockSeries>(block_, i, mint_, maxt_));
    }
    return out;  // ids follow label order
}

Result<std::vector<std::string>> BlockQuerier::labelNames(const std::vector<model::Matcher> &matchers)
{
    if (matchers.empty()) return block_->postings().labelNames();
    std::vector<std::string> out;
    for (uint64_t id : postingsForMatchers(block_->postings(), matchers)) {
        for (const auto &l : block_->series()[id - 1].labels) out.push_back(l.name);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

Result<std::vector<std::string>> BlockQuerier::labelValues(const std::string &name,
                                                           const std::vector<model::Matcher> &matchers)
{
    if (matchers.empty()) return block_->postings().labelValues(name);
    std::vector<std::string> out;
    for (uint64_t id : postingsForMatchers(block_->postings(), matchers)) {
        const std::string_view v = block_->series()[id - 1].labels.get(name);
        if (!v.empty()) out.emplace_back(v);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace vigil::tsdb
