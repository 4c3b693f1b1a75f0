// Engine: console targets — saved in app.db, scraped by the ScrapeManager.
#include "runtime/engine.h"
#include "runtime/future_helpers.h"

#include "core/log.h"
#include "core/thread_handoff.h"
#include "runtime/stored_target_config.h"
#include "scrape/scrape_manager.h"
#include "store/app_store.h"
#include "store/secret_store.h"

#include <QPromise>

#include <optional>

namespace vigil::runtime {

Status Engine::applyStoredTarget(const store::StoredTarget &t, const std::string &secret)
{
    auto job = scrapeConfigFor(t, secret);
    if (!job.isOk()) return job.status();
    return scraper_->addStaticTarget(*job, t.address, storedTargetLabels(t));
}

void Engine::applyStoredTargets(const std::vector<store::StoredTarget> &targets)
{
    for (const auto &t : targets) {
        if (!t.enabled) continue;
        if (t.authSecretRef.empty()) {
            if (Status s = applyStoredTarget(t, {}); !s.isOk()) {
                qCWarning(lcEngine).noquote() << "target" << t.address.c_str() << ":" << s.message().c_str();
            }
            continue;
        }
        // The secret comes from the keychain, asynchronously (D-Bus).
        const uint64_t generation = startGeneration_;
        secrets_->read(t.authSecretRef).then(this, [this, t, generation](const store::SecretResult &r) {
            if (generation != startGeneration_ || !scraper_) return;  // stopped meanwhile
            if (!r.status.isOk()) {
                Q_EMIT errorOccurred(
                    QStringLiteral("keychain"),
                    QStringLiteral("target %1 (job %2): %3")
                        .arg(QString::fromStdString(t.address), QString::fromStdString(t.job),
                             QString::fromStdString(r.status.message())));
            }
            if (Status s = applyStoredTarget(t, r.secret); !s.isOk()) {
                qCWarning(lcEngine).noquote() << "target" << t.address.c_str() << ":" << s.message().c_str();
            }
        });
    }
}

QFuture<Engine::TargetOpResult> Engine::saveTarget(const store::StoredTarget &target)
{
    if (state_ != State::Running) {
        return ready(TargetOpResult{Status::failedPrecondition("the engine is not running"), 0});
    }
    store::AppStore *store = store_.get();
    scrape::ScrapeManager *scraper = scraper_.get();
    auto work = [this, store, scraper, target](const std::string &secret) -> TargetOpResult {
        if (auto job = scrapeConfigFor(target, secret); !job.isOk()) return {job.status(), 0};
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
            if (Status s = applyStoredTarget(target, secret); !s.isOk()) return {s, 0};
        } else if (previous) {
            scraper->removeTarget(target.job, target.address);
        }
        auto id = store->saveTarget(target);
        if (!id.isOk()) {
            if (target.enabled && !previous) scraper->removeTarget(target.job, target.address);
            return {id.status(), 0};
        }
        return {Status::ok(), *id};
    };
    if (target.authSecretRef.empty()) {
        return runOn<TargetOpResult>(workPool_, [work] { return work({}); });
    }
    // The secret is read from the keychain first (on this thread's event
    // loop); a target whose secret cannot be read is not saved. The work is
    // handed to the pool only if the engine still runs the same start.
    auto promise = std::make_shared<QPromise<TargetOpResult>>();
    QFuture<TargetOpResult> future = promise->future();
    promise->start();
    const uint64_t generation = startGeneration_;
    secrets_->read(target.authSecretRef)
        .then(this, [this, promise, work, generation](const store::SecretResult &r) {
            if (generation != startGeneration_ || state_ != State::Running) {
                promise->addResult(TargetOpResult{Status::failedPrecondition("the engine stopped"), 0});
                promise->finish();
                return;
            }
            if (!r.status.isOk()) {
                promise->addResult(TargetOpResult{r.status, 0});
                promise->finish();
                return;
            }
            startPoolTask(workPool_, [promise, work, secret = r.secret] {
                promise->addResult(work(secret));
                promise->finish();
            });
        });
    return future;
}

QFuture<Engine::TargetOpResult> Engine::removeTarget(int64_t id)
{
    if (state_ != State::Running) {
        return ready(TargetOpResult{Status::failedPrecondition("the engine is not running"), 0});
    }
    store::AppStore *store = store_.get();
    scrape::ScrapeManager *scraper = scraper_.get();
    store::SecretStore *secrets = secrets_;
    return runOn<TargetOpResult>(workPool_, [store, scraper, secrets, id]() -> TargetOpResult {
        auto all = store->targets();
        if (!all.isOk()) return {all.status(), 0};
        for (const auto &t : *all) {
            if (t.id != id) continue;
            if (Status s = store->removeTarget(id); !s.isOk()) return {s, 0};
            scraper->removeTarget(t.job, t.address);  // NotFound when it was disabled: fine
            if (!t.authSecretRef.empty()) secrets->remove(t.authSecretRef);  // best effort, async
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
