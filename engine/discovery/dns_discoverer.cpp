#include "discovery/dns_discoverer.h"

#include "core/log.h"
#include "discovery/dns_lookup.h"
#include "discovery/resolv_conf.h"

namespace vigil::discovery {

namespace {

uint16_t queryType(DnsSdConfig::Type t)
{
    switch (t) {
    case DnsSdConfig::Type::A: return dns::kTypeA;
    case DnsSdConfig::Type::Aaaa: return dns::kTypeAaaa;
    case DnsSdConfig::Type::Mx: return dns::kTypeMx;
    case DnsSdConfig::Type::Srv: break;
    }
    return dns::kTypeSrv;
}

// Go's net.JoinHostPort: brackets around hosts containing ':'.
std::string joinHostPort(const std::string &host, int port)
{
    const std::string h = host.find(':') != std::string::npos ? "[" + host + "]" : host;
    return h + ":" + std::to_string(port);
}

std::string withoutFinalDots(std::string s)
{
    while (!s.empty() && s.back() == '.') s.pop_back();  // strings.TrimRight(s, ".")
    return s;
}

}  // namespace

DnsDiscoverer::DnsDiscoverer(DnsSdConfig config, QObject *parent)
    : Discoverer(parent), config_(std::move(config)), refreshTimer_(this)
{
    groups_.resize(config_.names.size());
    errors_.resize(config_.names.size());
    lookups_.resize(config_.names.size());
    connect(&refreshTimer_, &QTimer::timeout, this, &DnsDiscoverer::refresh);
}

DnsDiscoverer::~DnsDiscoverer() = default;

void DnsDiscoverer::start(Sink sink)
{
    sink_ = std::move(sink);
    if (config_.refreshIntervalMs > 0) {
        refreshTimer_.setInterval(std::chrono::milliseconds(config_.refreshIntervalMs));
        refreshTimer_.start();
    }
    refresh();
}

TargetGroup DnsDiscoverer::groupFor(const DnsSdConfig &config, const std::string &name, const DnsMessage &answer)
{
    TargetGroup g;
    g.source = name;
    const uint16_t asked = queryType(config.type);
    for (const DnsRecord &r : answer.answers) {
        model::LabelsBuilder b;
        b.set("__meta_dns_name", name);
        if (r.type == dns::kTypeSrv && asked == dns::kTypeSrv) {
            b.set("__address__", joinHostPort(withoutFinalDots(r.target), r.port));
            b.set("__meta_dns_srv_record_target", r.target);
            b.set("__meta_dns_srv_record_port", std::to_string(r.port));
        } else if (r.type == dns::kTypeMx && asked == dns::kTypeMx) {
            b.set("__address__", joinHostPort(withoutFinalDots(r.target), config.port));
            b.set("__meta_dns_mx_record_target", r.target);
        } else if ((r.type == dns::kTypeA && asked == dns::kTypeA) ||
                   (r.type == dns::kTypeAaaa && asked == dns::kTypeAaaa)) {
            b.set("__address__", joinHostPort(r.address, config.port));
        } else {
            // CNAME records come with A/AAAA answers; anything else is unexpected.
            if (r.type != dns::kTypeCname)
                qCDebug(lcDiscovery).noquote() << "dns_sd" << QString::fromStdString(name)
                                               << ": skipping a record of type" << r.type;
            continue;
        }
        g.targets.push_back(b.labels());
    }
    return g;
}

void DnsDiscoverer::refresh()
{
    if (pending_ > 0) return;  // the previous round is still running
    Result<ResolvConf> conf = loadResolvConf();
    if (!conf) {
        for (std::string &e : errors_) e = conf.status().message();
        report();
        return;
    }
    pending_ = config_.names.size();
    for (size_t i = 0; i < config_.names.size(); ++i) {
        lookups_[i] = std::make_unique<DnsLookup>(*conf, config_.names[i], queryType(config_.type));
        lookups_[i]->start([this, i](Result<DnsMessage> r) { onResult(i, std::move(r)); });
    }
}

void DnsDiscoverer::onResult(size_t index, Result<DnsMessage> r)
{
    // The lookup calls back from its own queued call: delete it later.
    if (lookups_[index]) lookups_[index].release()->deleteLater();
    if (r) {
        groups_[index] = groupFor(config_, config_.names[index], *r);
        errors_[index].clear();
    } else {
        errors_[index] = r.status().message();
        qCWarning(lcDiscovery).noquote() << "dns_sd:" << QString::fromStdString(errors_[index]);
    }
    if (--pending_ == 0) report();
}

void DnsDiscoverer::report()
{
    DiscoveryUpdate u;
    for (const std::optional<TargetGroup> &g : groups_)
        if (g) u.groups.push_back(*g);
    for (size_t i = 0; i < errors_.size(); ++i) {
        if (errors_[i].empty()) continue;
        if (!u.error.empty()) u.error += "; ";
        u.error += "dns_sd " + config_.names[i] + ": " + errors_[i];
    }
    if (sink_) sink_(std::move(u));
}

}  // namespace vigil::discovery
