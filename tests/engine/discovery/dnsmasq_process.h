// DnsmasqProcess: Debian's dnsmasq as an authoritative-enough DNS server for
// the DNS service discovery tests: started on 127.0.0.1:<port> with only the
// records given (no upstream servers, no /etc/hosts, no config file; names
// under the --local domain that have no record answer NXDOMAIN, names outside
// it REFUSED), waited for until it answers, stopped by its PID.
#pragma once

#include "discovery/dns_message.h"

#include <QFile>
#include <QNetworkDatagram>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QUdpSocket>

namespace vigil::testing {

class DnsmasqProcess {
public:
    DnsmasqProcess() = default;
    DnsmasqProcess(const DnsmasqProcess &) = delete;
    DnsmasqProcess &operator=(const DnsmasqProcess &) = delete;
    ~DnsmasqProcess() { stop(); }

    static QString program() { return QStandardPaths::findExecutable(QStringLiteral("dnsmasq"), {"/usr/sbin", "/sbin"}); }

    // A port free for both UDP and TCP on 127.0.0.1 (dnsmasq listens on both).
    static uint16_t freePort()
    {
        for (int i = 0; i < 20; ++i) {
            QUdpSocket u;
            if (!u.bind(QHostAddress::LocalHost, 0)) continue;
            const uint16_t p = u.localPort();
            QTcpServer t;
            if (t.listen(QHostAddress::LocalHost, p)) return p;
        }
        return 0;
    }

    // `records`: dnsmasq options such as "--srv-host=...", "--host-record=...".
    // `localDomain`: answered only from the records (NXDOMAIN otherwise).
    // `address`: the loopback address to listen on.
    bool start(uint16_t port, const QStringList &records, const QString &localDomain, const QString &logFile,
               const QString &address = QStringLiteral("127.0.0.1"))
    {
        const QString exe = program();
        if (exe.isEmpty()) return false;
        port_ = port;
        address_ = QHostAddress(address);
        QStringList args{QStringLiteral("-k"), QStringLiteral("--conf-file=/dev/null"), QStringLiteral("--no-resolv"),
                         QStringLiteral("--no-hosts"), QStringLiteral("--port=%1").arg(port),
                         QStringLiteral("--listen-address=") + address, QStringLiteral("--bind-interfaces"),
                         QStringLiteral("--pid-file="), QStringLiteral("--local=/%1/").arg(localDomain),
                         QStringLiteral("--log-facility=-"), QStringLiteral("--log-queries")};
        args += records;
        proc_.setProcessChannelMode(QProcess::MergedChannels);
        proc_.setStandardOutputFile(logFile, QIODevice::Append);
        proc_.start(exe, args);
        if (!proc_.waitForStarted(10000)) return false;
        for (int waited = 0; waited < 10000; waited += 100) {
            if (proc_.state() != QProcess::Running) return false;
            if (answers()) return true;
            QTest::qWait(100);
        }
        return false;
    }

    void stop()
    {
        if (proc_.state() == QProcess::NotRunning) return;
        proc_.terminate();  // SIGTERM to its PID
        if (!proc_.waitForFinished(10000)) {
            proc_.kill();
            proc_.waitForFinished(5000);
        }
    }

private:
    // One SOA query for the root: any answer means the server is up.
    bool answers()
    {
        QUdpSocket s;
        auto q = discovery::encodeDnsQuery(1, ".", 6, false);
        if (!q) return false;
        s.writeDatagram(QByteArray::fromStdString(*q), address_, port_);
        if (!s.waitForReadyRead(300)) return false;
        return s.hasPendingDatagrams();
    }

    QProcess proc_;
    uint16_t port_ = 0;
    QHostAddress address_;
};

}  // namespace vigil::testing
