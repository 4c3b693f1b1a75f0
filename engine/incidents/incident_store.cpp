#include "incidents/incident_store.h"

#include "store/app_store.h"
#include "store/sqlite_statement.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace vigil::incidents {

using store::SqliteStatement;

std::string labelsToJson(const model::Labels &labels)
{
    QJsonObject o;
    for (const auto &l : labels) o.insert(QString::fromStdString(l.name), QString::fromStdString(l.value));
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

model::Labels labelsFromJson(const std::string &json)
{
    const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
    std::vector<model::Label> out;
    for (auto it = o.begin(); it != o.end(); ++it) {
        out.push_back({it.key().toStdString(), it.value().toString().toStdString()});
    }
    return model::Labels::fromUnsorted(std::move(out));
}

namespace {

Status exec(sqlite3 *db, const char *sql)
{
    SqliteStatement st(db, sql);
    return st.step() == SQLITE_DONE ? Status::ok() : st.error(sql);
}

Status insertAlert(sqlite3 *db, int64_t incidentId, const IncidentAlert &a)
{
    SqliteStatement st(db, "INSERT OR REPLACE INTO incident_alerts(incident_id, fingerprint, alert_name, severity, "
                           "labels_json, summary, expr, active_at_ms, starts_at_ms, ends_at_ms) "
                           "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)");
    st.bind(1, incidentId);
    st.bind(2, a.fingerprint);
    st.bind(3, a.alertName);
    st.bind(4, a.severity);
    st.bind(5, labelsToJson(a.labels));
    st.bind(6, a.summary);
    st.bind(7, a.expr);
    st.bind(8, a.activeAtMs);
    st.bind(9, a.startsAtMs);
    st.bind(10, a.endsAtMs);
    return st.step() == SQLITE_DONE ? Status::ok() : st.error("save incident alert");
}

Result<int64_t> insertEvent(sqlite3 *db, const IncidentEvent &e)
{
    SqliteStatement st(db, "INSERT INTO incident_events(incident_id, time_ms, kind, author, text, fingerprint) "
                           "VALUES(?1,?2,?3,?4,?5,?6)");
    st.bind(1, e.incidentId);
    st.bind(2, e.timeMs);
    st.bind(3, std::string(kindName(e.kind)));
    st.bind(4, e.author);
    st.bind(5, e.text);
    st.bind(6, e.fingerprint);
    if (st.step() != SQLITE_DONE) return st.error("save incident event");
    return int64_t(sqlite3_last_insert_rowid(db));
}

constexpr const char *kIncidentColumns =
    "id, title, severity, group_key, detected_at_ms, opened_at_ms, acknowledged_at_ms, acknowledged_by, "
    "resolved_at_ms";

Incident readIncident(const SqliteStatement &st)
{
    Incident i;
    i.id = st.i64(0);
    i.title = st.text(1);
    i.severity = st.text(2);
    i.groupKey = st.text(3);
    i.detectedAtMs = st.i64(4);
    i.openedAtMs = st.i64(5);
    i.acknowledgedAtMs = st.i64(6);
    i.acknowledgedBy = st.text(7);
    i.resolvedAtMs = st.i64(8);
    return i;
}

Status readAlerts(sqlite3 *db, Incident *inc)
{
    SqliteStatement st(db, "SELECT fingerprint, alert_name, severity, labels_json, summary, expr, active_at_ms, "
                           "starts_at_ms, ends_at_ms FROM incident_alerts WHERE incident_id=?1 "
                           "ORDER BY starts_at_ms, fingerprint");
    st.bind(1, inc->id);
    int rc;
    inc->alerts.clear();
    while ((rc = st.step()) == SQLITE_ROW) {
        IncidentAlert a;
        a.fingerprint = st.text(0);
        a.alertName = st.text(1);
        a.severity = st.text(2);
        a.labels = labelsFromJson(st.text(3));
        a.summary = st.text(4);
        a.expr = st.text(5);
        a.activeAtMs = st.i64(6);
        a.startsAtMs = st.i64(7);
        a.endsAtMs = st.i64(8);
        inc->alerts.push_back(std::move(a));
    }
    return rc == SQLITE_DONE ? Status::ok() : st.error("list incident alerts");
}

}  // namespace

Result<int64_t> IncidentStore::create(const Incident &incident, const std::vector<IncidentEvent> &events)
{
    int64_t id = 0;
    Status s = store_->withDatabase([&](sqlite3 *db) -> Status {
        VIGIL_RETURN_IF_ERROR(exec(db, "BEGIN IMMEDIATE"));
        auto body = [&]() -> Status {
            SqliteStatement st(db, "INSERT INTO incidents(title, severity, group_key, detected_at_ms, opened_at_ms, "
                                   "acknowledged_at_ms, acknowledged_by, resolved_at_ms) VALUES(?1,?2,?3,?4,?5,?6,?7,?8)");
            st.bind(1, incident.title);
            st.bind(2, incident.severity);
            st.bind(3, incident.groupKey);
            st.bind(4, incident.detectedAtMs);
            st.bind(5, incident.openedAtMs);
            st.bind(6, incident.acknowledgedAtMs);
            st.bind(7, incident.acknowledgedBy);
            st.bind(8, incident.resolvedAtMs);
            if (st.step() != SQLITE_DONE) return st.error("save incident");
            id = int64_t(sqlite3_last_insert_rowid(db));
            for (const auto &a : incident.alerts) VIGIL_RETURN_IF_ERROR(insertAlert(db, id, a));
            for (IncidentEvent e : events) {
                e.incidentId = id;
                if (auto r = insertEvent(db, e); !r.isOk()) return r.status();
            }
            return Status::ok();
        };
        Status b = body();
        if (!b.isOk()) {
            exec(db, "ROLLBACK");
            return b;
        }
        return exec(db, "COMMIT");
    });
    if (!s.isOk()) return s;
    return id;
}

Status IncidentStore::update(const Incident &incident)
{
    return store_->withDatabase([&](sqlite3 *db) -> Status {
        SqliteStatement st(db, "UPDATE incidents SET title=?2, severity=?3, acknowledged_at_ms=?4, acknowledged_by=?5, "
                               "resolved_at_ms=?6 WHERE id=?1");
        st.bind(1, incident.id);
        st.bind(2, incident.title);
        st.bind(3, incident.severity);
        st.bind(4, incident.acknowledgedAtMs);
        st.bind(5, incident.acknowledgedBy);
        st.bind(6, incident.resolvedAtMs);
        if (st.step() != SQLITE_DONE) return st.error("update incident");
        if (sqlite3_changes(db) == 0) return Status::notFound("incident " + std::to_string(incident.id));
        return Status::ok();
    });
}

Status IncidentStore::putAlert(int64_t incidentId, const IncidentAlert &alert)
{
    return store_->withDatabase([&](sqlite3 *db) { return insertAlert(db, incidentId, alert); });
}

Result<int64_t> IncidentStore::appendEvent(const IncidentEvent &event)
{
    if (event.kind == EventKind::Note && event.text.empty()) return Status::invalidArgument("a note needs text");
    int64_t id = 0;
    Status s = store_->withDatabase([&](sqlite3 *db) -> Status {
        SqliteStatement check(db, "SELECT 1 FROM incidents WHERE id=?1");
        check.bind(1, event.incidentId);
        if (check.step() != SQLITE_ROW) return Status::notFound("incident " + std::to_string(event.incidentId));
        auto r = insertEvent(db, event);
        if (!r.isOk()) return r.status();
        id = *r;
        return Status::ok();
    });
    if (!s.isOk()) return s;
    return id;
}

Result<std::vector<Incident>> IncidentStore::incidents(bool openOnly, int limit)
{
    std::vector<Incident> out;
    Status s = store_->withDatabase([&](sqlite3 *db) -> Status {
        const std::string sql = std::string("SELECT ") + kIncidentColumns + " FROM incidents" +
                                (openOnly ? " WHERE resolved_at_ms=0" : "") + " ORDER BY opened_at_ms DESC, id DESC LIMIT ?1";
        SqliteStatement st(db, sql.c_str());
        st.bind(1, int64_t(limit));
        int rc;
        while ((rc = st.step()) == SQLITE_ROW) out.push_back(readIncident(st));
        if (rc != SQLITE_DONE) return st.error("list incidents");
        for (auto &inc : out) VIGIL_RETURN_IF_ERROR(readAlerts(db, &inc));
        return Status::ok();
    });
    if (!s.isOk()) return s;
    return out;
}

Result<Incident> IncidentStore::incident(int64_t id)
{
    Incident inc;
    Status s = store_->withDatabase([&](sqlite3 *db) -> Status {
        const std::string sql = std::string("SELECT ") + kIncidentColumns + " FROM incidents WHERE id=?1";
        SqliteStatement st(db, sql.c_str());
        st.bind(1, id);
        const int rc = st.step();
        if (rc == SQLITE_DONE) return Status::notFound("incident " + std::to_string(id));
        if (rc != SQLITE_ROW) return st.error("read incident");
        inc = readIncident(st);
        return readAlerts(db, &inc);
    });
    if (!s.isOk()) return s;
    return inc;
}

Result<std::vector<IncidentEvent>> IncidentStore::events(int64_t incidentId)
{
    std::vector<IncidentEvent> out;
    Status s = store_->withDatabase([&](sqlite3 *db) -> Status {
        SqliteStatement st(db, "SELECT id, incident_id, time_ms, kind, author, text, fingerprint FROM incident_events "
                               "WHERE incident_id=?1 ORDER BY time_ms, id");
        st.bind(1, incidentId);
        int rc;
        while ((rc = st.step()) == SQLITE_ROW) {
            IncidentEvent e;
            e.id = st.i64(0);
            e.incidentId = st.i64(1);
            e.timeMs = st.i64(2);
            e.kind = kindFromName(st.text(3)).value_or(EventKind::Note);
            e.author = st.text(4);
            e.text = st.text(5);
            e.fingerprint = st.text(6);
            out.push_back(std::move(e));
        }
        return rc == SQLITE_DONE ? Status::ok() : st.error("list incident events");
    });
    if (!s.isOk()) return s;
    return out;
}

Result<int64_t> IncidentStore::addMarker(const Marker &m)
{
    if (m.text.empty()) return Status::invalidArgument("a marker needs text");
    if (m.timeMs <= 0) return Status::invalidArgument("a marker needs a time");
    int64_t id = 0;
    Status s = store_->withDatabase([&](sqlite3 *db) -> Status {
        SqliteStatement st(db, "INSERT OR IGNORE INTO markers(time_ms, text, labels_json, source) VALUES(?1,?2,?3,?4)");
        st.bind(1, m.timeMs);
        st.bind(2, m.text);
        st.bind(3, labelsToJson(m.labels));
        st.bind(4, m.source.empty() ? std::string("manual") : m.source);
        if (st.step() != SQLITE_DONE) return st.error("save marker");
        id = sqlite3_changes(db) ? int64_t(sqlite3_last_insert_rowid(db)) : 0;
        return Status::ok();
    });
    if (!s.isOk()) return s;
    return id;
}

Status IncidentStore::removeMarker(int64_t id)
{
    return store_->withDatabase([&](sqlite3 *db) -> Status {
        SqliteStatement st(db, "DELETE FROM markers WHERE id=?1");
        st.bind(1, id);
        if (st.step() != SQLITE_DONE) return st.error("remove marker");
        return sqlite3_changes(db) ? Status::ok() : Status::notFound("marker " + std::to_string(id));
    });
}

Result<std::vector<Marker>> IncidentStore::markers(int64_t fromMs, int64_t toMs)
{
    std::vector<Marker> out;
    Status s = store_->withDatabase([&](sqlite3 *db) -> Status {
        SqliteStatement st(db, "SELECT id, time_ms, text, labels_json, source FROM markers "
                               "WHERE time_ms BETWEEN ?1 AND ?2 ORDER BY time_ms, id");
        st.bind(1, fromMs);
        st.bind(2, toMs);
        int rc;
        while ((rc = st.step()) == SQLITE_ROW) {
            out.push_back({st.i64(0), st.i64(1), st.text(2), labelsFromJson(st.text(3)), st.text(4)});
        }
        return rc == SQLITE_DONE ? Status::ok() : st.error("list markers");
    });
    if (!s.isOk()) return s;
    return out;
}

Result<std::vector<IncidentStore::ActionRun>> IncidentStore::actionRuns(int64_t fromMs, int64_t toMs)
{
    std::vector<ActionRun> out;
    Status s = store_->withDatabase([&](sqlite3 *db) -> Status {
        SqliteStatement st(db, "SELECT time_ms, receiver, fingerprints, status, error, detail FROM notification_attempts "
                               "WHERE integration LIKE 'action%' AND time_ms BETWEEN ?1 AND ?2 ORDER BY time_ms, id");
        st.bind(1, fromMs);
        st.bind(2, toMs);
        int rc;
        while ((rc = st.step()) == SQLITE_ROW) {
            out.push_back({st.i64(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5)});
        }
        return rc == SQLITE_DONE ? Status::ok() : st.error("list action runs");
    });
    if (!s.isOk()) return s;
    return out;
}

Result<std::vector<IncidentStore::SilenceRow>> IncidentStore::silencesCreated(int64_t fromMs, int64_t toMs)
{
    std::vector<SilenceRow> out;
    Status s = store_->withDatabase([&](sqlite3 *db) -> Status {
        SqliteStatement st(db, "SELECT starts_at_ms, matchers, created_by, comment FROM silences "
                               "WHERE starts_at_ms BETWEEN ?1 AND ?2 ORDER BY starts_at_ms, id");
        st.bind(1, fromMs);
        st.bind(2, toMs);
        int rc;
        while ((rc = st.step()) == SQLITE_ROW) out.push_back({st.i64(0), st.text(1), st.text(2), st.text(3)});
        return rc == SQLITE_DONE ? Status::ok() : st.error("list silences");
    });
    if (!s.isOk()) return s;
    return out;
}

}  // namespace vigil::incidents
