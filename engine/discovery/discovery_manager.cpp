#include "discovery/discovery_manager.h"

#include "core/thread_handoff.h"
#include "discovery/dns_discoverer.h"
#include "discovery/file_discoverer.h"
#include "discovery/http_discoverer.h"
#include "discovery/kubernetes_discoverer.h"

#include <memory>

namespace vigil::discovery {

// Lives on the discovery thread and owns the discoverers (QObjects with
// timers and sockets must be created and destroyed on their thread).
class DiscoveryWorker : public QObject {
public:
    explicit DiscoveryWorker(DiscoveryManager *owner) : owner_(owner) {}

    void apply(const std::map<std::string, SdConfigs> &jobs)
    {
        for (auto it = jobs_.begin(); it != jobs_.end();) {
            auto n = jobs.find(it->first);
            if (n != jobs.end() && n->second == it->second.config) {
                ++it;
                continue;
            }
            const std::string name = it->first;
            it = jobs_.erase(it);  // destroys the discoverers
            owner_->setErrors(name, {});
            if (n == jobs.end()) owner_->callback_(name, {});
        }
        for (const auto &[name, cfg] : jobs) {
            if (jobs_.count(name) || cfg.empty()) continue;
            Job &job = jobs_[name];
            job.config = cfg;
            for (const FileSdConfig &f : cfg.file) job.providers.push_back({std::make_unique<FileDiscoverer>(f), {}});
            for (const HttpSdConfig &h : cfg.http) job.providers.push_back({std::make_unique<HttpDiscoverer>(h), {}});
            for (const DnsSdConfig &d : cfg.dns) job.providers.push_back({std::make_unique<DnsDiscoverer>(d), {}});
            for (const KubernetesSdConfig &k : cfg.kubernetes)
                job.providers.push_back({std::make_unique<KubernetesDiscoverer>(k), {}});
            for (size_t i = 0; i < job.providers.size(); ++i) {
                job.providers[i].discoverer->start([this, name = name, i](DiscoveryUpdate u) { onUpdate(name, i, std::move(u)); });
            }
        }
    }

    void clear() { jobs_.clear(); }

private:
    struct Provider {
        std::unique_ptr<Discoverer> discoverer;
        DiscoveryUpdate last;
    };
    struct Job {
        SdConfigs config;
        std::vector<Provider> providers;
        std::vector<TargetGroup> reported;
        bool everReported = false;
    };

    void onUpdate(const std::string &name, size_t provider, DiscoveryUpdate u)
    {
        auto it = jobs_.find(name);
        if (it == jobs_.end() || provider >= it->second.providers.size()) return;
        Job &job = it->second;
        job.providers[provider].last = std::move(u);
        std::vector<TargetGroup> all;
        std::vector<std::string> errors;
        for (const Provider &p : job.providers) {
            all.insert(all.end(), p.last.groups.begin(), p.last.groups.end());
            if (!p.last.error.empty()) errors.push_back(p.last.error);
        }
        owner_->setErrors(name, std::move(errors));
        if (job.everReported && all == job.reported) return;
        job.reported = all;
        job.everReported = true;
        owner_->callback_(name, std::move(all));
    }

    DiscoveryManager *owner_;
    std::map<std::string, Job> jobs_;
};

DiscoveryManager::DiscoveryManager(Callback callback) : callback_(std::move(callback))
{
    worker_ = new DiscoveryWorker(this);
    worker_->moveToThread(&thread_);
    thread_.setObjectName(QStringLiteral("vigil-discovery"));
    thread_.start();
}

DiscoveryManager::~DiscoveryManager()
{
    stop();
}

void DiscoveryManager::apply(std::map<std::string, SdConfigs> jobs)
{
    std::lock_guard lock(mutex_);
    if (stopped_) return;
    DiscoveryWorker *w = worker_;
    invokeQueued(w, [w, jobs = std::move(jobs)] { w->apply(jobs); });  // core/thread_handoff.h
}

std::map<std::string, std::vector<std::string>> DiscoveryManager::errors() const
{
    std::lock_guard lock(mutex_);
    return errors_;
}

void DiscoveryManager::setErrors(const std::string &job, std::vector<std::string> errors)
{
    std::lock_guard lock(mutex_);
    if (errors.empty())
        errors_.erase(job);
    else
        errors_[job] = std::move(errors);
}

void DiscoveryManager::stop()
{
    {
        std::lock_guard lock(mutex_);
        if (stopped_) return;
        stopped_ = true;
    }
    if (thread_.isRunning()) {
        DiscoveryWorker *w = worker_;
        // Ordered before the delete below also for ThreadSanitizer (core/thread_handoff.h).
        invokeBlocking(w, [w] { w->clear(); });
        thread_.quit();
        thread_.wait();
    }
    delete worker_;
    worker_ = nullptr;
}

}  // namespace vigil::discovery
