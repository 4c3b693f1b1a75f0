// DataSource: a remote Prometheus-compatible query endpoint the console can
// read from (Prometheus, Thanos Query, Mimir, VictoriaMetrics), kept in
// app.db as a document of kind "data_source" (its JSON below, keyed by
// name). The local engine is the implicit source kLocalDataSource and is
// never stored.
//
// Secrets (basic-auth password or bearer token) are in the keychain
// (store::SecretStore) under `secretRef`; app.db holds only that name.
//
// JSON: {"name","type","url","auth":"none|basic|bearer","username",
//        "secretRef","caFile","certFile","keyFile","insecureSkipVerify",
//        "timeoutMs"}; unknown members are ignored.
//
// Thread safety: plain values; the store functions use the AppStore's own
// locking and may run on any thread (not the GUI's: they touch SQLite).
#pragma once

#include "core/status.h"
#include "runtime/remote_query_client.h"

#include <string>
#include <vector>

namespace vigil::store { class AppStore; }

namespace vigil::runtime {

inline constexpr const char *kDataSourceDocumentKind = "data_source";
// The name that means "the in-process engine" (panels' default).
inline constexpr const char *kLocalDataSource = "";

struct DataSource {
    enum class Auth { None, Basic, Bearer };
    std::string name;
    std::string type = "prometheus";  // informational: prometheus, thanos, mimir, victoriametrics
    std::string url;
    Auth auth = Auth::None;
    std::string username;
    std::string secretRef;  // keychain entry of the password or token; "" for none
    std::string caFile;
    std::string certFile;
    std::string keyFile;
    bool insecureSkipVerify = false;
    int64_t timeoutMs = 60000;

    std::string toJson() const;
    static Result<DataSource> fromJson(const std::string &json);
    // InvalidArgument naming the field: empty name, URL not http(s)://host,
    // basic auth without username, client certificate without key.
    Status validate() const;
    // The endpoint with `secret` (read from the keychain) filled in.
    RemoteEndpoint endpoint(const std::string &secret) const;
    bool needsSecret() const { return auth != Auth::None && !secretRef.empty(); }

    friend bool operator==(const DataSource &, const DataSource &) = default;
};

// Stored sources sorted by name (bad documents are skipped with a warning).
Result<std::vector<DataSource>> loadDataSources(store::AppStore &store);
// Validates, then inserts or replaces the source of that name.
Status saveDataSource(store::AppStore &store, const DataSource &source);
Status removeDataSource(store::AppStore &store, const std::string &name);

}  // namespace vigil::runtime
