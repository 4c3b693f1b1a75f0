// sendHttp: one asynchronous HTTP request for a notification integration,
// with Alertmanager's http_config (basic auth, authorization, TLS) applied
// and an overall timeout. `done` runs on the thread of `nam` exactly once.
// Secret files (password_file, credentials_file) are read per request.
#pragma once

#include "notify/attempt_result.h"
#include "notify/receiver_config.h"

#include <QByteArray>
#include <QList>
#include <QPair>

class QNetworkAccessManager;

namespace vigil::notify {

struct HttpRequestSpec {
    QByteArray method = "POST";
    std::string url;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int timeoutMs = 10'000;
};

void sendHttp(QNetworkAccessManager *nam, const HttpRequestSpec &spec, const HttpConfig &http, AttemptDone done);

}  // namespace vigil::notify
