#include "discovery/dns_lookup.h"

#include "core/log.h"

#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QUdpSocket>

namespace vigil::discovery {

namespace {

constexpr qsizetype kMaxTcpMessage = 65535;

std::string rcodeName(uint8_t rcode)
{
    static const char *const kNames[] = {"NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED"};
    if (rcode < std::size(kNames)) return kNames[rcode];
    return "rcode " + std::to_string(rcode);
}

}  // namespace

DnsLookup::DnsLookup(ResolvConf conf, std::string name, uint16_t qtype, QObject *parent)
    : QObject(parent), conf_(std::move(conf)), name_(std::move(name)), qtype_(qtype), timer_(this)
{
    timer_.setSingleShot(true);
    connect(&timer_, &QTimer::timeout, this, &DnsLookup::onTimeout);
}

DnsLookup::~DnsLookup()
{
    finished_ = true;
    closeSockets();
}

void DnsLookup::start(Done done)
{
    done_ = std::move(done);
    names_ = searchNames(conf_, name_);
    if (conf_.servers.empty()) {
        finish(Status::unavailable("could not resolve \"" + name_ + "\": no nameserver in resolv.conf"));
        return;
    }
    nextExchange();
}

std::string DnsLookup::serverName() const
{
    const std::string &s = conf_.servers[serverIndex_];
    const bool v6 = s.find(':') != std::string::npos;
    return (v6 ? "[" + s + "]" : s) + ":" + std::to_string(conf_.port);
}

// Starts the exchange for (names_[nameIndex_], attempt_, servers[serverIndex_]).
void DnsLookup::nextExchange()
{
    if (finished_) return;
    if (nameIndex_ >= names_.size()) {
        if (allNxdomain_) {
            // Prometheus: everyone said NXDOMAIN, the name has no records.
            DnsMessage empty;
            empty.response = true;
            empty.rcode = dns::kRcodeNameError;
            finish(std::move(empty));
        } else {
            finish(Status::unavailable("could not resolve \"" + name_ +
                                       "\": all servers responded with errors to at least one search domain (" +
                                       firstError_ + ")"));
        }
        return;
    }
    queryId_ = uint16_t(QRandomGenerator::system()->bounded(65536));
    Result<std::string> q = encodeDnsQuery(queryId_, names_[nameIndex_], qtype_, true);
    if (!q) {
        if (firstError_.empty()) firstError_ = q.status().message();
        allNxdomain_ = false;
        ++nameIndex_;
        attempt_ = 0;
        serverIndex_ = 0;
        QMetaObject::invokeMethod(this, &DnsLookup::nextExchange, Qt::QueuedConnection);
        return;
    }
    query_ = std::move(*q);
    if (!server_.setAddress(QString::fromStdString(conf_.servers[serverIndex_]))) {
        // Not an IP address (miekg/dns would fail to dial it too).
        QMetaObject::invokeMethod(this, [this] { exchangeFailed("not an IP address"); }, Qt::QueuedConnection);
        return;
    }
    startUdp();
}

void DnsLookup::startUdp()
{
    closeSockets();
    udp_ = new QUdpSocket(this);
    const bool v6 = server_.protocol() == QAbstractSocket::IPv6Protocol;
    if (!udp_->bind(v6 ? QHostAddress(QHostAddress::AnyIPv6) : QHostAddress(QHostAddress::AnyIPv4), 0)) {
        const std::string why = udp_->errorString().toStdString();
        QMetaObject::invokeMethod(this, [this, why] { exchangeFailed(why); }, Qt::QueuedConnection);
        return;
    }
    connect(udp_, &QUdpSocket::readyRead, this, &DnsLookup::onUdpReadable);
    const QByteArray datagram(query_.data(), qsizetype(query_.size()));
    if (udp_->writeDatagram(datagram, server_, conf_.port) != datagram.size()) {
        const std::string why = udp_->errorString().toStdString();
        QMetaObject::invokeMethod(this, [this, why] { exchangeFailed(why); }, Qt::QueuedConnection);
        return;
    }
    timer_.start(conf_.timeoutSeconds * 1000);
}

void DnsLookup::onUdpReadable()
{
    while (udp_ && udp_->hasPendingDatagrams()) {
        const QNetworkDatagram d = udp_->receiveDatagram(kMaxTcpMessage);
        // Only the server we asked, from the port we asked.
        if (!d.senderAddress().isEqual(server_, QHostAddress::ConvertV4MappedToIPv4) ||
            d.senderPort() != int(conf_.port))
            continue;
        const QByteArray data = d.data();
        const std::string_view wire(data.constData(), size_t(data.size()));
        if (wire.size() < 2 || uint16_t((uint8_t(wire[0]) << 8) | uint8_t(wire[1])) != queryId_) continue;
        Result<DnsMessage> m = parseDnsMessage(wire);
        if (!m) {
            exchangeFailed(m.status().message());
            return;
        }
        if (!m->response) continue;
        if (m->truncated) {
            startTcp();
            return;
        }
        exchangeAnswered(std::move(*m));
        return;
    }
}

void DnsLookup::startTcp()
{
    closeSockets();
    // Asked again without EDNS, as Prometheus does.
    Result<std::string> q = encodeDnsQuery(queryId_, names_[nameIndex_], qtype_, false);
    if (!q) {
        exchangeFailed(q.status().message());
        return;
    }
    query_ = std::move(*q);
    tcpBuffer_.clear();
    tcp_ = new QTcpSocket(this);
    connect(tcp_, &QTcpSocket::connected, this, [this] {
        QByteArray framed;
        framed.append(char(query_.size() >> 8)).append(char(query_.size() & 0xff));
        framed.append(query_.data(), qsizetype(query_.size()));
        tcp_->write(framed);
    });
    connect(tcp_, &QTcpSocket::readyRead, this, &DnsLookup::onTcpReadable);
    connect(tcp_, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (tcp_) exchangeFailed("tcp: " + tcp_->errorString().toStdString());
    });
    tcp_->connectToHost(server_, conf_.port);
    timer_.start(conf_.timeoutSeconds * 1000);
}

void DnsLookup::onTcpReadable()
{
    if (!tcp_) return;
    // At most one length-prefixed message is read; never more than 64 KiB.
    tcpBuffer_.append(tcp_->read(2 + kMaxTcpMessage - tcpBuffer_.size()));
    if (tcpBuffer_.size() < 2) return;
    const qsizetype length = (qsizetype(uint8_t(tcpBuffer_[0])) << 8) | uint8_t(tcpBuffer_[1]);
    if (tcpBuffer_.size() < 2 + length) return;
    const std::string_view wire(tcpBuffer_.constData() + 2, size_t(length));
    Result<DnsMessage> m = parseDnsMessage(wire);
    if (!m) {
        exchangeFailed(m.status().message());
        return;
    }
    if (m->id != queryId_ || !m->response) {
        exchangeFailed("tcp: answer with another id");
        return;
    }
    if (m->truncated) {
        exchangeFailed("got truncated message on TCP (64kiB limit exceeded?)");
        return;
    }
    exchangeAnswered(std::move(*m));
}

void DnsLookup::onTimeout()
{
    exchangeFailed("i/o timeout");
}

void DnsLookup::exchangeFailed(const std::string &why)
{
    if (finished_) return;
    closeSockets();
    const std::string error = names_[nameIndex_] + " at " + serverName() + ": " + why;
    qCDebug(lcDiscovery).noquote() << "DNS resolution failed:" << QString::fromStdString(error);
    if (firstError_.empty()) firstError_ = error;  // the first candidate is usually the name meant
    if (++serverIndex_ >= conf_.servers.size()) {
        serverIndex_ = 0;
        if (++attempt_ >= conf_.attempts) {
            // No viable answer for this candidate from any server.
            allNxdomain_ = false;
            attempt_ = 0;
            ++nameIndex_;
        }
    }
    nextExchange();
}

void DnsLookup::exchangeAnswered(DnsMessage m)
{
    closeSockets();
    if (m.rcode == dns::kRcodeSuccess) {
        finish(std::move(m));
        return;
    }
    if (m.rcode == dns::kRcodeNameError) {
        ++nameIndex_;
        attempt_ = 0;
        serverIndex_ = 0;
        nextExchange();
        return;
    }
    exchangeFailed("server answered " + rcodeName(m.rcode));
}

void DnsLookup::closeSockets()
{
    timer_.stop();
    if (udp_) {
        udp_->disconnect(this);
        udp_->close();
        udp_->deleteLater();
        udp_ = nullptr;
    }
    if (tcp_) {
        tcp_->disconnect(this);
        tcp_->abort();
        tcp_->deleteLater();
        tcp_ = nullptr;
    }
}

void DnsLookup::finish(Result<DnsMessage> r)
{
    if (finished_) return;
    finished_ = true;
    closeSockets();
    QMetaObject::invokeMethod(
        this,
        [this, r = std::move(r)] {
            Done d = std::move(done_);
            if (d) d(r);
        },
        Qt::QueuedConnection);
}

}  // namespace vigil::discovery
