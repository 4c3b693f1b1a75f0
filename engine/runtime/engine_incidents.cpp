// The Engine's incident part: the IncidentService (engine/incidents) over the
// app store and the local TSDB, fed by the rule engine's fan-out sink.
#include "runtime/engine.h"

#include "incidents/incident_service.h"
#include "rules/alert_sink.h"
#include "tsdb/db.h"

namespace vigil::runtime {

void Engine::startIncidents()
{
    incidents::IncidentService::Options o;
    o.query.lookbackDeltaMs = options_.lookbackDeltaMs;
    o.query.maxSamples = options_.queryMaxSamples;
    o.query.timeoutMs = options_.queryTimeoutMs;
    incidents_ = std::make_unique<incidents::IncidentService>(store_.get(), db_.get(), std::move(o));
    alertIncidents_.store(incidents_->alertSink());
}

void Engine::stopIncidents()
{
    alertIncidents_.store(nullptr);  // the rule manager is stopped: no send() is in flight
    incidents_.reset();              // cancels correlations, finishes queued writes
}

}  // namespace vigil::runtime
