// ScrapedEngine: a running runtime::Engine that scrapes a real
// prometheus-node-exporter every second, for tests that need real series,
// labels and HELP/TYPE metadata. The exporter runs on a free loopback port and
// is stopped (by its PID, through QProcess) when the fixture is destroyed.
#pragma once

#include "runtime/engine.h"
#include "runtime/query_service.h"

#include <QDateTime>
#include <QFile>
#include <QFutureWatcher>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace vigil::testing {

inline quint16 freeLoopbackPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

// Waits (processing events) for a future of the query service.
template <typename T>
T waitFor(QFuture<T> f, int timeoutMs = 30000)
{
    QFutureWatcher<T> w;
    w.setFuture(f);
    for (int waited = 0; !w.isFinished() && waited < timeoutMs; waited += 10) QTest::qWait(10);
    return f.resultCount() > 0 ? f.result() : T{};
}

class ScrapedEngine {
public:
    // Starts the exporter and the engine; ok() tells whether both came up
    // and the first scrape landed (within ~20 s).
    ScrapedEngine()
    {
        const quint16 port = freeLoopbackPort();
        node_.start(QStringLiteral("/usr/bin/prometheus-node-exporter"),
                    {QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port)});
        if (!node_.waitForStarted(5000)) return;
        QFile cfg(dir_.filePath(QStringLiteral("prometheus.yml")));
        if (!cfg.open(QIODevice::WriteOnly)) return;
        cfg.write(QStringLiteral("global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
                                 "scrape_configs:\n- job_name: node\n  static_configs:\n"
                                 "  - targets: ['127.0.0.1:%1']\n")
                      .arg(port)
                      .toUtf8());
        cfg.close();
        config::EngineOptions o;
        o.storagePath = dir_.filePath(QStringLiteral("data")).toStdString();
        o.configFile = cfg.fileName().toStdString();
        o.webEnabled = false;
        engine_ = std::make_unique<runtime::Engine>(o);
        engine_->setNodeExporterAddress(QStringLiteral("127.0.0.1:1"));
        engine_->start();
        for (int i = 0; i < 200 && engine_->state() != runtime::Engine::State::Running; ++i) QTest::qWait(100);
        if (!engine_->queryService()) return;
        for (int i = 0; i < 40; ++i) {
            auto r = waitFor(engine_->queryService()->instantQuery("up{job=\"node\"} == 1",
                                                                   QDateTime::currentMSecsSinceEpoch()));
            const auto *v = std::get_if<promql::Vector>(&r.result.value);
            if (r.status.isOk() && v && v->size() == 1) {
                ok_ = true;
                return;
            }
            QTest::qWait(500);
        }
    }
    ~ScrapedEngine()
    {
        if (engine_) engine_->stop();
        node_.kill();
        node_.waitForFinished(5000);
    }

    bool ok() const { return ok_; }
    runtime::Engine *engine() const { return engine_.get(); }
    runtime::QueryService *service() const { return engine_ ? engine_->queryService() : nullptr; }

private:
    QTemporaryDir dir_;
    QProcess node_;
    std::unique_ptr<runtime::Engine> engine_;
    bool ok_ = false;
};

}  // namespace vigil::testing
