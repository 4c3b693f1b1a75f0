// RemoteWriteConfig: one entry of prometheus.yml's `remote_write:` section,
// with Prometheus 2.42's defaults (config.DefaultRemoteWriteConfig and
// DefaultQueueConfig). Parsed by ConfigParser (config_parser_remote_write.cpp);
// used by engine/remote's queue. A plain value.
#pragma once

#include "model/labels.h"
#include "scrape/http_client_config.h"
#include "scrape/relabel_config.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace vigil::scrape {

struct QueueConfig {
    int capacity = 2500;
    int maxShards = 200;
    int minShards = 1;
    int maxSamplesPerSend = 500;
    int64_t batchSendDeadlineMs = 5000;
    int64_t minBackoffMs = 30;
    int64_t maxBackoffMs = 5000;
    bool retryOnHttp429 = true;  // Prometheus's retry_on_http_429 (default true since 2.x)
    friend bool operator==(const QueueConfig &, const QueueConfig &) = default;
};

struct RemoteWriteConfig {
    std::string url;
    std::string name;  // empty: Prometheus derives a hash; Vigil uses the URL
    int64_t remoteTimeoutMs = 30000;
    std::map<std::string, std::string> headers;
    std::vector<RelabelConfig> writeRelabelConfigs;
    HttpClientConfig http;
    QueueConfig queue;
    bool sendExemplars = false;
    friend bool operator==(const RemoteWriteConfig &, const RemoteWriteConfig &) = default;
};

}  // namespace vigil::scrape
