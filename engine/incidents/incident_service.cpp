#include "incidents/incident_service.h"

#include "core/log.h"
#include "core/thread_handoff.h"
#include "incidents/incident_manager.h"
#include "rules/alert_sink.h"

#include <QDateTime>
#include <QPromise>
#include <QTimer>

namespace vigil::incidents {

namespace {

template <typename T, typename F>
QFuture<T> runOn(QThreadPool &pool, F work)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    startPoolTask(pool, [promise, work = std::move(work)]() mutable {
        promise->addResult(work());
        promise->finish();
    });
    return future;
}

}  // namespace

IncidentService::IncidentService(store::AppStore *store, storage::Queryable *storage, Options options, QObject *parent)
    : QObject(parent),
      store_(store),
      storage_(storage),
      options_(std::move(options)),
      engine_(*storage, options_.query),
      manager_(std::make_unique<IncidentManager>(store, options_.groupWindowMs))
{
    writer_.setMaxThreadCount(1);
    reader_.setMaxThreadCount(1);
    writer_.setObjectName(QStringLiteral("vigil-incidents"));
    reader_.setObjectName(QStringLiteral("vigil-incidents-query"));
    sink_ = std::make_unique<rules::FunctionAlertSink>([this](std::vector<model::Alert> alerts) {
        // Called on rule threads: queue and return.
        startPoolTask(writer_, [this, alerts = std::move(alerts)]() mutable { ingest(std::move(alerts)); });
    });
    if (options_.scanIntervalMs > 0 && !options_.watches.empty()) {
        scanTimer_ = new QTimer(this);
        scanTimer_->setInterval(int(options_.scanIntervalMs));
        connect(scanTimer_, &QTimer::timeout, this, &IncidentService::periodicScan);
        scanTimer_->start();
    }
}

IncidentService::~IncidentService()
{
    {
        std::lock_guard lock(cancelMu_);
        for (const auto &t : running_) t->cancel();
    }
    reader_.waitForDone();
    writer_.waitForDone();
}

void IncidentService::waitForIdle() { writer_.waitForDone(); }

void IncidentService::ingest(std::vector<model::Alert> alerts)
{
    auto changed = manager_->ingest(alerts);
    if (!changed.isOk()) {
        qCWarning(lcEngine).noquote() << "incidents:" << changed.status().toString().c_str();
        return;
    }
    notifyChanged(*changed);
}

void IncidentService::notifyChanged(const std::set<int64_t> &ids)
{
    for (int64_t id : ids) {
        QMetaObject::invokeMethod(this, [this, id] { Q_EMIT incidentChanged(qint64(id)); }, Qt::QueuedConnection);
    }
}

void IncidentService::notifyMarkers()
{
    QMetaObject::invokeMethod(this, [this] { Q_EMIT markersChanged(); }, Qt::QueuedConnection);
}

QFuture<IncidentList> IncidentService::incidents(bool openOnly, int limit)
{
    return runOn<IncidentList>(writer_, [this, openOnly, limit] {
        auto r = manager_->store().incidents(openOnly, limit);
        return r.isOk() ? IncidentList{{}, std::move(*r)} : IncidentList{r.status(), {}};
    });
}

QFuture<IncidentDetail> IncidentService::incident(int64_t id)
{
    return runOn<IncidentDetail>(writer_, [this, id] {
        IncidentDetail d;
        auto inc = manager_->store().incident(id);
        if (!inc.isOk()) {
            d.status = inc.status();
            return d;
        }
        d.incident = std::move(*inc);
        auto tl = manager_->timeline(id);
        if (!tl.isOk()) d.status = tl.status();
        else d.timeline = std::move(*tl);
        return d;
    });
}

QFuture<Status> IncidentService::addNote(int64_t incidentId, std::string author, std::string text)
{
    IncidentEvent e;
    e.incidentId = incidentId;
    e.kind = EventKind::Note;
    e.author = std::move(author);
    e.text = std::move(text);
    return recordEvent(std::move(e));
}

QFuture<Status> IncidentService::recordEvent(IncidentEvent event)
{
    return runOn<Status>(writer_, [this, event = std::move(event)]() {
        if (event.kind == EventKind::Note && event.text.empty()) return Status::invalidArgument("a note needs text");
        Status s = manager_->recordEvent(event);
        if (s.isOk()) notifyChanged({event.incidentId});
        return s;
    });
}

QFuture<Status> IncidentService::acknowledgeAlert(std::string fingerprint, std::string owner, std::string comment,
                                                  int64_t timeMs)
{
    return runOn<Status>(writer_, [this, fingerprint = std::move(fingerprint), owner = std::move(owner),
                                   comment = std::move(comment), timeMs]() -> Status {
        auto ids = manager_->recordAlertEvent(fingerprint, EventKind::Acknowledged, owner, comment, timeMs);
        if (!ids.isOk()) return ids.status();
        if (ids->empty()) return Status::notFound("no open incident holds alert " + fingerprint);
        notifyChanged(*ids);
        return Status::ok();
    });
}

QFuture<MarkerList> IncidentService::markers(int64_t fromMs, int64_t toMs)
{
    return runOn<MarkerList>(writer_, [this, fromMs, toMs] {
        auto r = manager_->store().markers(fromMs, toMs);
        return r.isOk() ? MarkerList{{}, std::move(*r)} : MarkerList{r.status(), {}};
    });
}

QFuture<Status> IncidentService::addMarker(Marker marker)
{
    return runOn<Status>(writer_, [this, marker = std::move(marker)]() -> Status {
        if (marker.source.rfind("auto:", 0) == 0) return Status::invalidArgument("manual markers cannot use the auto: source");
        auto r = manager_->store().addMarker(marker);
        if (!r.isOk()) return r.status();
        notifyMarkers();
        return Status::ok();
    });
}

QFuture<Status> IncidentService::removeMarker(int64_t id)
{
    return runOn<Status>(writer_, [this, id] {
        Status s = manager_->store().removeMarker(id);
        if (s.isOk()) notifyMarkers();
        return s;
    });
}

MarkerList IncidentService::scanAndStore(int64_t fromMs, int64_t toMs)
{
    MarkerList out;
    const int64_t step = std::max<int64_t>(1000, std::max(options_.scanStepMs, (toMs - fromMs) / 10000 + 1));
    for (const auto &w : options_.watches) {
        auto found = incidents::scanChanges(engine_, w, fromMs, toMs, step);
        if (!found.isOk()) {
            out.status = found.status();
            continue;
        }
        for (auto &m : *found) out.markers.push_back(std::move(m));
    }
    if (out.markers.empty()) return out;
    // Stored through the writer so app.db work stays in order; the store drops repeats.
    QFuture<bool> stored = runOn<bool>(writer_, [this, markers = out.markers] {
        bool added = false;
        for (const auto &m : markers) {
            auto r = manager_->store().addMarker(m);
            if (r.isOk() && *r > 0) added = true;
        }
        return added;
    });
    stored.waitForFinished();
    if (stored.result()) notifyMarkers();
    return out;
}

QFuture<MarkerList> IncidentService::scanChanges(int64_t fromMs, int64_t toMs)
{
    return runOn<MarkerList>(reader_, [this, fromMs, toMs] { return scanAndStore(fromMs, toMs); });
}

void IncidentService::periodicScan()
{
    const int64_t now = QDateTime::currentMSecsSinceEpoch();
    startPoolTask(reader_, [this, now] {
        // From the last scan (two steps back, so a change right at the edge
        // has its before-state), or the last hour at the first scan.
        const int64_t from = lastScanMs_ > 0 ? lastScanMs_ - 2 * options_.scanStepMs : now - 3600 * 1000;
        scanAndStore(from, now);
        lastScanMs_ = now;
    });
}

QFuture<CorrelationOutcome> IncidentService::correlate(CorrelationRequest request,
                                                       std::shared_ptr<promql::CancellationToken> cancel)
{
    if (!cancel) cancel = std::make_shared<promql::CancellationToken>();
    {
        std::lock_guard lock(cancelMu_);
        running_.insert(cancel);
    }
    return runOn<CorrelationOutcome>(reader_, [this, request = std::move(request), cancel] {
        CorrelationOutcome out;
        if (!cancel->isCancelled()) {
            auto r = incidents::correlate(*storage_, engine_, request, cancel);
            if (r.isOk()) out.result = std::move(*r);
            else out.status = r.status();
        } else {
            out.status = Status::cancelled("correlation was cancelled");
        }
        std::lock_guard lock(cancelMu_);
        running_.erase(cancel);
        return out;
    });
}

}  // namespace vigil::incidents
