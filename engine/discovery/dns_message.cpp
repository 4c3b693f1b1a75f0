#include "discovery/dns_message.h"

#include <algorithm>
#include <cstdio>

namespace vigil::discovery {

namespace {

constexpr size_t kHeaderBytes = 12;
constexpr size_t kMaxNameWireBytes = 255;
constexpr size_t kMaxLabelBytes = 63;

Status malformed(const std::string &what)
{
    return Status::invalidArgument("malformed DNS message: " + what);
}

uint16_t u16(std::string_view w, size_t p)
{
    return uint16_t((uint8_t(w[p]) << 8) | uint8_t(w[p + 1]));
}

uint32_t u32(std::string_view w, size_t p)
{
    return (uint32_t(u16(w, p)) << 16) | u16(w, p + 2);
}

void putU16(std::string *out, uint16_t v)
{
    out->push_back(char(v >> 8));
    out->push_back(char(v & 0xff));
}

// Appends one label's bytes in presentation format, escaped as miekg/dns does.
void appendLabel(std::string_view label, std::string *out)
{
    for (const char ch : label) {
        const auto b = uint8_t(ch);
        switch (b) {
        case '.': case ' ': case '\'': case '@': case ';': case '(': case ')': case '"': case '\\':
            out->push_back('\\');
            out->push_back(ch);
            break;
        default:
            if (b < ' ' || b > '~') {
                char buf[5];
                std::snprintf(buf, sizeof buf, "\\%03u", unsigned(b));
                out->append(buf);
            } else {
                out->push_back(ch);
            }
        }
    }
}

// Reads a (possibly compressed) name starting at *off; advances *off past
// the name's bytes at that place (a pointer counts 2 bytes).
Status readName(std::string_view w, size_t *off, std::string *out)
{
    out->clear();
    size_t pos = *off;
    size_t bound = pos;  // a pointer must point before every place read so far
    size_t after = 0;    // where the caller continues; set at the first pointer
    size_t wireBytes = 1;
    for (;;) {
        if (pos >= w.size()) return malformed("name runs past the end");
        const auto c = uint8_t(w[pos]);
        if ((c & 0xC0) == 0xC0) {
            if (pos + 1 >= w.size()) return malformed("truncated compression pointer");
            const size_t target = size_t(u16(w, pos) & 0x3FFF);
            if (target >= bound) return malformed("compression pointer does not point backwards");
            if (after == 0) after = pos + 2;
            pos = bound = target;
            continue;
        }
        if ((c & 0xC0) != 0) return malformed("unsupported label type");
        if (c == 0) {
            if (after == 0) after = pos + 1;
            break;
        }
        if (c > kMaxLabelBytes) return malformed("label too long");  // unreachable with 6 bits; kept for clarity
        if (pos + 1 + c > w.size()) return malformed("label runs past the end");
        wireBytes += 1 + size_t(c);
        if (wireBytes > kMaxNameWireBytes) return malformed("name longer than 255 bytes");
        appendLabel(w.substr(pos + 1, c), out);
        out->push_back('.');
        pos += 1 + size_t(c);
    }
    if (out->empty()) *out = ".";
    *off = after;
    return Status::ok();
}

std::string formatIpv4(std::string_view b)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%u.%u.%u.%u", unsigned(uint8_t(b[0])), unsigned(uint8_t(b[1])),
                  unsigned(uint8_t(b[2])), unsigned(uint8_t(b[3])));
    return buf;
}

// Go's net.IP.String() for 16 bytes: IPv4-mapped as a dotted quad, else
// RFC 5952 (lower-case hex, the first longest run of >= 2 zero groups as "::").
std::string formatIpv6(std::string_view b)
{
    bool mapped = uint8_t(b[10]) == 0xff && uint8_t(b[11]) == 0xff;
    for (int i = 0; i < 10 && mapped; ++i) mapped = b[size_t(i)] == 0;
    if (mapped) return formatIpv4(b.substr(12));
    uint16_t g[8];
    for (int i = 0; i < 8; ++i) g[i] = u16(b, size_t(2 * i));
    int bestStart = -1, bestLen = 0;
    for (int i = 0; i < 8;) {
        if (g[i] != 0) {
            ++i;
            continue;
        }
        int j = i;
        while (j < 8 && g[j] == 0) ++j;
        if (j - i > bestLen && j - i >= 2) {
            bestStart = i;
            bestLen = j - i;
        }
        i = j;
    }
    std::string s;
    char buf[8];
    for (int i = 0; i < 8; ++i) {
        if (i == bestStart) {
            s += "::";
            i += bestLen - 1;
            continue;
        }
        if (!s.empty() && s.back() != ':') s += ':';
        std::snprintf(buf, sizeof buf, "%x", unsigned(g[i]));
        s += buf;
    }
    return s;
}

Status readRecord(std::string_view w, size_t *off, DnsRecord *r)
{
    VIGIL_RETURN_IF_ERROR(readName(w, off, &r->name));
    if (*off + 10 > w.size()) return malformed("record header runs past the end");
    r->type = u16(w, *off);
    r->rclass = u16(w, *off + 2);
    r->ttl = u32(w, *off + 4);
    const size_t rdlen = u16(w, *off + 8);
    const size_t start = *off + 10;
    const size_t end = start + rdlen;
    if (end > w.size()) return malformed("record data runs past the end");
    const std::string_view rdata = w.substr(start, rdlen);
    size_t p = start;
    switch (r->type) {
    case dns::kTypeA:
        if (rdlen != 4) return malformed("A record of " + std::to_string(rdlen) + " bytes");
        r->address = formatIpv4(rdata);
        break;
    case dns::kTypeAaaa:
        if (rdlen != 16) return malformed("AAAA record of " + std::to_string(rdlen) + " bytes");
        r->address = formatIpv6(rdata);
        break;
    case dns::kTypeCname:
        VIGIL_RETURN_IF_ERROR(readName(w, &p, &r->target));
        break;
    case dns::kTypeMx:
        if (rdlen < 3) return malformed("MX record too short");
        r->priority = u16(w, start);
        p = start + 2;
        VIGIL_RETURN_IF_ERROR(readName(w, &p, &r->target));
        break;
    case dns::kTypeSrv:
        if (rdlen < 7) return malformed("SRV record too short");
        r->priority = u16(w, start);
        r->weight = u16(w, start + 2);
        r->port = u16(w, start + 4);
        p = start + 6;
        VIGIL_RETURN_IF_ERROR(readName(w, &p, &r->target));
        break;
    default:
        p = end;
        break;
    }
    // The name inside the data must end where the data ends.
    if (p != end && (r->type == dns::kTypeCname || r->type == dns::kTypeMx || r->type == dns::kTypeSrv))
        return malformed("record data length does not match its contents");
    *off = end;
    return Status::ok();
}

}  // namespace

std::string fullyQualified(std::string_view name)
{
    // Qualified when the last '.' is not escaped (an even number of '\' before it).
    if (!name.empty() && name.back() == '.') {
        size_t slashes = 0;
        for (size_t i = name.size() - 1; i > 0 && name[i - 1] == '\\'; --i) ++slashes;
        if (slashes % 2 == 0) return std::string(name);
    }
    return std::string(name) + ".";
}

Result<std::string> encodeDnsQuery(uint16_t id, std::string_view fqdn, uint16_t qtype, bool edns)
{
    std::string out;
    putU16(&out, id);
    putU16(&out, 0x0100);  // standard query, recursion desired
    putU16(&out, 1);       // QDCOUNT
    putU16(&out, 0);
    putU16(&out, 0);
    putU16(&out, edns ? 1 : 0);  // ARCOUNT: the OPT record
    // Labels from presentation format.
    std::string label;
    size_t wireBytes = 1;
    auto flush = [&]() -> Status {
        if (label.empty()) return Status::invalidArgument("empty label in DNS name \"" + std::string(fqdn) + "\"");
        if (label.size() > kMaxLabelBytes)
            return Status::invalidArgument("label longer than 63 bytes in DNS name \"" + std::string(fqdn) + "\"");
        wireBytes += 1 + label.size();
        if (wireBytes > kMaxNameWireBytes)
            return Status::invalidArgument("DNS name longer than 255 bytes: \"" + std::string(fqdn) + "\"");
        out.push_back(char(label.size()));
        out += label;
        label.clear();
        return Status::ok();
    };
    if (fqdn != ".") {
        if (fqdn.empty() || fullyQualified(fqdn).size() != fqdn.size())
            return Status::invalidArgument("DNS name \"" + std::string(fqdn) + "\" is not fully qualified");
        for (size_t i = 0; i < fqdn.size(); ++i) {
            const char c = fqdn[i];
            if (c == '.') {
                VIGIL_RETURN_IF_ERROR(flush());
            } else if (c == '\\' && i + 1 < fqdn.size()) {
                const auto d = [&](size_t k) { return k < fqdn.size() && fqdn[k] >= '0' && fqdn[k] <= '9'; };
                if (d(i + 1) && d(i + 2) && d(i + 3)) {
                    const int v = (fqdn[i + 1] - '0') * 100 + (fqdn[i + 2] - '0') * 10 + (fqdn[i + 3] - '0');
                    if (v > 255) return Status::invalidArgument("bad escape in DNS name \"" + std::string(fqdn) + "\"");
                    label.push_back(char(v));
                    i += 3;
                } else {
                    label.push_back(fqdn[++i]);
                }
            } else {
                label.push_back(c);
            }
        }
    }
    out.push_back('\0');
    putU16(&out, qtype);
    putU16(&out, dns::kClassIn);
    if (edns) {
        out.push_back('\0');  // root owner name
        putU16(&out, dns::kTypeOpt);
        putU16(&out, dns::kEdnsUdpSize);  // class: requester's UDP payload size
        putU16(&out, 0);                  // TTL: extended rcode, version 0 ...
        putU16(&out, 0);                  // ... and flags (DO clear)
        putU16(&out, 0);                  // no options
    }
    return out;
}

Result<DnsMessage> parseDnsMessage(std::string_view w)
{
    if (w.size() < kHeaderBytes) return malformed("shorter than its header");
    DnsMessage m;
    m.id = u16(w, 0);
    const uint16_t flags = u16(w, 2);
    m.response = (flags & 0x8000) != 0;
    m.truncated = (flags & 0x0200) != 0;
    m.rcode = uint8_t(flags & 0x000F);
    const size_t qd = u16(w, 4), an = u16(w, 6);
    // A truncated answer is asked again over TCP: its sections are not read.
    if (m.truncated) return m;
    size_t off = kHeaderBytes;
    std::string name;
    for (size_t i = 0; i < qd; ++i) {
        VIGIL_RETURN_IF_ERROR(readName(w, &off, &name));
        if (off + 4 > w.size()) return malformed("question runs past the end");
        off += 4;
    }
    // Each record takes at least 11 bytes: do not trust the count for reserve().
    m.answers.reserve(std::min(an, (w.size() - off) / 11));
    for (size_t i = 0; i < an; ++i) {
        DnsRecord r;
        VIGIL_RETURN_IF_ERROR(readRecord(w, &off, &r));
        m.answers.push_back(std::move(r));
    }
    return m;
}

}  // namespace vigil::discovery
