// Engine: the lifecycle of everything that runs behind the console or in
// headless mode — data directory and its lock, app store, storage, scraper,
// query engine, rules and the HTTP API — each on its own thread.
//
// Lifecycle: construct → start() → (Running) → stop() → destroy. start()
// returns at once; progress arrives as stateChanged() (Starting, Running or
// Failed) and errorOccurred(component, message). Errors of optional parts (the
// API port being taken in GUI mode) are reported and the engine keeps
// running; errors of essential parts (data directory locked or unwritable,
// corrupt app database) put it into Failed.
// stop() flushes storage and joins the engine threads; it blocks the caller
// for the length of the flush (call it at shutdown, not from a paint path).
//
// Threads: the Engine object lives on the thread that created it (the GUI or
// main thread) and only hands work to its threads; its signals are emitted on
// that thread. status() is thread-safe.
#pragma once

#include "config/engine_options.h"
#include "runtime/engine_status.h"

#include <QObject>
#include <QString>

#include <memory>
#include <mutex>

class QLockFile;
class QThread;
class QTimer;

namespace vigil::store { class AppStore; }
namespace vigil::web { class WebServer; }

namespace vigil::runtime {

class SelfMetrics;

class Engine : public QObject {
    Q_OBJECT
public:
    enum class State { Stopped, Starting, Running, Stopping, Failed };
    Q_ENUM(State)

    // headless: a failure of the HTTP API is fatal (in the console it is
    // reported and the engine runs on without it).
    explicit Engine(config::EngineOptions options, bool headless = false, QObject *parent = nullptr);
    ~Engine() override;  // stops if running

    void start();
    void stop();

    State state() const { return state_; }
    const config::EngineOptions &options() const { return options_; }
    // Absolute data directory (resolved in start()).
    QString dataDir() const { return dataDir_; }
    // Port the API listens on, 0 when off or not yet bound.
    uint16_t webPort() const;
    EngineStatus status() const;
    // Valid while Running; owned by the engine.
    store::AppStore *appStore() const { return store_.get(); }
    SelfMetrics *selfMetrics() const { return selfMetrics_.get(); }

    // The data directory used when none is given: QStandardPaths::AppDataLocation.
    static QString defaultDataDir();

Q_SIGNALS:
    void stateChanged(vigil::runtime::Engine::State state);
    void errorOccurred(const QString &component, const QString &message);
    void statusUpdated(const vigil::runtime::EngineStatus &status);
    // Emitted when the API asks to quit (/-/quit with lifecycle enabled).
    void quitRequested();
    void reloadRequested();

private:
    void setState(State s);
    void fail(const QString &component, const QString &message);
    void teardown();  // stops threads, closes the store, releases the lock
    bool startWeb();
    void refreshStatus();

    config::EngineOptions options_;
    bool headless_ = false;
    State state_ = State::Stopped;
    QString dataDir_;
    std::unique_ptr<QLockFile> lock_;
    std::unique_ptr<store::AppStore> store_;
    std::unique_ptr<SelfMetrics> selfMetrics_;
    QThread *webThread_ = nullptr;
    web::WebServer *web_ = nullptr;  // lives on webThread_
    QTimer *statusTimer_ = nullptr;

    mutable std::mutex statusMu_;
    EngineStatus status_;
};

}  // namespace vigil::runtime
