#include "scrape/units.h"

#include <cctype>
#include <limits>

namespace vigil::scrape {

namespace {

constexpr int64_t kSecond = 1000;
constexpr int64_t kMinute = 60 * kSecond;
constexpr int64_t kHour = 60 * kMinute;
constexpr int64_t kDay = 24 * kHour;
constexpr int64_t kWeek = 7 * kDay;
constexpr int64_t kYear = 365 * kDay;

struct Unit {
    std::string_view name;
    int64_t ms;
};
// Order matters: largest first, and "ms" before "m" so the longer suffix wins.
constexpr Unit kUnits[] = {{"y", kYear}, {"w", kWeek},   {"d", kDay},   {"h", kHour},
                           {"ms", 1},    {"m", kMinute}, {"s", kSecond}};
// Rank of each unit in the required order (ms is the smallest).
int rankOf(std::string_view u)
{
    static constexpr std::string_view order[] = {"y", "w", "d", "h", "m", "s", "ms"};
    for (int i = 0; i < 7; ++i)
        if (order[i] == u) return i;
    return -1;
}

Status badDuration(std::string_view s)
{
    return Status::invalidArgument("not a valid duration string: \"" + std::string(s) + "\"");
}

bool readInt(std::string_view s, size_t *pos, int64_t *out)
{
    size_t i = *pos;
    int64_t v = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        if (v > (std::numeric_limits<int64_t>::max() - 9) / 10) return false;
        v = v * 10 + (s[i] - '0');
        ++i;
    }
    if (i == *pos) return false;
    *pos = i;
    *out = v;
    return true;
}

}  // namespace

Result<int64_t> parseDuration(std::string_view s)
{
    if (s == "0") return int64_t{0};
    if (s.empty()) return badDuration(s);
    size_t pos = 0;
    int lastRank = -1;
    int64_t total = 0;
    while (pos < s.size()) {
        int64_t n = 0;
        if (!readInt(s, &pos, &n)) return badDuration(s);
        const Unit *unit = nullptr;
        for (const Unit &u : kUnits) {
            if (s.substr(pos, u.name.size()) == u.name) {
                unit = &u;
                break;
            }
        }
        if (!unit) return badDuration(s);
        pos += unit->name.size();
        const int rank = rankOf(unit->name);
        if (rank <= lastRank) return badDuration(s);
        lastRank = rank;
        if (n > (std::numeric_limits<int64_t>::max() - total) / unit->ms) return badDuration(s);
        total += n * unit->ms;
    }
    return total;
}

std::string formatDuration(int64_t ms)
{
    if (ms == 0) return "0s";
    std::string r;
    if (ms < 0) {
        r = "-";
        ms = -ms;
    }
    auto f = [&](const char *unit, int64_t mult, bool exact) {
        if (exact && ms % mult != 0) return;
        if (const int64_t v = ms / mult; v > 0) {
            r += std::to_string(v) + unit;
            ms -= v * mult;
        }
    };
    f("y", kYear, true);
    f("w", kWeek, true);
    f("d", kDay, false);
    f("h", kHour, false);
    f("m", kMinute, false);
    f("s", kSecond, false);
    f("ms", 1, false);
    return r;
}

Result<int64_t> parseByteSize(std::string_view s)
{
    auto bad = [&] { return Status::invalidArgument("not a valid byte size: \"" + std::string(s) + "\""); };
    if (s == "0") return int64_t{0};
    if (s.empty()) return bad();
    size_t pos = 0;
    int64_t total = 0;
    while (pos < s.size()) {
        int64_t n = 0;
        if (!readInt(s, &pos, &n)) return bad();
        size_t end = pos;
        while (end < s.size() && std::isalpha(static_cast<unsigned char>(s[end]))) ++end;
        std::string_view unit = s.substr(pos, end - pos);
        pos = end;
        int shift = -1;
        static constexpr std::string_view prefixes = "KMGTPE";
        if (unit == "B") {
            shift = 0;
        } else if ((unit.size() == 2 && unit[1] == 'B') || (unit.size() == 3 && unit.substr(1) == "iB")) {
            const size_t p = prefixes.find(unit[0]);
            if (p != std::string_view::npos) shift = 10 * int(p + 1);
        }
        if (shift < 0) return bad();
        if (shift >= 63 || n > ((std::numeric_limits<int64_t>::max() - total) >> shift)) return bad();
        total += n << shift;
    }
    return total;
}

}  // namespace vigil::scrape
