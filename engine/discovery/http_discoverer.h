// HttpDiscoverer: http_sd_configs. GETs the URL every refresh interval and
// expects Prometheus's HTTP SD format: status 200, Content-Type
// application/json, a JSON list of target groups. Each group gets source
// "<url>:<index>" and the label __meta_url=<url>. The request carries the
// config's basic_auth / authorization and tls_config (net/http_client_setup.h).
// A failed request or a bad answer keeps the previous groups and reports the
// error.
#pragma once

#include "discovery/discoverer.h"
#include "discovery/sd_config.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QTimer>

namespace vigil::discovery {

class HttpDiscoverer : public Discoverer {
    Q_OBJECT
public:
    explicit HttpDiscoverer(HttpSdConfig config, QObject *parent = nullptr);
    void start(Sink sink) override;

private:
    void refresh();
    // Reports the last good groups with `error` (prefixed with the URL).
    void report(std::string error);

    HttpSdConfig config_;
    Sink sink_;
    QNetworkAccessManager nam_;
    QTimer refreshTimer_;
    QPointer<QNetworkReply> inFlight_;
    std::vector<TargetGroup> lastGood_;
};

}  // namespace vigil::discovery
