#include "test_http_server.h"

#include "gzip_util.h"

#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

#include <memory>

namespace vigil::testing {

TestHttpServer::TestHttpServer(QObject *parent) : QTcpServer(parent) {}

void TestHttpServer::enableTls(const QSslCertificate &cert, const QSslKey &key)
{
    tls_ = true;
    cert_ = cert;
    key_ = key;
}

void TestHttpServer::incomingConnection(qintptr fd)
{
    QTcpSocket *s = nullptr;
    if (tls_) {
        auto *ssl = new QSslSocket(this);
        if (!ssl->setSocketDescriptor(fd)) {
            delete ssl;
            return;
        }
        QSslConfiguration conf = ssl->sslConfiguration();
        conf.setLocalCertificate(cert_);
        conf.setPrivateKey(key_);
        conf.setPeerVerifyMode(QSslSocket::QueryPeer);
        conf.setCaCertificates({cert_});
        ssl->setSslConfiguration(conf);
        connect(ssl, &QSslSocket::sslErrors, ssl,
                [ssl](const QList<QSslError> &) { ssl->ignoreSslErrors(); });
        ssl->startServerEncryption();
        s = ssl;
    } else {
        s = new QTcpSocket(this);
        if (!s->setSocketDescriptor(fd)) {
            delete s;
            return;
        }
    }
    ++open_;
    connect(s, &QTcpSocket::disconnected, this, [this, s] {
        --open_;
        s->deleteLater();
    });
    connect(s, &QTcpSocket::readyRead, this, [this, s] { handle(s); });
}

void TestHttpServer::handle(QTcpSocket *s)
{
    QByteArray buf = s->property("buf").toByteArray() + s->readAll();
    const int end = buf.indexOf("\r\n\r\n");
    if (end < 0) {
        s->setProperty("buf", buf);
        return;
    }
    if (s->property("handled").toBool()) return;
    s->setProperty("handled", true);
    const QList<QByteArray> lines = buf.left(end).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    QByteArray path = requestLine.value(1);
    if (const int q = path.indexOf('?'); q >= 0) path = path.left(q);
    SeenRequest seen;
    for (int i = 1; i < lines.size(); ++i) {
        const int colon = lines[i].indexOf(':');
        if (colon > 0)
            seen.headers[lines[i].left(colon).trimmed().toLower()] = lines[i].mid(colon + 1).trimmed();
    }
    if (auto *ssl = qobject_cast<QSslSocket *>(s)) seen.clientCertificate = !ssl->peerCertificate().isNull();
    seen_[path] = seen;
    hits_[path] += 1;

    Route r = routes_.value(path, Route{404, "Not Found", "text/plain", "not found\n"});
    if (!r.authorization.isEmpty() && seen.headers.value("authorization") != r.authorization)
        r = Route{401, "Unauthorized", "text/plain", "unauthorized\n"};
    if (r.delayMs > 0) {
        auto *t = new QTimer(s);
        t->setSingleShot(true);
        connect(t, &QTimer::timeout, s, [this, s, path, r] { respond(s, path, r); });
        t->start(r.delayMs);
    } else {
        respond(s, path, r);
    }
}

void TestHttpServer::respond(QTcpSocket *s, const QByteArray &, const Route &r)
{
    const QByteArray body = r.gzip ? gzipCompress(r.body) : r.body;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(r.status) + " " + r.reason + "\r\n";
    head += "Content-Type: " + r.contentType + "\r\n";
    if (r.gzip) head += "Content-Encoding: gzip\r\n";
    if (r.endless) {
        // Keep about 1 MiB queued: write the body again whenever the client has taken some.
        s->write(head + "Connection: close\r\n\r\n");
        auto refill = [s, body] {
            while (s->state() == QAbstractSocket::ConnectedState && s->bytesToWrite() < (1 << 20))
                s->write(body);
        };
        connect(s, &QTcpSocket::bytesWritten, s, refill);
        refill();
        return;
    }
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n";
    if (r.trickleBytes <= 0) {
        s->write(head + body);
        s->disconnectFromHost();
        return;
    }
    s->write(head);
    auto offset = std::make_shared<qsizetype>(0);
    auto *t = new QTimer(s);
    connect(t, &QTimer::timeout, s, [s, t, body, offset, r] {
        s->write(body.mid(*offset, r.trickleBytes));
        *offset += r.trickleBytes;
        if (*offset >= body.size()) {
            t->stop();
            s->disconnectFromHost();
        }
    });
    t->start(r.trickleIntervalMs);
}

}  // namespace vigil::testing
