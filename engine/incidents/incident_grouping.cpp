#include "incidents/incident_grouping.h"

#include <algorithm>

namespace vigil::incidents {

std::vector<std::string> groupKeysOf(const model::Labels &labels)
{
    std::vector<std::string> keys;
    if (auto v = labels.get("instance"); !v.empty()) keys.push_back("instance=" + std::string(v));
    if (auto v = labels.get("service"); !v.empty()) {
        keys.push_back("service=" + std::string(v));
    } else if (auto j = labels.get("job"); !j.empty()) {
        keys.push_back("job=" + std::string(j));
    }
    return keys;
}

std::optional<size_t> chooseIncident(const std::vector<Incident> &open, const IncidentAlert &alert, int64_t windowMs)
{
    const std::vector<std::string> keys = groupKeysOf(alert.labels);
    if (keys.empty()) return std::nullopt;
    std::optional<size_t> best;
    size_t bestRank = keys.size();  // position of the matching key: lower is more specific
    for (size_t i = 0; i < open.size(); ++i) {
        const Incident &inc = open[i];
        if (!inc.isOpen()) continue;
        int64_t newestStart = inc.openedAtMs;
        for (const auto &a : inc.alerts) newestStart = std::max(newestStart, a.startsAtMs);
        if (alert.startsAtMs > newestStart + windowMs) continue;
        size_t rank = keys.size();
        for (const auto &a : inc.alerts) {
            const std::vector<std::string> theirs = groupKeysOf(a.labels);
            for (size_t k = 0; k < keys.size(); ++k) {
                if (std::find(theirs.begin(), theirs.end(), keys[k]) != theirs.end()) rank = std::min(rank, k);
            }
        }
        if (rank == keys.size()) continue;
        if (!best || rank < bestRank || (rank == bestRank && inc.openedAtMs > open[*best].openedAtMs)) {
            best = i;
            bestRank = rank;
        }
    }
    return best;
}

std::string incidentTitle(const IncidentAlert &alert)
{
    std::string t = alert.alertName.empty() ? std::string("alert") : alert.alertName;
    if (auto v = alert.labels.get("instance"); !v.empty()) return t + " on " + std::string(v);
    if (auto v = alert.labels.get("service"); !v.empty()) return t + " (" + std::string(v) + ")";
    if (auto v = alert.labels.get("job"); !v.empty()) return t + " (" + std::string(v) + ")";
    return t;
}

}  // namespace vigil::incidents
