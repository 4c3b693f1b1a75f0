#include "scrape/scrape_loop.h"

#include "core/log.h"
#include "exposition/content_type.h"
#include "scrape/scrape_request.h"
#include "storage/storage.h"

#include <QDateTime>
#include <QNetworkAccessManager>

namespace vigil::scrape {

ScrapeLoop::ScrapeLoop(std::shared_ptr<Target> target, std::shared_ptr<const ScrapeConfig> job,
                       QNetworkAccessManager *nam, storage::Appendable *appendable, ScrapeCounters *counters,
                       QString userAgent, uint64_t offsetSeed, QObject *parent)
    : QObject(parent),
      target_(std::move(target)),
      job_(std::move(job)),
      nam_(nam),
      appendable_(appendable),
      counters_(counters),
      userAgent_(std::move(userAgent)),
      offsetSeed_(offsetSeed),
      processor_(*job_, target_->labels()),
      proxyRoute_(podProxyRoute(*target_, *job_))
{
    timer_.setSingleShot(true);
    timer_.setTimerType(Qt::PreciseTimer);
    connect(&timer_, &QTimer::timeout, this, &ScrapeLoop::scrapeNow);
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
    if (request_ && request_->isRunning()) {  // still busy: skip this slot
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
            record(failed);
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
    record(resp);
}

void ScrapeLoop::record(const ScrapeResponse &resp)
{
    const int64_t ts = scrapeStartMs_;
    ScrapeReport report;
    exposition::MetadataCollector metadata;
    const Status st = processor_.scrape(appendable_, resp.status, resp.body,
                                        exposition::formatFromContentType(resp.contentType), ts,
                                        double(resp.durationMs) / 1000.0, &report, &metadata);
    if (!st && resp.status)
        qCDebug(lcScrape).noquote() << "target" << QString::fromStdString(target_->url())
                                    << "failed:" << QString::fromStdString(st.message());
    scrapedOnce_ = true;

    TargetHealth h;
    h.health = st.isOk() ? HealthState::Up : HealthState::Down;
    h.lastScrapeMs = ts;
    h.lastScrapeDurationMs = resp.durationMs;
    h.lastSamples = st.isOk() ? report.samplesPostRelabel : 0;
    h.lastSamplesScraped = report.samplesScraped;
    h.lastError = st.isOk() ? std::string() : st.message();
    target_->setHealth(std::move(h));
    if (st.isOk()) {
        Target::MetadataMap md;
        for (const auto &[name, m] : metadata.families()) md.emplace(name, m);
        target_->setMetadata(std::move(md));
    }

    counters_->scrapesTotal.fetch_add(1, std::memory_order_relaxed);
    if (st.isOk())
        counters_->samplesAppendedTotal.fetch_add(report.samplesPostRelabel, std::memory_order_relaxed);
    else
        counters_->scrapeFailuresTotal.fetch_add(1, std::memory_order_relaxed);
    Q_EMIT scraped(target_);
}

void ScrapeLoop::stop(bool writeStaleMarkers)
{
    stopped_ = true;
    timer_.stop();
    if (request_) request_->abort();
    if (!writeStaleMarkers || !scrapedOnce_) return;
    const int64_t ts = nextTimestamp(QDateTime::currentMSecsSinceEpoch());
    if (Status st = processor_.markAllStale(appendable_, ts); !st)
        qCWarning(lcScrape).noquote() << "target" << QString::fromStdString(target_->url())
                                      << "staleness markers failed:" << QString::fromStdString(st.message());
}

}  // namespace vigil::scrape
