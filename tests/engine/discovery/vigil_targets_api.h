// Vigil's side of the *_sd_vs_prometheus comparisons. VigilTargetsApi: a
// tsdb::Db, a ScrapeManager running the same prometheus.yml the peer
// Prometheus loads, and /api/v1 on a loopback WebServer (its own thread), so
// both sides answer /api/v1/targets; everything is stopped when it is
// destroyed. waitForTargets(): polls either side's /api/v1/targets.
#pragma once

#include "../../support/peer_process.h"

#include "config/engine_options.h"
#include "core/status.h"
#include "runtime/self_metrics.h"
#include "scrape/prometheus_config.h"
#include "scrape/scrape_manager.h"
#include "tsdb/db.h"
#include "web/api_v1.h"
#include "web/api_v1_engine_sources.h"
#include "web/web_server.h"

#include <QByteArray>
#include <QString>
#include <QTest>
#include <QThread>

#include <memory>

namespace vigil::testing {

class VigilTargetsApi {
public:
    VigilTargetsApi() = default;
    VigilTargetsApi(const VigilTargetsApi &) = delete;
    VigilTargetsApi &operator=(const VigilTargetsApi &) = delete;
    ~VigilTargetsApi() { stop(); }

    // Opens a Db in `dataDir`, applies `yaml` as the config file `configPath`
    // (relative paths in it resolve against that file's directory) and serves
    // /api/v1 on 127.0.0.1:port(). Call once, from the test's thread.
    Status start(const QString &dataDir, const QByteArray &yaml, const QString &configPath)
    {
        auto db = tsdb::Db::open(dataDir.toStdString());
        if (!db.isOk()) return db.status();
        db_ = std::move(*db);
        scraper_ = std::make_unique<scrape::ScrapeManager>(db_.get());
        auto cfg = scrape::PrometheusConfig::loadString(yaml.toStdString(), configPath.toStdString());
        if (!cfg.isOk()) return cfg.status();
        if (Status s = scraper_->applyConfig(*cfg); !s.isOk()) return s;

        web::WebServer::Options wo;
        wo.listenAddress = "127.0.0.1:0";
        web_ = new web::WebServer(wo, &selfMetrics_);
        web_->moveToThread(&webThread_);
        QObject::connect(&webThread_, &QThread::finished, web_, &QObject::deleteLater);
        webThread_.start();
        Status listened;
        QMetaObject::invokeMethod(
            web_, [&] { listened = web_->listen(); }, Qt::BlockingQueuedConnection);
        if (!listened.isOk()) return listened;
        config::EngineOptions options;
        options.configFile = configPath.toStdString();
        options.storagePath = dataDir.toStdString();
        api_ = new web::ApiV1(web::engineApiSources(db_.get(), scraper_.get(), options));
        web_->addRoutes(api_, [api = api_](QHttpServer *s) { api->registerRoutes(s); });  // web_ owns api_
        web_->setReady(true);
        return Status::ok();
    }

    uint16_t port() const { return web_ ? web_->port() : 0; }

    // Closes the API, stops scraping and the web thread, closes the Db. Idempotent.
    void stop()
    {
        if (api_) api_->close();
        api_ = nullptr;
        if (scraper_) scraper_->stop();
        webThread_.quit();
        webThread_.wait(10000);
        web_ = nullptr;  // deleted on its thread's end
        scraper_.reset();
        if (db_) db_->close();
        db_.reset();
    }

private:
    std::unique_ptr<tsdb::Db> db_;
    std::unique_ptr<scrape::ScrapeManager> scraper_;
    runtime::SelfMetrics selfMetrics_;
    QThread webThread_;
    web::WebServer *web_ = nullptr;
    web::ApiV1 *api_ = nullptr;
};

// Polls http://127.0.0.1:<port>/api/v1/targets until `parse(body)` has
// `active` active and `dropped` dropped targets, or 30 s have passed
// (Prometheus applies discovery updates every 5 s); returns the last parse.
template <typename Parse>
auto waitForTargets(uint16_t port, size_t active, size_t dropped, Parse parse)
{
    decltype(parse(QByteArray())) s;
    for (int i = 0; i < 60; ++i) {
        s = parse(httpRequest("GET", QStringLiteral("http://127.0.0.1:%1/api/v1/targets").arg(port)).body);
        if (s.active.size() == active && s.dropped.size() == dropped) break;
        QTest::qWait(500);
    }
    return s;
}

}  // namespace vigil::testing
