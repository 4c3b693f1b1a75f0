// ScrapeManager: Vigil's pull scraper. Runs one ScrapeLoop per target on an
// engine thread of its own (a QThread with an event loop and a
// QNetworkAccessManager); nothing is scraped on the caller's (GUI) thread.
//
//   tsdb::Head head;
//   ScrapeManager scraper(&head);
//   scraper.applyConfig(*PrometheusConfig::loadFile("prometheus.yml"));
//   connect(&scraper, &ScrapeManager::targetHealthChanged, view, &View::update);
//   ...
//   scraper.stop();  // or destroy it
//
// Targets come from prometheus.yml jobs (applyConfig) and from jobs added in
// the console (addStaticTarget/removeTarget); the two sets are merged. Jobs
// with service discovery (file_sd_configs, http_sd_configs) get their
// targets from a DiscoveryManager: each update re-plans that job. A
// change re-plans the targets at once: loops of unchanged targets (same job
// settings, same labels) keep running with their state, removed targets are
// stopped with staleness markers, new and changed ones start.
//
// Ownership: the appendable is not owned and must outlive the manager (or
// stop()). Threads: the public methods are thread-safe, but stop() and the
// destructor must not run on the worker thread (they wait for it).
// Signals are emitted on the thread the manager lives in (queued from the
// worker), so slots in the GUI thread never block the scraper.
#pragma once

#include "core/status.h"
#include "discovery/discovery_manager.h"
#include "model/labels.h"
#include "scrape/prometheus_config.h"
#include "scrape/scrape_stats.h"
#include "scrape/target.h"
#include "scrape/target_snapshot.h"
#include "scrape/test_scrape_result.h"

#include <QFuture>
#include <QObject>
#include <QThread>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace vigil::storage {
class Appendable;
}

namespace vigil::scrape {

class ScrapeWorker;

// A discovered target that is not scraped, and why: relabel_configs dropped
// it, or its labels do not make a valid target (no address, bad interval...).
struct DroppedTarget {
    std::string job;
    model::Labels discoveredLabels;
    std::string reason;
    bool byRelabeling = false;  // Prometheus lists only these in droppedTargets
};

struct ScrapeManagerOptions {
    // Sent as User-Agent; empty means "Vigil/<application version>".
    std::string userAgent;
};

class ScrapeManager : public QObject {
    Q_OBJECT
public:
    explicit ScrapeManager(storage::Appendable *appendable, QObject *parent = nullptr,
                           ScrapeManagerOptions options = {});
    ~ScrapeManager() override;  // stop()

    // Replaces the prometheus.yml jobs. Targets that cannot be built (bad
    // relabeling result, invalid address...) are skipped; their errors are
    // returned joined in one InvalidArgument (the valid ones still run).
    // FailedPrecondition after stop().
    Status applyConfig(const PrometheusConfig &config);

    // A target added in the console: `job` gives the job's settings (its
    // static_configs are ignored), `address` is host:port, `labels` the
    // static_config labels. Jobs added this way are separate from the
    // prometheus.yml jobs: FailedPrecondition if the config already defines
    // a job of that name. Adding to an existing console job replaces its
    // settings. InvalidArgument for a bad address, job or relabel result.
    Status addStaticTarget(const ScrapeConfig &job, const std::string &address,
                           const model::Labels &labels = {});
    // A whole console job, e.g. one with service discovery made from a
    // template (its static_configs, *_sd_configs and relabeling are used as
    // given). Replaces a console job of the same name; FailedPrecondition if
    // the configuration file defines that job; InvalidArgument for a bad job.
    Status setConsoleJob(const ScrapeConfig &job);
    // Removes a console job and all its targets (NotFound if there is none).
    Status removeConsoleJob(const std::string &jobName);
    // Removes a console target (NotFound if there is none).
    Status removeTarget(const std::string &jobName, const std::string &address);

    // Snapshots, sorted by job then labels.
    std::vector<TargetSnapshot> targets() const;
    // Discovered labels of targets dropped by relabel_configs.
    std::vector<model::Labels> droppedTargets() const;
    // Every target not scraped, with the job and the reason (for the console).
    std::vector<DroppedTarget> droppedTargetDetails() const;
    // The current service discovery errors by job (a failing source keeps
    // its last good targets; the error is shown until it recovers).
    std::map<std::string, std::vector<std::string>> discoveryErrors() const;
    // HELP/TYPE/UNIT of the last successful scrape of each target matching
    // `jobName` (all when empty), keyed by the target's URL.
    std::map<std::string, Target::MetadataMap> metadata(const std::string &jobName = {}) const;
    ScrapeStats stats() const;

    // The console's Test button: scrapes `address` once with `job`'s
    // settings and reports the sample count or the exact error, appending
    // nothing. The future finishes on the worker thread (use a
    // QFutureWatcher in the GUI); Cancelled when the manager stops first.
    QFuture<TestScrapeResult> testScrape(const ScrapeConfig &job, const std::string &address,
                                         const model::Labels &labels = {});

    // Stops every loop (aborting in-flight requests, writing staleness
    // markers) and ends the worker thread. Idempotent; blocks until done.
    void stop();

Q_SIGNALS:
    // After every scrape of a target (its new health).
    void targetHealthChanged(const vigil::scrape::TargetSnapshot &target);
    // The set of targets changed (config applied, target added/removed).
    void targetsChanged();

private:
    struct Running {
        std::shared_ptr<Target> target;
        std::shared_ptr<const ScrapeConfig> job;
    };
    // Re-plans all targets from configJobs_ + consoleJobs_ + discovered_. mutex_ held.
    Status syncLocked();
    // The SD configs of every job, for discovery_->apply(). mutex_ held.
    std::map<std::string, discovery::SdConfigs> sdConfigsLocked() const;
    // DiscoveryManager callback (discovery thread).
    void onDiscovered(const std::string &job, std::vector<discovery::TargetGroup> groups);

    storage::Appendable *appendable_;
    QString userAgent_;
    QThread thread_;
    ScrapeWorker *worker_ = nullptr;
    ScrapeCounters counters_;

    mutable std::mutex mutex_;
    bool stopped_ = false;                             // GUARDED_BY(mutex_)
    std::vector<ScrapeConfig> configJobs_;             // GUARDED_BY(mutex_)
    std::map<std::string, ScrapeConfig> consoleJobs_;  // GUARDED_BY(mutex_)
    std::map<std::string, Running> running_;           // GUARDED_BY(mutex_), by loop key
    std::vector<DroppedTarget> dropped_;               // GUARDED_BY(mutex_)
    std::map<std::string, std::vector<discovery::TargetGroup>> discovered_;  // GUARDED_BY(mutex_), by job
    // Declared last: destroyed (stopped) first, before anything its callback uses.
    std::unique_ptr<discovery::DiscoveryManager> discovery_;
};

}  // namespace vigil::scrape
