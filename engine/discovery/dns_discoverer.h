// DnsDiscoverer: dns_sd_configs. Every refresh interval (and at start) it
// re-reads resolv.conf and looks up each configured name (DnsLookup, all
// names in parallel), producing one target group per name with source
// "<name>" and, per answer record, Prometheus 2.42's labels:
//   __address__                  SRV: "<target without final dot>:<port>";
//                                A/AAAA: "<address>:<config port>" (IPv6 in []);
//                                MX: "<exchange without final dot>:<config port>"
//   __meta_dns_name              the configured name, as written
//   __meta_dns_srv_record_target SRV target with its final dot
//   __meta_dns_srv_record_port   SRV port
//   __meta_dns_mx_record_target  MX exchange with its final dot
// (labels Prometheus sets to "" for other types are absent, as in its
// /api/v1/targets). CNAME records in the answer are skipped; records of other
// types than the one asked are skipped with a debug message.
//
// A name whose lookup fails (timeouts, SERVFAIL/REFUSED from every server,
// unreadable resolv.conf) keeps its previous group and the error is reported
// (DiscoveryManager::errors()). A name that does not exist (NXDOMAIN for
// every search candidate) has no targets, as in Prometheus. A refresh that
// is due while lookups are still running is skipped.
#pragma once

#include "discovery/discoverer.h"
#include "discovery/dns_message.h"
#include "discovery/sd_config.h"

#include <QTimer>

#include <memory>
#include <optional>

namespace vigil::discovery {

class DnsLookup;

class DnsDiscoverer : public Discoverer {
    Q_OBJECT
public:
    explicit DnsDiscoverer(DnsSdConfig config, QObject *parent = nullptr);
    ~DnsDiscoverer() override;
    void start(Sink sink) override;

    // The target group of `name` for the records of `answer` (pure; public
    // for tests).
    static TargetGroup groupFor(const DnsSdConfig &config, const std::string &name, const DnsMessage &answer);

private:
    void refresh();
    void onResult(size_t index, Result<DnsMessage> r);
    void report();

    DnsSdConfig config_;
    Sink sink_;
    QTimer refreshTimer_;
    std::vector<std::optional<TargetGroup>> groups_;  // per name: the last good group
    std::vector<std::string> errors_;                 // per name: the last error, "" when fine
    std::vector<std::unique_ptr<DnsLookup>> lookups_; // per name while running
    size_t pending_ = 0;
};

}  // namespace vigil::discovery
