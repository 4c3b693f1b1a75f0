#include "scrape/scrape_manager.h"

#include "core/log.h"
#include "core/thread_handoff.h"
#include "scrape/relabel.h"
#include "scrape/scrape_worker.h"
#include "scrape/target_labels.h"

#include <QCoreApplication>
#include <QPromise>

#include <algorithm>

namespace vigil::scrape {

namespace {

QString defaultUserAgent()
{
#ifdef VIGIL_VERSION
    return QStringLiteral("Vigil/" VIGIL_VERSION);
#else
    const QString v = QCoreApplication::applicationVersion();
    return QStringLiteral("Vigil/") + (v.isEmpty() ? QStringLiteral("dev") : v);
#endif
}

std::string quoted(std::string_view s)
{
    return "\"" + std::string(s) + "\"";
}

QFuture<TestScrapeResult> readyFuture(TestScrapeResult r)
{
    QPromise<TestScrapeResult> p;
    QFuture<TestScrapeResult> f = p.future();
    p.start();
    p.addResult(std::move(r));
    p.finish();
    return f;
}

Status validateJob(const ScrapeConfig &job)
{
    if (job.jobName.empty()) return Status::invalidArgument("job_name is empty");
    if (job.scrapeIntervalMs <= 0) return Status::invalidArgument("scrape interval must be > 0");
    if (job.scrapeTimeoutMs <= 0) return Status::invalidArgument("scrape timeout must be > 0");
    if (job.scrapeTimeoutMs > job.scrapeIntervalMs)
        return Status::invalidArgument(
            "scrape timeout greater than scrape interval for scrape config with job name " +
            quoted(job.jobName));
    if (job.scheme != "http" && job.scheme != "https")
        return Status::invalidArgument("invalid scheme: " + quoted(job.scheme));
    for (const RelabelConfig &rc : job.relabelConfigs) VIGIL_RETURN_IF_ERROR(rc.validate());
    for (const RelabelConfig &rc : job.metricRelabelConfigs) VIGIL_RETURN_IF_ERROR(rc.validate());
    return Status::ok();
}

}  // namespace

ScrapeManager::ScrapeManager(storage::Appendable *appendable, QObject *parent, ScrapeManagerOptions options)
    : QObject(parent),
      appendable_(appendable),
      userAgent_(options.userAgent.empty() ? defaultUserAgent() : QString::fromStdString(options.userAgent))
{
    qRegisterMetaType<vigil::scrape::TargetSnapshot>();
    worker_ = new ScrapeWorker(appendable_, &counters_, userAgent_);
    worker_->moveToThread(&thread_);
    // Emitted on the scrape thread; the snapshot crosses to this object's thread through
    // invokeQueued so ThreadSanitizer sees Qt's ordering of its copy and destruction.
    connect(
        worker_, &ScrapeWorker::targetScraped, this,
        [this](const TargetSnapshot &snapshot) {
            invokeQueued(this, [this, snapshot] { Q_EMIT targetHealthChanged(snapshot); });
        },
        Qt::DirectConnection);
    thread_.setObjectName(QStringLiteral("vigil-scrape"));
    thread_.start();
    discovery_ = std::make_unique<discovery::DiscoveryManager>(
        [this](const std::string &job, std::vector<discovery::TargetGroup> groups) {
            onDiscovered(job, std::move(groups));
        });
}

ScrapeManager::~ScrapeManager()
{
    stop();
}

void ScrapeManager::stop()
{
    {
        std::lock_guard lock(mutex_);
        if (stopped_) return;
        stopped_ = true;
        running_.clear();
    }
    // Before the worker: a discovery callback in flight finds stopped_ set.
    discovery_->stop();
    if (thread_.isRunning()) {
        ScrapeWorker *w = worker_;
        invokeBlocking(w, [w] { w->stopAll(); });  // core/thread_handoff.h: ordered before delete below
        thread_.quit();
        thread_.wait();
    }
    delete worker_;
    worker_ = nullptr;
}

Status ScrapeManager::applyConfig(const PrometheusConfig &config)
{
    Status st;
    {
        std::lock_guard lock(mutex_);
        if (stopped_) return Status::failedPrecondition("the scrape manager is stopped");
        configJobs_ = config.scrapeConfigs;
        // A console job shadowed by a new config job of the same name gives way.
        for (const ScrapeConfig &j : configJobs_) {
            if (consoleJobs_.erase(j.jobName))
                qCWarning(lcScrape).noquote() << "console job" << QString::fromStdString(j.jobName)
                                              << "is now defined by the configuration file";
        }
        st = syncLocked();
        discovery_->apply(sdConfigsLocked());
    }
    Q_EMIT targetsChanged();
    return st;
}

std::map<std::string, discovery::SdConfigs> ScrapeManager::sdConfigsLocked() const
{
    std::map<std::string, discovery::SdConfigs> out;
    for (const ScrapeConfig &j : configJobs_)
        if (!j.sd.empty()) out[j.jobName] = j.sd;
    for (const auto &[name, j] : consoleJobs_)
        if (!j.sd.empty()) out[name] = j.sd;
    return out;
}

void ScrapeManager::onDiscovered(const std::string &job, std::vector<discovery::TargetGroup> groups)
{
    {
        std::lock_guard lock(mutex_);
        if (stopped_) return;
        if (groups.empty())
            discovered_.erase(job);
        else
            discovered_[job] = std::move(groups);
        (void)syncLocked();  // errors are logged there
    }
    Q_EMIT targetsChanged();
}

std::map<std::string, std::vector<std::string>> ScrapeManager::discoveryErrors() const
{
    return discovery_->errors();
}

Status ScrapeManager::addStaticTarget(const ScrapeConfig &job, const std::string &address,
                                      const model::Labels &labels)
{
    VIGIL_RETURN_IF_ERROR(validateJob(job));
    if (address.empty()) return Status::invalidArgument("empty target address");
    if (address.find('/') != std::string::npos)
        return Status::invalidArgument(quoted(address) + " is not a valid hostname");
    Status st;
    {
        std::lock_guard lock(mutex_);
        if (stopped_) return Status::failedPrecondition("the scrape manager is stopped");
        for (const ScrapeConfig &j : configJobs_)
            if (j.jobName == job.jobName)
                return Status::failedPrecondition("job " + quoted(job.jobName) +
                                                  " is defined in the configuration file");
        ScrapeConfig &entry = consoleJobs_[job.jobName];
        std::vector<StaticConfig> statics = std::move(entry.staticConfigs);
        entry = job;
        entry.staticConfigs.clear();
        statics.erase(std::remove_if(statics.begin(), statics.end(),
                                     [&](const StaticConfig &s) {
                                         return s.targets.size() == 1 && s.targets[0] == address;
                                     }),
                      statics.end());
        statics.push_back(StaticConfig{{address}, labels});
        entry.staticConfigs = std::move(statics);
        st = syncLocked();
        discovery_->apply(sdConfigsLocked());
    }
    Q_EMIT targetsChanged();
    return st;
}

Status ScrapeManager::setConsoleJob(const ScrapeConfig &job)
{
    VIGIL_RETURN_IF_ERROR(validateJob(job));
    Status st;
    {
        std::lock_guard lock(mutex_);
        if (stopped_) return Status::failedPrecondition("the scrape manager is stopped");
        for (const ScrapeConfig &j : configJobs_)
            if (j.jobName == job.jobName)
                return Status::failedPrecondition("job " + quoted(job.jobName) + " is defined in the configuration file");
        consoleJobs_[job.jobName] = job;
        st = syncLocked();
        discovery_->apply(sdConfigsLocked());
    }
    Q_EMIT targetsChanged();
    return st;
}

Status ScrapeManager::removeConsoleJob(const std::string &jobName)
{
    {
        std::lock_guard lock(mutex_);
        if (!consoleJobs_.erase(jobName)) return Status::notFound("no console job " + quoted(jobName));
        discovered_.erase(jobName);
        if (stopped_) return Status::ok();
        (void)syncLocked();
        discovery_->apply(sdConfigsLocked());
    }
    Q_EMIT targetsChanged();
    return Status::ok();
}

Status ScrapeManager::removeTarget(const std::string &jobName, const std::string &address)
{
    Status st;
    {
        std::lock_guard lock(mutex_);
        auto it = consoleJobs_.find(jobName);
        if (it == consoleJobs_.end()) return Status::notFound("no console job " + quoted(jobName));
        auto &statics = it->second.staticConfigs;
        const size_t before = statics.size();
        statics.erase(std::remove_if(statics.begin(), statics.end(),
                                     [&](const StaticConfig &s) {
                                         return s.targets.size() == 1 && s.targets[0] == address;
                                     }),
                      statics.end());
        if (statics.size() == before)
            return Status::notFound("no target " + quoted(address) + " in job " + quoted(jobName));
        if (statics.empty()) consoleJobs_.erase(it);
        if (stopped_) return Status::ok();
        st = syncLocked();
        discovery_->apply(sdConfigsLocked());
    }
    Q_EMIT targetsChanged();
    return st;
}

Status ScrapeManager::syncLocked()
{
    std::vector<const ScrapeConfig *> jobs;
    for (const ScrapeConfig &j : configJobs_) jobs.push_back(&j);
    for (const auto &[name, j] : consoleJobs_) jobs.push_back(&j);

    std::map<std::string, Running> next;
    std::vector<DroppedTarget> dropped;
    std::string errors;
    for (const ScrapeConfig *job : jobs) {
        auto settings = std::make_shared<ScrapeConfig>(*job);
        settings->staticConfigs.clear();
        std::vector<discovery::TargetGroup> groups = staticTargetGroups(*job);
        if (auto d = discovered_.find(job->jobName); d != discovered_.end())
            groups.insert(groups.end(), d->second.begin(), d->second.end());
        JobTargets jt = targetsFromGroups(*job, groups);
        for (const Status &e : jt.errors) {
            qCWarning(lcScrape).noquote() << QString::fromStdString(e.message());
            errors += (errors.empty() ? "" : "; ") + e.message();
        }
        for (model::Labels &d : jt.dropped)
            dropped.push_back({job->jobName, std::move(d), "dropped by relabel_configs", true});
        for (InvalidTarget &t : jt.invalid) dropped.push_back({job->jobName, std::move(t.labels), t.error.message(), false});
        for (std::shared_ptr<Target> &t : jt.active) {
            std::string key = job->jobName + '\0' + t->internalLabels().toString();
            auto old = running_.find(key);
            if (old != running_.end() && *old->second.job == *settings)
                next.emplace(std::move(key), old->second);
            else
                next.emplace(std::move(key), Running{std::move(t), settings});
        }
    }

    std::vector<std::pair<std::string, bool>> stop;
    std::vector<LoopSpec> start;
    for (const auto &[key, r] : running_) {
        auto n = next.find(key);
        if (n == next.end())
            stop.emplace_back(key, true);  // removed: staleness markers
        else if (n->second.target != r.target)
            stop.emplace_back(key, false);  // changed: the new loop continues the series
    }
    for (const auto &[key, r] : next) {
        auto old = running_.find(key);
        if (old == running_.end() || old->second.target != r.target) start.push_back({key, r.target, r.job});
    }
    running_ = std::move(next);
    dropped_ = std::move(dropped);
    if (!stop.empty() || !start.empty()) {
        ScrapeWorker *w = worker_;
        invokeQueued(w, [w, stop = std::move(stop), start = std::move(start)] { w->update(stop, start); });
    }
    if (!errors.empty()) return Status::invalidArgument(errors);
    return Status::ok();
}

std::vector<TargetSnapshot> ScrapeManager::targets() const
{
    std::vector<TargetSnapshot> out;
    {
        std::lock_guard lock(mutex_);
        out.reserve(running_.size());
        for (const auto &[key, r] : running_) out.push_back(snapshotOf(*r.target));
    }
    std::sort(out.begin(), out.end(), [](const TargetSnapshot &a, const TargetSnapshot &b) {
        if (a.job != b.job) return a.job < b.job;
        return a.labels < b.labels;
    });
    return out;
}

std::vector<model::Labels> ScrapeManager::droppedTargets() const
{
    std::vector<model::Labels> out;
    std::lock_guard lock(mutex_);
    for (const DroppedTarget &d : dropped_)
        if (d.byRelabeling) out.push_back(d.discoveredLabels);
    return out;
}

std::vector<DroppedTarget> ScrapeManager::droppedTargetDetails() const
{
    std::lock_guard lock(mutex_);
    return dropped_;
}

std::map<std::string, Target::MetadataMap> ScrapeManager::metadata(const std::string &jobName) const
{
    std::map<std::string, Target::MetadataMap> out;
    std::lock_guard lock(mutex_);
    for (const auto &[key, r] : running_)
        if (jobName.empty() || r.target->jobName() == jobName) out[r.target->url()] = r.target->metadata();
    return out;
}

ScrapeStats ScrapeManager::stats() const
{
    ScrapeStats s;
    s.scrapesTotal = counters_.scrapesTotal.load(std::memory_order_relaxed);
    s.scrapeFailuresTotal = counters_.scrapeFailuresTotal.load(std::memory_order_relaxed);
    s.samplesAppendedTotal = counters_.samplesAppendedTotal.load(std::memory_order_relaxed);
    std::lock_guard lock(mutex_);
    s.targetsTotal = running_.size();
    for (const auto &[key, r] : running_) {
        const TargetHealth h = r.target->health();
        if (h.health == HealthState::Up) {
            ++s.targetsUp;
            if (r.target->intervalMs() > 0)
                s.samplesPerSecond += double(h.lastSamples) * 1000.0 / double(r.target->intervalMs());
        } else if (h.health == HealthState::Down) {
            ++s.targetsDown;
        }
    }
    return s;
}

QFuture<TestScrapeResult> ScrapeManager::testScrape(const ScrapeConfig &job, const std::string &address,
                                                    const model::Labels &labels)
{
    TestScrapeResult bad;
    if (Status st = validateJob(job); !st) {
        bad.status = st;
        return readyFuture(std::move(bad));
    }
    model::LabelsBuilder base(labels);
    base.set("__address__", address);
    Result<PopulatedLabels> p = populateTargetLabels(base.labels(), job);
    if (!p) {
        bad.status = p.status();
        return readyFuture(std::move(bad));
    }
    if (p->labels.empty()) {
        bad.status = Status::invalidArgument("the target is dropped by relabel_configs");
        return readyFuture(std::move(bad));
    }
    auto target = std::make_shared<Target>(job.jobName, std::move(p->labels), std::move(p->discovered), job);
    auto settings = std::make_shared<const ScrapeConfig>(job);
    auto promise = std::make_shared<QPromise<TestScrapeResult>>();
    QFuture<TestScrapeResult> future = promise->future();
    promise->start();
    std::lock_guard lock(mutex_);
    if (stopped_) {
        bad.status = Status::cancelled("the scrape manager is stopped");
        promise->addResult(std::move(bad));
        promise->finish();
        return future;
    }
    ScrapeWorker *w = worker_;
    invokeQueued(w, [w, target, settings, promise] {
        w->testScrape(target, settings, [promise](TestScrapeResult r) {
            promise->addResult(std::move(r));
            promise->finish();
        });
    });
    return future;
}

}  // namespace vigil::scrape
