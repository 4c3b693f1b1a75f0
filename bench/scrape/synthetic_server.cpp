#include "synthetic_server.h"

#include <QTcpSocket>

SyntheticServer::SyntheticServer(int targets, int series, QObject *parent)
    : QTcpServer(parent), targets_(targets), series_(series)
{
}

void SyntheticServer::incomingConnection(qintptr fd)
{
    auto *s = new QTcpSocket(this);
    if (!s->setSocketDescriptor(fd)) {
        delete s;
        return;
    }
    connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
    connect(s, &QTcpSocket::readyRead, this, [this, s] { serve(s); });
}

QByteArray SyntheticServer::body(int target)
{
    // 10 families of series_/10 series each: a counter-like and a gauge-like
    // half, with a few labels, as a typical application exporter.
    QByteArray b;
    b.reserve(series_ * 80);
    const int perFamily = std::max(1, series_ / 10);
    ++generation_;
    int n = 0;
    for (int f = 0; f < 10 && n < series_; ++f) {
        const QByteArray name = (f % 2 ? "app_requests_total_" : "app_queue_depth_") + QByteArray::number(f);
        b += "# HELP " + name + " Synthetic family " + QByteArray::number(f) + ".\n# TYPE " + name +
             (f % 2 ? " counter\n" : " gauge\n");
        for (int i = 0; i < perFamily && n < series_; ++i, ++n) {
            b += name + "{handler=\"/api/v1/h" + QByteArray::number(i % 50) + "\",code=\"" +
                 QByteArray::number(200 + i / 50) + "\",shard=\"" + QByteArray::number(target) + "\"} ";
            b += QByteArray::number(double((generation_ * 7 + quint64(i)) % 100000) + 0.5) + "\n";
        }
    }
    return b;
}

void SyntheticServer::serve(QTcpSocket *s)
{
    QByteArray buf = s->property("buf").toByteArray() + s->readAll();
    for (;;) {
        const int end = buf.indexOf("\r\n\r\n");
        if (end < 0) break;
        const QByteArray req = buf.left(end);
        buf.remove(0, end + 4);
        const int sp1 = req.indexOf(' ');
        const int sp2 = req.indexOf(' ', sp1 + 1);
        const QByteArray path = req.mid(sp1 + 1, sp2 - sp1 - 1);
        ++requests_;
        QByteArray out;
        if (path.startsWith("/t/")) {
            const QByteArray b = body(path.mid(3).toInt());
            out =
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4; "
                "charset=utf-8\r\nContent-Length: " +
                QByteArray::number(b.size()) + "\r\n\r\n" + b;
        } else {
            out = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
        }
        s->write(out);
    }
    s->setProperty("buf", buf);
}
