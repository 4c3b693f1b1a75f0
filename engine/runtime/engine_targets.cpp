// Engine: console targets — saved in app.db, scraped by the ScrapeManager.
#include "runtime/engine.h"

#include "scrape/scrape_manager.h"
#include "store/app_store.h"

#include <QPromise>

#include <optional>

namespace vigil::runtime {

namespace {

template <typename T, typename F>
QFuture<T> runOn(QThreadPool &pool, F work)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    pool.start([promise, work = std::move(work)]() mutable {
        promise->addResult(work());
        promise->finish();
    });
    return future;
}

template <typename T>
QFuture<T> ready(T value)
{
    QPromise<T> promise;
    QFuture<T> future = promise.future();
    promise.start();
    promise.addResult(std::move(value));
    promise.finish();
    return future;
}

}  // namespace

Status Engine::applyStoredTarget(const store::StoredTarget &t)
{
    auto job = scrape::ScrapeConfig::withDefaults(t.job);
    job.scheme = t.scheme;
    job.metricsPath = t.metricsPath;
    job.scrapeIntervalMs = t.intervalMs;
    job.scrapeTimeoutMs = t.timeoutMs;
    job.http.tls.insecureSkipVerify = t.tlsInsecureSkipVerify;
    std::vector<model::Label> labels;
    for (const auto &[n, v] : t.labels) labels.push_back({n, v});
    return scraper_->addStaticTarget(job, t.address, model::Labels::fromUnsorted(labels));
}

QFuture<Engine::TargetOpResult> Engine::saveTarget(const store::StoredTarget &target)
{
    if (state_ != State::Running) {
        return ready(TargetOpResult{Status::failedPrecondition("the engine is not running"), 0});
    }
    store::AppStore *store = store_.get();
    scrape::ScrapeManager *scraper = scraper_.get();
    return runOn<TargetOpResult>(workPool_, [this, store, scraper, target]() -> TargetOpResult {
        // Validate by adding to the scraper first: a target it refuses is not saved.
        std::optional<store::StoredTarget> previous;
        if (target.id != 0) {
            if (auto all = store->targets(); all.isOk()) {
                for (const auto &t : *all) {
                    if (t.id == target.id) previous = t;
                }
            }
            if (!previous) return {Status::notFound("target " + std::to_string(target.id)), 0};
            if (previous->job != target.job || previous->address != target.address) {
                scraper->removeTarget(previous->job, previous->address);
            }
        }
        if (target.enabled) {
            if (Status s = applyStoredTarget(target); !s.isOk()) return {s, 0};
        } else if (previous) {
            scraper->removeTarget(target.job, target.address);
        }
        auto id = store->saveTarget(target);
        if (!id.isOk()) {
            if (target.enabled && !previous) scraper->removeTarget(target.job, target.address);
            return {id.status(), 0};
        }
        return {Status::ok(), *id};
    });
}

QFuture<Engine::TargetOpResult> Engine::removeTarget(int64_t id)
{
    if (state_ != State::Running) {
        return ready(TargetOpResult{Status::failedPrecondition("the engine is not running"), 0});
    }
    store::AppStore *store = store_.get();
    scrape::ScrapeManager *scraper = scraper_.get();
    return runOn<TargetOpResult>(workPool_, [store, scraper, id]() -> TargetOpResult {
        auto all = store->targets();
        if (!all.isOk()) return {all.status(), 0};
        for (const auto &t : *all) {
            if (t.id != id) continue;
            if (Status s = store->removeTarget(id); !s.isOk()) return {s, 0};
            scraper->removeTarget(t.job, t.address);  // NotFound when it was disabled: fine
            return {Status::ok(), id};
        }
        return {Status::notFound("target " + std::to_string(id)), 0};
    });
}

QFuture<std::vector<store::StoredTarget>> Engine::storedTargets()
{
    if (state_ != State::Running) return ready(std::vector<store::StoredTarget>{});
    store::AppStore *store = store_.get();
    return runOn<std::vector<store::StoredTarget>>(workPool_, [store] {
        auto all = store->targets();
        return all.isOk() ? *all : std::vector<store::StoredTarget>{};
    });
}

}  // namespace vigil::runtime
