#include "web/basic_auth.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>

#include <crypt.h>

#include <cstring>
#include <memory>

namespace vigil::web {

namespace {

// bcrypt of "fakepassword" at cost 10: what an unknown user is checked
// against (the same constant exporter-toolkit uses), so that an unknown user
// costs as much time as a wrong password.
constexpr const char *kDummyHash = "$2y$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi";

bool constantTimeEquals(const char *a, size_t na, const char *b, size_t nb)
{
    if (na != nb) return false;
    // volatile: keeps the compiler from stopping at the first difference.
    volatile unsigned char diff = 0;
    for (size_t i = 0; i < na; ++i) diff = diff | static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

int64_t nowMs()
{
    return QDeadlineTimer::current().deadline();
}

}  // namespace

BasicAuth::BasicAuth(std::map<std::string, std::string> users) : users_(std::move(users)) {}

bool BasicAuth::verifyBcrypt(const std::string &password, const std::string &bcryptHash)
{
    // crypt_data is ~32 KiB: keep it off the (web) thread's stack.
    auto data = std::make_unique<crypt_data>();
    std::memset(data.get(), 0, sizeof(crypt_data));
    const char *out = crypt_rn(password.c_str(), bcryptHash.c_str(), data.get(), int(sizeof(crypt_data)));
    // crypt_rn returns null on failure (unsupported or malformed setting).
    if (!out) return false;
    const bool ok = constantTimeEquals(out, std::strlen(out), bcryptHash.data(), bcryptHash.size());
    std::memset(data.get(), 0, sizeof(crypt_data));  // it held the password
    return ok;
}

bool BasicAuth::check(const QByteArray &authorization)
{
    // RFC 7617: "Basic" (case-insensitive) SP base64(user ":" password).
    if (authorization.size() < 6 || authorization.left(6).toLower() != "basic ") return false;
    const auto decoded = QByteArray::fromBase64Encoding(authorization.mid(6).trimmed(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) return false;
    const QByteArray &pair = decoded.decoded;
    const qsizetype colon = pair.indexOf(':');
    if (colon < 0) return false;
    const std::string user = pair.left(colon).toStdString();
    const std::string password = pair.mid(colon + 1).toStdString();

    auto it = users_.find(user);
    const bool known = it != users_.end();
    const std::string &hash = known ? it->second : std::string(kDummyHash);

    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(QByteArray::fromStdString(user) + '\0' + QByteArray::fromStdString(hash) + '\0');
    h.addData(QByteArray::fromStdString(password));
    const QByteArray key = h.result();
    {
        std::lock_guard<std::mutex> lock(mutex_);
        auto c = cache_.find(key);
        if (c != cache_.end()) {
            if (c->second > nowMs()) return known;
            cache_.erase(c);
        }
    }
    const bool ok = verifyBcrypt(password, hash) && known;
    if (ok) {
        std::lock_guard<std::mutex> lock(mutex_);
        const int64_t now = nowMs();
        if (cache_.size() >= kCacheMaxEntries) {
            for (auto e = cache_.begin(); e != cache_.end();)
                e = e->second <= now ? cache_.erase(e) : std::next(e);
            if (cache_.size() >= kCacheMaxEntries) cache_.erase(cache_.begin());
        }
        cache_[key] = now + kCacheTtlMs;
    }
    return ok;
}

}  // namespace vigil::web
