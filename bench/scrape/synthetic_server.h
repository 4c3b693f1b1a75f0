// SyntheticServer: serves N synthetic targets at /t/<i> on one loopback port,
// each with M gauge/counter series in the text format (values change on
// every request, as a real exporter's would). HTTP/1.1 keep-alive, so a
// scraper may reuse its connections. Runs on the thread that creates it.
#pragma once

#include <QTcpServer>

class QTcpSocket;

class SyntheticServer : public QTcpServer {
    Q_OBJECT
public:
    SyntheticServer(int targets, int series, QObject *parent = nullptr);
    quint64 requests() const { return requests_; }

protected:
    void incomingConnection(qintptr fd) override;

private:
    void serve(QTcpSocket *s);
    QByteArray body(int target);

    int targets_;
    int series_;
    quint64 requests_ = 0;
    quint64 generation_ = 0;
};
