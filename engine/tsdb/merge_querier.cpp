#include "tsdb/merge_querier.h"

#include "tsdb/merged_series.h"

#include <algorithm>

namespace vigil::tsdb {

namespace {

void sortUnique(std::vector<std::string> *v)
{
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
}

}  // namespace

Result<storage::SeriesSet> MergeQuerier::select(const std::vector<model::Matcher> &matchers)
{
    if (matchers.empty()) return Status::invalidArgument("select needs at least one matcher");
    if (sources_.size() == 1) return sources_.front()->select(matchers);
    std::vector<storage::SeriesSet> sets;
    sets.reserve(sources_.size());
    for (auto &q : sources_) {
        auto r = q->select(matchers);
        if (!r) return r.status();
        if (!r->empty()) sets.push_back(std::move(r).value());
    }
    return mergeSets(std::move(sets));
}

storage::SeriesSet MergeQuerier::mergeSets(std::vector<storage::SeriesSet> sets)
{
    if (sets.empty()) return storage::SeriesSet{};
    if (sets.size() == 1) return std::move(sets.front());
    // k-way merge by labels; sets are few (blocks in range + head).
    std::vector<size_t> pos(sets.size(), 0);
    storage::SeriesSet out;
    for (;;) {
        const model::Labels *least = nullptr;
        for (size_t i = 0; i < sets.size(); ++i) {
            if (pos[i] < sets[i].size() && (!least || sets[i][pos[i]]->labels() < *least))
                least = &sets[i][pos[i]]->labels();
        }
        if (!least) break;
        std::vector<storage::SeriesPtr> parts;
        const model::Labels key = *least;
        for (size_t i = 0; i < sets.size(); ++i) {
            if (pos[i] < sets[i].size() && sets[i][pos[i]]->labels() == key) parts.push_back(sets[i][pos[i]++]);
        }
        if (parts.size() == 1)
            out.push_back(std::move(parts.front()));
        else
            out.push_back(std::make_shared<MergedSeries>(std::move(parts)));
    }
    return out;
}

Result<std::vector<std::string>> MergeQuerier::labelNames(const std::vector<model::Matcher> &matchers)
{
    std::vector<std::string> out;
    for (auto &q : sources_) {
        auto r = q->labelNames(matchers);
        if (!r) return r.status();
        out.insert(out.end(), r->begin(), r->end());
    }
    sortUnique(&out);
    return out;
}

Result<std::vector<std::string>> MergeQuerier::labelValues(const std::string &name,
                                                           const std::vector<model::Matcher> &matchers)
{
    std::vector<std::string> out;
    for (auto &q : sources_) {
        auto r = q->labelValues(name, matchers);
        if (!r) return r.status();
        out.insert(out.end(), r->begin(), r->end());
    }
    sortUnique(&out);
    return out;
}

}  // namespace vigil::tsdb
