#include "web/api_v1_engine_sources.h"

#include "promql/duration.h"
#include "promql/engine.h"
#include "scrape/prometheus_config.h"
#include "scrape/scrape_manager.h"
#include "tsdb/db.h"
#include "web/config_redaction.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QUrl>

#include <map>
#include <set>

namespace vigil::web {

std::string configYamlFor(const config::EngineOptions &options,
                          const std::vector<scrape::TargetSnapshot> &targets)
{
    if (!options.configFile.empty()) {
        QFile f(QString::fromStdString(options.configFile));
        // Inline passwords and tokens stay in the file; the API shows <secret>.
        if (f.open(QIODevice::ReadOnly)) return redactConfigSecrets(f.readAll().toStdString());
    }
    std::string y =
        "global:\n  scrape_interval: 1m\n  scrape_timeout: 10s\n  evaluation_interval: 1m\nscrape_configs:\n";
    std::map<std::string, std::pair<const scrape::TargetSnapshot *, std::set<std::string>>> jobs;
    for (const auto &t : targets) {
        auto &j = jobs[t.job];
        j.first = &t;
        const QUrl u(QString::fromStdString(t.url));
        j.second.insert(u.host().toStdString() + ":" + std::to_string(u.port()));
    }
    for (const auto &[name, j] : jobs) {
        const QUrl u(QString::fromStdString(j.first->url));
        y += "- job_name: " + name + "\n";
        y += "  scrape_interval: " + promql::formatDuration(j.first->intervalMs) + "\n";
        y += "  scrape_timeout: " + promql::formatDuration(j.first->timeoutMs) + "\n";
        y += "  metrics_path: " + u.path().toStdString() + "\n";
        y += "  scheme: " + u.scheme().toStdString() + "\n";
        y += "  static_configs:\n  - targets:\n";
        for (const auto &a : j.second) y += "    - " + a + "\n";
    }
    return y;
}

ApiV1::Sources engineApiSources(tsdb::Db *db, scrape::ScrapeManager *scraper,
                                const config::EngineOptions &options)
{
    ApiV1::Sources s;
    s.queryable = db;
    if (options.enableRemoteWriteReceiver) s.remoteWriteAppendable = db;
    promql::EngineOptions eo;
    eo.lookbackDeltaMs = options.lookbackDeltaMs;
    eo.maxSamples = options.queryMaxSamples;
    eo.timeoutMs = options.queryTimeoutMs;
    auto engine = std::make_shared<promql::Engine>(*db, eo);
    s.query = [engine](const QueryRequest &r) -> Result<promql::QueryResult> {
        promql::QueryOptions qo;
        qo.deadline = r.deadline;
        if (r.instant) return engine->instantQuery(r.query, r.startMs, qo);
        return engine->rangeQuery(r.query, r.startMs, r.endMs, r.stepMs, qo);
    };
    if (scraper) {
        s.targets = [scraper] { return scraper->targets(); };
        s.droppedTargets = [scraper] { return scraper->droppedTargets(); };
        s.metadata = [scraper] {
            std::map<std::string, ApiV1::TargetMetadata> out;
            for (auto &[url, md] : scraper->metadata())
                out[url] = ApiV1::TargetMetadata(md.begin(), md.end());
            return out;
        };
    }
    s.configYaml = [options, scraper] {
        return configYamlFor(options, scraper ? scraper->targets() : std::vector<scrape::TargetSnapshot>{});
    };
    s.externalLabels = [options] {
        // Read per request so a reload's external_labels apply (the file is small).
        if (options.configFile.empty()) return model::Labels();
        auto cfg = scrape::PrometheusConfig::loadFile(options.configFile);
        return cfg.isOk() ? cfg->global.externalLabels : model::Labels();
    };
    s.headStats = [db] {
        const tsdb::DbStats st = db->stats();
        HeadStatsInfo h;
        h.numSeries = st.head.numSeries;
        h.chunkCount = st.head.chunksCreated - std::min(st.head.chunksCreated, st.head.chunksRemoved);
        return h;
    };
    s.deleteSeries = [db](const std::vector<model::Matcher> &m, int64_t mint, int64_t maxt) {
        return db->deleteSeries(m, mint, maxt);
    };
    s.cleanTombstones = [db] { return db->cleanTombstones(); };
    s.snapshot = [db](bool skipHead) -> Result<std::string> {
        // Prometheus's naming: UTC time, then 16 random hex digits.
        const std::string name =
            QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toStdString() + "-" +
            QString::number(QRandomGenerator::global()->generate64() >> 1, 16).rightJustified(16, QLatin1Char('0')).toStdString();
        VIGIL_RETURN_IF_ERROR(db->snapshot(db->dir() + "/snapshots/" + name, skipHead));
        return name;
    };
    s.options = options;
    s.buildInfo.version = QCoreApplication::applicationVersion().toStdString();
    s.buildInfo.buildDate = __DATE__;
#ifdef __VERSION__
    s.buildInfo.goVersion = std::string("gcc ") + __VERSION__;
#endif
    s.startTimeMs = QDateTime::currentMSecsSinceEpoch();
    s.workingDirectory = QDir::currentPath().toStdString();
    return s;
}

}  // namespace vigil::web
