// AttemptResult: the outcome of one delivery attempt, and how HTTP answers
// map to it (Alertmanager's notify.RetryError rules: 2xx ok; 5xx and 429
// retried; other 4xx are permanent; network errors and timeouts retried).
// Messages never contain secrets: URLs are shown as scheme://host:port only.
#pragma once

#include <functional>
#include <string>

class QUrl;

namespace vigil::notify {

struct AttemptResult {
    bool ok = false;
    bool retryable = false;
    std::string error;   // empty when ok
    std::string detail;  // e.g. an action's exit code and output, the HTTP status
};

using AttemptDone = std::function<void(AttemptResult)>;

AttemptResult classifyHttpStatus(int status, const std::string &what);
// "https://hooks.example.com:443": no path, query or user info (they may hold tokens).
std::string redactedUrl(const QUrl &url);

}  // namespace vigil::notify
