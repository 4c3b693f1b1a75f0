// Test helper: reads series and samples back from a tsdb::Head.
#pragma once

#include "model/matcher.h"
#include "model/sample.h"
#include "tsdb/head.h"

#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace vigil::testing {

struct SeriesSamples {
    model::Labels labels;
    std::vector<model::Sample> samples;
};

// All series matching name="value" pairs (the first pair is usually __name__).
inline std::vector<SeriesSamples> readSeries(tsdb::Head &head,
                                             const std::vector<std::pair<std::string, std::string>> &eq)
{
    std::vector<model::Matcher> ms;
    for (const auto &[n, v] : eq) ms.push_back(*model::Matcher::create(model::Matcher::Type::Equal, n, v));
    auto q = head.querier(std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max());
    std::vector<SeriesSamples> out;
    auto set = (*q)->select(ms);
    if (!set) return out;
    for (const auto &s : *set) {
        SeriesSamples ss{s->labels(), {}};
        auto it = s->iterator();
        while (it->next()) ss.samples.push_back(it->at());
        out.push_back(std::move(ss));
    }
    return out;
}

// The last sample value of the single series matching, NaN if none.
inline double lastValue(tsdb::Head &head, const std::vector<std::pair<std::string, std::string>> &eq)
{
    auto s = readSeries(head, eq);
    if (s.size() != 1 || s[0].samples.empty()) return std::numeric_limits<double>::quiet_NaN();
    return s[0].samples.back().v;
}

inline bool lastIsStale(tsdb::Head &head, const std::vector<std::pair<std::string, std::string>> &eq)
{
    auto s = readSeries(head, eq);
    return s.size() == 1 && !s[0].samples.empty() && model::isStaleNaN(s[0].samples.back().v);
}

}  // namespace vigil::testing
