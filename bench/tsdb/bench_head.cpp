// Head append benchmark: a realistic scrape mix (counters, gauges, histogram
// buckets) at a 15 s step with a few ms of scrape jitter, appended through
// the Appender with refs and committed once per scrape. Prints samples/s,
// compressed bytes/sample, and resident memory per series, next to a naive
// peer measured in the same run (a std::vector<Sample> per series).
//
// Usage: bench_tsdb_head [series=10000] [steps=360]
#include "tsdb/head.h"

#include "model/labels.h"
#include "model/sample.h"

#include <atomic>
#include <chrono>
#include <new>
#include <ctime>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <random>
#include <string>
#include <vector>

using namespace vigil;

// Counts heap allocations so the benchmark can report allocations/sample.
static std::atomic<uint64_t> gAllocations{0};
void *operator new(std::size_t n)
{
    gAllocations.fetch_add(1, std::memory_order_relaxed);
    if (void *p = std::malloc(n ? n : 1)) return p;
    throw std::bad_alloc();
}
void operator delete(void *p) noexcept { std::free(p); }
void operator delete(void *p, std::size_t) noexcept { std::free(p); }

namespace {

long rssKiB()
{
    std::ifstream f("/proc/self/status");
    std::string line;
    while (std::getline(f, line)) {
        if (line.rfind("VmRSS:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
    }
    return -1;
}

// CPU time of this thread: the machine may be shared, so rates are given per
// CPU second as well as per wall second.
double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

enum class Kind { CpuSeconds, RequestCounter, StableGauge, BusyGauge, Bucket };

struct Gen {
    Kind kind;
    double v = 0;
    uint32_t rate = 0;  // per-series activity level
};

// The mix, per 10 series: 2 CPU-seconds counters (10 ms resolution), 2
// integer request counters, 1 mostly-constant gauge, 2 busy gauges
// (page-granular memory), 3 histogram buckets (integer counts; upper buckets
// busier than lower ones, some idle).
std::vector<model::Labels> makeSeries(int n, std::vector<Gen> *gens)
{
    static const char *les[] = {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"};
    std::vector<model::Labels> out;
    std::mt19937_64 rng(1);
    for (int i = 0; i < n; ++i) {
        const int r = i % 10;
        const std::string inst = "host-" + std::to_string(i / 100) + ":9100";
        const std::string k = std::to_string(i % 100);
        if (r < 2) {
            out.push_back(model::Labels{{"__name__", "node_cpu_seconds_total"}, {"cpu", k},
                                        {"instance", inst}, {"job", "node"}, {"mode", "user"}});
            gens->push_back({Kind::CpuSeconds, double(rng() % 10000000) / 100, uint32_t(rng() % 1500)});
        } else if (r < 4) {
            out.push_back(model::Labels{{"__name__", "http_requests_total"}, {"code", "200"}, {"instance", inst},
                                        {"job", "api"}, {"path", "/p" + k}});
            gens->push_back({Kind::RequestCounter, double(rng() % 1000000), uint32_t(rng() % 100)});
        } else if (r < 5) {
            out.push_back(model::Labels{{"__name__", "node_filesystem_size_bytes"}, {"instance", inst},
                                        {"job", "node"}, {"mountpoint", "/m" + k}});
            gens->push_back({Kind::StableGauge, double(rng() % (1ull << 40)), 0});
        } else if (r < 7) {
            out.push_back(model::Labels{{"__name__", "node_memory_bytes"}, {"instance", inst}, {"job", "node"},
                                        {"kind", k}});
            gens->push_back({Kind::BusyGauge, double((rng() % (1ull << 22)) * 4096), 0});
        } else {
            const int le = int(i % 12);
            out.push_back(model::Labels{{"__name__", "http_request_duration_seconds_bucket"}, {"instance", inst},
                                        {"job", "api"}, {"le", les[le]}, {"path", "/p" + k}});
            gens->push_back({Kind::Bucket, double(rng() % 1000), uint32_t(le * le / 4)});
        }
    }
    return out;
}

void step(std::vector<Gen> &gens, std::mt19937_64 &rng)
{
    for (Gen &g : gens) {
        switch (g.kind) {
        case Kind::CpuSeconds: g.v = std::round((g.v + double(rng() % (g.rate + 1)) / 100) * 100) / 100; break;
        case Kind::RequestCounter: g.v += double(rng() % (g.rate + 1)); break;
        case Kind::StableGauge:
            if (rng() % 20 == 0) g.v += 4096 * double(rng() % 1000);
            break;
        case Kind::BusyGauge: g.v += 4096 * (double(rng() % 2048) - 1024); break;
        case Kind::Bucket:
            if (g.rate > 0) g.v += double(rng() % (g.rate + 1));
            break;
        }
    }
}

}  // namespace

int main(int argc, char **argv)
{
    const int nSeries = argc > 1 ? std::atoi(argv[1]) : 10000;
    const int nSteps = argc > 2 ? std::atoi(argv[2]) : 360;
    const int64_t t0 = 1'700'006'400'000;  // 2 h aligned

    std::vector<Gen> gens;
    const auto labels = makeSeries(nSeries, &gens);
    std::vector<Gen> peerGens = gens;
    std::mt19937_64 rng(2), jrng(3);

    // Timestamps with scrape jitter, shared by both runs.
    std::vector<int64_t> ts(nSteps);
    for (int s = 0; s < nSteps; ++s) ts[s] = t0 + int64_t(s) * 15000 + int64_t(jrng() % 5);

    const long rss0 = rssKiB();
    tsdb::Head head;
    std::vector<storage::SeriesRef> refs(nSeries, 0);
    auto app = head.appender();
    // First scrape creates the series (not timed as append throughput).
    const auto c0 = std::chrono::steady_clock::now();
    for (int i = 0; i < nSeries; ++i) {
        auto r = app->append(0, labels[i], ts[0], gens[i].v);
        if (!r.isOk()) {
            std::fprintf(stderr, "append failed: %s\n", r.status().toString().c_str());
            return 1;
        }
        refs[i] = *r;
    }
    if (!app->commit().isOk()) return 1;
    const double createS = std::chrono::duration<double>(std::chrono::steady_clock::now() - c0).count();

    const auto a0 = std::chrono::steady_clock::now();
    const double cpuA0 = cpuSeconds();
    const uint64_t allocs0 = gAllocations.load();
    for (int s = 1; s < nSteps; ++s) {
        step(gens, rng);
        for (int i = 0; i < nSeries; ++i) {
            if (!app->append(refs[i], {}, ts[s], gens[i].v).isOk()) return 1;
        }
        if (!app->commit().isOk()) return 1;
    }
    const double appendS = std::chrono::duration<double>(std::chrono::steady_clock::now() - a0).count();
    const double appendCpu = cpuSeconds() - cpuA0;
    const uint64_t appendAllocs = gAllocations.load() - allocs0;
    const long rss1 = rssKiB();
    const double samples = double(nSeries) * (nSteps - 1);

    size_t closedBytes = 0, closedSamples = 0;
    for (const auto &c : head.closedChunksBefore(std::numeric_limits<int64_t>::max())) {
        closedBytes += c.chunk.size;
        closedSamples += c.chunk.numSamples;
    }

    // Peer: a plain vector of samples per series, same data.
    rng.seed(2);
    std::vector<std::vector<model::Sample>> peer(nSeries);
    const auto p0 = std::chrono::steady_clock::now();
    const double cpuP0 = cpuSeconds();
    for (int i = 0; i < nSeries; ++i) peer[i].push_back({ts[0], peerGens[i].v});
    for (int s = 1; s < nSteps; ++s) {
        step(peerGens, rng);
        for (int i = 0; i < nSeries; ++i) peer[i].push_back({ts[s], peerGens[i].v});
    }
    const double peerS = std::chrono::duration<double>(std::chrono::steady_clock::now() - p0).count();
    const double peerCpu = cpuSeconds() - cpuP0;
    const long rss2 = rssKiB();

    const auto st = head.stats();
    std::printf("series=%d steps=%d samples=%.0f chunks=%llu\n", nSeries, nSteps, samples + nSeries,
                (unsigned long long)st.chunksCreated);
    std::printf("%-28s %14s %16s %14s %16s\n", "", "samples/s", "samples/cpu-s", "bytes/sample",
                "RSS KiB/series");
    std::printf("%-28s %14.0f %16.0f %14.2f %16.2f\n", "vigil head (Appender, refs)", samples / appendS,
                samples / appendCpu, closedSamples ? double(closedBytes) / double(closedSamples) : 0.0,
                double(rss1 - rss0) / nSeries);
    std::printf("%-28s %14.0f %16.0f %14.2f %16.2f\n", "peer: vector<Sample>", samples / peerS,
                samples / peerCpu, 16.0, double(rss2 - rss1) / nSeries);
    std::printf("heap allocations per appended sample: %.4f (chunk buffers: one closed-chunk copy per chunk)\n",
                double(appendAllocs) / samples);
    std::printf("series creation: %.0f series/s (first scrape, labels lookups)\n", nSeries / createS);

    // Appending by labels (ref 0) instead of refs, e.g. a scraper that does
    // not cache refs: one more scrape's worth on top.
    {
        step(gens, rng);
        const int64_t t = ts[nSteps - 1] + 15000;
        const auto l0 = std::chrono::steady_clock::now();
        const double cpuL0 = cpuSeconds();
        for (int i = 0; i < nSeries; ++i) {
            if (!app->append(0, labels[i], t, gens[i].v).isOk()) return 1;
        }
        if (!app->commit().isOk()) return 1;
        const double ls = std::chrono::duration<double>(std::chrono::steady_clock::now() - l0).count();
        std::printf("append by labels (ref 0): %.0f samples/s, %.0f samples/cpu-s\n", nSeries / ls,
                    nSeries / (cpuSeconds() - cpuL0));
    }
    return 0;
}
