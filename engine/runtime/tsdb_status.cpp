#include "runtime/tsdb_status.h"

#include "tsdb/db.h"

#include <algorithm>
#include <map>
#include <set>

namespace vigil::runtime {

namespace {

TsdbStatus::Counts top10(const std::map<std::string, uint64_t> &m)
{
    TsdbStatus::Counts v(m.begin(), m.end());
    std::sort(v.begin(), v.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (v.size() > 10) v.resize(10);
    return v;
}

}  // namespace

Result<TsdbStatus> computeTsdbStatus(tsdb::Db *db, int64_t nowMs)
{
    TsdbStatus out;
    const tsdb::DbStats st = db->stats();
    out.headSeries = st.head.numSeries;
    out.samplesAppended = st.head.samplesAppended;
    out.headChunks = st.head.chunksCreated - std::min(st.head.chunksCreated, st.head.chunksRemoved);
    out.walBytes = st.walBytes;
    out.blockBytes = st.persistedBytes;
    out.blocks = st.blocks;

    // The head's window, as Prometheus's head block covers about the last three hours.
    auto querier = db->querier(nowMs - 3 * 3600 * 1000, nowMs);
    if (!querier.isOk()) return querier.status();
    auto any = model::Matcher::create(model::Matcher::Type::Regex, std::string(model::kMetricName), ".+");
    if (!any.isOk()) return any.status();
    auto all = (*querier)->select({*any});
    if (!all.isOk()) return all.status();
    std::map<std::string, uint64_t> byMetric, byPair;
    std::map<std::string, std::set<std::string>> values;
    for (const auto &s : *all) {
        const model::Labels &ls = s->labels();
        ++byMetric[std::string(ls.metricName())];
        for (const auto &l : ls) {
            ++byPair[l.name + "=" + l.value];
            values[l.name].insert(l.value);
        }
    }
    std::map<std::string, uint64_t> valueCounts;
    for (const auto &[name, vals] : values) valueCounts[name] = vals.size();
    out.labelPairs = byPair.size();
    out.seriesByMetricName = top10(byMetric);
    out.valuesByLabelName = top10(valueCounts);
    out.seriesByLabelPair = top10(byPair);
    return out;
}

}  // namespace vigil::runtime
