// The benchmark's workload: a realistic scrape mix at a 15 s step, the same
// for Vigil and Prometheus. Targets of 40 series each (instance label): 8
// CPU-seconds counters (10 ms resolution), 8 integer request counters, 4
// mostly-constant gauges, 8 busy page-granular memory gauges, and one
// 12-bucket cumulative latency histogram (30% of series are buckets, as in
// bench/tsdb). Each target is scraped at its own phase with 0-4 ms of
// jitter, so timestamps are shared within a target only. Deterministic.
#pragma once

#include "model/labels.h"

#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace bench {

inline constexpr int kSeriesPerTarget = 40;
inline constexpr int64_t kStepMs = 15000;
inline constexpr int64_t kStartMs = 1'700'006'400'000;  // 2 h aligned
inline const char *const kLes[12] = {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25",
                                     "0.5",   "1",    "2.5",   "5",    "10",  "+Inf"};

enum class Kind { CpuSeconds, RequestCounter, StableGauge, BusyGauge, Bucket };

struct SeriesDef {
    vigil::model::Labels labels;
    Kind kind;
    std::string family;     // metric family name (for OpenMetrics output)
    int target;
    int bucket = -1;        // 0..11 for buckets
    double v = 0;
    uint32_t rate = 0;
};

class Workload {
public:
    explicit Workload(int nSeries) : rng_(1)
    {
        const int targets = (nSeries + kSeriesPerTarget - 1) / kSeriesPerTarget;
        for (int tg = 0; tg < targets; ++tg) {
            const std::string inst = "host-" + std::to_string(tg) + ":9100";
            for (int k = 0; k < kSeriesPerTarget; ++k) {
                SeriesDef d;
                d.target = tg;
                const std::string ks = std::to_string(k);
                if (k < 8) {
                    d.kind = Kind::CpuSeconds;
                    d.family = "node_cpu_seconds";
                    d.labels = {{"__name__", "node_cpu_seconds_total"}, {"cpu", ks}, {"instance", inst},
                                {"job", "node"}, {"mode", "user"}};
                    d.v = double(rng_() % 10000000) / 100;
                    d.rate = uint32_t(rng_() % 1500);
                } else if (k < 16) {
                    d.kind = Kind::RequestCounter;
                    d.family = "http_requests";
                    d.labels = {{"__name__", "http_requests_total"}, {"code", "200"}, {"instance", inst},
                                {"job", "api"}, {"path", "/p" + ks}};
                    d.v = double(rng_() % 1000000);
                    d.rate = uint32_t(rng_() % 100);
                } else if (k < 20) {
                    d.kind = Kind::StableGauge;
                    d.family = "node_filesystem_size_bytes";
                    d.labels = {{"__name__", "node_filesystem_size_bytes"}, {"instance", inst}, {"job", "node"},
                                {"mountpoint", "/m" + ks}};
                    d.v = double(rng_() % (1ull << 40));
                } else if (k < 28) {
                    d.kind = Kind::BusyGauge;
                    d.family = "node_memory_bytes";
                    d.labels = {{"__name__", "node_memory_bytes"}, {"instance", inst}, {"job", "node"},
                                {"kind", ks}};
                    d.v = double((rng_() % (1ull << 22)) * 4096);
                } else {
                    d.kind = Kind::Bucket;
                    d.bucket = k - 28;
                    d.family = "http_request_duration_seconds";
                    d.labels = {{"__name__", "http_request_duration_seconds_bucket"}, {"instance", inst},
                                {"job", "api"}, {"le", kLes[d.bucket]}};
                    d.v = 0;
                }
                series_.push_back(std::move(d));
                if (int(series_.size()) == nSeries) break;
            }
            phase_.push_back(int64_t(rng_() % kStepMs));
        }
    }

    std::vector<SeriesDef> &series() { return series_; }
    int targets() const { return int(phase_.size()); }

    // Scrape timestamp of target `tg` at step `s` (deterministic).
    int64_t timestamp(int tg, int64_t s) const
    {
        uint64_t x = uint64_t(s) * 0x9E3779B97F4A7C15ull ^ uint64_t(tg) * 0xC2B2AE3D27D4EB4Full;
        x ^= x >> 29;
        return kStartMs + s * kStepMs + phase_[tg] + int64_t(x % 5);
    }

    // Advances every series by one scrape.
    void step()
    {
        int histStart = -1;
        for (size_t i = 0; i < series_.size(); ++i) {
            SeriesDef &d = series_[i];
            switch (d.kind) {
            case Kind::CpuSeconds: d.v = std::round((d.v + double(rng_() % (d.rate + 1)) / 100) * 100) / 100; break;
            case Kind::RequestCounter: d.v += double(rng_() % (d.rate + 1)); break;
            case Kind::StableGauge:
                if (rng_() % 20 == 0) d.v += 4096 * double(rng_() % 1000);
                break;
            case Kind::BusyGauge: d.v += 4096 * (double(rng_() % 2048) - 1024); break;
            case Kind::Bucket:
                if (d.bucket == 0) {
                    histStart = int(i);
                    // New observations this scrape, spread over the buckets
                    // (latencies mostly between 50 ms and 1 s).
                    const int n = int(rng_() % 40);
                    for (int b = 0; b < 12; ++b) obs_[b] = 0;
                    for (int o = 0; o < n; ++o) {
                        const int b = std::min(11, int(rng_() % 5) + int(rng_() % 5) + 1);
                        ++obs_[b];
                    }
                }
                if (histStart >= 0) {
                    uint64_t cum = 0;
                    for (int b = 0; b <= d.bucket; ++b) cum += obs_[b];
                    d.v += double(cum);
                }
                break;
            }
        }
    }

private:
    std::mt19937_64 rng_;
    std::vector<SeriesDef> series_;
    std::vector<int64_t> phase_;
    uint64_t obs_[12] = {};
};

}  // namespace bench
