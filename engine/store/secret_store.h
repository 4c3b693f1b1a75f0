// SecretStore: the secrets of console targets (basic-auth passwords, bearer
// tokens) in the system keychain — the Secret Service (GNOME Keyring,
// KeePassXC...) or KWallet, through QtKeychain. app.db keeps only the
// reference name of an entry, never the secret; secrets are never logged.
//
// There is no plain-text fallback: QtKeychain's insecure fallback stays off,
// and when no keychain answers every call fails with Unavailable and a
// message saying so (the console then refuses to save a secret).
//
// Asynchronous: every call returns at once; its future finishes on the
// thread the store lives in, which needs an event loop (D-Bus replies arrive
// there). Calls from other threads are forwarded to it. Cancelling is not
// supported by the keychain; a call that gets no answer fails after the
// D-Bus timeout (25 s).
#pragma once

#include "core/status.h"

#include <QFuture>
#include <QObject>
#include <QString>

#include <string>

namespace vigil::store {

struct SecretResult {
    Status status;       // Ok, NotFound (no such entry), Unavailable (no keychain), Internal
    std::string secret;  // empty unless Ok
};

class SecretStore : public QObject {
    Q_OBJECT
public:
    // `service` groups Vigil's entries in the keychain ("vigil").
    explicit SecretStore(QString service = QStringLiteral("vigil"), QObject *parent = nullptr);

    // Ok when a keychain answers (reads a probe entry; "not found" is fine).
    QFuture<Status> probe();
    QFuture<SecretResult> read(const std::string &ref);
    QFuture<Status> write(const std::string &ref, const std::string &secret);
    // Removing an entry that does not exist is Ok.
    QFuture<Status> remove(const std::string &ref);

    // A fresh reference name for a new secret ("target-<uuid>").
    static std::string newRef();

private:
    QString service_;
};

}  // namespace vigil::store
