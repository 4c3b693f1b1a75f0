#include "discovery/resolv_conf.h"

#include "discovery/dns_message.h"

#include <QFile>

#include <algorithm>
#include <charconv>
#include <mutex>
#include <sstream>

namespace vigil::discovery {

namespace {

std::mutex gOverrideMutex;
std::string gOverridePath;  // GUARDED_BY(gOverrideMutex)
uint16_t gOverridePort = 53;  // GUARDED_BY(gOverrideMutex)

// strconv.Atoi with the error ignored, as miekg/dns does: 0 when not a number.
int atoiOrZero(std::string_view s)
{
    int v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return 0;
    return v;
}

// miekg/dns's CountLabel: labels of a name, escapes respected.
int countLabels(std::string_view name)
{
    if (name.empty() || name == ".") return 0;
    int labels = 0;
    bool inLabel = false;
    for (size_t i = 0; i < name.size(); ++i) {
        if (name[i] == '\\') {
            ++i;
            inLabel = true;
            continue;
        }
        if (name[i] == '.') {
            if (inLabel) ++labels;
            inLabel = false;
        } else {
            inLabel = true;
        }
    }
    return labels + (inLabel ? 1 : 0);
}

}  // namespace

ResolvConf parseResolvConf(std::string_view text)
{
    ResolvConf c;
    std::istringstream in{std::string(text)};
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::vector<std::string> f;
        for (std::string w; fields >> w;) f.push_back(std::move(w));
        if (f.empty()) continue;
        if (f[0] == "nameserver") {
            if (f.size() > 1) c.servers.push_back(f[1]);
        } else if (f[0] == "domain") {
            c.search.clear();
            if (f.size() > 1) c.search.push_back(f[1]);
        } else if (f[0] == "search") {
            c.search.assign(f.begin() + 1, f.end());
        } else if (f[0] == "options") {
            for (size_t i = 1; i < f.size(); ++i) {
                const std::string_view o = f[i];
                if (o.starts_with("ndots:"))
                    c.ndots = std::clamp(atoiOrZero(o.substr(6)), 0, 15);
                else if (o.starts_with("timeout:"))
                    c.timeoutSeconds = std::max(1, atoiOrZero(o.substr(8)));
                else if (o.starts_with("attempts:"))
                    c.attempts = std::max(1, atoiOrZero(o.substr(9)));
            }
        }
    }
    return c;
}

void setResolvConfOverride(std::string path, uint16_t port)
{
    std::lock_guard lock(gOverrideMutex);
    gOverridePath = std::move(path);
    gOverridePort = port;
}

Result<ResolvConf> loadResolvConf()
{
    std::string path = "/etc/resolv.conf";
    uint16_t port = 53;
    {
        std::lock_guard lock(gOverrideMutex);
        if (!gOverridePath.empty()) {
            path = gOverridePath;
            port = gOverridePort;
        }
    }
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly)) {
        const std::string msg = "could not load resolv.conf: open " + path + ": " + f.errorString().toStdString();
        return f.exists() ? Status::failedPrecondition(msg) : Status::notFound(msg);
    }
    // A resolv.conf is a few hundred bytes; do not read an endless file.
    const QByteArray text = f.read(1 << 20);
    ResolvConf c = parseResolvConf(std::string_view(text.constData(), size_t(text.size())));
    c.port = port;
    return c;
}

std::vector<std::string> searchNames(const ResolvConf &conf, std::string_view name)
{
    const std::string fqdn = fullyQualified(name);
    if (fqdn.size() == name.size()) return {fqdn};
    const bool enoughDots = countLabels(name) > conf.ndots;
    std::vector<std::string> out;
    if (enoughDots) out.push_back(fqdn);
    for (const std::string &s : conf.search) out.push_back(fullyQualified(fqdn + s));
    if (!enoughDots) out.push_back(fqdn);
    return out;
}

}  // namespace vigil::discovery
