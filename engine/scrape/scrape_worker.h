// ScrapeWorker: the engine-thread half of ScrapeManager. Owns the
// QNetworkAccessManager, the ScrapeLoops and the pool their bodies are parsed
// and appended on (ingestThreadCount() threads); lives on the
// manager's worker QThread and is driven only through queued calls from the
// manager. stopAll() and the destructor wait for the pool, so nothing is
// appended after they return.
// Internal to vigil_scrape.
#pragma once

#include "scrape/scrape_config.h"
#include "scrape/scrape_stats.h"
#include "scrape/target.h"
#include "scrape/target_snapshot.h"
#include "scrape/test_scrape_result.h"

#include <QObject>
#include <QThreadPool>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

class QNetworkAccessManager;

namespace vigil::storage {
class Appendable;
}

namespace vigil::scrape {

class ScrapeLoop;

struct LoopSpec {
    std::string key;
    std::shared_ptr<Target> target;
    std::shared_ptr<const ScrapeConfig> job;
};

// Threads parsing and appending scrape bodies: one huge body occupies one
// of them, the other targets go on with the rest.
int ingestThreadCount();

class ScrapeWorker : public QObject {
    Q_OBJECT
public:
    ScrapeWorker(storage::Appendable *appendable, ScrapeCounters *counters, QString userAgent);
    ~ScrapeWorker() override;

    // Worker thread only. Stops the loops named in `stop` (with staleness
    // markers when the bool is true), then starts `start`.
    void update(const std::vector<std::pair<std::string, bool>> &stop, const std::vector<LoopSpec> &start);
    // Stops every loop with staleness markers and releases the network manager.
    void stopAll();
    // One scrape without appending; `done` runs on the worker thread.
    void testScrape(std::shared_ptr<Target> target, std::shared_ptr<const ScrapeConfig> job,
                    std::function<void(TestScrapeResult)> done);

Q_SIGNALS:
    void targetScraped(const vigil::scrape::TargetSnapshot &snapshot);

private:
    // The network manager for scraping `target` with `job`'s settings. Qt
    // caches connections per host and port whatever their TLS settings, so
    // HTTPS targets get one manager per distinct tls_config (as Prometheus
    // has one HTTP client per job); plain HTTP shares one.
    QNetworkAccessManager *namFor(const Target &target, const ScrapeConfig &job);
    QNetworkAccessManager *newNam();

    storage::Appendable *appendable_;
    ScrapeCounters *counters_;
    QString userAgent_;
    QThreadPool ingestPool_;
    QNetworkAccessManager *nam_ = nullptr;                    // plain HTTP
    std::map<std::string, QNetworkAccessManager *> tlsNams_;  // by tls_config
    std::map<std::string, ScrapeLoop *> loops_;
    std::map<QObject *, std::function<void(TestScrapeResult)>> pendingTests_;
};

// The snapshot of `t`.
TargetSnapshot snapshotOf(const Target &t);

}  // namespace vigil::scrape
