// DiscoveryManager: runs the discoverers of every scrape job on a thread of
// its own and reports each job's merged target groups through a callback.
//
//   DiscoveryManager dm([&](const std::string &job, std::vector<TargetGroup> groups) { ... });
//   dm.apply({{"node", sdConfigs}});   // start/restart/stop discoverers
//   ...
//   dm.stop();                         // or destroy it
//
// apply() is asynchronous and thread-safe: discoverers of jobs whose
// SdConfigs did not change keep running (and keep their groups); changed
// jobs restart theirs; removed jobs report an empty set once. The callback
// runs on the discovery thread, only when a job's groups change, and must
// not call back into the manager synchronously. stop() blocks until the
// thread has ended; it must not run on the discovery thread.
#pragma once

#include "discovery/sd_config.h"
#include "discovery/target_group.h"

#include <QThread>

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace vigil::discovery {

class DiscoveryWorker;

class DiscoveryManager {
public:
    using Callback = std::function<void(const std::string &job, std::vector<TargetGroup> groups)>;

    explicit DiscoveryManager(Callback callback);
    ~DiscoveryManager();  // stop()
    DiscoveryManager(const DiscoveryManager &) = delete;
    DiscoveryManager &operator=(const DiscoveryManager &) = delete;

    void apply(std::map<std::string, SdConfigs> jobs);
    // The current error of each failing discoverer, by job.
    std::map<std::string, std::vector<std::string>> errors() const;
    void stop();

private:
    friend class DiscoveryWorker;
    void setErrors(const std::string &job, std::vector<std::string> errors);

    Callback callback_;
    QThread thread_;
    DiscoveryWorker *worker_ = nullptr;
    mutable std::mutex mutex_;
    bool stopped_ = false;                                      // GUARDED_BY(mutex_)
    std::map<std::string, std::vector<std::string>> errors_;    // GUARDED_BY(mutex_)
};

}  // namespace vigil::discovery
