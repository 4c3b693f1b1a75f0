#include "incidents/incident_manager.h"

#include "notify/label_matchers.h"
#include "notify/payloads.h"

#include <QDateTime>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace vigil::incidents {

namespace {

int64_t nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

bool isTracked(const model::Alert &a) { return a.tier() >= model::AlertTier::Critical; }

IncidentAlert *findAlert(Incident &inc, const std::string &fp)
{
    for (auto &a : inc.alerts) {
        if (a.fingerprint == fp) return &a;
    }
    return nullptr;
}

std::string higherSeverity(const std::string &a, const std::string &b)
{
    return model::alertTierFromSeverity(b) > model::alertTierFromSeverity(a) ? b : a;
}

}  // namespace

IncidentAlert incidentAlertFrom(const model::Alert &a)
{
    IncidentAlert out;
    out.fingerprint = notify::fingerprintHex(a.fingerprint());
    out.alertName = std::string(a.labels.get("alertname"));
    out.severity = std::string(a.labels.get("severity"));
    out.labels = a.labels;
    out.summary = std::string(a.annotations.get("summary"));
    if (out.summary.empty()) out.summary = std::string(a.annotations.get("description"));
    // The rule's expression travels in the generator URL, as Prometheus's
    // graph link: <external>/graph?g0.expr=<expr>&g0.tab=1.
    // Spaces are written as '+' there (Go's url.QueryEscape), which QUrlQuery keeps.
    QUrlQuery query(QUrl(QString::fromStdString(a.generatorUrl)).query(QUrl::FullyEncoded));
    QString expr = query.queryItemValue(QStringLiteral("g0.expr"), QUrl::FullyEncoded);
    expr.replace(QLatin1Char('+'), QStringLiteral("%20"));
    out.expr = QUrl::fromPercentEncoding(expr.toUtf8()).toStdString();
    out.activeAtMs = a.activeAtMs;
    out.startsAtMs = a.startsAtMs;
    out.endsAtMs = a.state == model::AlertState::Resolved ? a.endsAtMs : 0;
    return out;
}

Result<std::set<int64_t>> IncidentManager::ingest(const std::vector<model::Alert> &alerts)
{
    std::set<int64_t> changed;
    if (std::none_of(alerts.begin(), alerts.end(), isTracked)) return changed;
    auto open = store_.incidents(true);
    if (!open.isOk()) return open.status();
    for (const auto &a : alerts) {
        if (!isTracked(a)) continue;
        Status s = a.state == model::AlertState::Resolved ? applyResolved(a, *open, changed)
                                                           : applyFiring(a, *open, changed);
        if (!s.isOk()) return s;
    }
    return changed;
}

Status IncidentManager::applyFiring(const model::Alert &alert, std::vector<Incident> &open, std::set<int64_t> &changed)
{
    IncidentAlert ia = incidentAlertFrom(alert);
    if (ia.startsAtMs <= 0) ia.startsAtMs = nowMs();
    if (ia.activeAtMs <= 0) ia.activeAtMs = ia.startsAtMs;
    IncidentEvent fired;
    fired.timeMs = ia.startsAtMs;
    fired.kind = EventKind::Fired;
    fired.text = ia.alertName + (ia.summary.empty() ? "" : ": " + ia.summary);
    fired.fingerprint = ia.fingerprint;

    for (auto &inc : open) {
        IncidentAlert *mine = findAlert(inc, ia.fingerprint);
        if (!mine) continue;
        if (mine->endsAtMs == 0) return Status::ok();  // a resend of a firing alert
        // It resolved while others kept the incident open, and fires again.
        *mine = ia;
        VIGIL_RETURN_IF_ERROR(store_.putAlert(inc.id, ia));
        fired.incidentId = inc.id;
        if (auto r = store_.appendEvent(fired); !r.isOk()) return r.status();
        changed.insert(inc.id);
        return Status::ok();
    }

    if (auto idx = chooseIncident(open, ia, windowMs_)) {
        Incident &inc = open[*idx];
        inc.alerts.push_back(ia);
        inc.severity = higherSeverity(inc.severity, ia.severity);
        if (ia.activeAtMs < inc.detectedAtMs) inc.detectedAtMs = ia.activeAtMs;
        VIGIL_RETURN_IF_ERROR(store_.putAlert(inc.id, ia));
        VIGIL_RETURN_IF_ERROR(store_.update(inc));
        fired.incidentId = inc.id;
        if (auto r = store_.appendEvent(fired); !r.isOk()) return r.status();
        changed.insert(inc.id);
        return Status::ok();
    }

    Incident inc;
    inc.title = incidentTitle(ia);
    inc.severity = ia.severity;
    const auto keys = groupKeysOf(ia.labels);
    inc.groupKey = keys.empty() ? "alertname=" + ia.alertName : keys.front();
    inc.detectedAtMs = ia.activeAtMs;
    inc.openedAtMs = ia.startsAtMs;
    inc.alerts.push_back(ia);
    auto id = store_.create(inc, {fired});
    if (!id.isOk()) return id.status();
    inc.id = *id;
    open.push_back(std::move(inc));
    changed.insert(*id);
    return Status::ok();
}

Status IncidentManager::applyResolved(const model::Alert &alert, std::vector<Incident> &open, std::set<int64_t> &changed)
{
    const std::string fp = notify::fingerprintHex(alert.fingerprint());
    for (auto &inc : open) {
        IncidentAlert *mine = findAlert(inc, fp);
        if (!mine || mine->endsAtMs != 0 || !inc.isOpen()) continue;
        mine->endsAtMs = alert.endsAtMs > 0 ? alert.endsAtMs : nowMs();
        VIGIL_RETURN_IF_ERROR(store_.putAlert(inc.id, *mine));
        IncidentEvent e;
        e.incidentId = inc.id;
        e.timeMs = mine->endsAtMs;
        e.kind = EventKind::AlertResolved;
        e.text = mine->alertName;
        e.fingerprint = fp;
        const bool allResolved =
            std::all_of(inc.alerts.begin(), inc.alerts.end(), [](const IncidentAlert &a) { return a.endsAtMs != 0; });
        if (allResolved) {
            inc.resolvedAtMs = 0;
            for (const auto &a : inc.alerts) inc.resolvedAtMs = std::max(inc.resolvedAtMs, a.endsAtMs);
            VIGIL_RETURN_IF_ERROR(store_.update(inc));
            e.kind = EventKind::Resolved;
            e.text = mine->alertName + ": all alerts resolved";
        }
        if (auto r = store_.appendEvent(e); !r.isOk()) return r.status();
        changed.insert(inc.id);
    }
    return Status::ok();
}

Status IncidentManager::recordEvent(IncidentEvent event)
{
    if (event.timeMs <= 0) event.timeMs = nowMs();
    auto inc = store_.incident(event.incidentId);
    if (!inc.isOk()) return inc.status();
    if (event.kind == EventKind::Acknowledged && inc->acknowledgedAtMs == 0) {
        inc->acknowledgedAtMs = event.timeMs;
        inc->acknowledgedBy = event.author;
        VIGIL_RETURN_IF_ERROR(store_.update(*inc));
    }
    auto r = store_.appendEvent(event);
    return r.isOk() ? Status::ok() : r.status();
}

Result<std::set<int64_t>> IncidentManager::recordAlertEvent(const std::string &fingerprint, EventKind kind,
                                                            const std::string &author, const std::string &text,
                                                            int64_t timeMs)
{
    auto open = store_.incidents(true);
    if (!open.isOk()) return open.status();
    std::set<int64_t> ids;
    for (auto &inc : *open) {
        if (!findAlert(inc, fingerprint)) continue;
        IncidentEvent e;
        e.incidentId = inc.id;
        e.timeMs = timeMs;
        e.kind = kind;
        e.author = author;
        e.text = text;
        e.fingerprint = fingerprint;
        VIGIL_RETURN_IF_ERROR(recordEvent(e));
        ids.insert(inc.id);
    }
    return ids;
}

Result<std::vector<IncidentEvent>> IncidentManager::timeline(int64_t incidentId)
{
    auto inc = store_.incident(incidentId);
    if (!inc.isOk()) return inc.status();
    auto events = store_.events(incidentId);
    if (!events.isOk()) return events.status();
    std::vector<IncidentEvent> out = std::move(*events);
    // The window in which the notifier's actions and silences belong to it.
    const int64_t from = std::min(inc->detectedAtMs > 0 ? inc->detectedAtMs : inc->openedAtMs, inc->openedAtMs);
    const int64_t to = inc->resolvedAtMs > 0 ? inc->resolvedAtMs : nowMs();
    if (auto runs = store_.actionRuns(from, to); runs.isOk()) {
        for (const auto &r : *runs) {
            for (const auto &a : inc->alerts) {
                if (r.fingerprints.find(a.fingerprint) == std::string::npos) continue;
                IncidentEvent e;
                e.incidentId = incidentId;
                e.timeMs = r.timeMs;
                e.kind = EventKind::Action;
                e.author = r.receiver;
                e.text = r.status + (r.error.empty() ? "" : " (" + r.error + ")") +
                         (r.detail.empty() ? "" : "\n" + r.detail);
                e.fingerprint = a.fingerprint;
                out.push_back(std::move(e));
                break;
            }
        }
    }
    if (auto silences = store_.silencesCreated(from, to); silences.isOk()) {
        for (const auto &s : *silences) {
            auto ms = notify::parseMatchers(s.matchers);
            if (!ms.isOk()) continue;
            for (const auto &a : inc->alerts) {
                if (!notify::matchesAll(*ms, a.labels)) continue;
                IncidentEvent e;
                e.incidentId = incidentId;
                e.timeMs = s.createdMs;
                e.kind = EventKind::Silence;
                e.author = s.createdBy;
                e.text = s.matchers + (s.comment.empty() ? "" : " — " + s.comment);
                e.fingerprint = a.fingerprint;
                out.push_back(std::move(e));
                break;
            }
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const IncidentEvent &a, const IncidentEvent &b) { return a.timeMs < b.timeMs; });
    return out;
}

}  // namespace vigil::incidents
