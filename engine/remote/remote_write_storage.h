// RemoteWriteStorage: all remote_write queues of the engine, on one thread
// of their own ("vigil-remote-write"). apply() replaces the set (on reload a
// queue whose config is unchanged keeps running); stop() saves positions and
// ends the thread. Queue positions live in <dataDir>/remote_write/.
//
// Thread safety: apply(), stop() and snapshot() from any thread.
#pragma once

#include "remote/queue_metrics.h"
#include "scrape/remote_write_config.h"

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

class QThread;

namespace vigil::remote {

class QueueManager;

class RemoteWriteStorage {
public:
    RemoteWriteStorage(std::string dataDir, std::string walDir);
    ~RemoteWriteStorage();

    void apply(const std::vector<scrape::RemoteWriteConfig> &configs);
    void stop();

    // Calls `f(name, url, metrics)` for each queue, under the lock.
    void forEachQueue(const std::function<void(const std::string &, const std::string &, const QueueMetrics &)> &f) const;

private:
    std::string dataDir_;
    std::string walDir_;
    QThread *thread_ = nullptr;
    mutable std::mutex mu_;
    std::vector<QueueManager *> queues_;  // live on thread_
};

}  // namespace vigil::remote
