// Secret references in notification settings: secrets (SMTP passwords,
// webhook URLs with tokens) live in the system keychain (store::SecretStore),
// outside configuration files and app.db.
//
// Configuration values reference a secret as `${keychain:NAME}`, alone or
// inside a string: `url: https://hooks.slack.com/services/${keychain:slack-token}`.
// NAME is letters, digits, '.', '_' and '-'. The Notifier replaces references
// when it applies a configuration; a missing entry is an error naming the
// entry (never its value). The GUI saves secrets with the store's write().
#pragma once

#include "core/status.h"

#include <string>

namespace vigil::store { class SecretStore; }

namespace vigil::notify {

// Replaces every ${keychain:NAME} in `value` from `store` (its blocking
// read: call it off the GUI thread). Without a store, any reference is
// FailedPrecondition. Thread-safe.
Result<std::string> resolveSecretRefs(const std::string &value, store::SecretStore *store);

}  // namespace vigil::notify
