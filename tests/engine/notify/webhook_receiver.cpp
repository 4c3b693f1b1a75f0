#include "webhook_receiver.h"

#include <QDateTime>
#include <QPointer>
#include <QSslSocket>
#include <QTimer>

namespace vigil::testing {

WebhookReceiver::WebhookReceiver(QObject *parent) : QTcpServer(parent) {}

QString WebhookReceiver::url(const QByteArray &path) const
{
    return QStringLiteral("%1://127.0.0.1:%2%3")
        .arg(tls_ ? QStringLiteral("https") : QStringLiteral("http"))
        .arg(serverPort())
        .arg(QString::fromLatin1(path));
}

QList<ReceivedRequest> WebhookReceiver::requests(const QByteArray &path) const
{
    QList<ReceivedRequest> out;
    for (const ReceivedRequest &r : all_)
        if (r.path == path) out.append(r);
    return out;
}

void WebhookReceiver::incomingConnection(qintptr fd)
{
    auto *s = new QSslSocket(this);
    s->setSocketDescriptor(fd);
    if (tls_) {
        s->setLocalCertificate(cert_);
        s->setPrivateKey(key_);
        s->setPeerVerifyMode(QSslSocket::VerifyNone);
        s->startServerEncryption();
    }
    auto buf = std::make_shared<QByteArray>();
    connect(s, &QSslSocket::disconnected, s, &QObject::deleteLater);
    connect(s, &QSslSocket::readyRead, this, [this, s, buf] {
        *buf += s->readAll();
        const qsizetype end = buf->indexOf("\r\n\r\n");
        if (end < 0) return;
        ReceivedRequest r;
        const QList<QByteArray> lines = buf->left(end).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        r.method = first.value(0);
        r.path = first.value(1);
        for (int i = 1; i < lines.size(); ++i) {
            const qsizetype c = lines[i].indexOf(':');
            if (c > 0) r.headers[lines[i].left(c).trimmed().toLower()] = lines[i].mid(c + 1).trimmed();
        }
        const qsizetype len = r.headers.value("content-length", "0").toLongLong();
        if (buf->size() < end + 4 + len) return;
        r.body = buf->mid(end + 4, len);
        buf->clear();
        r.atMs = QDateTime::currentMSecsSinceEpoch();
        const int seen = count(r.path);
        all_.append(r);
        const QList<int> plan = statuses_.value(r.path, {200});
        const int status = plan.value(std::min<int>(seen, int(plan.size()) - 1), 200);
        const QByteArray path = r.path;
        QPointer<QSslSocket> sock(s);
        auto respond = [this, sock, status, path] {
            if (!sock) return;
            const QByteArray body = status == 200 ? "ok" : "no";
            sock->write("HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Length: " +
                        QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
            sock->disconnectFromHost();
            Q_EMIT received(path);
        };
        const int delay = delays_.value(path, 0);
        if (delay > 0) QTimer::singleShot(delay, this, respond);
        else respond();
    });
}

}  // namespace vigil::testing
