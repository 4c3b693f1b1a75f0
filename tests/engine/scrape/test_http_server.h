// TestHttpServer: a small HTTP/1.1 server on a loopback port for the scrape
// tests, serving what real exporters rarely do: delays, slow trickled
// and endless bodies, errors, gzip, auth checks, TLS (with optional client certs).
//
// Runs on the thread that creates it (the test's main thread); scrapes come
// from the scrape manager's engine thread, so waiting with QTRY_*/
// QSignalSpy::wait keeps both sides going. Every response closes the
// connection. Not thread-safe.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QMap>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>

class QTcpSocket;

namespace vigil::testing {

struct Route {
    int status = 200;
    QByteArray reason = "OK";
    QByteArray contentType = "text/plain; version=0.0.4; charset=utf-8";
    QByteArray body;
    bool gzip = false;
    int delayMs = 0;            // wait before responding
    int trickleBytes = 0;       // > 0: send the body in pieces of this size ...
    int trickleIntervalMs = 0;  // ... this far apart
    bool endless = false;       // no Content-Length; repeat the body until the client hangs up
    QByteArray authorization;   // when set, anything else gets 401
};

struct SeenRequest {
    QMap<QByteArray, QByteArray> headers;  // lower-case names
    bool clientCertificate = false;
};

class TestHttpServer : public QTcpServer {
    Q_OBJECT
public:
    explicit TestHttpServer(QObject *parent = nullptr);
    // Serves TLS with this certificate and key; asks clients for a
    // certificate (without requiring one) and records whether one came.
    void enableTls(const QSslCertificate &cert, const QSslKey &key);
    bool listenLoopback() { return listen(QHostAddress::LocalHost, 0); }
    QByteArray address() const { return "127.0.0.1:" + QByteArray::number(serverPort()); }

    void setRoute(const QByteArray &path, const Route &route) { routes_[path] = route; }
    Route &route(const QByteArray &path) { return routes_[path]; }
    int hits(const QByteArray &path) const { return hits_.value(path); }
    SeenRequest lastRequest(const QByteArray &path) const { return seen_.value(path); }
    int openConnections() const { return open_; }

protected:
    void incomingConnection(qintptr fd) override;

private:
    void handle(QTcpSocket *s);
    void respond(QTcpSocket *s, const QByteArray &path, const Route &r);

    bool tls_ = false;
    QSslCertificate cert_;
    QSslKey key_;
    QHash<QByteArray, Route> routes_;
    QHash<QByteArray, int> hits_;
    QHash<QByteArray, SeenRequest> seen_;
    int open_ = 0;
};

}  // namespace vigil::testing
