#include "incidents/change_markers.h"

#include <algorithm>
#include <cstdio>

#include <map>
#include <set>

namespace vigil::incidents {

namespace {

std::string valueText(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// "version 1.0 → 1.1, revision abc → def" (labels), or "value 1 → 2".
std::string describe(const std::map<std::string, std::string> &before, const std::map<std::string, std::string> &after,
                     double vBefore, double vAfter, std::vector<model::Label> *changed)
{
    std::string out;
    std::set<std::string> names;
    for (const auto &[n, _] : before) names.insert(n);
    for (const auto &[n, _] : after) names.insert(n);
    for (const auto &n : names) {
        auto b = before.find(n), a = after.find(n);
        const std::string bv = b == before.end() ? "" : b->second, av = a == after.end() ? "" : a->second;
        if (bv == av) continue;
        if (!out.empty()) out += ", ";
        out += n + " " + (bv.empty() ? "(none)" : bv) + " → " + (av.empty() ? "(none)" : av);
        if (!av.empty()) changed->push_back({n, av});
    }
    if (out.empty() && vBefore != vAfter) out = "value " + valueText(vBefore) + " → " + valueText(vAfter);
    return out;
}

}  // namespace

ChangeWatch defaultBuildInfoWatch() { return ChangeWatch{"{__name__=~\".+_build_info\"}", {"job", "instance"}}; }

std::vector<Marker> detectChanges(const promql::Matrix &matrix, const ChangeWatch &watch)
{
    // identity text -> (identity labels, time -> the series present then)
    struct Thing {
        model::Labels identity;
        std::map<int64_t, std::vector<std::pair<std::map<std::string, std::string>, double>>> at;
    };
    std::map<std::string, Thing> things;
    for (const auto &s : matrix) {
        std::vector<model::Label> id;
        std::map<std::string, std::string> rest;
        for (const auto &l : s.metric) {
            const bool isId = l.name == model::kMetricName ||
                              std::find(watch.by.begin(), watch.by.end(), l.name) != watch.by.end();
            if (isId) id.push_back(l);
            else rest[l.name] = l.value;
        }
        model::Labels idLabels = model::Labels::fromSorted(std::move(id));
        Thing &t = things[idLabels.toString()];
        t.identity = idLabels;
        for (const auto &p : s.points) t.at[p.t].push_back({rest, p.v});
    }
    std::vector<Marker> out;
    for (auto &[key, thing] : things) {
        const std::vector<std::pair<std::map<std::string, std::string>, double>> *prev = nullptr;
        for (auto &[t, state] : thing.at) {
            std::sort(state.begin(), state.end());
            if (prev && *prev != state) {
                Marker m;
                m.timeMs = t;
                m.source = "auto:" + watch.expr;
                std::vector<model::Label> changed;
                // Compare the first series of each state (a watched thing usually has one).
                const std::string what = describe(prev->front().first, state.front().first, prev->front().second,
                                                  state.front().second, &changed);
                m.text = key + ": " + (what.empty() ? std::string("changed") : what);
                std::vector<model::Label> labels = thing.identity.vector();
                for (auto &c : changed) labels.push_back(std::move(c));
                m.labels = model::Labels::fromUnsorted(std::move(labels));
                out.push_back(std::move(m));
            }
            prev = &state;
        }
    }
    std::sort(out.begin(), out.end(), [](const Marker &a, const Marker &b) { return a.timeMs < b.timeMs; });
    return out;
}

Result<std::vector<Marker>> scanChanges(const promql::Engine &engine, const ChangeWatch &watch, int64_t startMs,
                                        int64_t endMs, int64_t stepMs)
{
    if (watch.expr.empty()) return Status::invalidArgument("a change watch needs an expression");
    if (endMs <= startMs || stepMs <= 0) return Status::invalidArgument("a change scan needs a window and a step");
    auto r = engine.rangeQuery(watch.expr, startMs, endMs, stepMs);
    if (!r.isOk()) return r.status();
    return detectChanges(std::get<promql::Matrix>(r->value), watch);
}

}  // namespace vigil::incidents
