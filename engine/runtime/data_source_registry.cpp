#include "runtime/data_source_registry.h"

#include "core/thread_handoff.h"
#include "runtime/engine.h"
#include "runtime/future_helpers.h"
#include "runtime/query_service.h"
#include "store/app_store.h"
#include "store/secret_store.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QPromise>
#include <QThreadPool>

namespace vigil::runtime {

DataSourceRegistry::DataSourceRegistry(Engine *engine, QObject *parent) : QObject(parent), engine_(engine) {}

DataSourceRegistry::~DataSourceRegistry() = default;

std::string DataSourceRegistry::error(const std::string &name) const
{
    auto it = errors_.find(name);
    return it == errors_.end() ? std::string() : it->second;
}

QueryBackend *DataSourceRegistry::backend(const std::string &name) const
{
    if (name.empty()) return engine_ ? engine_->queryService() : nullptr;
    auto it = clients_.find(name);
    return it == clients_.end() ? nullptr : it->second.get();
}

std::shared_ptr<RemoteQueryClient> DataSourceRegistry::client(const std::string &name) const
{
    auto it = clients_.find(name);
    return it == clients_.end() ? nullptr : it->second;
}

void DataSourceRegistry::reload()
{
    store::AppStore *store = engine_ ? engine_->appStore() : nullptr;
    if (!store) return;
    const uint64_t gen = ++generation_;
    auto promise = std::make_shared<QPromise<std::vector<DataSource>>>();
    QFuture<std::vector<DataSource>> loaded = promise->future();
    promise->start();
    startPoolTask(*QThreadPool::globalInstance(), [promise, store] {
        auto r = loadDataSources(*store);
        promise->addResult(r.isOk() ? std::move(*r) : std::vector<DataSource>{});
        promise->finish();
    });
    whenDone(this, loaded, [this, gen](std::vector<DataSource> sources) {
        if (gen != generation_) return;
        // Secrets one after another (few sources; the keychain answers fast).
        struct Pending {
            std::vector<DataSource> sources;
            std::map<std::string, std::string> secrets, errors;
            size_t next = 0;
        };
        auto pending = std::make_shared<Pending>();
        pending->sources = std::move(sources);
        auto step = std::make_shared<std::function<void()>>();
        *step = [this, gen, pending, step] {
            if (gen != generation_) return;
            while (pending->next < pending->sources.size() && !pending->sources[pending->next].needsSecret()) ++pending->next;
            if (pending->next == pending->sources.size() || !engine_->secrets()) {
                install(std::move(pending->sources), std::move(pending->secrets), std::move(pending->errors));
                *step = nullptr;  // breaks the self-reference
                return;
            }
            const DataSource &s = pending->sources[pending->next++];
            const std::string name = s.name;
            whenDone(this, engine_->secrets()->read(s.secretRef), [pending, step, name](store::SecretResult r) {
                if (r.status.isOk()) pending->secrets[name] = r.secret;
                else pending->errors[name] = "keychain: " + r.status.message();
                if (*step) (*step)();
            });
        };
        (*step)();
    });
}

void DataSourceRegistry::install(std::vector<DataSource> sources, std::map<std::string, std::string> secrets,
                                 std::map<std::string, std::string> errors)
{
    std::map<std::string, std::shared_ptr<RemoteQueryClient>> clients;
    for (const auto &s : sources) {
        if (errors.count(s.name)) continue;
        auto sec = secrets.find(s.name);
        clients[s.name] = std::make_shared<RemoteQueryClient>(s.endpoint(sec == secrets.end() ? "" : sec->second));
    }
    sources_ = std::move(sources);
    clients_.swap(clients);
    errors_ = std::move(errors);
    Q_EMIT changed();
    // `clients` (the old ones) go away here: their requests finish as Cancelled.
}

QFuture<Status> DataSourceRegistry::save(DataSource source, std::string secret)
{
    store::AppStore *store = engine_ ? engine_->appStore() : nullptr;
    if (!store) return ready(Status::failedPrecondition("the engine is not running"));
    if (source.auth == DataSource::Auth::None) source.secretRef.clear();
    else if (source.secretRef.empty()) source.secretRef = store::SecretStore::newRef();
    if (Status s = source.validate(); !s.isOk()) return ready(s);
    auto promise = std::make_shared<QPromise<Status>>();
    QFuture<Status> future = promise->future();
    promise->start();
    auto write = [this, promise, store, source] {
        auto done = std::make_shared<QPromise<Status>>();
        QFuture<Status> saved = done->future();
        done->start();
        startPoolTask(*QThreadPool::globalInstance(), [done, store, source] {
            done->addResult(saveDataSource(*store, source));
            done->finish();
        });
        whenDone(this, saved, [this, promise](Status s) {
            promise->addResult(s);
            promise->finish();
            if (s.isOk()) reload();
        });
    };
    if (!secret.empty()) {
        if (!engine_->secrets()) return ready(Status::unavailable("no keychain"));
        whenDone(this, engine_->secrets()->write(source.secretRef, secret), [promise, write](Status s) {
            if (!s.isOk()) {
                promise->addResult(s);
                promise->finish();
                return;
            }
            write();
        });
    } else {
        write();
    }
    return future;
}

QFuture<Status> DataSourceRegistry::remove(std::string name)
{
    store::AppStore *store = engine_ ? engine_->appStore() : nullptr;
    if (!store) return ready(Status::failedPrecondition("the engine is not running"));
    std::string ref;
    for (const auto &s : sources_)
        if (s.name == name) ref = s.secretRef;
    auto promise = std::make_shared<QPromise<Status>>();
    QFuture<Status> future = promise->future();
    promise->start();
    auto removed = std::make_shared<QPromise<Status>>();
    QFuture<Status> rf = removed->future();
    removed->start();
    startPoolTask(*QThreadPool::globalInstance(), [removed, store, name] {
        removed->addResult(removeDataSource(*store, name));
        removed->finish();
    });
    whenDone(this, rf, [this, promise, ref](Status s) {
        if (s.isOk() && !ref.empty() && engine_->secrets()) engine_->secrets()->remove(ref);
        promise->addResult(s);
        promise->finish();
        if (s.isOk()) reload();
    });
    return future;
}

QFuture<Status> DataSourceRegistry::test(const DataSource &source, const std::string &secret)
{
    if (Status s = source.validate(); !s.isOk()) return ready(s);
    auto client = std::make_shared<RemoteQueryClient>(source.endpoint(secret));
    // The temporary client must not be destroyed on its own thread: the
    // continuation runs on the pool and drops it there.
    return client->check().then(QtFuture::Launch::Async, [client](Status s) mutable {
        client.reset();
        return s;
    });
}

}  // namespace vigil::runtime
