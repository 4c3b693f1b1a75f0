// BasicAuth: checks HTTP basic authentication against the bcrypt hashes of a
// web config file's basic_auth_users, as exporter-toolkit does: an unknown
// user is checked against a fixed dummy hash so that timing does not tell
// which users exist, and the final comparison of hashes is constant-time.
//
// bcrypt is deliberately slow (tens of milliseconds at cost 10), so a
// successful check is remembered for a short while (kCacheTtlMs), keyed by a
// SHA-256 of user, hash and password — the password itself is never kept.
// Failed checks are not cached.
//
// Thread-safe: check() may be called from any thread.
#pragma once

#include <QByteArray>

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace vigil::web {

class BasicAuth {
public:
    static constexpr int64_t kCacheTtlMs = 60 * 1000;
    static constexpr size_t kCacheMaxEntries = 100;

    // `users`: user name -> bcrypt hash ($2a$, $2b$, $2y$), already validated.
    explicit BasicAuth(std::map<std::string, std::string> users);

    // `authorization`: the Authorization header's value ("Basic base64").
    // True when it names a configured user with the right password.
    bool check(const QByteArray &authorization);

    // True when `password` matches `bcryptHash` (libxcrypt's crypt_rn).
    static bool verifyBcrypt(const std::string &password, const std::string &bcryptHash);

private:
    std::map<std::string, std::string> users_;
    std::mutex mutex_;
    std::map<QByteArray, int64_t> cache_;  // GUARDED_BY(mutex_): key -> expiry (ms, monotonic)
};

}  // namespace vigil::web
