#include "scrape/scrape_worker.h"

#include "exposition/check_metrics.h"

#include "core/log.h"
#include "exposition/content_type.h"
#include "scrape/scrape_loop.h"
#include "scrape/scrape_processor.h"
#include "scrape/scrape_request.h"
#include "storage/storage.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QThread>

#include <algorithm>

namespace vigil::scrape {

namespace {

// Accepts everything, stores nothing (test scrapes).
class DiscardingAppender final : public storage::Appender {
public:
    Result<storage::SeriesRef> append(storage::SeriesRef ref, const model::Labels &, int64_t, double) override
    {
        return ref != 0 ? ref : ++next_;
    }
    Status commit() override { return Status::ok(); }
    void rollback() override {}

private:
    storage::SeriesRef next_ = 0;
};

}  // namespace

TargetSnapshot snapshotOf(const Target &t)
{
    TargetSnapshot s;
    s.job = t.jobName();
    s.url = t.url();
    s.labels = t.labels();
    s.discoveredLabels = t.discoveredLabels();
    s.intervalMs = t.intervalMs();
    s.timeoutMs = t.timeoutMs();
    s.health = t.health();
    return s;
}

int ingestThreadCount()
{
    // At least two, so one slow body never stalls everyone; a few more on
    // bigger machines, but parsing is CPU-bound and shares cores with queries.
    return std::clamp(QThread::idealThreadCount(), 2, 4);
}

ScrapeWorker::ScrapeWorker(storage::Appendable *appendable, ScrapeCounters *counters, QString userAgent)
    : appendable_(appendable), counters_(counters), userAgent_(std::move(userAgent))
{
    ingestPool_.setMaxThreadCount(ingestThreadCount());
    ingestPool_.setObjectName(QStringLiteral("vigil-ingest"));
}

ScrapeWorker::~ScrapeWorker()
{
    for (auto &[k, loop] : loops_) delete loop;
    loops_.clear();
    ingestPool_.waitForDone();
    delete nam_;
    for (auto &[k, nam] : tlsNams_) delete nam;
}

QNetworkAccessManager *ScrapeWorker::newNam()
{
    auto *nam = new QNetworkAccessManager(this);
    nam->setAutoDeleteReplies(false);
    nam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    return nam;
}

QNetworkAccessManager *ScrapeWorker::namFor(const Target &target, const ScrapeConfig &job)
{
    if (target.url().rfind("https:", 0) != 0) {
        if (!nam_) nam_ = newNam();
        return nam_;
    }
    const TlsConfig &t = job.http.tls;
    std::string key = t.caFile + '\0' + t.certFile + '\0' + t.keyFile + '\0' + t.serverName + '\0' +
                      (t.insecureSkipVerify ? "1" : "0");
    QNetworkAccessManager *&nam = tlsNams_[key];
    if (!nam) nam = newNam();
    return nam;
}

void ScrapeWorker::update(const std::vector<std::pair<std::string, bool>> &stop,
                          const std::vector<LoopSpec> &start)
{
    for (const auto &[key, stale] : stop) {
        auto it = loops_.find(key);
        if (it == loops_.end()) continue;
        it->second->stop(stale);
        delete it->second;
        loops_.erase(it);
    }
    for (const LoopSpec &spec : start) {
        auto *loop = new ScrapeLoop(spec.target, spec.job, namFor(*spec.target, *spec.job), &ingestPool_,
                                    appendable_, counters_, userAgent_, 0, this);
        connect(loop, &ScrapeLoop::scraped, this,
                [this](const std::shared_ptr<Target> &t) { Q_EMIT targetScraped(snapshotOf(*t)); });
        if (auto old = loops_.find(spec.key); old != loops_.end()) {
            old->second->stop(false);
            delete old->second;
            loops_.erase(old);
        }
        loops_.emplace(spec.key, loop);
        loop->start();
    }
}

void ScrapeWorker::stopAll()
{
    for (auto &[k, loop] : loops_) {
        loop->stop(true);
        delete loop;
    }
    loops_.clear();
    ingestPool_.waitForDone();  // staleness markers and bodies in flight are appended
    auto pending = std::move(pendingTests_);
    pendingTests_.clear();
    for (auto &[req, done] : pending) {
        static_cast<ScrapeRequest *>(req)->abort();
        delete req;
        TestScrapeResult r;
        r.status = Status::cancelled("the scrape manager stopped");
        done(std::move(r));
    }
    delete nam_;
    nam_ = nullptr;
    for (auto &[k, nam] : tlsNams_) delete nam;
    tlsNams_.clear();
}

void ScrapeWorker::testScrape(std::shared_ptr<Target> target, std::shared_ptr<const ScrapeConfig> job,
                              std::function<void(TestScrapeResult)> done)
{
    auto *req = new ScrapeRequest(namFor(*target, *job), *target, *job, userAgent_, this);
    pendingTests_[req] = std::move(done);
    connect(req, &ScrapeRequest::finished, this, [this, req, target, job] {
        auto node = pendingTests_.extract(req);
        if (node.empty()) return;
        const ScrapeResponse &resp = req->response();
        TestScrapeResult r;
        r.url = target->url();
        r.targetLabels = target->labels();
        r.contentType = resp.contentType;
        r.durationMs = resp.durationMs;
        r.status = resp.status;
        if (r.status) {
            exposition::CheckMetricsStats lint;
            r.lint = exposition::checkMetrics(resp.body, exposition::formatFromContentType(resp.contentType), &lint);
            r.lintSeries = lint.series;
            r.lintMetadata = lint.metadata;
        }
        if (r.status) {
            ScrapeProcessor proc(*job, target->labels());
            DiscardingAppender app;
            ScrapeReport report;
            r.status = proc.appendBody(&app, resp.body, exposition::formatFromContentType(resp.contentType),
                                       QDateTime::currentMSecsSinceEpoch(), &report, nullptr);
            r.samplesScraped = report.samplesScraped;
            r.samplesPostRelabel = r.status ? report.samplesPostRelabel : 0;
        }
        req->deleteLater();
        node.mapped()(std::move(r));
    });
    req->start();
}

}  // namespace vigil::scrape
