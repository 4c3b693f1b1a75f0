// AppStore: the console's own state in one SQLite file (app.db in the data
// directory): targets added in the GUI, dashboards, rules, notification
// channels, alert history and settings. Time series never go here.
//
// Schema changes are numbered migrations applied in order; the applied number
// is SQLite's PRAGMA user_version. Before any migration of an existing file a
// byte copy is written next to it (app.db.bak-v<old>), so a failed or unwanted
// upgrade never loses data. The journal mode is WAL.
//
// Errors: open() returns Corruption for a file that is not a SQLite database
// or fails its integrity check, FailedPrecondition for a database written by a
// newer Vigil (user_version above what this build knows), IOError when the
// file cannot be created. The file is never modified in those cases.
//
// Thread safety: all methods are serialized by an internal mutex; the store
// may be used from any thread, but callers on the GUI thread should go
// through the engine's asynchronous API (queries here are small and fast,
// yet disk I/O can stall).
//
// Secrets (passwords, tokens) are never stored here: the console keeps them in
// the system keychain and stores only a reference name.
#pragma once

#include "core/status.h"

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace vigil::store {

// A target added in the GUI. `labels` are extra target labels as
// name=value pairs; `authSecretRef` names a keychain entry, never a secret.
struct StoredTarget {
    int64_t id = 0;  // 0 for a target not yet saved
    std::string job;
    std::string address;  // host:port or URL
    std::string scheme = "http";
    std::string metricsPath = "/metrics";
    int64_t intervalMs = 15000;
    int64_t timeoutMs = 10000;
    std::vector<std::pair<std::string, std::string>> labels;
    std::string authType;  // "", "basic", "bearer"
    std::string authUser;
    std::string authSecretRef;
    bool tlsInsecureSkipVerify = false;
    bool enabled = true;
    // TLS files (paths as the user gave them) and the expected server name.
    std::string tlsCaFile;
    std::string tlsCertFile;
    std::string tlsKeyFile;
    std::string tlsServerName;
    // relabel_configs as YAML (a sequence, as in prometheus.yml); "" for none.
    std::string relabelYaml;
    friend bool operator==(const StoredTarget &, const StoredTarget &) = default;
};

// A named JSON document (dashboards are stored as their export JSON).
struct StoredDocument {
    std::string name;
    std::string json;
    int64_t updatedMs = 0;
};

// A notification silence (engine/notify/silences.h); matchers as text
// ({a="b", c=~"d"}).
struct StoredSilence {
    std::string id;
    std::string matchers;
    int64_t startsAtMs = 0;
    int64_t endsAtMs = 0;
    std::string createdBy;
    std::string comment;
    int64_t updatedAtMs = 0;
};

// One delivery attempt of a notification (the alert history's "what was sent
// where"). `fingerprints` are the alerts' fingerprints, hex, comma-separated;
// status "ok", "retry" (failed, will retry) or "failed" (gave up). `error`
// and `detail` never hold secrets (URLs are reduced to scheme://host:port).
struct DeliveryAttempt {
    int64_t timeMs = 0;
    std::string receiver;
    std::string integration;  // "webhook[0]", "email[1]", ...
    std::string groupKey;
    std::string fingerprints;
    int attempt = 1;
    std::string status;
    std::string error;
    std::string detail;  // e.g. an action's exit code and output
};

class AppStore {
public:
    // The schema version this build writes.
    static constexpr int kSchemaVersion = 4;

    AppStore() = default;
    ~AppStore();
    AppStore(const AppStore &) = delete;
    AppStore &operator=(const AppStore &) = delete;

    // Opens or creates the database at `path` and migrates it to
    // kSchemaVersion. See the class comment for errors.
    Status open(const std::string &path);
    void close();
    bool isOpen() const;
    const std::string &path() const { return path_; }
    // The version found on disk when the file was opened (0 for a new file).
    int versionAtOpen() const { return versionAtOpen_; }
    // Path of the backup written before migrating, empty when none was needed.
    const std::string &backupPath() const { return backupPath_; }

    // Settings: a string key/value table.
    Status setSetting(const std::string &key, const std::string &value);
    std::optional<std::string> setting(const std::string &key);

    // Targets.
    Result<int64_t> saveTarget(const StoredTarget &t);  // insert (id==0) or update
    Status removeTarget(int64_t id);
    Result<std::vector<StoredTarget>> targets();

    // Documents by kind: "dashboard", "rule_group", "channel".
    Status putDocument(const std::string &kind, const StoredDocument &doc);
    Status removeDocument(const std::string &kind, const std::string &name);
    Result<std::vector<StoredDocument>> documents(const std::string &kind);

    // Alert history, newest first.
    struct AlertEvent {
        int64_t timeMs = 0;
        std::string alertName;
        std::string severity;
        std::string state;  // pending, firing, resolved, acknowledged
        std::string labelsJson;
        std::string message;
    };
    Status appendAlertEvent(const AlertEvent &e);
    Result<std::vector<AlertEvent>> alertEvents(int limit);

    // Notification silences (insert or update by id).
    Status putSilence(const StoredSilence &s);
    Result<std::vector<StoredSilence>> silences();

    // Notification delivery attempts, newest first.
    Status appendDeliveryAttempt(const DeliveryAttempt &a);
    Result<std::vector<DeliveryAttempt>> deliveryAttempts(int limit);

    // Runs fn with the open database under the store's lock, for engine parts
    // that keep tables of their own in app.db (engine/incidents; their
    // migrations are in kMigrations like every other table). fn must not call
    // back into the AppStore (the lock is not recursive) and should use
    // store/sqlite_statement.h. FailedPrecondition when the store is closed.
    Status withDatabase(const std::function<Status(sqlite3 *)> &fn);

private:
    Status migrate(int from);
    Status exec(const char *sql);
    Status sqliteError(const std::string &what) const;

    mutable std::mutex mu_;
    sqlite3 *db_ = nullptr;
    std::string path_;
    std::string backupPath_;
    int versionAtOpen_ = 0;
};

}  // namespace vigil::store
