// PeerProcess: a real peer (Prometheus, VictoriaMetrics, ...) started on a
// free loopback port for a test, waited for until its readiness URL answers
// 200, and stopped by its PID (SIGTERM, then SIGKILL) when destroyed.
// Http: small blocking-with-events HTTP helpers for tests (bounded waits).
// prometheusArgs(): the flags of a test's own Prometheus instance.
#pragma once

#include <QByteArray>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

#include <utility>

namespace vigil::testing {

inline quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

// Prometheus's flags for a test instance: its own data directory, a loopback
// port (ready at http://127.0.0.1:<port>/-/ready) and a config file.
inline QStringList prometheusArgs(const QString &dataDir, quint16 port, const QString &configFile)
{
    return {QStringLiteral("--storage.tsdb.path=") + dataDir,
            QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port),
            QStringLiteral("--config.file=") + configFile};
}

struct HttpReply {
    int status = 0;
    QByteArray body;
};

// Sends one request and waits for it (at most `timeoutMs`); status 0 on
// connection errors.
inline HttpReply httpRequest(const QByteArray &verb, const QString &url, const QByteArray &body = {},
                             const QList<std::pair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 15000)
{
    QNetworkAccessManager nam;
    QNetworkRequest req{QUrl(url)};
    for (const auto &[k, v] : headers) req.setRawHeader(k, v);
    QNetworkReply *r = nam.sendCustomRequest(req, verb, body);
    QEventLoop loop;
    QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!r->isFinished()) loop.exec();
    HttpReply out;
    out.status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = r->readAll();
    r->abort();
    r->deleteLater();
    return out;
}

class PeerProcess {
public:
    PeerProcess() = default;
    PeerProcess(const PeerProcess &) = delete;
    PeerProcess &operator=(const PeerProcess &) = delete;
    ~PeerProcess() { stop(); }

    // Starts `program` with `args`, output to `logFile`; then polls
    // `readyUrl` until it answers 200 (at most `timeoutMs`).
    bool start(const QString &program, const QStringList &args, const QString &logFile, const QString &readyUrl,
               int timeoutMs = 60000)
    {
        if (!QFile::exists(program)) return false;
        proc_.setProcessChannelMode(QProcess::MergedChannels);
        proc_.setStandardOutputFile(logFile);
        proc_.start(program, args);
        if (!proc_.waitForStarted(10000)) return false;
        for (int waited = 0; waited < timeoutMs; waited += 200) {
            if (proc_.state() != QProcess::Running) return false;
            if (httpRequest("GET", readyUrl, {}, {}, 2000).status == 200) return true;
            QTest::qWait(200);
        }
        return false;
    }
    void stop()
    {
        if (proc_.state() == QProcess::NotRunning) return;
        proc_.terminate();  // SIGTERM to its PID
        if (!proc_.waitForFinished(15000)) {
            proc_.kill();
            proc_.waitForFinished(5000);
        }
    }
    bool running() const { return proc_.state() == QProcess::Running; }

private:
    QProcess proc_;
};

}  // namespace vigil::testing
