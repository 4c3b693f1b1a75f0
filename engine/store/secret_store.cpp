#include "store/secret_store.h"

#include <QPromise>
#include <QThread>
#include <QUuid>

#include <qt6keychain/keychain.h>

#include <memory>

namespace vigil::store {

namespace {

// Maps a finished QtKeychain job to a Status. The job's error text can name
// the entry but never contains the secret.
Status jobStatus(const QKeychain::Job *job)
{
    switch (job->error()) {
        case QKeychain::NoError:
            return {};
        case QKeychain::EntryNotFound:
            return Status::notFound("no keychain entry " + job->key().toStdString());
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

std::string SecretStore::newRef()
{
    return "target-" + QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
}

QFuture<SecretResult> SecretStore::read(const std::string &ref)
{
    auto promise = std::make_shared<QPromise<SecretResult>>();
    QFuture<SecretResult> future = promise->future();
    promise->start();
    const QString key = QString::fromStdString(ref);
    onOwnerThread(this, [this, promise, key] {
        auto *job = new QKeychain::ReadPasswordJob(service_, this);
        job->setAutoDelete(true);
        job->setInsecureFallback(false);
        job->setKey(key);
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
    auto promise = std::make_shared<QPromise<Status>>();
    QFuture<Status> future = promise->future();
    promise->start();
    const QString key = QString::fromStdString(ref);
    const QString text = QString::fromStdString(secret);
    onOwnerThread(this, [this, promise, key, text] {
        auto *job = new QKeychain::WritePasswordJob(service_, this);
        job->setAutoDelete(true);
        job->setInsecureFallback(false);
        job->setKey(key);
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
    auto promise = std::make_shared<QPromise<Status>>();
    QFuture<Status> future = promise->future();
    promise->start();
    const QString key = QString::fromStdString(ref);
    onOwnerThread(this, [this, promise, key] {
        auto *job = new QKeychain::DeletePasswordJob(service_, this);
        job->setAutoDelete(true);
        job->setInsecureFallback(false);
        job->setKey(key);
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

}  // namespace vigil::store
