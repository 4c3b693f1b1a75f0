// WebhookReceiver: a small HTTP/1.1 server on a loopback port that records
// the requests notification integrations make (method, path, headers, body)
// and answers each path with a scripted sequence of statuses (the last one
// repeats), optionally after a delay. Runs on the test's thread; wait with
// QTRY_* / QSignalSpy. Not thread-safe.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>

namespace vigil::testing {

struct ReceivedRequest {
    QByteArray method;
    QByteArray path;
    QMap<QByteArray, QByteArray> headers;  // lower-case names
    QByteArray body;
    qint64 atMs = 0;
};

class WebhookReceiver : public QTcpServer {
    Q_OBJECT
public:
    explicit WebhookReceiver(QObject *parent = nullptr);
    bool listenLoopback() { return listen(QHostAddress::LocalHost, 0); }
    // Serves HTTPS with this certificate and key (url() then says https).
    void enableTls(const QSslCertificate &cert, const QSslKey &key)
    {
        cert_ = cert;
        key_ = key;
        tls_ = true;
    }
    QString url(const QByteArray &path) const;

    void setStatuses(const QByteArray &path, QList<int> statuses) { statuses_[path] = std::move(statuses); }
    void setDelay(const QByteArray &path, int ms) { delays_[path] = ms; }
    QList<ReceivedRequest> requests(const QByteArray &path) const;
    int count(const QByteArray &path) const { return int(requests(path).size()); }

Q_SIGNALS:
    void received(const QByteArray &path);

protected:
    void incomingConnection(qintptr fd) override;

private:
    QHash<QByteArray, QList<int>> statuses_;
    QHash<QByteArray, int> delays_;
    QList<ReceivedRequest> all_;
    bool tls_ = false;
    QSslCertificate cert_;
    QSslKey key_;
};

}  // namespace vigil::testing
