#include "notify/secret_store.h"

#include <QEventLoop>
#include <qt6keychain/keychain.h>

namespace vigil::notify {

namespace {

// Runs a QtKeychain job to completion on the calling thread.
template <typename Job>
Status runJob(Job &job)
{
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.setAutoDelete(false);
    job.start();
    loop.exec();
    switch (job.error()) {
    case QKeychain::NoError: return Status::ok();
    case QKeychain::EntryNotFound: return Status::notFound("keychain entry " + job.key().toStdString() + " not found");
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser: return Status::failedPrecondition("keychain access denied");
    default: return Status::unavailable("keychain: " + job.errorString().toStdString());
    }
}

}  // namespace

Result<std::string> KeychainSecretStore::read(const std::string &name)
{
    QKeychain::ReadPasswordJob job(QString::fromStdString(service_));
    job.setKey(QString::fromStdString(name));
    VIGIL_RETURN_IF_ERROR(runJob(job));
    return job.textData().toStdString();
}

Status KeychainSecretStore::write(const std::string &name, const std::string &value)
{
    QKeychain::WritePasswordJob job(QString::fromStdString(service_));
    job.setKey(QString::fromStdString(name));
    job.setTextData(QString::fromStdString(value));
    return runJob(job);
}

Status KeychainSecretStore::remove(const std::string &name)
{
    QKeychain::DeletePasswordJob job(QString::fromStdString(service_));
    job.setKey(QString::fromStdString(name));
    return runJob(job);
}

Result<std::string> MemorySecretStore::read(const std::string &name)
{
    std::lock_guard lock(mu_);
    auto it = entries_.find(name);
    if (it == entries_.end()) return Status::notFound("secret " + name + " not found");
    return it->second;
}

Status MemorySecretStore::write(const std::string &name, const std::string &value)
{
    std::lock_guard lock(mu_);
    entries_[name] = value;
    return Status::ok();
}

Status MemorySecretStore::remove(const std::string &name)
{
    std::lock_guard lock(mu_);
    if (!entries_.erase(name)) return Status::notFound("secret " + name + " not found");
    return Status::ok();
}

Result<std::string> resolveSecretRefs(const std::string &value, SecretStore *store)
{
    static const std::string kOpen = "${keychain:";
    std::string out;
    size_t pos = 0;
    while (true) {
        const size_t start = value.find(kOpen, pos);
        if (start == std::string::npos) break;
        const size_t end = value.find('}', start);
        if (end == std::string::npos) return Status::invalidArgument("unterminated ${keychain:...} reference");
        const std::string name = value.substr(start + kOpen.size(), end - start - kOpen.size());
        for (char c : name)
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-')
                return Status::invalidArgument("bad secret name in ${keychain:" + name + "}");
        if (!store) return Status::failedPrecondition("no secret store to resolve ${keychain:" + name + "}");
        Result<std::string> secret = store->read(name);
        if (!secret) return secret.status().withContext("${keychain:" + name + "}");
        out.append(value, pos, start - pos);
        out += *secret;
        pos = end + 1;
    }
    out.append(value, pos, std::string::npos);
    return out;
}

}  // namespace vigil::notify
