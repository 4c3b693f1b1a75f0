// SecretStore: the one place where Vigil's secrets meet the system keychain —
// the Secret Service (GNOME Keyring, KeePassXC...) or KWallet, through
// QtKeychain: console targets' passwords and bearer tokens, remote write and
// data source credentials, and the entries that notifier configurations name
// as ${keychain:NAME} (notify/secret_refs.h). app.db keeps only the reference
// name of an entry, never the secret; secrets are never logged.
//
// There is no plain-text fallback: QtKeychain's insecure fallback stays off,
// and when no keychain answers every call fails with Unavailable and a
// message saying so (the console then refuses to save a secret).
//
// Two ways to call it:
//   - asynchronous (probe, read, write, remove): every call returns at once;
//     its future finishes on the thread the store lives in, which needs an
//     event loop (D-Bus replies arrive there). Calls from other threads are
//     forwarded to it. For the GUI and the engine's owner thread.
//   - blocking (readBlocking, writeBlocking): the keychain job runs on the
//     calling thread, in a local event loop, until it answers. Safe from any
//     thread (worker pools, the notifier); never from the GUI thread.
// Cancelling is not supported by the keychain; a call that gets no answer
// fails after the D-Bus timeout (25 s).
//
// Backend::Memory keeps the entries in this object instead (tests; nothing
// persists) and answers at once, with the same results and messages.
#pragma once

#include "core/status.h"

#include <QFuture>
#include <QObject>
#include <QString>

#include <map>
#include <mutex>
#include <string>

namespace vigil::store {

struct SecretResult {
    Status status;       // Ok, NotFound (no such entry), Unavailable (no keychain), Internal
    std::string secret;  // empty unless Ok
};

class SecretStore : public QObject {
    Q_OBJECT
public:
    enum class Backend { Keychain, Memory };

    // `service` groups Vigil's entries in the keychain ("vigil").
    explicit SecretStore(QString service = QStringLiteral("vigil"), QObject *parent = nullptr);
    explicit SecretStore(Backend backend, QObject *parent = nullptr);

    // Ok when a keychain answers (reads a probe entry; "not found" is fine).
    QFuture<Status> probe();
    QFuture<SecretResult> read(const std::string &ref);
    QFuture<Status> write(const std::string &ref, const std::string &secret);
    // Removing an entry that does not exist is Ok.
    QFuture<Status> remove(const std::string &ref);

    // Blocking forms (see above). NotFound when there is no such entry.
    Result<std::string> readBlocking(const std::string &ref);
    Status writeBlocking(const std::string &ref, const std::string &secret);

    // A fresh reference name for a new secret ("target-<uuid>").
    static std::string newRef();

private:
    // Backend::Memory only.
    SecretResult memoryRead(const std::string &ref);
    Status memoryWrite(const std::string &ref, const std::string &secret);
    Status memoryRemove(const std::string &ref);

    QString service_;
    Backend backend_ = Backend::Keychain;
    std::mutex memoryMutex_;
    std::map<std::string, std::string> memory_;  // guarded by memoryMutex_
};

}  // namespace vigil::store
