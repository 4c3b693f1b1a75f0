#include "scrape/scrape_loop.h"

#include "core/log.h"
#include "core/thread_handoff.h"
#include "exposition/content_type.h"
#include "scrape/scrape_request.h"
#include "storage/storage.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QThreadPool>

namespace vigil::scrape {

ScrapeLoop::ScrapeLoop(std::shared_ptr<Target> target, std::shared_ptr<const ScrapeConfig> job,
                       QNetworkAccessManager *nam, QThreadPool *pool, storage::Appendable *appendable,
                       ScrapeCounters *counters, QString userAgent, uint64_t offsetSeed, QObject *parent)
    : QObject(parent),
      target_(std::move(target)),
      job_(std::move(job)),
      nam_(nam),
      appendable_(appendable),
      counters_(counters),
      userAgent_(std::move(userAgent)),
      offsetSeed_(offsetSeed),
      pool_(pool),
      ingest_(std::make_shared<Ingest>(*job_, target_->labels())),
      proxyRoute_(podProxyRoute(*target_, *job_))
{
    ingest_->owner = this;
    timer_.setSingleShot(true);
    timer_.setTimerType(Qt::PreciseTimer);
    connect(&timer_, &QTimer::timeout, this, &ScrapeLoop::scrapeNow);
    // The outcome travels through Ingest::outcomes under ownerMutex, not as
    // a capture of a queued functor: Qt may destroy that functor on the pool
    // thread after it ran here, an ordering made by Qt's uninstrumented
    // reference count that ThreadSanitizer cannot see. A no-argument queued
    // signal carries nothing of ours across.
    connect(this, &ScrapeLoop::outcomeReady, this, &ScrapeLoop::takeOutcomes, Qt::QueuedConnection);
}

ScrapeLoop::~ScrapeLoop()
{
    if (!stopped_) stop(false);
}

int64_t ScrapeLoop::initialOffsetMs(int64_t nowMs) const
{
    const int64_t interval = std::max<int64_t>(1, target_->intervalMs());
    // As Prometheus's scrape offset: the target's slot within the interval,
    // relative to where the clock is now.
    const int64_t base = interval - nowMs % interval;
    const int64_t offset = int64_t((target_->hash() ^ offsetSeed_) % uint64_t(interval));
    int64_t next = base + offset;
    if (next > interval) next -= interval;
    return next;
}

void ScrapeLoop::start()
{
    stopped_ = false;
    const int64_t now = QDateTime::currentMSecsSinceEpoch();
    const int64_t delay = initialOffsetMs(now);
    scheduledMs_ = now + delay;
    timer_.start(int(delay));
}

void ScrapeLoop::scheduleNext()
{
    if (stopped_) return;
    const int64_t interval = std::max<int64_t>(1, target_->intervalMs());
    const int64_t now = QDateTime::currentMSecsSinceEpoch();
    scheduledMs_ += interval;
    if (scheduledMs_ <= now)
        scheduledMs_ += ((now - scheduledMs_) / interval + 1) * interval;  // missed slots
    timer_.start(int(scheduledMs_ - now));
}

int64_t ScrapeLoop::nextTimestamp(int64_t nowMs)
{
    lastTs_ = std::max(nowMs, lastTs_ + 1);
    return lastTs_;
}

void ScrapeLoop::scrapeNow()
{
    if (stopped_) return;
    if (processing_ || (request_ && request_->isRunning())) {  // still busy: skip this slot
        scheduleNext();
        return;
    }
    if (!request_) {
        request_ = new ScrapeRequest(nam_, *target_, *job_, userAgent_, this);
        connect(request_, &ScrapeRequest::finished, this, &ScrapeLoop::onResponse);
    }
    scrapeStartMs_ = nextTimestamp(QDateTime::currentMSecsSinceEpoch());
    if (proxyRoute_ && job_->kubernetesProxy == KubernetesProxy::Always && !viaProxy_) {
        if (Status st = switchToPodProxy(); !st) {
            ScrapeResponse failed;
            failed.status = st;
            ingest(std::move(failed));
            scheduleNext();
            return;
        }
    }
    request_->start();
    scheduleNext();
}

Status ScrapeLoop::switchToPodProxy()
{
    Result<discovery::KubernetesCredentials> creds = discovery::credentialsFor(proxyRoute_->sd);
    if (!creds) return Status::unavailable("pod proxy: " + creds.status().message());
    if (!proxyNam_) {
        proxyNam_ = new QNetworkAccessManager(this);
        proxyNam_->setAutoDeleteReplies(false);
    }
    std::string url = creds->server + proxyRoute_->path;
    request_->setPodProxy(proxyNam_, std::move(url), std::move(*creds));
    viaProxy_ = true;
    return Status::ok();
}

void ScrapeLoop::onResponse()
{
    if (stopped_) return;
    const ScrapeResponse &resp = request_->response();
    if (resp.connectFailed && !viaProxy_ && proxyRoute_ && job_->kubernetesProxy == KubernetesProxy::Auto) {
        // A pod IP a workstation cannot reach: try the API server's pod
        // proxy for this scrape, and from now on.
        if (Status st = switchToPodProxy(); st) {
            qCInfo(lcScrape).noquote() << "target" << QString::fromStdString(target_->url())
                                       << "cannot be reached directly; scraping it through the API server's pod proxy";
            request_->start();
            return;
        }
    }
    ingest(request_->takeResponse());
}

void ScrapeLoop::ingest(ScrapeResponse response)
{
    processing_ = true;
    // Parse and append on the pool; this thread goes back to the other
    // targets' timers and sockets.
    startPoolTask(*pool_, [ingest = ingest_, appendable = appendable_, resp = std::move(response),
                           ts = scrapeStartMs_, url = target_->url()]() mutable {
        Outcome out;
        {
            std::lock_guard lock(ingest->mutex);
            if (ingest->stopped) return;
            out.status = ingest->processor.scrape(appendable, resp.status, resp.body,
                                                  exposition::formatFromContentType(resp.contentType), ts,
                                                  double(resp.durationMs) / 1000.0, &out.report, &out.metadata);
            ingest->scrapedOnce = true;  // the synthetic series at least
        }
        if (!out.status && resp.status)
            qCDebug(lcScrape).noquote() << "target" << QString::fromStdString(url)
                                        << "failed:" << QString::fromStdString(out.status.message());
        out.timestampMs = ts;
        out.durationMs = resp.durationMs;
        out.buffer = std::move(resp.body);
        // Emitted under ownerMutex: stop() clears the owner under it, so the
        // loop is alive here; Qt drops the event if it is deleted before delivery.
        std::lock_guard lock(ingest->ownerMutex);
        if (ScrapeLoop *loop = ingest->owner) {
            ingest->outcomes.push_back(std::move(out));
            Q_EMIT loop->outcomeReady(QPrivateSignal());
        }
    });
}

void ScrapeLoop::takeOutcomes()
{
    std::vector<Outcome> outcomes;
    {
        std::lock_guard lock(ingest_->ownerMutex);
        outcomes.swap(ingest_->outcomes);
    }
    for (Outcome &out : outcomes) onProcessed(std::move(out));
}

void ScrapeLoop::onProcessed(Outcome &&out)
{
    processing_ = false;
    if (stopped_) return;
    out.buffer.clear();
    if (request_) request_->recycleBuffer(std::move(out.buffer));
    const Status &st = out.status;
    TargetHealth h;
    h.health = st.isOk() ? HealthState::Up : HealthState::Down;
    h.lastScrapeMs = out.timestampMs;
    h.lastScrapeDurationMs = out.durationMs;
    h.lastSamples = st.isOk() ? out.report.samplesPostRelabel : 0;
    h.lastSamplesScraped = out.report.samplesScraped;
    h.lastError = st.isOk() ? std::string() : st.message();
    target_->setHealth(std::move(h));
    if (st.isOk()) {
        Target::MetadataMap md;
        for (const auto &[name, m] : out.metadata.families()) md.emplace(name, m);
        target_->setMetadata(std::move(md));
    }

    counters_->scrapesTotal.fetch_add(1, std::memory_order_relaxed);
    if (st.isOk())
        counters_->samplesAppendedTotal.fetch_add(out.report.samplesPostRelabel, std::memory_order_relaxed);
    else
        counters_->scrapeFailuresTotal.fetch_add(1, std::memory_order_relaxed);
    Q_EMIT scraped(target_);
}

void ScrapeLoop::stop(bool writeStaleMarkers)
{
    stopped_ = true;
    timer_.stop();
    if (request_) request_->abort();
    {
        std::lock_guard lock(ingest_->ownerMutex);
        ingest_->owner = nullptr;
    }
    // After any parse in flight (it holds ingest->mutex), without waiting for it here.
    const int64_t ts = nextTimestamp(QDateTime::currentMSecsSinceEpoch());
    startPoolTask(*pool_, [ingest = ingest_, appendable = appendable_, ts, writeStaleMarkers, url = target_->url()] {
        std::lock_guard lock(ingest->mutex);
        if (ingest->stopped) return;
        ingest->stopped = true;
        if (!writeStaleMarkers || !ingest->scrapedOnce) return;
        if (Status st = ingest->processor.markAllStale(appendable, ts); !st)
            qCWarning(lcScrape).noquote() << "target" << QString::fromStdString(url)
                                          << "staleness markers failed:" << QString::fromStdString(st.message());
    });
}

}  // namespace vigil::scrape
