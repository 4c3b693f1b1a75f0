// IncidentService: the engine's incident workflow behind one object — alerts
// in (alertSink()), incidents and timelines out, notes, acknowledgements and
// other events, deploy/change markers, and the correlation helper.
//
//   connect(engine->incidents(), &IncidentService::incidentChanged, ...);
//   watcher->setFuture(engine->incidents()->incidents());
//   engine->incidents()->addNote(id, "alice", "pool exhausted, raising max");
//   // the acknowledgement UI (engine/notify) calls:
//   engine->incidents()->acknowledgeAlert(fingerprintHex, "alice", "on it");
//
// Every call returns at once; the work runs on the service's own thread
// (writes and reads of app.db, in order) or, for correlation and change scans
// (PromQL over the local TSDB), on a second one, so a long correlation never
// delays incident bookkeeping. Futures always carry exactly one result.
// Signals are emitted on the thread the service lives on (the engine's).
//
// Change markers: watches (default: every *_build_info series, see
// change_markers.h) are scanned every `scanIntervalMs` over the time since
// the last scan (plus two steps of overlap), and on demand by scanChanges();
// found markers are stored once (duplicates are ignored by the store).
//
// Ownership: the AppStore and Queryable are not owned and must outlive the
// service; the Engine destroys it before closing them (the destructor waits
// for queued work and cancels correlations in flight).
#pragma once

#include "core/status.h"
#include "incidents/change_markers.h"
#include "incidents/correlation.h"
#include "incidents/incident.h"
#include "model/alert.h"
#include "promql/engine.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>

#include <memory>
#include <mutex>
#include <set>
#include <vector>

class QTimer;

namespace vigil::store { class AppStore; }
namespace vigil::rules { class AlertSink; }

namespace vigil::incidents {

class IncidentManager;

struct IncidentList {
    Status status;
    std::vector<Incident> incidents;  // newest first
};

struct IncidentDetail {
    Status status;
    Incident incident;
    std::vector<IncidentEvent> timeline;  // oldest first, with actions and silences (incident_manager.h)
};

struct MarkerList {
    Status status;
    std::vector<Marker> markers;
};

struct CorrelationOutcome {
    Status status;
    CorrelationResult result;
};

class IncidentService : public QObject {
    Q_OBJECT
public:
    struct Options {
        int64_t groupWindowMs = 10 * 60 * 1000;
        int64_t scanIntervalMs = 60 * 1000;  // <= 0: no periodic change scan
        int64_t scanStepMs = 15 * 1000;
        std::vector<ChangeWatch> watches{defaultBuildInfoWatch()};
        promql::EngineOptions query;
    };

    IncidentService(store::AppStore *store, storage::Queryable *storage, Options options, QObject *parent = nullptr);
    ~IncidentService() override;

    // Hand alerts here (thread-safe, returns at once; the engine's fan-out
    // sink does). Lives as long as the service.
    rules::AlertSink *alertSink() const { return sink_.get(); }
    // Waits until every alert handed in so far has been applied (tests).
    void waitForIdle();

    QFuture<IncidentList> incidents(bool openOnly = false, int limit = 500);
    QFuture<IncidentDetail> incident(int64_t id);
    QFuture<Status> addNote(int64_t incidentId, std::string author, std::string text);
    // Any event (acknowledged, silence, action, note) on one incident; an
    // Acknowledged event sets the incident's acknowledgement when it is the
    // first. timeMs 0: now.
    QFuture<Status> recordEvent(IncidentEvent event);
    // An alert (fingerprint as 16 hex digits, notify::fingerprintHex of
    // model::Alert::fingerprint()) was acknowledged by `owner` at timeMs (0:
    // now): recorded on every open incident holding it. NotFound when none
    // does. This is what the notifier's acknowledgement signal connects to.
    QFuture<Status> acknowledgeAlert(std::string fingerprint, std::string owner, std::string comment,
                                     int64_t timeMs = 0);

    QFuture<MarkerList> markers(int64_t fromMs, int64_t toMs);
    QFuture<Status> addMarker(Marker marker);
    QFuture<Status> removeMarker(int64_t id);
    // Scans the watches over [fromMs, toMs] now and stores what it finds.
    QFuture<MarkerList> scanChanges(int64_t fromMs, int64_t toMs);

    QFuture<CorrelationOutcome> correlate(CorrelationRequest request,
                                          std::shared_ptr<promql::CancellationToken> cancel = {});

Q_SIGNALS:
    // An incident was opened or changed (alert, event, acknowledgement, resolution).
    void incidentChanged(qint64 id);
    void markersChanged();

private:
    void ingest(std::vector<model::Alert> alerts);
    void notifyChanged(const std::set<int64_t> &ids);
    void notifyMarkers();
    void periodicScan();
    MarkerList scanAndStore(int64_t fromMs, int64_t toMs);

    store::AppStore *store_;
    storage::Queryable *storage_;
    Options options_;
    promql::Engine engine_;
    std::unique_ptr<IncidentManager> manager_;  // used on writer_ only
    std::unique_ptr<rules::AlertSink> sink_;
    QThreadPool writer_;  // one thread: app.db work, in order
    QThreadPool reader_;  // one thread: correlation and change scans
    QTimer *scanTimer_ = nullptr;
    int64_t lastScanMs_ = 0;  // used on reader_ only
    std::mutex cancelMu_;
    std::set<std::shared_ptr<promql::CancellationToken>> running_;  // GUARDED_BY(cancelMu_)
};

}  // namespace vigil::incidents
