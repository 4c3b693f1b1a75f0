#include "scrape/target_labels.h"

#include "scrape/label_validation.h"
#include "scrape/relabel.h"
#include "scrape/units.h"

#include <set>

namespace vigil::scrape {

namespace {

// True when the address has no port (host, [v6], but not host:port).
bool needsPort(std::string_view addr)
{
    if (!addr.empty() && addr.front() == '[') {
        const size_t close = addr.find(']');
        return close == std::string_view::npos || close + 1 >= addr.size() || addr[close + 1] != ':';
    }
    const size_t colon = addr.rfind(':');
    if (colon == std::string_view::npos) return true;
    // More than one colon without brackets: a bare IPv6 address.
    return addr.find(':') != colon;
}

std::string quoted(std::string_view s)
{
    return "\"" + std::string(s) + "\"";
}

}  // namespace

Result<PopulatedLabels> populateTargetLabels(const model::Labels &base, const ScrapeConfig &job)
{
    model::LabelsBuilder lb(base);
    auto setDefault = [&](std::string_view name, const std::string &value) {
        if (base.get(name).empty()) lb.set(name, value);
    };
    setDefault("job", job.jobName);
    setDefault("__scrape_interval__", formatDuration(job.scrapeIntervalMs));
    setDefault("__scrape_timeout__", formatDuration(job.scrapeTimeoutMs));
    setDefault("__metrics_path__", job.metricsPath);
    setDefault("__scheme__", job.scheme);
    for (const auto &[k, v] : job.params)
        if (!v.empty()) lb.set("__param_" + k, v[0]);

    PopulatedLabels out;
    out.discovered = lb.labels();
    if (!relabel(&lb, job.relabelConfigs)) return out;
    model::Labels lset = lb.labels();
    if (lset.empty()) return out;

    std::string addr(lset.get("__address__"));
    if (addr.empty()) return Status::invalidArgument("no address");
    if (needsPort(addr)) {
        const std::string_view scheme = lset.get("__scheme__");
        if (scheme == "http" || scheme.empty())
            addr += ":80";
        else if (scheme == "https")
            addr += ":443";
        else
            return Status::invalidArgument("invalid scheme: " + quoted(scheme));
        lb.set("__address__", addr);
    }
    if (addr.find('/') != std::string::npos)
        return Status::invalidArgument(quoted(addr) + " is not a valid hostname");

    const std::string_view interval = lset.get("__scrape_interval__");
    auto iv = parseDuration(interval);
    if (!iv) return Status::invalidArgument("error parsing scrape interval: " + iv.status().message());
    if (*iv == 0) return Status::invalidArgument("scrape interval cannot be 0");
    const std::string_view timeout = lset.get("__scrape_timeout__");
    auto to = parseDuration(timeout);
    if (!to) return Status::invalidArgument("error parsing scrape timeout: " + to.status().message());
    if (*to == 0) return Status::invalidArgument("scrape timeout cannot be 0");
    if (*to > *iv)
        return Status::invalidArgument("scrape timeout cannot be greater than scrape interval (" +
                                       quoted(timeout) + " > " + quoted(interval) + ")");

    for (const model::Label &l : lset)
        if (l.name.rfind("__meta_", 0) == 0) lb.del(l.name);
    if (lset.get("instance").empty()) lb.set("instance", addr);

    out.labels = lb.labels();
    for (const model::Label &l : out.labels)
        if (!isValidLabelValue(l.value))
            return Status::invalidArgument("invalid label value for " + quoted(l.name) + ": " +
                                           quoted(l.value));
    return out;
}

std::vector<discovery::TargetGroup> staticTargetGroups(const ScrapeConfig &job)
{
    std::vector<discovery::TargetGroup> out;
    for (size_t i = 0; i < job.staticConfigs.size(); ++i) {
        const StaticConfig &sc = job.staticConfigs[i];
        discovery::TargetGroup g;
        g.source = std::to_string(i);
        g.labels = sc.labels;
        for (const std::string &addr : sc.targets)
            g.targets.push_back(model::Labels::fromUnsorted({{"__address__", addr}}));
        out.push_back(std::move(g));
    }
    return out;
}

JobTargets targetsFromStaticConfigs(const ScrapeConfig &job)
{
    return targetsFromGroups(job, staticTargetGroups(job));
}

JobTargets targetsFromGroups(const ScrapeConfig &job, const std::vector<discovery::TargetGroup> &groups)
{
    JobTargets res;
    std::set<model::Labels> seen;
    for (const discovery::TargetGroup &g : groups) {
        for (size_t i = 0; i < g.targets.size(); ++i) {
            const model::Labels base = discovery::mergedTargetLabels(g, i);
            Result<PopulatedLabels> p = populateTargetLabels(base, job);
            if (!p) {
                res.errors.push_back(p.status().withContext("job " + quoted(job.jobName) + " target " +
                                                            quoted(std::string(base.get("__address__")))));
                res.invalid.push_back({base, p.status()});
                continue;
            }
            if (p->labels.empty()) {
                res.dropped.push_back(std::move(p->discovered));
                continue;
            }
            if (!seen.insert(p->labels).second) continue;
            res.active.push_back(
                std::make_shared<Target>(job.jobName, std::move(p->labels), std::move(p->discovered), job));
        }
    }
    return res;
}

}  // namespace vigil::scrape
