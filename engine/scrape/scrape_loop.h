// ScrapeLoop: scrapes one target on its interval and appends the results.
//
// Lives on an engine thread (the ScrapeWorker's) together with the
// QNetworkAccessManager it uses; every method must be called on that thread.
// The first scrape starts at an offset within the interval derived from the
// target's hash (as Prometheus spreads its scrapes), later ones on a fixed
// grid of the interval; a slot is skipped rather than overlapping a scrape
// still in flight. Each scrape: HTTP GET (ScrapeRequest) -> parse by
// Content-Type -> ScrapeProcessor -> one Appender batch committed with the
// synthetic series -> Target health updated -> healthChanged().
//
// Pods found by Kubernetes discovery may be scraped through the API
// server's pod proxy (pod_proxy.h): always with vigil_kubernetes_proxy:
// always; with auto from the first scrape that cannot connect on (that
// scrape is retried through the proxy at once, and the loop stays on it).
//
// stop(true) aborts an in-flight request and writes staleness markers for
// the target's series and its synthetic series (target removed, shutdown);
// stop(false) only aborts (the target continues in a new loop).
#pragma once

#include "scrape/pod_proxy.h"
#include "scrape/scrape_config.h"
#include "scrape/scrape_processor.h"
#include "scrape/scrape_stats.h"
#include "scrape/target.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace vigil::storage {
class Appendable;
}

namespace vigil::scrape {

class ScrapeRequest;
struct ScrapeResponse;

class ScrapeLoop : public QObject {
    Q_OBJECT
public:
    // `nam`, `appendable` and `counters` must outlive the loop.
    ScrapeLoop(std::shared_ptr<Target> target, std::shared_ptr<const ScrapeConfig> job,
               QNetworkAccessManager *nam, storage::Appendable *appendable, ScrapeCounters *counters,
               QString userAgent, uint64_t offsetSeed = 0, QObject *parent = nullptr);
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

private:
    void scrapeNow();
    void onResponse();
    void record(const ScrapeResponse &resp);
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
    ScrapeProcessor processor_;
    QTimer timer_;
    ScrapeRequest *request_ = nullptr;
    std::optional<PodProxyRoute> proxyRoute_;
    QNetworkAccessManager *proxyNam_ = nullptr;  // child; the API server's TLS settings
    bool viaProxy_ = false;
    int64_t scheduledMs_ = 0;  // wall-clock slot of the next scrape
    int64_t scrapeStartMs_ = 0;
    int64_t lastTs_ = 0;  // newest timestamp appended (ms)
    bool scrapedOnce_ = false;
    bool stopped_ = false;
};

}  // namespace vigil::scrape
