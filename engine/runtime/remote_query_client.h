// RemoteQueryClient: a remote Prometheus-compatible query endpoint
// (Prometheus, Thanos Query, Mimir, VictoriaMetrics) as a QueryBackend, so
// the console's panels and PromQL editor use it exactly like the local
// engine. Speaks the Prometheus HTTP API: /api/v1/query, query_range,
// labels, label/<name>/values, series, metadata.
//
// Authentication: basic auth (username + password) or a bearer token; TLS
// with an optional CA file, client certificate and key, or without
// verification (insecureSkipVerify). The endpoint holds secrets already
// resolved from the keychain (store::SecretStore); they live only in memory
// and are never logged (errors name the URL's scheme://host:port only).
//
// Threading: the client owns one thread ("vigil-remote-query") with its
// QNetworkAccessManager; every call may come from any thread and returns a
// QFuture at once (QueryBackend's contract: exactly one result). A cancelled
// token aborts the request in flight within ~50 ms (outcome Cancelled). The
// destructor aborts everything still running (those outcomes say Cancelled)
// and joins the thread.
#pragma once

#include "runtime/query_backend.h"

#include <QThread>

#include <string>

namespace vigil::runtime {

struct RemoteEndpoint {
    std::string url;  // base URL, e.g. "http://127.0.0.1:9090" or "https://thanos.example/prefix"
    std::string username;     // basic auth when non-empty
    std::string password;     // resolved secret (basic auth)
    std::string bearerToken;  // resolved secret; "Authorization: Bearer" when non-empty
    std::string caFile;       // PEM; empty: the system's CAs
    std::string certFile;     // client certificate (PEM) with keyFile
    std::string keyFile;
    bool insecureSkipVerify = false;
    int64_t timeoutMs = 60000;  // whole request
};

struct SeriesOutcome {
    Status status;
    std::vector<model::Labels> series;  // sorted
};

class RemoteQueryClient : public QueryBackend {
public:
    explicit RemoteQueryClient(RemoteEndpoint endpoint);
    ~RemoteQueryClient() override;
    RemoteQueryClient(const RemoteQueryClient &) = delete;
    RemoteQueryClient &operator=(const RemoteQueryClient &) = delete;

    QFuture<QueryOutcome> instantQuery(std::string query, int64_t timeMs, CancelToken cancel = {}) override;
    QFuture<QueryOutcome> rangeQuery(std::string query, int64_t startMs, int64_t endMs, int64_t stepMs,
                                     CancelToken cancel = {}) override;
    QFuture<StringsOutcome> labelNames(std::vector<model::Matcher> matchers, int64_t mint, int64_t maxt) override;
    QFuture<StringsOutcome> labelValues(std::string name, std::vector<model::Matcher> matchers, int64_t mint,
                                        int64_t maxt) override;
    QFuture<MetadataOutcome> metadata() override;
    QFuture<SeriesOutcome> series(std::vector<std::vector<model::Matcher>> matchSets, int64_t mint, int64_t maxt,
                                  CancelToken cancel = {});
    // Whether the endpoint answers the API (evaluates "1"); for a Test button.
    QFuture<Status> check();

    const RemoteEndpoint &endpoint() const { return endpoint_; }
    // scheme://host:port of the endpoint (for messages; no path, no credentials).
    std::string displayUrl() const;

    class Worker;  // remote_query_client.cpp

private:
    RemoteEndpoint endpoint_;
    QThread thread_;
    Worker *worker_ = nullptr;  // lives on thread_
};

}  // namespace vigil::runtime
