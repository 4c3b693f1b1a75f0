// Engine: the lifecycle of everything that runs behind the console or in
// headless mode — data directory and its lock, app store, storage (WAL +
// head + blocks), scraper, and the HTTP API — each on its own thread.
//
// Lifecycle: construct → start() → (Running) → stop() → destroy. start()
// returns at once; progress arrives as stateChanged() (Starting, then Running
// or Failed) and errorOccurred(component, message). Opening storage (WAL
// replay) runs on a thread of its own, so start() never blocks the GUI for
// it; /-/ready answers 503 until storage is open and scraping has started.
// Errors of optional parts (the API port being taken in the console, a bad
// prometheus.yml in the console) are reported and the engine keeps running;
// errors of essential parts (data directory locked or unwritable, corrupt
// app database or storage, a bad config file in headless mode) put it into
// Failed and release what was taken. Storage write failures while running
// (disk full) keep the engine running: the scrapes they hit are dropped and
// counted (EngineStatus::ingestErrors, vigil_tsdb_wal_write_failures_total),
// and errorOccurred("storage", ...) says so once per episode.
// stop() stops scraping (writing staleness markers), the API, and flushes
// and closes storage; it blocks the caller for that flush (call it at
// shutdown). reload() re-reads --config.file (SIGHUP, POST /-/reload).
//
// Threads: the Engine object lives on the thread that created it (the GUI or
// main thread) and only hands work to its threads; its signals are emitted on
// that thread. status() is thread-safe.
#pragma once

#include "config/engine_options.h"
#include "core/status.h"
#include "notify/acknowledgement.h"
#include "notify/alert_history.h"
#include "runtime/engine_status.h"
#include "scrape/remote_write_config.h"

#include <QFuture>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

class QLockFile;
class QThread;
class QTimer;

namespace vigil::model { struct Alert; }
namespace vigil::store { class AppStore; class SecretStore; struct StoredTarget; }
namespace vigil::web { class WebServer; class ApiV1; }
namespace vigil::tsdb { class Db; }
namespace vigil::scrape { class ScrapeManager; }
namespace vigil::remote { class RemoteWriteStorage; }
namespace vigil::notify { class Notifier; struct ConsoleNotifyConfig; }
namespace vigil::rules { class RuleManager; class AlertSink; }
namespace vigil::incidents { class IncidentService; }

namespace vigil::runtime {

class SelfMetrics;
class QueryService;
class AlertHistoryRecorder;

class Engine : public QObject {
    Q_OBJECT
public:
    enum class State { Stopped, Starting, Running, Stopping, Failed };
    Q_ENUM(State)

    // headless: a failure of the HTTP API or of the config file is fatal (in
    // the console it is reported and the engine runs on without it).
    explicit Engine(config::EngineOptions options, bool headless = false, QObject *parent = nullptr);
    ~Engine() override;  // stops if running

    void start();
    void stop();
    // Re-reads the config file and applies it to the scraper and the rule
    // engine. Errors are
    // reported through errorOccurred("config", ...) and returned; the old
    // configuration stays in force.
    Status reload();

    State state() const { return state_; }
    const config::EngineOptions &options() const { return options_; }
    // Absolute data directory (resolved in start()).
    QString dataDir() const { return dataDir_; }
    // Port the API listens on, 0 when off or not yet bound.
    uint16_t webPort() const;
    EngineStatus status() const;
    // Valid while Running; owned by the engine. Thread-safe objects.
    store::AppStore *appStore() const { return store_.get(); }
    tsdb::Db *storage() const { return db_.get(); }
    scrape::ScrapeManager *scraper() const { return scraper_.get(); }
    SelfMetrics *selfMetrics() const { return selfMetrics_.get(); }
    // The rule engine (rule_files, app.db rule groups, built-in rules); valid
    // while Running.
    rules::RuleManager *rules() const { return rules_.get(); }
    // The alert history writer (alert_history.h): fed by the rule engine's
    // alerts; the console records silences through it. Valid while Running.
    AlertHistoryRecorder *alertHistory() const { return alertHistory_.get(); }
    // Where alerts go (notification). Not owned; must outlive the engine or be
    // replaced with nullptr first. May be set before start().
    void setAlertSink(rules::AlertSink *sink);
    // The console's asynchronous, cancellable PromQL and series-index queries
    // (query_service.h). Valid while Running, null otherwise; destroyed (its
    // queries cancelled) by stop() before the storage closes.
    QueryService *queryService() const { return queryService_.get(); }
    // Notifications (engine/notify/notifier.h): routing and delivery of the
    // rule engine's alerts, configured by --notifier.config.file or the
    // built-in tier policy. Valid while Running; lives on the engine's
    // thread; Notifier::send() may be called from any thread.
    notify::Notifier *notifier() const { return notifier_; }
    // Incidents (engine/incidents/incident_service.h): critical and emergency
    // alerts grouped into incidents with timelines in app.db, markers, the
    // correlation helper. Valid while Running; lives on the engine's thread.
    incidents::IncidentService *incidents() const { return incidents_.get(); }

    // Alert acknowledgement and history for the console (issue 10), never
    // blocking the caller. acknowledge() runs Notifier::acknowledge on the
    // notifier's thread; the history and stored acknowledgements are read on
    // the worker pool. FailedPrecondition when the engine is not running.
    struct AckOpResult {
        Status status;
        std::vector<notify::Acknowledgement> acknowledgements;
    };
    QFuture<AckOpResult> acknowledge(const notify::AckTarget &target, const std::string &owner,
                                     const std::string &comment);
    struct HistoryResult {
        Status status;
        std::vector<notify::HistoryEvent> events;  // newest first
    };
    QFuture<HistoryResult> alertHistory(const notify::HistoryFilter &filter);
    // Stored acknowledgements in [fromMs, toMs], oldest first (graph markers).
    QFuture<AckOpResult> acknowledgements(int64_t fromMs, int64_t toMs);

    // Console targets (saved in app.db and scraped at once). Both run on the
    // engine's worker pool and never block the caller; the future finishes
    // there (watch it with a QFutureWatcher). FailedPrecondition when the
    // engine is not running.
    struct TargetOpResult {
        Status status;
        int64_t id = 0;  // the saved target's id
    };
    // Inserts (id == 0) or updates the target and (re)starts its scraping.
    QFuture<TargetOpResult> saveTarget(const store::StoredTarget &target);
    QFuture<TargetOpResult> removeTarget(int64_t id);
    // The saved console targets, read on the worker pool.
    QFuture<std::vector<store::StoredTarget>> storedTargets();
    // The keychain holding console targets' secrets (StoredTarget::authSecretRef)
    // and the notifier's ${keychain:NAME} entries. saveTarget() reads the
    // secret from it (a missing secret or keychain fails the save);
    // removeTarget() deletes it. Lives on the engine's thread.
    store::SecretStore *secrets() const { return secrets_; }

    // Console jobs with service discovery (the Targets page's "Kubernetes
    // pods (annotations)" template): one scrape_configs entry in
    // prometheus.yml syntax ("- job_name: ..."), validated like
    // --config.file, stored in app.db (documents of kind "discovery_job",
    // engine_discovery_jobs.cpp) and scraped at once; restored at start.
    // InvalidArgument for bad YAML or inline secrets (only files are kept).
    // Run on the worker pool.
    QFuture<Status> saveDiscoveryJob(const std::string &jobYaml);
    QFuture<Status> removeDiscoveryJob(const std::string &jobName);

    // Rule groups kept in app.db (the console's rule editor). Run on the
    // worker pool; the rules are reloaded after a change. saveRuleGroups
    // takes rule-file YAML, validates it as `vigil check rules` does
    // (InvalidArgument with every error otherwise, nothing stored) and
    // stores each group under its name, replacing a group of that name.
    QFuture<Status> saveRuleGroups(const std::string &yaml);
    QFuture<Status> removeRuleGroup(const std::string &name);
    // All stored groups as one rule file (the console's export).
    QFuture<std::string> exportRuleGroups();

    // remote_write destinations kept in app.db by the console (Settings →
    // Remote; runtime/remote_write_destinations.h), with their secrets
    // resolved. Sent in addition to --config.file's; applied at once (a
    // queue whose config did not change keeps running). Owner thread.
    void setConsoleRemoteWrite(std::vector<scrape::RemoteWriteConfig> configs);
    // The health of every remote_write queue (pending samples, shards, lag,
    // failures), from the queues' metrics. Owner thread (the console's GUI thread).
    struct RemoteWriteHealth {
        std::string name;
        std::string url;
        int64_t samplesPending = 0;
        int64_t shards = 0;
        double lagSeconds = 0;  // newest sample read from the WAL minus newest sample sent
        uint64_t samplesSent = 0;
        uint64_t samplesFailed = 0;
        uint64_t samplesRetried = 0;
    };
    std::vector<RemoteWriteHealth> remoteWriteHealth() const;

    // The data directory used when none is given: QStandardPaths::AppDataLocation.
    static QString defaultDataDir();
    // Where the default set looks for a node exporter ("127.0.0.1:9100");
    // tests point it elsewhere before start().
    void setNodeExporterAddress(const QString &hostPort) { nodeExporterAddress_ = hostPort; }

Q_SIGNALS:
    void stateChanged(vigil::runtime::Engine::State state);
    void errorOccurred(const QString &component, const QString &message);
    void statusUpdated(const vigil::runtime::EngineStatus &status);
    // Emitted when the API asks to quit (/-/quit with lifecycle enabled).
    void quitRequested();

private:
    void setState(State s);
    void fail(const QString &component, const QString &message);
    void teardown();  // stops threads, closes storage and the store, releases the lock
    bool startWeb();
    void onStorageOpened(Result<std::unique_ptr<tsdb::Db>> db);
    Status startScraping();
    Status loadRules();  // (re)loads rule groups into rules_
    // Adds a console target to the scraper; `secret` from the keychain.
    Status applyStoredTarget(const store::StoredTarget &t, const std::string &secret);
    // Adds the enabled targets, reading their secrets from the keychain first.
    void applyStoredTargets(const std::vector<store::StoredTarget> &targets);
    void applyDiscoveryJobs();  // engine_discovery_jobs.cpp
    void registerSelfMetrics();
    void applyRemoteWrite();  // remote_write: of --config.file (engine_remote.cpp)
    void probeNodeExporter();
    void refreshStatus();
    Status startNotifier();   // engine_notify.cpp
    Status reloadNotifier();  // engine_notify.cpp
    // Expires the "until resolved" silences matching `resolved` (rule threads; engine_alerting.cpp).
    void endSilencesUntilResolved(const model::Alert &resolved);
    // The console's notification settings in app.db, if saved (engine_notify.cpp).
    std::optional<notify::ConsoleNotifyConfig> consoleNotifyConfig() const;
    void startIncidents();    // engine_incidents.cpp
    void stopIncidents();
    void reportIngestErrors(int64_t total, const QString &lastWalError);
    // engine_storage_alert.cpp: the VigilStorageWriteFailing alert.
    void updateStorageAlert(bool failing, const QString &lastWalError);

    config::EngineOptions options_;
    bool headless_ = false;
    State state_ = State::Stopped;
    QString dataDir_;
    QString nodeExporterAddress_ = QStringLiteral("127.0.0.1:9100");
    bool nodeExporterAdded_ = false;
    std::unique_ptr<QLockFile> lock_;
    std::unique_ptr<store::AppStore> store_;
    store::SecretStore *secrets_ = nullptr;  // child of this; also the notifier's ${keychain:NAME}
    std::unique_ptr<SelfMetrics> selfMetrics_;
    std::unique_ptr<tsdb::Db> db_;
    std::unique_ptr<scrape::ScrapeManager> scraper_;
    std::unique_ptr<rules::RuleManager> rules_;
    // The rule manager's sink: fans alerts out to the notifier and to the
    // sink set with setAlertSink(). Both pointers are read on rule threads.
    std::unique_ptr<rules::AlertSink> alertFanOut_;
    std::unique_ptr<AlertHistoryRecorder> alertHistory_;  // replaced before rules_ is built; read on rule threads
    std::atomic<rules::AlertSink *> alertSink_{nullptr};
    std::atomic<notify::Notifier *> alertNotifier_{nullptr};
    std::unique_ptr<incidents::IncidentService> incidents_;
    std::atomic<rules::AlertSink *> alertIncidents_{nullptr};  // incidents_'s sink while it lives
    std::unique_ptr<remote::RemoteWriteStorage> remoteWrite_;  // stopped before storage closes
    std::vector<scrape::RemoteWriteConfig> consoleRemoteWrite_;  // owner thread
    std::unique_ptr<QueryService> queryService_;
    notify::Notifier *notifier_ = nullptr;  // a child of the engine
    QThread *storageOpener_ = nullptr;
    QThread *webThread_ = nullptr;
    web::WebServer *web_ = nullptr;  // lives on webThread_
    web::ApiV1 *api_ = nullptr;      // /api/v1: a child of web_, closed in teardown() before the scraper stops
    QTimer *statusTimer_ = nullptr;
    QTimer *nodeProbeTimer_ = nullptr;
    QThreadPool statusPool_;  // one thread: status snapshots (stats, disk usage) off the owner thread
    QThreadPool workPool_;    // one thread: app-store writes for the console, in order
    std::atomic<bool> statusInFlight_{false};
    // Ingestion errors already reported, and whether they were still growing (owner thread).
    int64_t reportedIngestErrors_ = 0;
    bool ingestFailing_ = false;
    int64_t storageAlertStartsMs_ = 0;  // 0: not firing
    int64_t storageAlertSentMs_ = 0;
    uint64_t startGeneration_ = 0;

    mutable std::mutex statusMu_;
    EngineStatus status_;
};

}  // namespace vigil::runtime
