// Helpers shared by the head tests: building matchers and reading a series
// set into plain vectors.
#pragma once

#include "model/labels.h"
#include "model/matcher.h"
#include "storage/storage.h"

#include <QTest>

#include <bit>
#include <string>
#include <utility>
#include <vector>

namespace tsdbtest {

inline vigil::model::Matcher mustMatcher(vigil::model::Matcher::Type type, std::string name, std::string value)
{
    auto m = vigil::model::Matcher::create(type, std::move(name), std::move(value));
    if (!m.isOk()) qFatal("bad matcher in test: %s", m.status().toString().c_str());
    return *m;
}

inline vigil::model::Matcher eq(std::string n, std::string v)
{
    return mustMatcher(vigil::model::Matcher::Type::Equal, std::move(n), std::move(v));
}

struct ReadSeries {
    vigil::model::Labels labels;
    std::vector<vigil::model::Sample> samples;
};

// Reads every series of a set; fails the test (via the returned bool) on an
// iterator error.
inline bool readAll(const vigil::storage::SeriesSet &set, std::vector<ReadSeries> *out)
{
    for (const auto &s : set) {
        ReadSeries r;
        r.labels = s->labels();
        auto it = s->iterator();
        while (it->next()) r.samples.push_back(it->at());
        if (!it->status().isOk()) return false;
        out->push_back(std::move(r));
    }
    return true;
}

inline uint64_t bits(double v) { return std::bit_cast<uint64_t>(v); }

}  // namespace tsdbtest
