// DnsLookup: resolves one name for DNS service discovery over UDP (and TCP
// when an answer is truncated), talking to the nameservers of a ResolvConf
// directly. Qt's QDnsLookup goes through the system resolver and cannot ask
// a server on a port other than 53; this client can, which tests need.
//
// Follows Prometheus 2.42's lookupWithSearchPath: for each candidate of
// searchNames() it asks the servers in order until one answers with NOERROR
// or NXDOMAIN (SERVFAIL, REFUSED, malformed answers, timeouts and network
// errors move on to the next server). The first NOERROR answer is the result.
// When every candidate got NXDOMAIN the result is an empty answer (the name
// does not exist: it has no targets). When some candidate got no viable answer
// from any server the lookup fails with the reason. Unlike Prometheus (one
// try per server, miekg/dns's 2 s timeouts) it honours resolv.conf's
// `timeout` per exchange and `attempts` rounds over the servers.
//
// Each exchange uses a fresh socket (random source port) and a random query
// id; answers from another address or port, with another id, or without the
// QR bit are ignored. Queries carry EDNS0 (4096-byte UDP payload) as
// Prometheus's do; the TCP retry goes without it.
//
// Lives on one thread (it owns sockets and timers). `done` is called once,
// always asynchronously, on that thread; never after the lookup is destroyed
// (destroying it cancels the lookup).
#pragma once

#include "core/status.h"
#include "discovery/dns_message.h"
#include "discovery/resolv_conf.h"

#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <functional>
#include <string>
#include <vector>

class QAbstractSocket;
class QTcpSocket;
class QUdpSocket;

namespace vigil::discovery {

class DnsLookup : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(Result<DnsMessage>)>;

    DnsLookup(ResolvConf conf, std::string name, uint16_t qtype, QObject *parent = nullptr);
    ~DnsLookup() override;

    void start(Done done);

private:
    void nextExchange();        // the next server / attempt / name
    void startUdp();
    void startTcp();
    void onUdpReadable();
    void onTcpReadable();
    void onTimeout();
    void exchangeFailed(const std::string &why);
    void exchangeAnswered(DnsMessage m);
    void closeSockets();
    void finish(Result<DnsMessage> r);
    std::string serverName() const;

    ResolvConf conf_;
    std::string name_;
    uint16_t qtype_;
    Done done_;
    bool finished_ = false;

    std::vector<std::string> names_;  // candidates from the search list
    size_t nameIndex_ = 0;
    int attempt_ = 0;
    size_t serverIndex_ = 0;
    bool started_ = false;        // of the current name
    bool allNxdomain_ = true;     // every finished candidate answered NXDOMAIN
    std::string firstError_;      // reported when no candidate resolves

    QHostAddress server_;
    uint16_t queryId_ = 0;
    std::string query_;
    QUdpSocket *udp_ = nullptr;
    QTcpSocket *tcp_ = nullptr;
    QByteArray tcpBuffer_;
    QTimer timer_;
};

}  // namespace vigil::discovery
