#include "web/http_metrics.h"

namespace vigil::web {

HttpMetrics &HttpMetrics::global()
{
    static HttpMetrics instance;
    return instance;
}

void HttpMetrics::observe(const std::string &handler, int code, double seconds)
{
    std::lock_guard lock(mu_);
    ++requests_[{handler, code}];
    Histogram &h = durations_[handler];
    for (size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) {
            ++h.buckets[i];
            break;
        }
    }
    ++h.count;
    h.sum += seconds;
}

std::vector<runtime::SelfMetrics::Sample> HttpMetrics::requestCounts() const
{
    std::lock_guard lock(mu_);
    std::vector<runtime::SelfMetrics::Sample> out;
    for (const auto &[key, n] : requests_) {
        out.push_back({{{"code", std::to_string(key.second)}, {"handler", key.first}}, double(n)});
    }
    return out;
}

std::vector<runtime::SelfMetrics::Sample> HttpMetrics::durationHistogram() const
{
    std::lock_guard lock(mu_);
    std::vector<runtime::SelfMetrics::Sample> out;
    for (const auto &[handler, h] : durations_) {
        uint64_t cumulative = 0;
        for (size_t i = 0; i < kBuckets.size(); ++i) {
            cumulative += h.buckets[i];
            out.push_back({{{"handler", handler}, {"le", runtime::formatSampleValue(kBuckets[i])}}, double(cumulative), "_bucket"});
        }
        out.push_back({{{"handler", handler}, {"le", "+Inf"}}, double(h.count), "_bucket"});
        out.push_back({{{"handler", handler}}, h.sum, "_sum"});
        out.push_back({{{"handler", handler}}, double(h.count), "_count"});
    }
    return out;
}

}  // namespace vigil::web
