// ScrapeLoop: scrapes one target on its interval and appends the results.
//
// Lives on an engine thread (the ScrapeWorker's) together with the
// QNetworkAccessManager it uses; every method must be called on that thread.
// The first scrape starts at an offset within the interval derived from the
// target's hash (as Prometheus spreads its scrapes), later ones on a fixed
// grid of the interval; a slot is skipped rather than overlapping a scrape
// still in flight (request or parsing). Each scrape: HTTP GET (ScrapeRequest,
// on the loop's thread) -> on `pool`: parse by Content-Type -> ScrapeProcessor
// -> one Appender batch committed with the synthetic series -> back on the
// loop's thread: Target health updated -> scraped(). Parsing and appending
// run on the pool so that a huge body of one target does not hold up the
// timers and network I/O of all the others (the loop's thread only moves
// bytes); the timestamp of a scrape is taken when its request starts.
//
// Pods found by Kubernetes discovery may be scraped through the API
// server's pod proxy (pod_proxy.h): always with vigil_kubernetes_proxy:
// always; with auto from the first scrape that cannot connect on (that
// scrape is retried through the proxy at once, and the loop stays on it).
//
// stop(true) aborts an in-flight request and writes staleness markers for
// the target's series and its synthetic series (target removed, shutdown);
// stop(false) only aborts (the target continues in a new loop). Neither
// waits for a parse in flight: the markers are appended by a pool task that
// runs after it, and the parse's result is no longer reported to the loop.
// The owner must wait for `pool` (QThreadPool::waitForDone) before the
// appendable goes away. A loop is started once.
#pragma once

#include "scrape/pod_proxy.h"
#include "scrape/scrape_config.h"
#include "scrape/scrape_processor.h"
#include "scrape/scrape_stats.h"
#include "scrape/target.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <mutex>
#include <optional>
#include <vector>

class QNetworkAccessManager;
class QThreadPool;

namespace vigil::storage {
class Appendable;
}

namespace vigil::scrape {

class ScrapeRequest;
struct ScrapeResponse;

class ScrapeLoop : public QObject {
    Q_OBJECT
public:
    // `nam`, `pool`, `appendable` and `counters` must outlive the loop (the
    // last three also its pool tasks).
    ScrapeLoop(std::shared_ptr<Target> target, std::shared_ptr<const ScrapeConfig> job,
               QNetworkAccessManager *nam, QThreadPool *pool, storage::Appendable *appendable,
               ScrapeCounters *counters, QString userAgent, uint64_t offsetSeed = 0, QObject *parent = nullptr);
    ~ScrapeLoop() override;

    void start();
    void stop(bool writeStaleMarkers);

    const std::shared_ptr<Target> &target() const { return target_; }
    const std::shared_ptr<const ScrapeConfig> &job() const { return job_; }
    // Delay before the first scrape (ms), from the target hash and the clock.
    int64_t initialOffsetMs(int64_t nowMs) const;
    // Whether scrapes go through the API server's pod proxy.
    bool viaPodProxy() const { return viaProxy_; }

Q_SIGNALS:
    // After every scrape (on the loop's thread).
    void scraped(const std::shared_ptr<vigil::scrape::Target> &target);
    // Emitted by a pool task after storing an outcome in Ingest::outcomes;
    // queued to takeOutcomes() on the loop's thread.
    void outcomeReady(QPrivateSignal);

private:
    // The outcome of one parse + append, reported back to the loop's thread.
    struct Outcome {
        Status status;
        int64_t timestampMs = 0;
        int64_t durationMs = 0;
        ScrapeReport report;
        exposition::MetadataCollector metadata;
        std::string buffer;  // the body's buffer, for reuse
    };
    // What the pool's tasks share with the loop; outlives the loop while a
    // task holds it.
    struct Ingest {
        Ingest(const ScrapeConfig &job, model::Labels labels) : processor(job, std::move(labels)) {}
        std::mutex mutex;           // held for a whole parse + append
        ScrapeProcessor processor;  // GUARDED_BY(mutex)
        bool scrapedOnce = false;   // GUARDED_BY(mutex): something was committed
        bool stopped = false;       // GUARDED_BY(mutex): no more scrapes
        std::mutex ownerMutex;
        ScrapeLoop *owner = nullptr;    // GUARDED_BY(ownerMutex); null once the loop stopped
        std::vector<Outcome> outcomes;  // GUARDED_BY(ownerMutex); for takeOutcomes()
    };

    void scrapeNow();
    void onResponse();
    // Parses and appends `response` on the pool, then onProcessed().
    void ingest(ScrapeResponse response);
    // Loop thread: the outcomes the pool stored, each to onProcessed().
    void takeOutcomes();
    void onProcessed(Outcome &&outcome);
    // Points request_ at the pod proxy (reads the discovery's credentials).
    Status switchToPodProxy();
    void scheduleNext();
    int64_t nextTimestamp(int64_t nowMs);

    std::shared_ptr<Target> target_;
    std::shared_ptr<const ScrapeConfig> job_;
    QNetworkAccessManager *nam_;
    storage::Appendable *appendable_;
    ScrapeCounters *counters_;
    QString userAgent_;
    uint64_t offsetSeed_;
    QThreadPool *pool_;
    std::shared_ptr<Ingest> ingest_;
    QTimer timer_;
    ScrapeRequest *request_ = nullptr;
    std::optional<PodProxyRoute> proxyRoute_;
    QNetworkAccessManager *proxyNam_ = nullptr;  // child; the API server's TLS settings
    bool viaProxy_ = false;
    int64_t scheduledMs_ = 0;  // wall-clock slot of the next scrape
    int64_t scrapeStartMs_ = 0;
    int64_t lastTs_ = 0;  // newest timestamp appended (ms)
    bool processing_ = false;  // a pool task holds the last response
    bool stopped_ = false;
};

}  // namespace vigil::scrape
