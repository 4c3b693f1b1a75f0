// HttpMetrics: request counts and latency histograms of Vigil's HTTP API, by
// handler (the route pattern, e.g. "/api/v1/query") and status code, exposed
// on /metrics as
//   vigil_http_requests_total{handler, code}               counter
//   vigil_http_request_duration_seconds{handler}           histogram (_bucket{le}, _sum, _count)
// the names and buckets following Prometheus's prometheus_http_* metrics, so
// the same dashboard queries work on both. One process-wide instance (as a
// client library's default registry): global().
// Thread safety: all methods may be called from any thread (one mutex).
#pragma once

#include "runtime/self_metrics.h"

#include <array>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace vigil::web {

class HttpMetrics {
public:
    // Upper bounds in seconds.
    // In-process API answers take well under a millisecond, hence the 100 µs .. 500 µs buckets.
    static constexpr std::array<double, 15> kBuckets = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                         0.05,   0.1,     0.25,   0.5,   1,      2.5,   10};

    static HttpMetrics &global();

    void observe(const std::string &handler, int code, double seconds);

    // Samples for SelfMetrics (suffix and labels filled in).
    std::vector<runtime::SelfMetrics::Sample> requestCounts() const;
    std::vector<runtime::SelfMetrics::Sample> durationHistogram() const;

private:
    struct Histogram {
        std::array<uint64_t, kBuckets.size()> buckets{};  // cumulative at render time, per bucket here
        uint64_t count = 0;
        double sum = 0;
    };
    mutable std::mutex mu_;
    std::map<std::string, Histogram> durations_;                      // GUARDED_BY(mu_)
    std::map<std::pair<std::string, int>, uint64_t> requests_;        // GUARDED_BY(mu_)
};

}  // namespace vigil::web
