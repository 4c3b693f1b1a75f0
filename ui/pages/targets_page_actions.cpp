// TargetsPage: bulk actions and prometheus.yml import/export. Each runs
// asynchronously (engine futures, keychain futures, a pool thread for file
// I/O) and ends with a report line on the page and a signal.
#include "pages/targets_page.h"

#include "runtime/stored_target_config.h"
#include "runtime/target_yaml.h"
#include "scrape/scrape_manager.h"
#include "store/secret_store.h"

#include <QFile>
#include <QFutureWatcher>
#include <QLocale>
#include <QMessageBox>
#include <QPromise>
#include <QSaveFile>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace vigil::ui {

namespace {

// Runs `work` on the global pool; the future finishes there.
template <typename T, typename F>
QFuture<T> onPool(F work)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([promise, work = std::move(work)]() mutable {
        promise->addResult(work());
        promise->finish();
    });
    return future;
}

QString targetName(const store::StoredTarget &t)
{
    return QStringLiteral("%1 (%2)").arg(QString::fromStdString(t.address), QString::fromStdString(t.job));
}

// A chain of asynchronous steps, one after the other; `finish` runs after
// the last. Steps call `next()` when done.
struct Chain {
    std::vector<std::function<void(std::function<void()>)>> steps;
    std::function<void()> finish;

    static void run(std::shared_ptr<Chain> chain, size_t i = 0)
    {
        if (i >= chain->steps.size()) {
            chain->finish();
            return;
        }
        chain->steps[i]([chain, i] { run(chain, i + 1); });
    }
};

}  // namespace

void TargetsPage::saveAll(std::vector<store::StoredTarget> targets, const QString &what)
{
    auto chain = std::make_shared<Chain>();
    auto failures = std::make_shared<QStringList>();
    auto done = std::make_shared<int>(0);
    for (const auto &t : targets) {
        chain->steps.push_back([this, t, failures, done](std::function<void()> next) {
            engine_->saveTarget(t).then(this,
                                        [t, failures, done, next](const runtime::Engine::TargetOpResult &r) {
                                            if (r.status.isOk()) {
                                                ++*done;
                                            } else {
                                                failures->append(targetName(t) + QStringLiteral(": ") +
                                                                 QString::fromStdString(r.status.message()));
                                            }
                                            next();
                                        });
        });
    }
    chain->finish = [this, what, failures, done] {
        QString report = tr("%1: %2 done, %3 failed.").arg(what).arg(*done).arg(failures->size());
        if (!failures->isEmpty()) report += QLatin1Char('\n') + failures->join(QLatin1Char('\n'));
        showReport(what, report);
        reloadStored();
        Q_EMIT bulkFinished(report);
    };
    Chain::run(chain);
}

void TargetsPage::removeSelected(bool confirm)
{
    const auto targets = selectedStoredTargets();
    if (targets.empty()) return;
    if (confirm) {
        QStringList names;
        for (const auto &t : targets) names << targetName(t);
        const auto answer = QMessageBox::question(
            this, tr("Remove targets"),
            tr("Stop scraping and remove %n target(s)?\n%1", nullptr, int(targets.size()))
                .arg(names.join(QLatin1Char('\n'))));
        if (answer != QMessageBox::Yes) return;
    }
    auto chain = std::make_shared<Chain>();
    auto failures = std::make_shared<QStringList>();
    auto done = std::make_shared<int>(0);
    for (const auto &t : targets) {
        chain->steps.push_back([this, t, failures, done](std::function<void()> next) {
            engine_->removeTarget(t.id).then(
                this, [t, failures, done, next](const runtime::Engine::TargetOpResult &r) {
                    if (r.status.isOk())
                        ++*done;
                    else
                        failures->append(targetName(t) + QStringLiteral(": ") +
                                         QString::fromStdString(r.status.message()));
                    next();
                });
        });
    }
    chain->finish = [this, failures, done] {
        QString report = tr("Remove: %1 done, %2 failed.").arg(*done).arg(failures->size());
        if (!failures->isEmpty()) report += QLatin1Char('\n') + failures->join(QLatin1Char('\n'));
        showReport(tr("Remove"), report);
        reloadStored();
        Q_EMIT bulkFinished(report);
    };
    Chain::run(chain);
}

void TargetsPage::setSelectedEnabled(bool enabled)
{
    auto targets = selectedStoredTargets();
    for (auto &t : targets) t.enabled = enabled;
    saveAll(std::move(targets), enabled ? tr("Resume") : tr("Pause"));
}

void TargetsPage::setSelectedInterval(int seconds)
{
    auto targets = selectedStoredTargets();
    for (auto &t : targets) {
        t.intervalMs = int64_t(seconds) * 1000;
        t.timeoutMs = std::min(t.timeoutMs, t.intervalMs);  // a timeout may not exceed the interval
    }
    saveAll(std::move(targets), tr("Change interval"));
}

void TargetsPage::testSelected()
{
    const auto targets = selectedStoredTargets();
    if (targets.empty() || !engine_->scraper()) return;
    auto lines = std::make_shared<std::vector<QString>>(targets.size());
    auto pending = std::make_shared<size_t>(targets.size());
    auto ok = std::make_shared<int>(0);
    auto finishOne = [this, lines, pending, ok](size_t i, bool good, const QString &line) {
        (*lines)[i] = line;
        if (good) ++*ok;
        if (--*pending > 0) return;
        QString report = tr("Test: %1 OK, %2 failed.").arg(*ok).arg(int(lines->size()) - *ok);
        for (const QString &l : *lines) report += QLatin1Char('\n') + l;
        showReport(tr("Test"), report);
        Q_EMIT bulkFinished(report);
    };
    for (size_t i = 0; i < targets.size(); ++i) {
        const store::StoredTarget t = targets[i];
        auto scrapeWith = [this, t, i, finishOne](const std::string &secret) {
            auto job = runtime::scrapeConfigFor(t, secret);
            if (!job.isOk() || !engine_->scraper()) {
                finishOne(i, false,
                          targetName(t) + QStringLiteral(": ") +
                              (job.isOk() ? tr("the engine is not running")
                                          : QString::fromStdString(job.status().message())));
                return;
            }
            engine_->scraper()
                ->testScrape(*job, t.address, runtime::storedTargetLabels(t))
                .then(this, [t, i, finishOne](const scrape::TestScrapeResult &r) {
                    if (!r.status.isOk()) {
                        finishOne(i, false,
                                  targetName(t) + QStringLiteral(": ") +
                                      QString::fromStdString(r.status.message()));
                        return;
                    }
                    QString line =
                        tr("%1: %2 samples in %3 ms")
                            .arg(targetName(t), QLocale().toString(qulonglong(r.samplesPostRelabel)))
                            .arg(r.durationMs);
                    if (!r.lint.isOk())
                        line +=
                            tr("; exposition problem at %1").arg(QString::fromStdString(r.lint.message()));
                    finishOne(i, true, line);
                });
        };
        if (t.authSecretRef.empty()) {
            scrapeWith({});
        } else {
            engine_->secrets()
                ->read(t.authSecretRef)
                .then(this, [t, i, finishOne, scrapeWith](const store::SecretResult &r) {
                    if (!r.status.isOk()) {
                        finishOne(i, false,
                                  targetName(t) + QStringLiteral(": ") +
                                      QString::fromStdString(r.status.message()));
                        return;
                    }
                    scrapeWith(r.secret);
                });
        }
    }
}

void TargetsPage::importFile(const QString &path)
{
    const std::string file = path.toStdString();
    auto parsed =
        onPool<Result<scrape::PrometheusConfig>>([file] { return scrape::PrometheusConfig::loadFile(file); });
    parsed.then(this, [this, path](const Result<scrape::PrometheusConfig> &cfg) {
        if (!cfg.isOk()) {
            const QString report =
                tr("Nothing imported: %1").arg(QString::fromStdString(cfg.status().message()));
            showReport(tr("Import"), report);
            Q_EMIT importFinished(report);
            return;
        }
        const runtime::TargetImport imported = runtime::importTargets(*cfg);
        auto chain = std::make_shared<Chain>();
        auto failures = std::make_shared<QStringList>();
        auto done = std::make_shared<int>(0);
        for (const auto &it : imported.targets) {
            store::StoredTarget t = it.target;
            // The same target again updates the console's one.
            if (auto existing = stored_.find({t.job, t.address}); existing != stored_.end()) {
                t.id = existing->second.id;
                t.authSecretRef = existing->second.authSecretRef;
            }
            const std::string secret = it.secret;
            chain->steps.push_back([this, t, secret, failures, done](std::function<void()> next) mutable {
                auto save = [this, failures, done, next](const store::StoredTarget &target) {
                    engine_->saveTarget(target).then(
                        this, [target, failures, done, next](const runtime::Engine::TargetOpResult &r) {
                            if (r.status.isOk())
                                ++*done;
                            else
                                failures->append(targetName(target) + QStringLiteral(": ") +
                                                 QString::fromStdString(r.status.message()));
                            next();
                        });
                };
                if (t.authType.empty()) return save(t);
                if (secret.empty()) {
                    if (!t.authSecretRef.empty()) return save(t);
                    failures->append(targetName(t) + QStringLiteral(": ") +
                                     tr("the file has no password or token for it; add it in the form"));
                    return next();
                }
                // An inline secret from the file goes to the keychain, never app.db.
                if (t.authSecretRef.empty()) t.authSecretRef = store::SecretStore::newRef();
                engine_->secrets()
                    ->write(t.authSecretRef, secret)
                    .then(this, [this, t, save, failures, next](const Status &s) {
                        if (!s.isOk()) {
                            failures->append(
                                targetName(t) + QStringLiteral(": ") +
                                tr("not imported, its secret cannot be kept in the system keychain (%1)")
                                    .arg(QString::fromStdString(s.message())));
                            return next();
                        }
                        save(t);
                    });
            });
        }
        auto skipped = std::make_shared<runtime::TargetImport>(imported);
        chain->finish = [this, path, failures, done, skipped] {
            QString report =
                tr("Imported %1 of %2 targets from %3.").arg(*done).arg(skipped->targets.size()).arg(path);
            for (const QString &f : *failures) report += QLatin1Char('\n') + f;
            for (const auto &s : skipped->skipped) {
                report += QLatin1Char('\n') +
                          tr("Job %1 is not importable yet: %2.")
                              .arg(QString::fromStdString(s.job), QString::fromStdString(s.reason));
            }
            showReport(tr("Import"), report);
            reloadStored();
            Q_EMIT importFinished(report);
        };
        Chain::run(chain);
    });
}

void TargetsPage::exportFile(const QString &path)
{
    engine_->storedTargets().then(this, [this, path](const std::vector<store::StoredTarget> &targets) {
        const std::string yaml = runtime::exportTargets(targets);
        const size_t count = targets.size();
        onPool<QString>([path, yaml] {
            QSaveFile f(path);
            if (!f.open(QIODevice::WriteOnly) ||
                f.write(yaml.data(), qint64(yaml.size())) != qint64(yaml.size()) || !f.commit())
                return f.errorString().isEmpty() ? QStringLiteral("write failed") : f.errorString();
            return QString();
        }).then(this, [this, path, count](const QString &error) {
            const bool ok = error.isEmpty();
            const QString message = ok ? tr("Exported %n target(s) to %1.", nullptr, int(count)).arg(path)
                                       : tr("Export to %1 failed: %2").arg(path, error);
            showReport(tr("Export"), message);
            Q_EMIT exportFinished(ok, message);
        });
    });
}

}  // namespace vigil::ui
