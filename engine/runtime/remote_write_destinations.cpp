#include "runtime/remote_write_destinations.h"

#include "core/log.h"
#include "core/thread_handoff.h"
#include "runtime/engine.h"
#include "runtime/future_helpers.h"
#include "scrape/prometheus_config.h"
#include "store/app_store.h"
#include "store/secret_store.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <QThreadPool>

#include <algorithm>
#include <functional>
#include <memory>

namespace vigil::runtime {

std::string StoredRemoteWrite::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("name")] = QString::fromStdString(name);
    o[QStringLiteral("yaml")] = QString::fromStdString(yaml);
    if (!secretRef.empty()) o[QStringLiteral("secretRef")] = QString::fromStdString(secretRef);
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

Result<StoredRemoteWrite> StoredRemoteWrite::fromJson(const std::string &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json));
    if (!doc.isObject()) return Status::invalidArgument("remote_write entry: not a JSON object");
    StoredRemoteWrite rw;
    rw.name = doc[QStringLiteral("name")].toString().toStdString();
    rw.yaml = doc[QStringLiteral("yaml")].toString().toStdString();
    rw.secretRef = doc[QStringLiteral("secretRef")].toString().toStdString();
    return rw;
}

Result<scrape::RemoteWriteConfig> parseRemoteWriteEntry(const std::string &yaml, const std::string &secret)
{
    // As the only item of a remote_write: section (every line indented by four).
    std::string doc = "remote_write:\n  -\n";
    size_t start = 0;
    while (start <= yaml.size()) {
        size_t end = yaml.find('\n', start);
        if (end == std::string::npos) end = yaml.size();
        doc += "    " + yaml.substr(start, end - start) + "\n";
        start = end + 1;
    }
    auto cfg = scrape::PrometheusConfig::loadString(doc, "remote_write entry");
    if (!cfg.isOk()) return cfg.status();
    if (cfg->remoteWrite.size() != 1) return Status::invalidArgument("remote_write entry: expected one mapping with a url");
    scrape::RemoteWriteConfig rw = cfg->remoteWrite.front();
    if (rw.http.basicAuth) {
        if (!rw.http.basicAuth->password.empty())
            return Status::invalidArgument("remote_write entry: the password belongs in the keychain, not in the YAML");
        rw.http.basicAuth->password = secret;
    } else if (rw.http.authorization) {
        if (!rw.http.authorization->credentials.empty())
            return Status::invalidArgument("remote_write entry: the token belongs in the keychain, not in the YAML");
        rw.http.authorization->credentials = secret;
    }
    return rw;
}

Result<std::vector<StoredRemoteWrite>> loadRemoteWrites(store::AppStore &store)
{
    auto docs = store.documents(kRemoteWriteDocumentKind);
    if (!docs.isOk()) return docs.status();
    std::vector<StoredRemoteWrite> out;
    for (const auto &d : *docs) {
        auto rw = StoredRemoteWrite::fromJson(d.json);
        if (rw.isOk()) out.push_back(std::move(*rw));
    }
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.name < b.name; });
    return out;
}

Status saveRemoteWrite(store::AppStore &store, const StoredRemoteWrite &rw)
{
    if (rw.name.empty()) return Status::invalidArgument("remote_write entry: the name is empty");
    auto parsed = parseRemoteWriteEntry(rw.yaml, "");
    if (!parsed.isOk()) return parsed.status();
    store::StoredDocument doc;
    doc.name = rw.name;
    doc.json = rw.toJson();
    doc.updatedMs = QDateTime::currentMSecsSinceEpoch();
    return store.putDocument(kRemoteWriteDocumentKind, doc);
}

Status removeRemoteWrite(store::AppStore &store, const std::string &name)
{
    return store.removeDocument(kRemoteWriteDocumentKind, name);
}

RemoteWriteDestinations::RemoteWriteDestinations(Engine *engine, QObject *parent) : QObject(parent), engine_(engine) {}

std::string RemoteWriteDestinations::error(const std::string &name) const
{
    auto it = errors_.find(name);
    return it == errors_.end() ? std::string() : it->second;
}

void RemoteWriteDestinations::reload()
{
    store::AppStore *store = engine_ ? engine_->appStore() : nullptr;
    if (!store) return;
    const uint64_t gen = ++generation_;
    auto loaded = runOn<std::vector<StoredRemoteWrite>>(*QThreadPool::globalInstance(), [store] {
        auto r = loadRemoteWrites(*store);
        return r.isOk() ? std::move(*r) : std::vector<StoredRemoteWrite>{};
    });
    whenDone(this, loaded, [this, gen](std::vector<StoredRemoteWrite> entries) {
        if (gen != generation_) return;
        struct Pending {
            std::vector<StoredRemoteWrite> entries;
            std::vector<scrape::RemoteWriteConfig> configs;
            std::map<std::string, std::string> errors;
            size_t next = 0;
        };
        auto pending = std::make_shared<Pending>();
        pending->entries = std::move(entries);
        auto step = std::make_shared<std::function<void()>>();
        // One entry at a time: read its secret (if any), parse, go on.
        *step = [this, gen, pending, step] {
            if (gen != generation_) {
                *step = nullptr;
                return;
            }
            if (pending->next == pending->entries.size()) {
                entries_ = std::move(pending->entries);
                errors_ = std::move(pending->errors);
                engine_->setConsoleRemoteWrite(std::move(pending->configs));
                Q_EMIT changed();
                *step = nullptr;  // breaks the self-reference
                return;
            }
            const StoredRemoteWrite &e = pending->entries[pending->next++];
            auto parse = [pending, e, step](const std::string &secret) {
                auto cfg = parseRemoteWriteEntry(e.yaml, secret);
                if (cfg.isOk()) {
                    if (cfg->name.empty()) cfg->name = e.name;  // the page shows the queue under the entry's name
                    pending->configs.push_back(std::move(*cfg));
                }
                else pending->errors[e.name] = cfg.status().message();
                if (*step) (*step)();
            };
            if (e.secretRef.empty() || !engine_->secrets()) return parse("");
            whenDone(this, engine_->secrets()->read(e.secretRef), [pending, e, parse, step](store::SecretResult r) {
                if (!r.status.isOk()) {
                    pending->errors[e.name] = "keychain: " + r.status.message();
                    if (*step) (*step)();
                    return;
                }
                parse(r.secret);
            });
        };
        (*step)();
    });
}

QFuture<Status> RemoteWriteDestinations::save(StoredRemoteWrite rw, std::string secret)
{
    store::AppStore *store = engine_ ? engine_->appStore() : nullptr;
    if (!store) return ready(Status::failedPrecondition("the engine is not running"));
    if (!secret.empty() && rw.secretRef.empty()) rw.secretRef = store::SecretStore::newRef();
    auto promise = std::make_shared<QPromise<Status>>();
    QFuture<Status> future = promise->future();
    promise->start();
    auto write = [this, promise, store, rw] {
        whenDone(this, runOn<Status>(*QThreadPool::globalInstance(), [store, rw] { return saveRemoteWrite(*store, rw); }), [this, promise](Status s) {
            promise->addResult(s);
            promise->finish();
            if (s.isOk()) reload();
        });
    };
    if (secret.empty()) {
        write();
    } else if (!engine_->secrets()) {
        return ready(Status::unavailable("no keychain"));
    } else {
        whenDone(this, engine_->secrets()->write(rw.secretRef, secret), [promise, write](Status s) {
            if (s.isOk()) return write();
            promise->addResult(s);
            promise->finish();
        });
    }
    return future;
}

QFuture<Status> RemoteWriteDestinations::remove(std::string name)
{
    store::AppStore *store = engine_ ? engine_->appStore() : nullptr;
    if (!store) return ready(Status::failedPrecondition("the engine is not running"));
    std::string ref;
    for (const auto &e : entries_)
        if (e.name == name) ref = e.secretRef;
    auto promise = std::make_shared<QPromise<Status>>();
    QFuture<Status> future = promise->future();
    promise->start();
    whenDone(this, runOn<Status>(*QThreadPool::globalInstance(), [store, name] { return removeRemoteWrite(*store, name); }),
             [this, promise, ref](Status s) {
                 if (s.isOk() && !ref.empty() && engine_->secrets()) engine_->secrets()->remove(ref);
                 promise->addResult(s);
                 promise->finish();
                 if (s.isOk()) reload();
             });
    return future;
}

}  // namespace vigil::runtime
