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

#include <QObject>

#include <map>

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

// One QNetworkAccessManager per distinct TLS configuration. Qt pools
// connections by host and port only, so two integrations with different
// tls_config (one trusting a private CA, one not) must not share a manager:
// the second would ride on the first one's verified connection.
class NamPool : public QObject {
public:
    explicit NamPool(QObject *parent = nullptr) : QObject(parent) {}
    QNetworkAccessManager *get(const HttpConfig &http);

private:
    std::map<std::string, QNetworkAccessManager *> nams_;
};

}  // namespace vigil::notify
