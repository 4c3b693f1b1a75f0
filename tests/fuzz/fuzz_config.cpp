// libFuzzer target for the prometheus.yml loader (yaml-cpp + Vigil's strict
// unmarshalling and validation).
//
// Invariants checked for any input:
//   - loadString never throws or crashes (yaml-cpp exceptions are caught);
//   - an error is InvalidArgument naming the file ("fuzz.yml:<line>: ...");
//   - a success has unique job names, and every job's timeout is at most its
//     interval, as validation promises.
#include "scrape/prometheus_config.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string_view>

using namespace vigil::scrape;

namespace {

void check(bool ok)
{
    if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view yaml(reinterpret_cast<const char *>(data), size);
    auto cfg = PrometheusConfig::loadString(yaml, "fuzz.yml");
    if (!cfg.isOk()) {
        check(cfg.status().code() == vigil::Status::Code::InvalidArgument);
        check(cfg.status().message().rfind("fuzz.yml", 0) == 0);
        return 0;
    }
    std::set<std::string> jobs;
    for (const ScrapeConfig &job : cfg->scrapeConfigs) {
        check(jobs.insert(job.jobName).second);
        check(job.scrapeTimeoutMs <= job.scrapeIntervalMs);
    }
    return 0;
}
