#include "remote/remote_write_storage.h"

#include "remote/queue_manager.h"

#include <QCryptographicHash>
#include <QThread>

namespace vigil::remote {

namespace {
std::string stateFileFor(const std::string &dataDir, const scrape::RemoteWriteConfig &c)
{
    // One file per destination, named by a hash of its name (or URL) so any
    // characters are fine.
    const std::string key = c.name.empty() ? c.url : c.name;
    const QByteArray h = QCryptographicHash::hash(QByteArray::fromStdString(key), QCryptographicHash::Sha256).toHex().left(16);
    return dataDir + "/remote_write/" + h.toStdString() + ".position";
}

void runOn(QThread *t, const std::function<void()> &f)
{
    QObject ctx;
    ctx.moveToThread(t);
    QMetaObject::invokeMethod(&ctx, f, t == QThread::currentThread() ? Qt::DirectConnection : Qt::BlockingQueuedConnection);
}
}  // namespace

RemoteWriteStorage::RemoteWriteStorage(std::string dataDir, std::string walDir)
    : dataDir_(std::move(dataDir)), walDir_(std::move(walDir))
{
}

RemoteWriteStorage::~RemoteWriteStorage()
{
    stop();
}

void RemoteWriteStorage::apply(const std::vector<scrape::RemoteWriteConfig> &configs)
{
    std::lock_guard lock(mu_);
    if (!thread_) {
        if (configs.empty()) return;
        thread_ = new QThread;
        thread_->setObjectName(QStringLiteral("vigil-remote-write"));
        thread_->start();
    }
    std::vector<QueueManager *> keep, drop = queues_;
    std::vector<scrape::RemoteWriteConfig> fresh;
    for (const auto &c : configs) {
        auto it = std::find_if(drop.begin(), drop.end(), [&](QueueManager *q) { return q->config() == c; });
        if (it != drop.end()) {
            keep.push_back(*it);
            drop.erase(it);
        } else {
            fresh.push_back(c);
        }
    }
    runOn(thread_, [&] {
        for (QueueManager *q : drop) delete q;  // the destructor stops it and saves its position
        for (const auto &c : fresh) {
            auto *q = new QueueManager(c, walDir_, stateFileFor(dataDir_, c));
            q->start();
            keep.push_back(q);
        }
    });
    queues_ = std::move(keep);
}

void RemoteWriteStorage::stop()
{
    std::lock_guard lock(mu_);
    if (!thread_) return;
    runOn(thread_, [&] {
        for (QueueManager *q : queues_) delete q;
    });
    queues_.clear();
    thread_->quit();
    thread_->wait();
    delete thread_;
    thread_ = nullptr;
}

void RemoteWriteStorage::forEachQueue(
    const std::function<void(const std::string &, const std::string &, const QueueMetrics &)> &f) const
{
    std::lock_guard lock(mu_);
    for (QueueManager *q : queues_) f(q->name(), q->config().url, q->metrics());
}

}  // namespace vigil::remote
