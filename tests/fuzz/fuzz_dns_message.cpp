// libFuzzer target for the DNS service discovery client's decoders: DNS
// answers (dns_message.h: hostile input from the network, with compression
// pointers) and resolv.conf text.
//
// Invariants checked for any input:
//   - parseDnsMessage never crashes, loops or reads out of bounds (ASan);
//     an error is InvalidArgument;
//   - every name it returns is fully qualified and can be encoded into a
//     query again (it stays within the 255/63-byte limits), and that query
//     parses back as a message with no answers;
//   - parseResolvConf keeps ndots in [0, 15], timeout and attempts >= 1, and
//     every search candidate is fully qualified.
#include "discovery/dns_message.h"
#include "discovery/resolv_conf.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace vigil::discovery;

namespace {

void check(bool ok)
{
    if (!ok) std::abort();
}

void checkName(const std::string &name)
{
    check(!name.empty() && name.back() == '.');
    auto q = encodeDnsQuery(7, name, dns::kTypeA, true);
    check(q.isOk());
    auto back = parseDnsMessage(*q);
    check(back.isOk() && back->answers.empty() && back->id == 7);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view in(reinterpret_cast<const char *>(data), size);
    auto m = parseDnsMessage(in);
    if (!m.isOk()) {
        check(m.status().code() == vigil::Status::Code::InvalidArgument);
    } else {
        for (const DnsRecord &r : m->answers) {
            checkName(r.name);
            if (r.type == dns::kTypeSrv || r.type == dns::kTypeMx || r.type == dns::kTypeCname) checkName(r.target);
            if (r.type == dns::kTypeA || r.type == dns::kTypeAaaa) check(!r.address.empty());
        }
    }
    const ResolvConf c = parseResolvConf(in);
    check(c.ndots >= 0 && c.ndots <= 15 && c.timeoutSeconds >= 1 && c.attempts >= 1);
    if (size < 300) {
        for (const std::string &n : searchNames(c, in.substr(0, 40))) check(!n.empty() && n.back() == '.');
    }
    return 0;
}
