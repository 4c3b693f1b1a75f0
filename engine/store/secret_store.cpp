#include "store/secret_store.h"

#include <QEventLoop>
#include <QPromise>
#include <QThread>
#include <QUuid>

#include <qt6keychain/keychain.h>

#include <memory>

namespace vigil::store {

namespace {

Status notFound(const std::string &ref) { return Status::notFound("no keychain entry " + ref); }

// Maps a finished QtKeychain job to a Status. The job's error text can name
// the entry but never contains the secret.
Status jobStatus(const QKeychain::Job *job)
{
    switch (job->error()) {
        case QKeychain::NoError:
            return {};
        case QKeychain::EntryNotFound:
            return notFound(job->key().toStdString());
        case QKeychain::NoBackendAvailable:
        case QKeychain::NotImplemented:
            return Status::unavailable("no system keychain is available (Secret Service or KWallet): " +
                                       job->errorString().toStdString());
        case QKeychain::AccessDeniedByUser:
        case QKeychain::AccessDenied:
            return Status::unavailable("the system keychain denied access: " +
                                       job->errorString().toStdString());
        case QKeychain::CouldNotDeleteEntry:
        case QKeychain::OtherError:
            break;
    }
    // Without a Secret Service on the session bus QtKeychain reports
    // OtherError with the D-Bus message; that, too, means "no keychain".
    return Status::unavailable("the system keychain did not answer: " + job->errorString().toStdString());
}

// Prepares a job: the entry `key`, never QtKeychain's plain-text fallback.
template <typename Job>
Job *prepared(Job *job, const QString &key)
{
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

// Runs `job` to completion on the calling thread.
Status runHere(QKeychain::Job *job)
{
    QEventLoop loop;
    bool finished = false;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    job->setAutoDelete(false);
    job->start();
    if (!finished) loop.exec();
    return jobStatus(job);
}

// Runs `start` on `owner`'s thread (now when already there).
template <typename F>
void onOwnerThread(QObject *owner, F start)
{
    if (QThread::currentThread() == owner->thread()) {
        start();
    } else {
        QMetaObject::invokeMethod(owner, std::move(start), Qt::QueuedConnection);
    }
}

}  // namespace

SecretStore::SecretStore(QString service, QObject *parent) : QObject(parent), service_(std::move(service)) {}

SecretStore::SecretStore(Backend backend, QObject *parent) : QObject(parent), backend_(backend) {}

std::string SecretStore::newRef()
{
    return "target-" + QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
}

QFuture<SecretResult> SecretStore::read(const std::string &ref)
{
    if (backend_ == Backend::Memory) return QtFuture::makeReadyFuture(memoryRead(ref));
    auto promise = std::make_shared<QPromise<SecretResult>>();
    QFuture<SecretResult> future = promise->future();
    promise->start();
    const QString key = QString::fromStdString(ref);
    onOwnerThread(this, [this, promise, key] {
        auto *job = prepared(new QKeychain::ReadPasswordJob(service_, this), key);
        job->setAutoDelete(true);
        connect(job, &QKeychain::Job::finished, this, [promise](QKeychain::Job *j) {
            SecretResult r;
            r.status = jobStatus(j);
            if (r.status.isOk())
                r.secret = static_cast<QKeychain::ReadPasswordJob *>(j)->textData().toStdString();
            promise->addResult(std::move(r));
            promise->finish();
        });
        job->start();
    });
    return future;
}

QFuture<Status> SecretStore::write(const std::string &ref, const std::string &secret)
{
    if (backend_ == Backend::Memory) return QtFuture::makeReadyFuture(memoryWrite(ref, secret));
    auto promise = std::make_shared<QPromise<Status>>();
    QFuture<Status> future = promise->future();
    promise->start();
    const QString key = QString::fromStdString(ref);
    const QString text = QString::fromStdString(secret);
    onOwnerThread(this, [this, promise, key, text] {
        auto *job = prepared(new QKeychain::WritePasswordJob(service_, this), key);
        job->setAutoDelete(true);
        job->setTextData(text);
        connect(job, &QKeychain::Job::finished, this, [promise](QKeychain::Job *j) {
            promise->addResult(jobStatus(j));
            promise->finish();
        });
        job->start();
    });
    return future;
}

QFuture<Status> SecretStore::remove(const std::string &ref)
{
    if (backend_ == Backend::Memory) return QtFuture::makeReadyFuture(memoryRemove(ref));
    auto promise = std::make_shared<QPromise<Status>>();
    QFuture<Status> future = promise->future();
    promise->start();
    const QString key = QString::fromStdString(ref);
    onOwnerThread(this, [this, promise, key] {
        auto *job = prepared(new QKeychain::DeletePasswordJob(service_, this), key);
        job->setAutoDelete(true);
        connect(job, &QKeychain::Job::finished, this, [promise](QKeychain::Job *j) {
            Status s = jobStatus(j);
            if (s.code() == Status::Code::NotFound) s = Status::ok();
            promise->addResult(std::move(s));
            promise->finish();
        });
        job->start();
    });
    return future;
}

QFuture<Status> SecretStore::probe()
{
    if (backend_ == Backend::Memory) return QtFuture::makeReadyFuture(Status::ok());
    auto promise = std::make_shared<QPromise<Status>>();
    QFuture<Status> future = promise->future();
    promise->start();
    auto watcher = read("vigil-keychain-probe");
    watcher.then(this, [promise](const SecretResult &r) {
        Status s = r.status;
        if (s.code() == Status::Code::NotFound) s = Status::ok();
        promise->addResult(std::move(s));
        promise->finish();
    });
    return future;
}

Result<std::string> SecretStore::readBlocking(const std::string &ref)
{
    if (backend_ == Backend::Memory) {
        SecretResult r = memoryRead(ref);
        if (!r.status.isOk()) return r.status;
        return r.secret;
    }
    QKeychain::ReadPasswordJob job(service_);
    VIGIL_RETURN_IF_ERROR(runHere(prepared(&job, QString::fromStdString(ref))));
    return job.textData().toStdString();
}

Status SecretStore::writeBlocking(const std::string &ref, const std::string &secret)
{
    if (backend_ == Backend::Memory) return memoryWrite(ref, secret);
    QKeychain::WritePasswordJob job(service_);
    job.setTextData(QString::fromStdString(secret));
    return runHere(prepared(&job, QString::fromStdString(ref)));
}

SecretResult SecretStore::memoryRead(const std::string &ref)
{
    std::lock_guard lock(memoryMutex_);
    auto it = memory_.find(ref);
    if (it == memory_.end()) return {notFound(ref), {}};
    return {Status::ok(), it->second};
}

Status SecretStore::memoryWrite(const std::string &ref, const std::string &secret)
{
    std::lock_guard lock(memoryMutex_);
    memory_[ref] = secret;
    return Status::ok();
}

Status SecretStore::memoryRemove(const std::string &ref)
{
    std::lock_guard lock(memoryMutex_);
    memory_.erase(ref);
    return Status::ok();
}

}  // namespace vigil::store
