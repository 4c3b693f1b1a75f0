#include "promql/duration.h"

#include "promql/go_strconv.h"

#include <array>
#include <limits>

namespace vigil::promql {

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

constexpr std::array kUnits = {
    Unit{"y", kYear}, Unit{"w", kWeek}, Unit{"d", kDay}, Unit{"h", kHour},
    Unit{"m", kMinute}, Unit{"s", kSecond}, Unit{"ms", 1},
};

}  // namespace

Result<int64_t> parseDuration(std::string_view s)
{
    if (s == "0") return int64_t(0);
    if (s.empty()) return Status::invalidArgument("empty duration string");
    const auto invalid = [&] { return Status::invalidArgument("not a valid duration string: " + goQuote(s)); };
    const auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    // Prometheus caps durations at what fits time.Duration (int64 nanoseconds).
    constexpr int64_t kMaxMs = std::numeric_limits<int64_t>::max() / 1000000;
    size_t i = 0;
    size_t nextUnit = 0;  // units must appear in kUnits order, each at most once
    int64_t total = 0;
    while (i < s.size()) {
        if (!isDigit(s[i])) return invalid();
        int64_t v = 0;
        bool overflow = false;
        for (; i < s.size() && isDigit(s[i]); ++i) {
            if (v > (kMaxMs - (s[i] - '0')) / 10) overflow = true;
            if (!overflow) v = v * 10 + (s[i] - '0');
        }
        const size_t unitStart = i;
        while (i < s.size() && !isDigit(s[i])) ++i;
        if (i == unitStart) return invalid();
        const std::string_view unit = s.substr(unitStart, i - unitStart);
        size_t u = 0;
        while (u < kUnits.size() && kUnits[u].name != unit) ++u;
        if (u == kUnits.size()) {
            return Status::invalidArgument("unknown unit " + goQuote(unit) + " in duration " + goQuote(s));
        }
        if (u < nextUnit) return invalid();
        nextUnit = u + 1;
        if (overflow || (v != 0 && kUnits[u].ms > kMaxMs / v)) return Status::invalidArgument("duration out of range");
        v *= kUnits[u].ms;
        if (total > kMaxMs - v) return Status::invalidArgument("duration out of range");
        total += v;
    }
    return total;
}

std::string formatDuration(int64_t ms)
{
    if (ms == 0) return "0s";
    std::string out;
    if (ms < 0) {
        out.push_back('-');
        ms = -ms;
    }
    for (const auto &u : kUnits) {
        const bool exactOnly = u.ms == kYear || u.ms == kWeek;
        if (exactOnly && ms % u.ms != 0) continue;
        const int64_t v = ms / u.ms;
        if (v > 0) {
            out += std::to_string(v);
            out += u.name;
            ms -= v * u.ms;
        }
    }
    return out;
}

}  // namespace vigil::promql
