// SqliteStatement: a prepared SQLite statement that finalizes itself, with
// typed bind and column helpers, for code running inside
// AppStore::withDatabase(). Not thread-safe (use it under the store's lock).
#pragma once

#include "core/status.h"

#include <sqlite3.h>

#include <cstdint>
#include <string>

namespace vigil::store {

class SqliteStatement {
public:
    SqliteStatement(sqlite3 *db, const char *sql) : db_(db) { rc_ = sqlite3_prepare_v2(db, sql, -1, &s_, nullptr); }
    ~SqliteStatement() { sqlite3_finalize(s_); }
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool ok() const { return rc_ == SQLITE_OK; }
    void bind(int i, const std::string &v) { sqlite3_bind_text(s_, i, v.data(), int(v.size()), SQLITE_TRANSIENT); }
    void bind(int i, int64_t v) { sqlite3_bind_int64(s_, i, v); }
    // SQLITE_ROW, SQLITE_DONE or an error code (also when preparing failed).
    int step() { return ok() ? sqlite3_step(s_) : rc_; }
    std::string text(int i) const
    {
        const auto *p = sqlite3_column_text(s_, i);
        return p ? std::string(reinterpret_cast<const char *>(p), size_t(sqlite3_column_bytes(s_, i))) : std::string();
    }
    int64_t i64(int i) const { return sqlite3_column_int64(s_, i); }
    // The database's last error as a Status (IOError, Corruption, Internal).
    Status error(const std::string &what) const
    {
        const int code = sqlite3_extended_errcode(db_) & 0xff;
        std::string msg = what + ": " + sqlite3_errmsg(db_);
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) return Status::corruption(msg);
        if (code == SQLITE_FULL) return Status::resourceExhausted(msg);
        if (code == SQLITE_IOERR || code == SQLITE_READONLY) return Status::ioError(msg);
        return Status::internal(msg);
    }

private:
    sqlite3 *db_;
    sqlite3_stmt *s_ = nullptr;
    int rc_ = SQLITE_ERROR;
};

}  // namespace vigil::store
