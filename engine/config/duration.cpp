#include "config/duration.h"

#include <cctype>
#include <limits>

namespace vigil::config {

namespace {

struct Unit {
    std::string_view name;
    int64_t ms;
};
constexpr Unit kUnits[] = {
    {"y", 365LL * 24 * 3600 * 1000}, {"w", 7LL * 24 * 3600 * 1000}, {"d", 24LL * 3600 * 1000},
    {"h", 3600LL * 1000},            {"m", 60LL * 1000},            {"s", 1000},
    {"ms", 1},
};

}  // namespace

Result<int64_t> parseDuration(std::string_view s)
{
    auto invalid = [&] { return Status::invalidArgument("not a valid duration string: \"" + std::string(s) + "\""); };
    if (s == "0") return int64_t(0);
    if (s.empty()) return invalid();
    int64_t total = 0;
    size_t pos = 0;
    int lastUnit = -1;
    while (pos < s.size()) {
        if (!std::isdigit(static_cast<unsigned char>(s[pos]))) return invalid();
        int64_t n = 0;
        while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
            if (n > std::numeric_limits<int64_t>::max() / 10) return invalid();
            n = n * 10 + (s[pos] - '0');
            ++pos;
        }
        size_t start = pos;
        while (pos < s.size() && std::isalpha(static_cast<unsigned char>(s[pos]))) ++pos;
        std::string_view unit = s.substr(start, pos - start);
        int idx = -1;
        for (int i = 0; i < int(std::size(kUnits)); ++i) {
            if (kUnits[i].name == unit) idx = i;
        }
        if (idx < 0 || idx <= lastUnit) return invalid();  // unknown, repeated or out of order
        lastUnit = idx;
        if (n > std::numeric_limits<int64_t>::max() / kUnits[idx].ms) return invalid();
        total += n * kUnits[idx].ms;
        if (total < 0) return invalid();
    }
    return total;
}

std::string formatDuration(int64_t ms)
{
    if (ms == 0) return "0s";
    std::string out;
    if (ms < 0) {
        out = "-";
        ms = -ms;
    }
    // Prometheus prints years/weeks only when they divide evenly.
    for (const auto &u : kUnits) {
        if ((u.name == "y" || u.name == "w") && ms % u.ms != 0) continue;
        if (ms >= u.ms) {
            out += std::to_string(ms / u.ms);
            out += u.name;
            ms %= u.ms;
        }
    }
    return out;
}

}  // namespace vigil::config
