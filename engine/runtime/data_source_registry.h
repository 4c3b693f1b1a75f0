// DataSourceRegistry: the console's data sources — the local engine (name
// kLocalDataSource, the default) plus the remote ones stored in app.db —
// each available as a QueryBackend for panels, Explore and the PromQL
// editor's completion.
//
// reload() reads the stored sources on a worker pool and their secrets from
// the keychain (Engine::secrets()), then builds one RemoteQueryClient per
// source and emits changed(). A source whose secret cannot be read is listed
// with its error and has no backend. save()/remove() write app.db on a
// worker pool (and the keychain first for a new secret), then reload.
//
// Threading: a GUI-thread (owner-thread) object; backend() pointers stay
// valid until the next changed() or the registry's destruction (the engine's
// QueryService: while the engine runs). Nothing here blocks the caller.
#pragma once

#include "runtime/data_source.h"

#include <QFuture>
#include <QObject>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace vigil::runtime {

class Engine;

class DataSourceRegistry : public QObject {
    Q_OBJECT
public:
    explicit DataSourceRegistry(Engine *engine, QObject *parent = nullptr);
    ~DataSourceRegistry() override;

    void reload();
    // Stored remote sources, by name.
    const std::vector<DataSource> &sources() const { return sources_; }
    // Why a source has no backend ("" when it has one).
    std::string error(const std::string &name) const;
    // The local engine's QueryService for kLocalDataSource, a remote
    // source's client, or null (unknown, not ready, engine not running).
    QueryBackend *backend(const std::string &name) const;
    std::shared_ptr<RemoteQueryClient> client(const std::string &name) const;

    // Stores `source` (replacing one of that name); a non-empty `secret` is
    // written to the keychain first under source.secretRef (a fresh name
    // when empty). The future finishes on this object's thread.
    QFuture<Status> save(DataSource source, std::string secret);
    // Removes the source and its keychain entry.
    QFuture<Status> remove(std::string name);
    // Checks an unsaved source: a temporary client evaluates "1" there.
    static QFuture<Status> test(const DataSource &source, const std::string &secret);

Q_SIGNALS:
    void changed();

private:
    void install(std::vector<DataSource> sources, std::map<std::string, std::string> secrets,
                 std::map<std::string, std::string> errors);

    Engine *engine_;
    uint64_t generation_ = 0;
    std::vector<DataSource> sources_;
    std::map<std::string, std::shared_ptr<RemoteQueryClient>> clients_;
    std::map<std::string, std::string> errors_;
};

}  // namespace vigil::runtime
