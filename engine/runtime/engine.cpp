#include "runtime/engine.h"

#include "core/log.h"
#include "runtime/self_metrics.h"
#include "store/app_store.h"
#include "web/web_server.h"

#include <QCoreApplication>
#include <QDir>
#include <QLockFile>
#include <QStandardPaths>
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

}  // namespace

Engine::Engine(config::EngineOptions options, bool headless, QObject *parent)
    : QObject(parent), options_(std::move(options)), headless_(headless), selfMetrics_(std::make_unique<SelfMetrics>())
{
    qRegisterMetaType<vigil::runtime::EngineStatus>();
    qRegisterMetaType<vigil::runtime::Engine::State>();
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

    // 2. App state.
    store_ = std::make_unique<store::AppStore>();
    if (Status s = store_->open(QDir(dataDir_).filePath(QStringLiteral("app.db")).toStdString()); !s.isOk()) {
        store_.reset();
        fail(QStringLiteral("store"), QString::fromStdString(s.toString()));
        return;
    }

    // 3. HTTP API on its own thread.
    if (options_.webEnabled && !startWeb()) {
        if (headless_) return;  // fail() already called
        setState(State::Starting);   // GUI mode: keep going without the API
    }

    {
        std::lock_guard lock(statusMu_);
        status_.dataDir = dataDir_;
        status_.listenAddress = web_ && web_->port() ? QString::fromStdString(options_.listenAddress) : QString();
    }

    statusTimer_ = new QTimer(this);
    statusTimer_->setInterval(2000);
    connect(statusTimer_, &QTimer::timeout, this, &Engine::refreshStatus);
    statusTimer_->start();

    if (web_) web_->setReady(true);
    {
        std::lock_guard lock(statusMu_);
        status_.ready = true;
    }
    setState(State::Running);
    refreshStatus();
    qCInfo(lcEngine).noquote() << "engine running, data in" << dataDir_;
}

bool Engine::startWeb()
{
    webThread_ = new QThread(this);
    webThread_->setObjectName(QStringLiteral("vigil-web"));
    web::WebServer::Options wo;
    wo.listenAddress = options_.listenAddress;
    wo.allowNonLoopback = options_.allowNonLoopback;
    wo.enableLifecycle = options_.enableLifecycle;
    web_ = new web::WebServer(wo, selfMetrics_.get());
    web_->moveToThread(webThread_);
    connect(webThread_, &QThread::finished, web_, &QObject::deleteLater);
    connect(web_, &web::WebServer::quitRequested, this, &Engine::quitRequested, Qt::QueuedConnection);
    connect(web_, &web::WebServer::reloadRequested, this, &Engine::reloadRequested, Qt::QueuedConnection);
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

void Engine::refreshStatus()
{
    EngineStatus s;
    {
        std::lock_guard lock(statusMu_);
        s = status_;
    }
    s.diskBytes = directoryBytes(dataDir_);
    {
        std::lock_guard lock(statusMu_);
        status_ = s;
    }
    Q_EMIT statusUpdated(s);
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
    if (statusTimer_) {
        statusTimer_->stop();
        delete statusTimer_;
        statusTimer_ = nullptr;
    }
    if (web_) web_->setReady(false);
    if (webThread_) {
        webThread_->quit();
        webThread_->wait();
        delete webThread_;
        webThread_ = nullptr;
        web_ = nullptr;
    }
    if (store_) {
        store_->close();
        store_.reset();
    }
    if (lock_) {
        lock_->unlock();
        lock_.reset();
    }
    {
        std::lock_guard lock(statusMu_);
        status_.ready = false;
    }
}

}  // namespace vigil::runtime
