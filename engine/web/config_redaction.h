// Secrets out of configuration YAML before it leaves the process
// (/api/v1/status/config), as Prometheus prints its config.Secret fields.
//
// redactConfigSecrets() parses `yaml` and returns it re-emitted with the value
// of every secret-bearing key (password, credentials, bearer_token,
// client_secret, secret_key, token, application_credential_secret, and every
// value under proxy_connect_header) replaced by "<secret>", at any depth, and
// the password of user:password@ in URL values replaced the same way.
// Comments and formatting are not kept (Prometheus re-marshals too). Text
// that does not parse as YAML gives "" — never the raw text, which could hold
// a secret. Pure function, thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace vigil::web {

inline constexpr const char *kRedactedSecret = "<secret>";

std::string redactConfigSecrets(std::string_view yaml);

}  // namespace vigil::web
