#include "runtime/engine.h"

#include "core/log.h"
#include "incidents/incident_service.h"
#include "remote/remote_write_storage.h"
#include "notify/notifier.h"
#include "rules/builtin_rules.h"
#include "rules/rule_manager.h"
#include "runtime/alert_history.h"
#include "runtime/query_service.h"
#include "runtime/self_metrics.h"
#include "scrape/prometheus_config.h"
#include "scrape/scrape_manager.h"
#include "store/app_store.h"
#include "store/secret_store.h"
#include "tsdb/db.h"
#include "web/api_v1.h"
#include "web/api_v1_engine_sources.h"
#include "web/http_metrics.h"
#include "web/web_server.h"

#include <QCoreApplication>
#include <QDir>
#include <QLockFile>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <filesystem>

namespace vigil::runtime {

namespace {

int64_t directoryBytes(const QString &dir)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    int64_t total = 0;
    for (fs::recursive_directory_iterator it(dir.toStdString(), ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec)) total += int64_t(it->file_size(ec));
    }
    return total;
}

tsdb::DbOptions dbOptionsFrom(const config::EngineOptions &o)
{
    tsdb::DbOptions d;
    d.retentionMs = o.retentionTimeMs;
    d.retentionBytes = uint64_t(o.retentionSizeBytes);
    return d;
}

}  // namespace

Engine::Engine(config::EngineOptions options, bool headless, QObject *parent)
    : QObject(parent), options_(std::move(options)), headless_(headless), selfMetrics_(std::make_unique<SelfMetrics>())
{
    qRegisterMetaType<vigil::runtime::EngineStatus>();
    qRegisterMetaType<vigil::runtime::Engine::State>();
    statusPool_.setMaxThreadCount(1);
    workPool_.setMaxThreadCount(1);
    secrets_ = new store::SecretStore(QStringLiteral("vigil"), this);
}

Engine::~Engine() { stop(); }

QString Engine::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

uint16_t Engine::webPort() const { return web_ ? web_->port() : 0; }

EngineStatus Engine::status() const
{
    std::lock_guard lock(statusMu_);
    return status_;
}

void Engine::setState(State s)
{
    if (state_ == s) return;
    state_ = s;
    Q_EMIT stateChanged(s);
}

void Engine::fail(const QString &component, const QString &message)
{
    qCCritical(lcEngine).noquote() << component << ":" << message;
    teardown();  // release the data directory so another attempt can take it
    Q_EMIT errorOccurred(component, message);
    setState(State::Failed);
}

void Engine::start()
{
    if (state_ == State::Starting || state_ == State::Running) return;
    setState(State::Starting);
    const uint64_t generation = ++startGeneration_;
    selfMetrics_ = std::make_unique<SelfMetrics>();
    nodeExporterAdded_ = false;

    // 1. Data directory, owned by one Vigil at a time.
    dataDir_ = options_.storagePath.empty() ? defaultDataDir() : QString::fromStdString(options_.storagePath);
    dataDir_ = QDir(dataDir_).absolutePath();
    if (!QDir().mkpath(dataDir_)) {
        fail(QStringLiteral("storage"), QStringLiteral("cannot create data directory %1").arg(dataDir_));
        return;
    }
    lock_ = std::make_unique<QLockFile>(QDir(dataDir_).filePath(QStringLiteral("lock")));
    lock_->setStaleLockTime(0);
    if (!lock_->tryLock(100)) {
        qint64 pid = 0;
        QString host, app;
        lock_->getLockInfo(&pid, &host, &app);
        lock_.reset();
        fail(QStringLiteral("storage"),
             QStringLiteral("data directory %1 is in use by another Vigil (pid %2)").arg(dataDir_).arg(pid));
        return;
    }

    // 2. App state (small SQLite file; opening it is quick).
    store_ = std::make_unique<store::AppStore>();
    if (Status s = store_->open(QDir(dataDir_).filePath(QStringLiteral("app.db")).toStdString()); !s.isOk()) {
        fail(QStringLiteral("store"), QString::fromStdString(s.toString()));
        return;
    }

    // 3. HTTP API on its own thread; /-/ready says 503 until storage is open.
    if (options_.webEnabled && !startWeb() && headless_) return;  // fail() already called
    {
        std::lock_guard lock(statusMu_);
        status_ = EngineStatus{};
        status_.dataDir = dataDir_;
        // The port actually bound (the option may say :0).
        const QString configured = QString::fromStdString(options_.listenAddress);
        status_.listenAddress = web_ && web_->port()
                                    ? configured.left(configured.lastIndexOf(QLatin1Char(':')) + 1) + QString::number(web_->port())
                                    : QString();
    }

    // 4. Storage: WAL replay can take a while, so it runs on its own thread.
    const std::string dir = dataDir_.toStdString();
    const tsdb::DbOptions dbOptions = dbOptionsFrom(options_);
    storageOpener_ = QThread::create([this, dir, dbOptions, generation] {
        auto db = std::make_shared<Result<std::unique_ptr<tsdb::Db>>>(tsdb::Db::open(dir, dbOptions));
        QMetaObject::invokeMethod(
            this,
            [this, db, generation] {
                if (generation != startGeneration_ || state_ != State::Starting) {
                    if (db->isOk()) db->value()->close();  // stopped meanwhile
                    return;
                }
                onStorageOpened(std::move(*db));
            },
            Qt::QueuedConnection);
    });
    storageOpener_->setObjectName(QStringLiteral("vigil-storage-open"));
    storageOpener_->start();
}

bool Engine::startWeb()
{
    webThread_ = new QThread(this);
    webThread_->setObjectName(QStringLiteral("vigil-web"));
    web::WebServer::Options wo;
    wo.listenAddress = options_.listenAddress;
    wo.allowNonLoopback = options_.allowNonLoopback;
    wo.enableLifecycle = options_.enableLifecycle;
    wo.webConfigFile = options_.webConfigFile;
    web_ = new web::WebServer(wo, selfMetrics_.get());
    web_->moveToThread(webThread_);
    connect(webThread_, &QThread::finished, web_, &QObject::deleteLater);
    connect(web_, &web::WebServer::quitRequested, this, &Engine::quitRequested, Qt::QueuedConnection);
    connect(web_, &web::WebServer::reloadRequested, this, [this] { reload(); }, Qt::QueuedConnection);
    webThread_->start();

    Status st;
    QMetaObject::invokeMethod(web_, [&st, this] { st = web_->listen(); }, Qt::BlockingQueuedConnection);
    if (!st.isOk()) {
        const QString msg = QString::fromStdString(st.message());
        webThread_->quit();
        webThread_->wait();
        delete webThread_;
        webThread_ = nullptr;
        web_ = nullptr;
        if (headless_) {
            fail(QStringLiteral("web"), msg);
        } else {
            qCWarning(lcEngine).noquote() << "HTTP API off:" << msg;
            Q_EMIT errorOccurred(QStringLiteral("web"), msg);
        }
        return false;
    }
    return true;
}

void Engine::onStorageOpened(Result<std::unique_ptr<tsdb::Db>> db)
{
    if (storageOpener_) {
        storageOpener_->wait();
        delete storageOpener_;
        storageOpener_ = nullptr;
    }
    if (!db.isOk()) {
        fail(QStringLiteral("storage"), QString::fromStdString(db.status().toString()));
        return;
    }
    db_ = std::move(db.value());
    const tsdb::DbStats st = db_->stats();
    if (st.replayCutCorruptTail) {
        Q_EMIT errorOccurred(QStringLiteral("storage"),
                             QStringLiteral("the write-ahead log had a damaged tail after a crash; it was cut and "
                                            "the data before it kept"));
    }
    qCInfo(lcEngine).noquote() << "storage open:" << st.head.numSeries << "series in memory," << st.blocks
                               << "blocks," << st.replayedSamples << "samples replayed";
    registerSelfMetrics();

    scraper_ = std::make_unique<scrape::ScrapeManager>(db_.get());
    if (Status s = startScraping(); !s.isOk()) {
        if (headless_) {
            fail(QStringLiteral("config"), QString::fromStdString(s.message()));
            return;
        }
        Q_EMIT errorOccurred(QStringLiteral("config"), QString::fromStdString(s.message()));
    }

    startIncidents();  // before the rule engine, so its first alerts are seen
    {  // the rule engine, once storage is open
        rules::RuleManagerOptions ro;
        ro.appendable = db_.get();
        ro.queryable = db_.get();
        alertHistory_ = std::make_unique<AlertHistoryRecorder>(store_.get());
        alertHistory_->setResolvedHandler([this](const model::Alert &a) { endSilencesUntilResolved(a); });
        if (!alertFanOut_) {
            alertFanOut_ = std::make_unique<rules::FunctionAlertSink>([this](std::vector<model::Alert> alerts) {
                alertHistory_->record(alerts);
                if (auto *extra = alertSink_.load()) extra->send(alerts);
                if (auto *incidents = alertIncidents_.load()) incidents->send(alerts);
                if (auto *n = alertNotifier_.load()) n->send(std::move(alerts));
            });
        }
        ro.sink = alertFanOut_.get();
        ro.engine.lookbackDeltaMs = options_.lookbackDeltaMs;
        ro.engine.maxSamples = options_.queryMaxSamples;
        ro.engine.timeoutMs = options_.queryTimeoutMs;
        ro.resendDelayMs = options_.rulesResendDelayMs;
        ro.outageToleranceMs = options_.rulesOutageToleranceMs;
        ro.forGracePeriodMs = options_.rulesForGracePeriodMs;
        rules_ = std::make_unique<rules::RuleManager>(ro);
        if (Status s = loadRules(); !s.isOk()) {
            if (headless_) {
                fail(QStringLiteral("rules"), QString::fromStdString(s.message()));
                return;
            }
            Q_EMIT errorOccurred(QStringLiteral("rules"), QString::fromStdString(s.message()));
        }
    }
    applyRemoteWrite();

    {
        promql::EngineOptions eo;
        eo.lookbackDeltaMs = options_.lookbackDeltaMs;
        eo.maxSamples = options_.queryMaxSamples;
        eo.timeoutMs = options_.queryTimeoutMs;
        queryService_ = std::make_unique<QueryService>(db_.get(), scraper_.get(), eo);
    }

    if (Status s = startNotifier(); !s.isOk()) {
        if (headless_) {
            fail(QStringLiteral("notifier"), QString::fromStdString(s.message()));
            return;
        }
        Q_EMIT errorOccurred(QStringLiteral("notifier"), QString::fromStdString(s.message()));
    }

    statusTimer_ = new QTimer(this);
    statusTimer_->setInterval(2000);
    connect(statusTimer_, &QTimer::timeout, this, &Engine::refreshStatus);
    statusTimer_->start();

    if (web_) {  // the Prometheus HTTP API (engine/web/api_v1.h), before /-/ready says yes
        web::ApiV1::Sources sources = web::engineApiSources(db_.get(), scraper_.get(), options_);
        sources.ruleGroups = [rm = rules_.get()] { return rm->groups(); };  // rules_ outlives the API (teardown)
        api_ = new web::ApiV1(std::move(sources));
        web_->addRoutes(api_, [api = api_](QHttpServer *server) { api->registerRoutes(server); });
    }

    if (web_) web_->setReady(true);
    {
        std::lock_guard lock(statusMu_);
        status_.ready = true;
    }
    setState(State::Running);
    refreshStatus();
    qCInfo(lcEngine).noquote() << "engine running, data in" << dataDir_;
}

Status Engine::startScraping()
{
    Status result;
    if (!options_.configFile.empty()) {
        auto cfg = scrape::PrometheusConfig::loadFile(options_.configFile);
        if (!cfg.isOk()) {
            result = cfg.status();
        } else if (Status s = scraper_->applyConfig(*cfg); !s.isOk()) {
            result = s;  // the valid targets run anyway
        }
    } else {
        // The default set: Vigil itself and a local node exporter when one answers.
        if (options_.selfScrape && web_ && web_->port()) {
            scraper_->addStaticTarget(scrape::ScrapeConfig::withDefaults("vigil"),
                                      "127.0.0.1:" + std::to_string(web_->port()));
        }
        nodeProbeTimer_ = new QTimer(this);
        nodeProbeTimer_->setInterval(60000);
        connect(nodeProbeTimer_, &QTimer::timeout, this, &Engine::probeNodeExporter);
        nodeProbeTimer_->start();
        probeNodeExporter();
    }
    // Targets added in the console, in addition to --config.file's (the
    // scraper keeps the two sets apart, so a reload never drops these).
    if (auto targets = store_->targets(); targets.isOk()) applyStoredTargets(*targets);
    applyDiscoveryJobs();
    return result;
}

void Engine::probeNodeExporter()
{
    if (nodeExporterAdded_ || !scraper_) return;
    const QString address = nodeExporterAddress_;
    const int colon = address.lastIndexOf(QLatin1Char(':'));
    auto *socket = new QTcpSocket(this);
    QTimer::singleShot(1000, socket, [socket] { socket->abort(); socket->deleteLater(); });
    connect(socket, &QTcpSocket::connected, this, [this, socket, address] {
        socket->abort();
        socket->deleteLater();
        if (nodeExporterAdded_ || !scraper_) return;
        if (scraper_->addStaticTarget(scrape::ScrapeConfig::withDefaults("node"), address.toStdString()).isOk()) {
            nodeExporterAdded_ = true;
            if (nodeProbeTimer_) nodeProbeTimer_->stop();
            qCInfo(lcEngine).noquote() << "found a node exporter at" << address << "- scraping it as job \"node\"";
        }
    });
    connect(socket, &QTcpSocket::errorOccurred, socket, &QObject::deleteLater);
    socket->connectToHost(address.left(colon), quint16(address.mid(colon + 1).toUInt()));
}

void Engine::setAlertSink(rules::AlertSink *sink)
{
    alertSink_.store(sink);  // the fan-out sink the rule manager holds reads it at each send
}

Status Engine::loadRules()
{
    rules::RuleConfig rc;
    rc.externalUrl = options_.externalUrl;
    if (!options_.configFile.empty()) {
        auto cfg = scrape::PrometheusConfig::loadFile(options_.configFile);
        if (!cfg.isOk()) return cfg.status();
        auto files = cfg->expandRuleFiles();
        if (!files.isOk()) return files.status();
        rc.files = *files;
        rc.evaluationIntervalMs = cfg->global.evaluationIntervalMs;
        rc.externalLabels = cfg->global.externalLabels;
    } else {
        // Without a configuration file: the starter rules (as the default scrape set).
        auto builtin = rules::builtinRuleGroups();
        if (!builtin.ok()) return Status::internal("built-in rules: " + builtin.errors.front());
        rc.extraGroups = builtin.groups;
    }
    // Groups saved in the console.
    if (store_) {
        auto docs = store_->documents("rule_group");
        if (docs.isOk()) {
            for (const auto &d : *docs) {
                rules::RuleFileParse p = rules::parseRuleFile(d.json, "app.db");
                if (!p.ok()) {
                    qCWarning(lcEngine).noquote() << "stored rule group" << d.name.c_str() << ":" << p.errors.front().c_str();
                    continue;
                }
                for (auto &g : p.groups) rc.extraGroups.push_back(std::move(g));
            }
        }
    }
    return rules_->update(rc);
}

Status Engine::reload()
{
    if (state_ != State::Running || !scraper_) return Status::failedPrecondition("engine is not running");
    if (!options_.configFile.empty()) {
        auto cfg = scrape::PrometheusConfig::loadFile(options_.configFile);
        Status s = cfg.isOk() ? scraper_->applyConfig(*cfg) : cfg.status();
        if (s.isOk() && rules_) s = loadRules();
        if (!s.isOk()) {
            qCWarning(lcEngine).noquote() << "reload failed:" << s.message().c_str();
            Q_EMIT errorOccurred(QStringLiteral("config"), QString::fromStdString(s.message()));
            return s;
        }
        qCInfo(lcEngine) << "configuration reloaded from" << options_.configFile.c_str();
    } else if (rules_) {
        if (Status r = loadRules(); !r.isOk()) return r;
    }
    applyRemoteWrite();
    if (Status n = reloadNotifier(); !n.isOk()) {
        qCWarning(lcEngine).noquote() << "notifier reload failed:" << n.message().c_str();
        Q_EMIT errorOccurred(QStringLiteral("notifier"), QString::fromStdString(n.message()));
        return n;
    }
    return Status::ok();
}

void Engine::registerSelfMetrics()
{
    using T = SelfMetrics::Type;
    tsdb::Db *db = db_.get();  // closed only after the web thread (which renders /metrics) stopped
    selfMetrics_->addValue("vigil_tsdb_head_series", "Number of series in the head block.", T::Gauge,
                           [db] { return double(db->stats().head.numSeries); });
    selfMetrics_->addValue("vigil_tsdb_head_samples_appended_total", "Total number of appended samples.", T::Counter,
                           [db] { return double(db->stats().head.samplesAppended); });
    selfMetrics_->add("vigil_tsdb_samples_rejected_total", "Samples rejected by the head, by reason.", T::Counter,
                      [db] {
                          const auto h = db->stats().head;
                          return std::vector<SelfMetrics::Sample>{
                              {{{"reason", "duplicate"}}, double(h.duplicateRejected)},
                              {{{"reason", "out_of_bounds"}}, double(h.outOfBoundsRejected)},
                              {{{"reason", "out_of_order"}}, double(h.outOfOrderRejected)},
                              {{{"reason", "too_old"}}, double(h.tooOldRejected)},
                          };
                      });
    // Disk full or I/O errors on the WAL: each failed commit dropped one scrape's samples.
    // A rule can alert on it: increase(vigil_tsdb_wal_write_failures_total[5m]) > 0.
    selfMetrics_->addValue("vigil_tsdb_wal_write_failures_total",
                           "Commits whose write-ahead log write failed (disk full, I/O error); their samples were "
                           "dropped.",
                           T::Counter, [db] { return double(db->stats().walWriteErrors); });
    selfMetrics_->addValue("vigil_tsdb_wal_storage_size_bytes", "Size of the write-ahead log in bytes.", T::Gauge,
                           [db] { return double(db->stats().walBytes); });
    selfMetrics_->addValue("vigil_tsdb_storage_blocks_bytes", "Bytes of persisted blocks.", T::Gauge,
                           [db] { return double(db->stats().persistedBytes); });
    selfMetrics_->add("vigil_http_requests_total", "Counter of HTTP requests.", T::Counter,
                      [] { return web::HttpMetrics::global().requestCounts(); });
    selfMetrics_->add("vigil_http_request_duration_seconds", "Histogram of latencies for HTTP requests.",
                      T::Histogram, [] { return web::HttpMetrics::global().durationHistogram(); });
    selfMetrics_->addValue("vigil_tsdb_blocks_loaded", "Number of persisted blocks.", T::Gauge,
                           [db] { return double(db->stats().blocks); });
}

void Engine::refreshStatus()
{
    if (!db_ || statusInFlight_.exchange(true)) return;
    tsdb::Db *db = db_.get();
    scrape::ScrapeManager *scraper = scraper_.get();
    const QString dir = dataDir_;
    statusPool_.start([this, db, scraper, dir] {
        EngineStatus s = status();
        const tsdb::DbStats ds = db->stats();
        s.headSeries = int64_t(ds.head.numSeries);
        if (scraper) {
            const auto ss = scraper->stats();
            s.samplesPerSecond = ss.samplesPerSecond;
            s.scrapeFailures = int64_t(ss.scrapeFailuresTotal);
            s.targetsUp = int64_t(ss.targetsUp);
            s.targetsTotal = int64_t(ss.targetsTotal);
        }
        s.diskBytes = directoryBytes(dir);
        s.ingestErrors = int64_t(ds.maintenanceErrors + ds.walWriteErrors);
        s.storageWriteFailing = ds.walWriteFailing;
        {
            std::lock_guard lock(statusMu_);
            status_ = s;
        }
        QMetaObject::invokeMethod(
            this,
            [this, s, walError = QString::fromStdString(ds.lastWalWriteError)] {
                statusInFlight_.store(false);
                if (state_ != State::Running) return;
                reportIngestErrors(s.ingestErrors, walError);
                updateStorageAlert(s.storageWriteFailing, walError);
                Q_EMIT statusUpdated(s);
            },
            Qt::QueuedConnection);
    });
}

void Engine::reportIngestErrors(int64_t total, const QString &lastWalError)
{
    // One message when storage starts failing, one log line when it recovers (no new
    // errors for a status interval); the count itself is in every status snapshot.
    const bool failing = total > reportedIngestErrors_;
    reportedIngestErrors_ = total;
    if (failing && !ingestFailing_) {
        const QString msg =
            lastWalError.isEmpty()
                ? QStringLiteral("storage maintenance failed (see the log); %1 errors so far").arg(total)
                : QStringLiteral("cannot write to the data directory, scraped samples are being dropped: %1")
                      .arg(lastWalError);
        qCWarning(lcEngine).noquote() << msg;
        Q_EMIT errorOccurred(QStringLiteral("storage"), msg);
    } else if (!failing && ingestFailing_) {
        qCInfo(lcEngine) << "storage writes succeed again;" << total << "ingestion errors in total";
    }
    ingestFailing_ = failing;
}

void Engine::stop()
{
    if (state_ == State::Stopped) return;
    setState(State::Stopping);
    teardown();
    setState(State::Stopped);
    qCInfo(lcEngine) << "engine stopped";
}

void Engine::teardown()
{
    ++startGeneration_;  // a storage open still in flight is discarded
    delete statusTimer_;
    statusTimer_ = nullptr;
    delete nodeProbeTimer_;
    nodeProbeTimer_ = nullptr;
    if (storageOpener_) {
        storageOpener_->wait();
        delete storageOpener_;
        storageOpener_ = nullptr;
    }
    statusPool_.waitForDone();
    workPool_.waitForDone();
    statusInFlight_.store(false);
    if (web_) web_->setReady(false);
    if (api_) {  // waits for running API handlers; later requests answer 503
        api_->close();
        api_ = nullptr;
    }
    // Rule evaluation stops before the storage it reads and writes closes.
    if (rules_) {
        rules_->stop();
        rules_.reset();
    }
    stopIncidents();  // after the rules (its sink) and before the store and storage it reads
    queryService_.reset();  // cancels the console's queries and waits for them
    alertNotifier_.store(nullptr);  // rules_ is stopped already; no send() is in flight
    delete notifier_;  // before the app store it records deliveries in
    notifier_ = nullptr;
    // Scraping stops first (it writes staleness markers into storage).
    if (scraper_) {
        scraper_->stop();
        scraper_.reset();
    }
    if (webThread_) {
        webThread_->quit();
        webThread_->wait();
        delete webThread_;
        webThread_ = nullptr;
        web_ = nullptr;
    }
    remoteWrite_.reset();  // saves the queues' WAL positions; after the web thread (its metrics) stopped
    if (db_) {
        if (Status s = db_->close(); !s.isOk()) {
            qCWarning(lcEngine).noquote() << "closing storage:" << s.toString().c_str();
        }
        db_.reset();
    }
    if (store_) {
        store_->close();
        store_.reset();
    }
    if (lock_) {
        lock_->unlock();
        lock_.reset();
    }
    std::lock_guard lock(statusMu_);
    status_.ready = false;
}

}  // namespace vigil::runtime
