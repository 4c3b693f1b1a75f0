#include "tsdb/db_querier.h"

#include "tsdb/block.h"
#include "tsdb/db.h"
#include "tsdb/merge_querier.h"
#include "tsdb/tombstoned_series.h"

#include <algorithm>

namespace vigil::tsdb {

Result<std::vector<std::unique_ptr<storage::Querier>>> DbQuerier::blockQueriers() const
{
    std::vector<std::unique_ptr<storage::Querier>> out;
    for (const auto &b : db_.blocksSnapshot()) {
        if (b->meta().minTime <= maxt_ && b->meta().maxTime >= mint_) out.push_back(b->querier(mint_, maxt_));
    }
    return out;
}

Result<storage::SeriesSet> DbQuerier::select(const std::vector<model::Matcher> &matchers)
{
    if (matchers.empty()) return Status::invalidArgument("select needs at least one matcher");
    std::vector<storage::SeriesSet> sets;
    {
        auto hq = db_.head_->querier(mint_, maxt_);
        if (!hq) return hq.status();
        auto r = (*hq)->select(matchers);
        if (!r) return r.status();
        sets.push_back(std::move(r).value());
    }
    auto bqs = blockQueriers();  // after the head: see the header
    if (!bqs) return bqs.status();
    for (auto &q : *bqs) {
        auto r = q->select(matchers);
        if (!r) return r.status();
        if (!r->empty()) sets.push_back(std::move(r).value());
    }
    return applyTombstones(MergeQuerier::mergeSets(std::move(sets)), db_.tombstones_);
}

namespace {

Status appendAll(Result<std::vector<std::string>> r, std::vector<std::string> *out)
{
    if (!r) return r.status();
    out->insert(out->end(), r->begin(), r->end());
    return Status::ok();
}

void sortUnique(std::vector<std::string> *v)
{
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
}

}  // namespace

Result<std::vector<std::string>> DbQuerier::labelNames(const std::vector<model::Matcher> &matchers)
{
    std::vector<std::string> out;
    auto hq = db_.head_->querier(mint_, maxt_);
    if (!hq) return hq.status();
    VIGIL_RETURN_IF_ERROR(appendAll((*hq)->labelNames(matchers), &out));
    auto bqs = blockQueriers();
    if (!bqs) return bqs.status();
    for (auto &q : *bqs) VIGIL_RETURN_IF_ERROR(appendAll(q->labelNames(matchers), &out));
    sortUnique(&out);
    return out;
}

Result<std::vector<std::string>> DbQuerier::labelValues(const std::string &name,
                                                        const std::vector<model::Matcher> &matchers)
{
    std::vector<std::string> out;
    auto hq = db_.head_->querier(mint_, maxt_);
    if (!hq) return hq.status();
    VIGIL_RETURN_IF_ERROR(appendAll((*hq)->labelValues(name, matchers), &out));
    auto bqs = blockQueriers();
    if (!bqs) return bqs.status();
    for (auto &q : *bqs) VIGIL_RETURN_IF_ERROR(appendAll(q->labelValues(name, matchers), &out));
    sortUnique(&out);
    return out;
}

}  // namespace vigil::tsdb
