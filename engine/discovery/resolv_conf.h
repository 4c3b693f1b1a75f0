// ResolvConf: the resolver settings DNS service discovery uses, read from
// /etc/resolv.conf the way Prometheus does (it parses the file itself with
// miekg/dns's ClientConfigFromFile rather than asking the system resolver):
// `nameserver` (one address per line, any number), `domain` (a one-entry
// search list), `search` (replaces the list), `options ndots:N` (0-15),
// `timeout:N` (seconds, at least 1) and `attempts:N` (at least 1); other lines
// are ignored. Defaults: ndots 1, timeout 5, attempts 2, port 53.
//
// Tests point discovery at a DNS server on another port with
// setResolvConfOverride(); the override is process-wide and thread-safe.
#pragma once

#include "core/status.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::discovery {

struct ResolvConf {
    std::vector<std::string> servers;  // IP addresses as written
    std::vector<std::string> search;
    int ndots = 1;
    int timeoutSeconds = 5;
    int attempts = 2;
    uint16_t port = 53;  // the file cannot set it; only the override does
};

ResolvConf parseResolvConf(std::string_view text);

// Reads the override's file (with its port) when one is set, else
// /etc/resolv.conf. NotFound / FailedPrecondition when unreadable, with the
// path in the message ("could not load resolv.conf: ...").
Result<ResolvConf> loadResolvConf();

// For tests: read `path` instead of /etc/resolv.conf and send queries to
// `port`. An empty path removes the override.
void setResolvConfOverride(std::string path, uint16_t port);

// The names to try for `name`, in order, as miekg/dns's NameList: a fully
// qualified name alone; otherwise the name itself first when it has more
// than ndots labels, then the name with each search domain, then the name
// itself last when it had too few labels. All returned names end with '.'.
std::vector<std::string> searchNames(const ResolvConf &conf, std::string_view name);

}  // namespace vigil::discovery
