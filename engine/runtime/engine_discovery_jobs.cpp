// Engine: console jobs with service discovery, kept in app.db as
// prometheus.yml text (documents of kind "discovery_job").
#include "runtime/engine.h"
#include "runtime/future_helpers.h"

#include "core/log.h"
#include "scrape/prometheus_config.h"
#include "scrape/scrape_manager.h"
#include "store/app_store.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace vigil::runtime {

namespace {

constexpr const char *kKind = "discovery_job";

bool hasInlineSecret(const net::HttpClientConfig &http)
{
    return (http.basicAuth && !http.basicAuth->password.empty()) ||
           (http.authorization && !http.authorization->credentials.empty());
}

Result<scrape::ScrapeConfig> parseJob(const std::string &yaml)
{
    auto cfg = scrape::PrometheusConfig::loadString("scrape_configs:\n" + yaml, "discovery job");
    if (!cfg) return cfg.status();
    if (cfg->scrapeConfigs.size() != 1) return Status::invalidArgument("expected exactly one job");
    scrape::ScrapeConfig job = cfg->scrapeConfigs.front();
    // app.db never holds secrets: only references to files.
    bool inline_ = hasInlineSecret(job.http);
    for (const auto &k : job.sd.kubernetes) inline_ = inline_ || hasInlineSecret(k.http);
    if (inline_)
        return Status::invalidArgument("the job holds a password or token; Vigil stores only file references "
                                       "(bearer_token_file, password_file, a kubeconfig file)");
    return job;
}

}  // namespace

void Engine::applyDiscoveryJobs()
{
    auto docs = store_->documents(kKind);
    if (!docs) return;
    for (const store::StoredDocument &d : *docs) {
        const std::string yaml =
            QJsonDocument::fromJson(QByteArray::fromStdString(d.json)).object().value(QLatin1String("yaml")).toString().toStdString();
        auto job = parseJob(yaml);
        Status st = job ? scraper_->setConsoleJob(*job) : job.status();
        if (!st) qCWarning(lcEngine).noquote() << "discovery job" << d.name.c_str() << ":" << st.message().c_str();
    }
}

QFuture<Status> Engine::saveDiscoveryJob(const std::string &jobYaml)
{
    if (state_ != State::Running) return ready(Status::failedPrecondition("the engine is not running"));
    store::AppStore *store = store_.get();
    scrape::ScrapeManager *scraper = scraper_.get();
    return runOn<Status>(workPool_, [store, scraper, jobYaml]() -> Status {
        auto job = parseJob(jobYaml);
        if (!job) return job.status();
        // The scraper validates first: a job it refuses is not saved.
        VIGIL_RETURN_IF_ERROR(scraper->setConsoleJob(*job));
        const QJsonObject doc{{QStringLiteral("yaml"), QString::fromStdString(jobYaml)}};
        return store->putDocument(kKind, {job->jobName, QJsonDocument(doc).toJson(QJsonDocument::Compact).toStdString(), 0});
    });
}

QFuture<Status> Engine::removeDiscoveryJob(const std::string &jobName)
{
    if (state_ != State::Running) return ready(Status::failedPrecondition("the engine is not running"));
    store::AppStore *store = store_.get();
    scrape::ScrapeManager *scraper = scraper_.get();
    return runOn<Status>(workPool_, [store, scraper, jobName]() -> Status {
        VIGIL_RETURN_IF_ERROR(store->removeDocument(kKind, jobName));
        (void)scraper->removeConsoleJob(jobName);  // NotFound when it never started: fine
        return Status::ok();
    });
}

}  // namespace vigil::runtime
