// DNS wire format (RFC 1035, RFC 3596 AAAA, RFC 2782 SRV, RFC 6891 EDNS0):
// building one query and reading the answer section of a response, for the
// DNS service discovery client (dns_lookup.h).
//
// parseDnsMessage() reads hostile input (any host on the path can answer a
// UDP query): every length, count and offset is checked against the buffer,
// compression pointers must point strictly backwards (so a name cannot loop)
// and a name is at most 255 bytes on the wire and 63 per label. Anything
// malformed is an InvalidArgument error; nothing half-read is returned.
// Records of types other than A, AAAA, CNAME, MX and SRV are kept with only
// their header fields. Names are returned fully qualified in presentation
// format ("www.example.org."), with the escapes Go's miekg/dns uses
// ("\." inside a label, "\DDD" for bytes outside printable ASCII), because
// Prometheus puts them in labels as such. Pure functions; thread-safe.
#pragma once

#include "core/status.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::discovery {

namespace dns {
inline constexpr uint16_t kTypeA = 1;
inline constexpr uint16_t kTypeCname = 5;
inline constexpr uint16_t kTypeMx = 15;
inline constexpr uint16_t kTypeAaaa = 28;
inline constexpr uint16_t kTypeSrv = 33;
inline constexpr uint16_t kTypeOpt = 41;
inline constexpr uint16_t kClassIn = 1;
inline constexpr uint8_t kRcodeSuccess = 0;
inline constexpr uint8_t kRcodeNameError = 3;  // NXDOMAIN
// The EDNS0 UDP payload size Prometheus advertises (miekg/dns DefaultMsgSize).
inline constexpr uint16_t kEdnsUdpSize = 4096;
}  // namespace dns

struct DnsRecord {
    std::string name;  // owner name, fully qualified
    uint16_t type = 0;
    uint16_t rclass = 0;
    uint32_t ttl = 0;
    // A / AAAA: the address as Go's net.IP.String() prints it (dotted quad;
    // RFC 5952 for IPv6, IPv4-mapped IPv6 as a dotted quad).
    std::string address;
    // SRV: target; MX: exchange; CNAME: canonical name. Fully qualified.
    std::string target;
    uint16_t priority = 0;  // SRV priority, MX preference
    uint16_t weight = 0;    // SRV
    uint16_t port = 0;      // SRV
};

struct DnsMessage {
    uint16_t id = 0;
    bool response = false;   // QR
    bool truncated = false;  // TC: the answer did not fit; ask again over TCP
    uint8_t rcode = 0;       // low 4 bits of the header (EDNS extended bits ignored)
    std::vector<DnsRecord> answers;
};

// A standard query (RD set) for `fqdn` (must end with '.'; "\." and "\DDD"
// escapes are understood), optionally with an EDNS0 OPT record advertising
// dns::kEdnsUdpSize. InvalidArgument for an empty label, a label over 63
// bytes or a name over 255 bytes.
Result<std::string> encodeDnsQuery(uint16_t id, std::string_view fqdn, uint16_t qtype, bool edns);

// Parses the header, skips the question section and reads the answer
// section. Authority and additional sections are not read.
Result<DnsMessage> parseDnsMessage(std::string_view wire);

// "example.org" -> "example.org."; already qualified names are unchanged.
std::string fullyQualified(std::string_view name);

}  // namespace vigil::discovery
