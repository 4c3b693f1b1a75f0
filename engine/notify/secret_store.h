// SecretStore: where notification secrets (SMTP passwords, webhook URLs with
// tokens) live outside configuration files and app.db.
//
// Configuration values reference a secret as `${keychain:NAME}`, alone or
// inside a string: `url: https://hooks.slack.com/services/${keychain:slack-token}`.
// NAME is letters, digits, '.', '_' and '-'. The Notifier replaces references
// when it applies a configuration; a missing entry is an error naming the
// entry (never its value). The GUI saves secrets with write().
//
// KeychainSecretStore uses the system keychain through QtKeychain (service
// "vigil"); its calls block the calling thread until the keychain answers
// (run them off the GUI thread). MemorySecretStore keeps entries in memory
// (headless machines without a keychain, and tests).
//
// Thread safety: implementations are safe to call from any thread.
#pragma once

#include "core/status.h"

#include <map>
#include <mutex>
#include <string>

namespace vigil::notify {

class SecretStore {
public:
    virtual ~SecretStore() = default;
    // NotFound when there is no such entry; Unavailable when the keychain
    // cannot be reached.
    virtual Result<std::string> read(const std::string &name) = 0;
    virtual Status write(const std::string &name, const std::string &value) = 0;
    virtual Status remove(const std::string &name) = 0;
};

class KeychainSecretStore : public SecretStore {
public:
    explicit KeychainSecretStore(std::string service = "vigil") : service_(std::move(service)) {}
    Result<std::string> read(const std::string &name) override;
    Status write(const std::string &name, const std::string &value) override;
    Status remove(const std::string &name) override;

private:
    std::string service_;
};

class MemorySecretStore : public SecretStore {
public:
    Result<std::string> read(const std::string &name) override;
    Status write(const std::string &name, const std::string &value) override;
    Status remove(const std::string &name) override;

private:
    std::mutex mu_;
    std::map<std::string, std::string> entries_;
};

// Replaces every ${keychain:NAME} in `value` from `store`. Without a store,
// any reference is FailedPrecondition.
Result<std::string> resolveSecretRefs(const std::string &value, SecretStore *store);

}  // namespace vigil::notify
