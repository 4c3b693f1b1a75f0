// Console remote_write destinations (Settings → Remote): each one entry of
// prometheus.yml's `remote_write:` as YAML text, parsed by the same loader as
// --config.file (so it becomes the same scrape::RemoteWriteConfig), kept in
// app.db as documents of kind "remote_write":
//   {"name": "<unique>", "yaml": "<one remote_write entry>", "secretRef": "<keychain entry>"}
// The YAML never holds a secret: basic_auth has only a username and
// authorization only a type; the password or token is read from the keychain
// under secretRef and put into the parsed config in memory.
//
// RemoteWriteDestinations loads them (worker pool + keychain) and hands the
// configs to Engine::setConsoleRemoteWrite(), so a change applies without a
// restart. Owner-thread object; nothing blocks the caller.
#pragma once

#include "core/status.h"
#include "scrape/remote_write_config.h"

#include <QFuture>
#include <QObject>

#include <map>
#include <string>
#include <vector>

namespace vigil::store { class AppStore; }

namespace vigil::runtime {

class Engine;

inline constexpr const char *kRemoteWriteDocumentKind = "remote_write";

struct StoredRemoteWrite {
    std::string name;
    std::string yaml;       // one remote_write entry (a YAML mapping), without secrets
    std::string secretRef;  // "" when the entry needs no secret

    std::string toJson() const;
    static Result<StoredRemoteWrite> fromJson(const std::string &json);
    friend bool operator==(const StoredRemoteWrite &, const StoredRemoteWrite &) = default;
};

// Parses `yaml` as one remote_write entry (errors as the config loader words
// them, with line numbers), then fills in `secret` for basic_auth or
// authorization. InvalidArgument when the YAML carries a secret itself.
Result<scrape::RemoteWriteConfig> parseRemoteWriteEntry(const std::string &yaml, const std::string &secret);

Result<std::vector<StoredRemoteWrite>> loadRemoteWrites(store::AppStore &store);
Status saveRemoteWrite(store::AppStore &store, const StoredRemoteWrite &rw);  // validates first
Status removeRemoteWrite(store::AppStore &store, const std::string &name);

class RemoteWriteDestinations : public QObject {
    Q_OBJECT
public:
    explicit RemoteWriteDestinations(Engine *engine, QObject *parent = nullptr);

    // Loads the stored entries and their secrets, then applies them.
    void reload();
    const std::vector<StoredRemoteWrite> &entries() const { return entries_; }
    // Why an entry is not applied ("" when it is).
    std::string error(const std::string &name) const;
    // Writes a non-empty secret to the keychain first (a fresh secretRef when
    // empty), then app.db, then reloads. The future finishes on this thread.
    QFuture<Status> save(StoredRemoteWrite rw, std::string secret);
    QFuture<Status> remove(std::string name);

Q_SIGNALS:
    void changed();

private:
    Engine *engine_;
    uint64_t generation_ = 0;
    std::vector<StoredRemoteWrite> entries_;
    std::map<std::string, std::string> errors_;
};

}  // namespace vigil::runtime
