#include "store/app_store.h"

#include "core/log.h"

#include <sqlite3.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace vigil::store {

namespace {

// Migration N brings the schema from version N-1 to N. Never edit a landed
// migration; append a new one.
const char *const kMigrations[] = {
    // 1: initial schema
    R"sql(
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE targets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    job TEXT NOT NULL,
    address TEXT NOT NULL,
    scheme TEXT NOT NULL DEFAULT 'http',
    metrics_path TEXT NOT NULL DEFAULT '/metrics',
    interval_ms INTEGER NOT NULL DEFAULT 15000,
    timeout_ms INTEGER NOT NULL DEFAULT 10000,
    labels TEXT NOT NULL DEFAULT '',
    auth_type TEXT NOT NULL DEFAULT '',
    auth_user TEXT NOT NULL DEFAULT '',
    auth_secret_ref TEXT NOT NULL DEFAULT '',
    tls_insecure INTEGER NOT NULL DEFAULT 0,
    enabled INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE documents (
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    json TEXT NOT NULL,
    updated_ms INTEGER NOT NULL,
    PRIMARY KEY (kind, name)
);
CREATE TABLE alert_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time_ms INTEGER NOT NULL,
    alert_name TEXT NOT NULL,
    severity TEXT NOT NULL,
    state TEXT NOT NULL,
    labels_json TEXT NOT NULL,
    message TEXT NOT NULL
);
CREATE INDEX alert_history_time ON alert_history(time_ms);
)sql",
    // 2: notification silences and delivery attempts (issue 9)
    R"sql(
CREATE TABLE silences (
    id TEXT PRIMARY KEY,
    matchers TEXT NOT NULL,
    starts_at_ms INTEGER NOT NULL,
    ends_at_ms INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    comment TEXT NOT NULL,
    updated_at_ms INTEGER NOT NULL
);
CREATE TABLE notification_attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time_ms INTEGER NOT NULL,
    receiver TEXT NOT NULL,
    integration TEXT NOT NULL,
    group_key TEXT NOT NULL,
    fingerprints TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    status TEXT NOT NULL,
    error TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX notification_attempts_time ON notification_attempts(time_ms);
)sql",
    // 3: TLS files, server name and relabel_configs of console targets
    R"sql(
ALTER TABLE targets ADD COLUMN tls_ca_file TEXT NOT NULL DEFAULT '';
ALTER TABLE targets ADD COLUMN tls_cert_file TEXT NOT NULL DEFAULT '';
ALTER TABLE targets ADD COLUMN tls_key_file TEXT NOT NULL DEFAULT '';
ALTER TABLE targets ADD COLUMN tls_server_name TEXT NOT NULL DEFAULT '';
ALTER TABLE targets ADD COLUMN relabel_yaml TEXT NOT NULL DEFAULT '';
)sql",
    // 4: incidents, their alerts and timelines; deploy/change markers (issue 15,
    // engine/incidents/incident_store.cpp reads and writes them)
    R"sql(
CREATE TABLE incidents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    severity TEXT NOT NULL,
    group_key TEXT NOT NULL,
    detected_at_ms INTEGER NOT NULL,
    opened_at_ms INTEGER NOT NULL,
    acknowledged_at_ms INTEGER NOT NULL DEFAULT 0,
    acknowledged_by TEXT NOT NULL DEFAULT '',
    resolved_at_ms INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE incident_alerts (
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    fingerprint TEXT NOT NULL,
    alert_name TEXT NOT NULL,
    severity TEXT NOT NULL,
    labels_json TEXT NOT NULL,
    summary TEXT NOT NULL,
    expr TEXT NOT NULL,
    active_at_ms INTEGER NOT NULL,
    starts_at_ms INTEGER NOT NULL,
    ends_at_ms INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (incident_id, fingerprint)
);
CREATE TABLE incident_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    time_ms INTEGER NOT NULL,
    kind TEXT NOT NULL,
    author TEXT NOT NULL,
    text TEXT NOT NULL,
    fingerprint TEXT NOT NULL
);
CREATE INDEX incident_events_incident ON incident_events(incident_id, time_ms);
CREATE TABLE markers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time_ms INTEGER NOT NULL,
    text TEXT NOT NULL,
    labels_json TEXT NOT NULL,
    source TEXT NOT NULL
);
CREATE INDEX markers_time ON markers(time_ms);
CREATE UNIQUE INDEX markers_source_time ON markers(source, time_ms, text);
)sql",
    // 5: acknowledgements, escalation state and richer alert history (issue 10)
    R"sql(
ALTER TABLE alert_history ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';
ALTER TABLE alert_history ADD COLUMN group_key TEXT NOT NULL DEFAULT '';
ALTER TABLE alert_history ADD COLUMN actor TEXT NOT NULL DEFAULT '';
ALTER TABLE alert_history ADD COLUMN receiver TEXT NOT NULL DEFAULT '';
CREATE INDEX alert_history_fingerprint ON alert_history(fingerprint, time_ms);
CREATE TABLE alert_acknowledgements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    fingerprint TEXT NOT NULL,
    group_key TEXT NOT NULL,
    labels TEXT NOT NULL,
    owner TEXT NOT NULL,
    comment TEXT NOT NULL,
    time_ms INTEGER NOT NULL,
    starts_at_ms INTEGER NOT NULL
);
CREATE INDEX alert_acknowledgements_time ON alert_acknowledgements(time_ms);
CREATE TABLE escalation_state (
    fingerprint TEXT PRIMARY KEY,
    group_key TEXT NOT NULL,
    labels TEXT NOT NULL,
    since_ms INTEGER NOT NULL,
    step INTEGER NOT NULL,
    acked_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL
);
)sql",
};
static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) == AppStore::kSchemaVersion);

int64_t nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// Labels are stored one per line as name=value; names cannot contain '='
// or newlines, values have \ and newline escaped.
std::string encodeLabels(const std::vector<std::pair<std::string, std::string>> &labels)
{
    std::string out;
    for (const auto &[n, v] : labels) {
        out += n;
        out += '=';
        for (char c : v) {
            if (c == '\\') out += "\\\\";
            else if (c == '\n') out += "\\n";
            else out += c;
        }
        out += '\n';
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> decodeLabels(const std::string &s)
{
    std::vector<std::pair<std::string, std::string>> out;
    size_t pos = 0;
    while (pos < s.size()) {
        size_t nl = s.find('\n', pos);
        if (nl == std::string::npos) nl = s.size();
        std::string line = s.substr(pos, nl - pos);
        pos = nl + 1;
        size_t eq = line.find('=');
        if (eq == std::string::npos) continue;
        std::string value;
        for (size_t i = eq + 1; i < line.size(); ++i) {
            if (line[i] == '\\' && i + 1 < line.size()) {
                ++i;
                value += line[i] == 'n' ? '\n' : line[i];
            } else {
                value += line[i];
            }
        }
        out.emplace_back(line.substr(0, eq), value);
    }
    return out;
}

// RAII prepared statement.
class Stmt {
public:
    Stmt(sqlite3 *db, const char *sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &s_, nullptr); }
    ~Stmt() { sqlite3_finalize(s_); }
    bool ok() const { return rc_ == SQLITE_OK; }
    sqlite3_stmt *get() { return s_; }
    void bind(int i, const std::string &v) { sqlite3_bind_text(s_, i, v.data(), int(v.size()), SQLITE_TRANSIENT); }
    void bind(int i, int64_t v) { sqlite3_bind_int64(s_, i, v); }
    // Binds `values` to ?1, ?2, ... in order.
    template <typename... V>
    void bindAll(const V &...values)
    {
        int i = 0;
        (bind(++i, values), ...);
    }
    int step() { return sqlite3_step(s_); }
    std::string text(int i)
    {
        const auto *p = sqlite3_column_text(s_, i);
        return p ? std::string(reinterpret_cast<const char *>(p), size_t(sqlite3_column_bytes(s_, i))) : std::string();
    }
    int64_t i64(int i) { return sqlite3_column_int64(s_, i); }

    // Steps through every row, appending rowOf(*this) to `out`; false when
    // stepping failed (the rows read so far stay in `out`).
    template <typename Row, typename RowOf>
    bool readRows(std::vector<Row> *out, RowOf rowOf)
    {
        int rc;
        while ((rc = step()) == SQLITE_ROW) out->push_back(rowOf(*this));
        return rc == SQLITE_DONE;
    }

private:
    sqlite3_stmt *s_ = nullptr;
    int rc_ = SQLITE_ERROR;
};

}  // namespace

AppStore::~AppStore() { close(); }

bool AppStore::isOpen() const
{
    std::lock_guard lock(mu_);
    return db_ != nullptr;
}

void AppStore::close()
{
    std::lock_guard lock(mu_);
    if (db_) {
        sqlite3_close(db_);
        db_ = nullptr;
    }
}

Status AppStore::sqliteError(const std::string &what) const
{
    std::string msg = what + ": " + (db_ ? sqlite3_errmsg(db_) : "no database");
    int code = db_ ? (sqlite3_extended_errcode(db_) & 0xff) : SQLITE_ERROR;
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) return Status::corruption(msg);
    if (code == SQLITE_FULL) return Status::resourceExhausted(msg);
    if (code == SQLITE_IOERR || code == SQLITE_CANTOPEN || code == SQLITE_READONLY) return Status::ioError(msg);
    return Status::internal(msg);
}

Status AppStore::exec(const char *sql)
{
    char *err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        std::string m = err ? err : "unknown error";
        sqlite3_free(err);
        Status s = sqliteError("sqlite");
        return s.code() == Status::Code::Internal ? Status::internal(m) : s;
    }
    return {};
}

Status AppStore::open(const std::string &path)
{
    close();
    std::lock_guard lock(mu_);
    path_ = path;
    backupPath_.clear();
    versionAtOpen_ = 0;

    namespace fs = std::filesystem;
    std::error_code ec;
    const bool existed = fs::exists(path, ec) && fs::file_size(path, ec) > 0;
    if (!fs::path(path).parent_path().empty()) fs::create_directories(fs::path(path).parent_path(), ec);

    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
        Status s = Status::ioError("cannot open " + path + ": " + (db_ ? sqlite3_errmsg(db_) : "out of memory"));
        sqlite3_close(db_);
        db_ = nullptr;
        return s;
    }
    sqlite3_busy_timeout(db_, 5000);

    auto fail = [&](Status s) {
        sqlite3_close(db_);
        db_ = nullptr;
        return s.withContext(path);
    };

    // Reading the version touches the header: a non-database fails here.
    int version = 0;
    {
        Stmt st(db_, "PRAGMA user_version");
        if (!st.ok() || st.step() != SQLITE_ROW) {
            return fail(Status::corruption(std::string("not a Vigil database (") + sqlite3_errmsg(db_) + ")"));
        }
        version = int(st.i64(0));
    }
    versionAtOpen_ = version;
    if (version > kSchemaVersion) {
        return fail(Status::failedPrecondition("database schema version " + std::to_string(version) +
                                               " is newer than this Vigil supports (" +
                                               std::to_string(kSchemaVersion) + "); upgrade Vigil"));
    }
    if (existed) {
        Stmt st(db_, "PRAGMA quick_check");
        if (!st.ok() || st.step() != SQLITE_ROW || st.text(0) != "ok") {
            return fail(Status::corruption("integrity check failed: " +
                                           (st.ok() ? st.text(0) : std::string(sqlite3_errmsg(db_)))));
        }
    }

    if (version < kSchemaVersion && existed) {
        // Byte copy before touching the schema. Checkpoint the WAL first so the
        // main file holds everything.
        sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
        backupPath_ = path + ".bak-v" + std::to_string(version);
        fs::copy_file(path, backupPath_, fs::copy_options::overwrite_existing, ec);
        if (ec) return fail(Status::ioError("cannot write backup " + backupPath_ + ": " + ec.message()));
        qCInfo(lcStore) << "backed up" << path.c_str() << "to" << backupPath_.c_str() << "before migration";
    }

    if (Status s = exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
        !s.isOk()) {
        return fail(s);
    }
    if (Status s = migrate(version); !s.isOk()) return fail(s);
    return {};
}

Status AppStore::migrate(int from)
{
    for (int v = from; v < kSchemaVersion; ++v) {
        VIGIL_RETURN_IF_ERROR(exec("BEGIN IMMEDIATE"));
        Status s = exec(kMigrations[v]);
        if (s.isOk()) s = exec(("PRAGMA user_version=" + std::to_string(v + 1)).c_str());
        if (!s.isOk()) {
            exec("ROLLBACK");
            return s.withContext("migration to schema " + std::to_string(v + 1));
        }
        VIGIL_RETURN_IF_ERROR(exec("COMMIT"));
    }
    return {};
}

Status AppStore::setSetting(const std::string &key, const std::string &value)
{
    std::lock_guard lock(mu_);
    if (!db_) return Status::failedPrecondition("store is not open");
    Stmt st(db_, "INSERT INTO settings(key, value) VALUES(?1, ?2) "
                 "ON CONFLICT(key) DO UPDATE SET value=excluded.value");
    st.bind(1, key);
    st.bind(2, value);
    if (st.step() != SQLITE_DONE) return sqliteError("save setting");
    return {};
}

std::optional<std::string> AppStore::setting(const std::string &key)
{
    std::lock_guard lock(mu_);
    if (!db_) return std::nullopt;
    Stmt st(db_, "SELECT value FROM settings WHERE key=?1");
    st.bind(1, key);
    if (st.step() != SQLITE_ROW) return std::nullopt;
    return st.text(0);
}

Result<int64_t> AppStore::saveTarget(const StoredTarget &t)
{
    std::lock_guard lock(mu_);
    if (!db_) return Status::failedPrecondition("store is not open");
    if (t.job.empty() || t.address.empty()) return Status::invalidArgument("a target needs a job and an address");
    const char *sql = t.id == 0
        ? "INSERT INTO targets(job, address, scheme, metrics_path, interval_ms, timeout_ms, labels, auth_type, "
          "auth_user, auth_secret_ref, tls_insecure, enabled, tls_ca_file, tls_cert_file, tls_key_file, "
          "tls_server_name, relabel_yaml) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?14,?15,?16,?17,?18)"
        : "UPDATE targets SET job=?1, address=?2, scheme=?3, metrics_path=?4, interval_ms=?5, timeout_ms=?6, "
          "labels=?7, auth_type=?8, auth_user=?9, auth_secret_ref=?10, tls_insecure=?11, enabled=?12, "
          "tls_ca_file=?14, tls_cert_file=?15, tls_key_file=?16, tls_server_name=?17, relabel_yaml=?18 WHERE id=?13";
    Stmt st(db_, sql);
    st.bind(1, t.job);
    st.bind(2, t.address);
    st.bind(3, t.scheme);
    st.bind(4, t.metricsPath);
    st.bind(5, t.intervalMs);
    st.bind(6, t.timeoutMs);
    st.bind(7, encodeLabels(t.labels));
    st.bind(8, t.authType);
    st.bind(9, t.authUser);
    st.bind(10, t.authSecretRef);
    st.bind(11, int64_t(t.tlsInsecureSkipVerify));
    st.bind(12, int64_t(t.enabled));
    if (t.id != 0) st.bind(13, t.id);
    st.bind(14, t.tlsCaFile);
    st.bind(15, t.tlsCertFile);
    st.bind(16, t.tlsKeyFile);
    st.bind(17, t.tlsServerName);
    st.bind(18, t.relabelYaml);
    if (st.step() != SQLITE_DONE) return sqliteError("save target");
    if (t.id != 0) {
        if (sqlite3_changes(db_) == 0) return Status::notFound("target " + std::to_string(t.id));
        return t.id;
    }
    return int64_t(sqlite3_last_insert_rowid(db_));
}

Status AppStore::removeTarget(int64_t id)
{
    std::lock_guard lock(mu_);
    if (!db_) return Status::failedPrecondition("store is not open");
    Stmt st(db_, "DELETE FROM targets WHERE id=?1");
    st.bind(1, id);
    if (st.step() != SQLITE_DONE) return sqliteError("remove target");
    if (sqlite3_changes(db_) == 0) return Status::notFound("target " + std::to_string(id));
    return {};
}

Result<std::vector<StoredTarget>> AppStore::targets()
{
    std::lock_guard lock(mu_);
    if (!db_) return Status::failedPrecondition("store is not open");
    Stmt st(db_, "SELECT id, job, address, scheme, metrics_path, interval_ms, timeout_ms, labels, auth_type, "
                 "auth_user, auth_secret_ref, tls_insecure, enabled, tls_ca_file, tls_cert_file, tls_key_file, "
                 "tls_server_name, relabel_yaml FROM targets ORDER BY id");
    std::vector<StoredTarget> out;
    const bool done = st.readRows(&out, [](Stmt &r) {
        StoredTarget t;
        t.id = r.i64(0);
        t.job = r.text(1);
        t.address = r.text(2);
        t.scheme = r.text(3);
        t.metricsPath = r.text(4);
        t.intervalMs = r.i64(5);
        t.timeoutMs = r.i64(6);
        t.labels = decodeLabels(r.text(7));
        t.authType = r.text(8);
        t.authUser = r.text(9);
        t.authSecretRef = r.text(10);
        t.tlsInsecureSkipVerify = r.i64(11) != 0;
        t.enabled = r.i64(12) != 0;
        t.tlsCaFile = r.text(13);
        t.tlsCertFile = r.text(14);
        t.tlsKeyFile = r.text(15);
        t.tlsServerName = r.text(16);
        t.relabelYaml = r.text(17);
        return t;
    });
    if (!done) return sqliteError("list targets");
    return out;
}

Status AppStore::putDocument(const std::string &kind, const StoredDocument &doc)
{
    std::lock_guard lock(mu_);
    if (!db_) return Status::failedPrecondition("store is not open");
    if (doc.name.empty()) return Status::invalidArgument("a document needs a name");
    Stmt st(db_, "INSERT INTO documents(kind, name, json, updated_ms) VALUES(?1,?2,?3,?4) "
                 "ON CONFLICT(kind, name) DO UPDATE SET json=excluded.json, updated_ms=excluded.updated_ms");
    st.bindAll(kind, doc.name, doc.json, doc.updatedMs ? doc.updatedMs : nowMs());
    if (st.step() != SQLITE_DONE) return sqliteError("save " + kind);
    return {};
}

Status AppStore::removeDocument(const std::string &kind, const std::string &name)
{
    std::lock_guard lock(mu_);
    if (!db_) return Status::failedPrecondition("store is not open");
    Stmt st(db_, "DELETE FROM documents WHERE kind=?1 AND name=?2");
    st.bind(1, kind);
    st.bind(2, name);
    if (st.step() != SQLITE_DONE) return sqliteError("remove document");
    if (sqlite3_changes(db_) == 0) return Status::notFound(kind + " " + name);
    return {};
}

Result<std::vector<StoredDocument>> AppStore::documents(const std::string &kind)
{
    std::lock_guard lock(mu_);
    if (!db_) return Status::failedPrecondition("store is not open");
    Stmt st(db_, "SELECT name, json, updated_ms FROM documents WHERE kind=?1 ORDER BY name");
    st.bind(1, kind);
    std::vector<StoredDocument> out;
    if (!st.readRows(&out, [](Stmt &r) { return StoredDocument{r.text(0), r.text(1), r.i64(2)}; }))
        return sqliteError("list documents");
    return out;
}

Status AppStore::appendAlertEvent(const AlertEvent &e)
{
    std::lock_guard lock(mu_);
    if (!db_) return Status::failedPrecondition("store is not open");
    Stmt st(db_, "INSERT INTO alert_history(time_ms, alert_name, severity, state, labels_json, message, fingerprint, "
                 "group_key, actor, receiver) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)");
    st.bindAll(e.timeMs ? e.timeMs : nowMs(), e.alertName, e.severity, e.state, e.labelsJson, e.message,
               e.fingerprint, e.groupKey, e.actor, e.receiver);
    if (st.step() != SQLITE_DONE) return sqliteError("record alert event");
    return {};
}

Result<std::vector<AppStore::AlertEvent>> AppStore::alertEvents(int limit)
{
    AlertEventFilter f;
    f.limit = limit;
    return alertEvents(f);
}

Result<std::vector<AppStore::AlertEvent>> AppStore::alertEvents(const AlertEventFilter &f)
{
    std::lock_guard lock(mu_);
    if (!db_) return Status::failedPrecondition("store is not open");
    // Optional conditions are written so an empty value disables them.
    std::string states;
    for (const std::string &s : f.states) states += "," + s + ",";
    Stmt st(db_, "SELECT time_ms, alert_name, severity, state, labels_json, message, fingerprint, group_key, actor, "
                 "receiver FROM alert_history WHERE time_ms >= ?1 AND time_ms <= ?2 AND (?3 = '' OR fingerprint = ?3) "
                 "AND (?4 = '' OR alert_name = ?4) AND (?5 = '' OR instr(?5, ',' || state || ',') > 0) "
                 "AND (?6 = '' OR group_key = ?6) ORDER BY time_ms DESC, id DESC LIMIT ?7");
    st.bindAll(f.fromMs, f.toMs, f.fingerprint, f.alertName, states, f.groupKey, int64_t(f.limit));
    std::vector<AlertEvent> out;
    if (!st.readRows(&out, [](Stmt &r) {
            return AlertEvent{r.i64(0),  r.text(1), r.text(2), r.text(3), r.text(4),
                              r.text(5), r.text(6), r.text(7), r.text(8), r.text(9)};
        }))
        return sqliteError("list alert events");
    return out;
}

Result<int64_t> AppStore::appendAcknowledgement(const StoredAcknowledgement &a)
{
    std::lock_guard lock(mu_);
    if (!db_) return Status::failedPrecondition("store is not open");
    Stmt st(db_, "INSERT INTO alert_acknowledgements(fingerprint, group_key, labels, owner, comment, time_ms, "
                 "starts_at_ms) VALUES(?1,?2,?3,?4,?5,?6,?7)");
    st.bindAll(a.fingerprint, a.groupKey, a.labels, a.owner, a.comment, a.timeMs, a.startsAtMs);
    if (st.step() != SQLITE_DONE) return sqliteError("record acknowledgement");
    return int64_t(sqlite3_last_insert_rowid(db_));
}

Result<std::vector<StoredAcknowledgement>> AppStore::acknowledgements(int64_t fromMs, int64_t toMs,
                                                                      const std::string &fingerprint)
{
    std::lock_guard lock(mu_);
    if (!db_) return Status::failedPrecondition("store is not open");
    Stmt st(db_, "SELECT id, fingerprint, group_key, labels, owner, comment, time_ms, starts_at_ms "
                 "FROM alert_acknowledgements WHERE time_ms >= ?1 AND time_ms <= ?2 AND (?3 = '' OR fingerprint = ?3) "
                 "ORDER BY time_ms, id");
    st.bind(1, fromMs);
    st.bind(2, toMs);
    st.bind(3, fingerprint);
    std::vector<StoredAcknowledgement> out;
    if (!st.readRows(&out, [](Stmt &r) {
            return StoredAcknowledgement{r.i64(0), r.text(1), r.text(2), r.text(3),
                                         r.text(4), r.text(5), r.i64(6),  r.i64(7)};
        }))
        return sqliteError("list acknowledgements");
    return out;
}

Status AppStore::putEscalationState(const StoredEscalation &e)
{
    std::lock_guard lock(mu_);
    if (!db_) return Status::failedPrecondition("store is not open");
    Stmt st(db_, "INSERT INTO escalation_state(fingerprint, group_key, labels, since_ms, step, acked_ms, updated_ms) "
                 "VALUES(?1,?2,?3,?4,?5,?6,?7) ON CONFLICT(fingerprint) DO UPDATE SET group_key=excluded.group_key, "
                 "labels=excluded.labels, since_ms=excluded.since_ms, step=excluded.step, acked_ms=excluded.acked_ms, "
                 "updated_ms=excluded.updated_ms");
    st.bindAll(e.fingerprint, e.groupKey, e.labels, e.sinceMs, int64_t(e.step), e.ackedMs, e.updatedMs);
    if (st.step() != SQLITE_DONE) return sqliteError("save escalation state");
    return {};
}

Status AppStore::removeEscalationState(const std::string &fingerprint)
{
    std::lock_guard lock(mu_);
    if (!db_) return Status::failedPrecondition("store is not open");
    Stmt st(db_, "DELETE FROM escalation_state WHERE fingerprint = ?1");
    st.bind(1, fingerprint);
    if (st.step() != SQLITE_DONE) return sqliteError("remove escalation state");
    return {};
}

Result<std::vector<StoredEscalation>> AppStore::escalationStates()
{
    std::lock_guard lock(mu_);
    if (!db_) return Status::failedPrecondition("store is not open");
    Stmt st(db_, "SELECT fingerprint, group_key, labels, since_ms, step, acked_ms, updated_ms FROM escalation_state "
                 "ORDER BY fingerprint");
    std::vector<StoredEscalation> out;
    if (!st.readRows(&out, [](Stmt &r) {
            return StoredEscalation{r.text(0), r.text(1), r.text(2), r.i64(3), int(r.i64(4)), r.i64(5), r.i64(6)};
        }))
        return sqliteError("list escalation states");
    return out;
}

Status AppStore::putSilence(const StoredSilence &sil)
{
    std::lock_guard lock(mu_);
    if (!db_) return Status::failedPrecondition("store is not open");
    Stmt st(db_, "INSERT INTO silences(id, matchers, starts_at_ms, ends_at_ms, created_by, comment, updated_at_ms) "
                 "VALUES(?1,?2,?3,?4,?5,?6,?7) ON CONFLICT(id) DO UPDATE SET matchers=excluded.matchers, "
                 "starts_at_ms=excluded.starts_at_ms, ends_at_ms=excluded.ends_at_ms, created_by=excluded.created_by, "
                 "comment=excluded.comment, updated_at_ms=excluded.updated_at_ms");
    st.bindAll(sil.id, sil.matchers, sil.startsAtMs, sil.endsAtMs, sil.createdBy, sil.comment, sil.updatedAtMs);
    if (st.step() != SQLITE_DONE) return sqliteError("save silence");
    return {};
}

Result<std::vector<StoredSilence>> AppStore::silences()
{
    std::lock_guard lock(mu_);
    if (!db_) return Status::failedPrecondition("store is not open");
    Stmt st(db_, "SELECT id, matchers, starts_at_ms, ends_at_ms, created_by, comment, updated_at_ms FROM silences "
                 "ORDER BY starts_at_ms, id");
    std::vector<StoredSilence> out;
    if (!st.readRows(&out, [](Stmt &r) {
            return StoredSilence{r.text(0), r.text(1), r.i64(2), r.i64(3), r.text(4), r.text(5), r.i64(6)};
        }))
        return sqliteError("list silences");
    return out;
}

Status AppStore::appendDeliveryAttempt(const DeliveryAttempt &a)
{
    std::lock_guard lock(mu_);
    if (!db_) return Status::failedPrecondition("store is not open");
    Stmt st(db_, "INSERT INTO notification_attempts(time_ms, receiver, integration, group_key, fingerprints, attempt, "
                 "status, error, detail) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)");
    st.bindAll(a.timeMs ? a.timeMs : nowMs(), a.receiver, a.integration, a.groupKey, a.fingerprints,
               int64_t(a.attempt), a.status, a.error, a.detail);
    if (st.step() != SQLITE_DONE) return sqliteError("record delivery attempt");
    return {};
}

Status AppStore::withDatabase(const std::function<Status(sqlite3 *)> &fn)
{
    std::lock_guard lock(mu_);
    if (!db_) return Status::failedPrecondition("store is not open");
    return fn(db_);
}

Result<std::vector<DeliveryAttempt>> AppStore::deliveryAttempts(int limit)
{
    std::lock_guard lock(mu_);
    if (!db_) return Status::failedPrecondition("store is not open");
    Stmt st(db_, "SELECT time_ms, receiver, integration, group_key, fingerprints, attempt, status, error, detail "
                 "FROM notification_attempts ORDER BY id DESC LIMIT ?1");
    st.bind(1, int64_t(limit));
    std::vector<DeliveryAttempt> out;
    if (!st.readRows(&out, [](Stmt &r) {
            return DeliveryAttempt{r.i64(0),       r.text(1), r.text(2), r.text(3), r.text(4),
                                   int(r.i64(5)), r.text(6), r.text(7), r.text(8)};
        }))
        return sqliteError("list delivery attempts");
    return out;
}

}  // namespace vigil::store
