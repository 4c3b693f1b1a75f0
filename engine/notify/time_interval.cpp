#include "notify/time_interval.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace vigil::notify {

namespace {

constexpr const char *kWeekdays[] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
constexpr const char *kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                   "july",    "august",   "september", "october", "november", "december"};

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char &c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool parseInt(std::string_view s, int *out)
{
    if (s.empty()) return false;
    auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

// "a" or "a:b" where each side goes through `one`.
template <typename F>
Result<IntRange> parseRange(std::string_view s, F one, const char *what)
{
    const size_t colon = s.find(':');
    std::string_view a = colon == std::string_view::npos ? s : s.substr(0, colon);
    std::string_view b = colon == std::string_view::npos ? s : s.substr(colon + 1);
    int x = 0, y = 0;
    if (!one(a, &x) || !one(b, &y))
        return Status::invalidArgument(std::string("invalid ") + what + " range: \"" + std::string(s) + "\"");
    if (x > y)
        return Status::invalidArgument(std::string("start ") + what + " cannot be after end " + what + ": \"" +
                                       std::string(s) + "\"");
    return IntRange{x, y};
}

bool inRanges(const std::vector<IntRange> &rs, int v)
{
    if (rs.empty()) return true;
    return std::any_of(rs.begin(), rs.end(), [v](const IntRange &r) { return v >= r.begin && v <= r.end; });
}

QTimeZone zoneFor(const std::string &location)
{
    if (location.empty() || location == "UTC") return QTimeZone::utc();
    if (location == "Local") return QTimeZone::systemTimeZone();
    return QTimeZone(QByteArray::fromStdString(location));
}

}  // namespace

Result<IntRange> parseWeekdayRange(std::string_view s)
{
    return parseRange(
        s,
        [](std::string_view p, int *out) {
            const std::string l = lower(p);
            for (int i = 0; i < 7; ++i)
                if (l == kWeekdays[i]) return *out = i, true;
            return false;
        },
        "weekday");
}

Result<IntRange> parseMonthRange(std::string_view s)
{
    return parseRange(
        s,
        [](std::string_view p, int *out) {
            const std::string l = lower(p);
            for (int i = 0; i < 12; ++i)
                if (l == kMonths[i]) return *out = i + 1, true;
            return parseInt(p, out) && *out >= 1 && *out <= 12;
        },
        "month");
}

Result<IntRange> parseDayOfMonthRange(std::string_view s)
{
    // A leading '-' belongs to the number, so split on the ':' after it.
    const size_t colon = s.find(':', s.empty() || s[0] != '-' ? 0 : 1);
    std::string_view a = colon == std::string_view::npos ? s : s.substr(0, colon);
    std::string_view b = colon == std::string_view::npos ? s : s.substr(colon + 1);
    int x = 0, y = 0;
    auto ok = [](std::string_view p, int *v) { return parseInt(p, v) && *v != 0 && *v >= -31 && *v <= 31; };
    if (!ok(a, &x) || !ok(b, &y))
        return Status::invalidArgument("invalid day of month range: \"" + std::string(s) + "\"");
    if ((x > 0) == (y > 0) && x > y)
        return Status::invalidArgument("start day cannot be after end day: \"" + std::string(s) + "\"");
    if (x < 0 && y > 0)
        return Status::invalidArgument("a negative start day needs a negative end day: \"" + std::string(s) + "\"");
    return IntRange{x, y};
}

Result<IntRange> parseYearRange(std::string_view s)
{
    return parseRange(
        s, [](std::string_view p, int *out) { return parseInt(p, out) && *out >= 0; }, "year");
}

Result<int> parseClockTime(std::string_view s)
{
    int h = 0, m = 0;
    if (s.size() != 5 || s[2] != ':' || !parseInt(s.substr(0, 2), &h) || !parseInt(s.substr(3, 2), &m) || h < 0 ||
        h > 24 || m < 0 || m > 59 || (h == 24 && m != 0))
        return Status::invalidArgument("couldn't parse timestamp " + std::string(s) + ", invalid format");
    return h * 60 + m;
}

Status checkLocation(const std::string &name)
{
    if (name.empty() || name == "UTC" || name == "Local") return Status::ok();
    if (!QTimeZone(QByteArray::fromStdString(name)).isValid())
        return Status::invalidArgument("unknown time zone " + name);
    return Status::ok();
}

bool TimeInterval::contains(int64_t timeMs) const
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(timeMs, zoneFor(location));
    const QDate d = t.date();
    const int minute = t.time().hour() * 60 + t.time().minute();
    if (!times.empty() && !std::any_of(times.begin(), times.end(), [minute](const IntRange &r) {
            return minute >= r.begin && minute < r.end;
        }))
        return false;
    if (!inRanges(weekdays, d.dayOfWeek() % 7)) return false;  // Qt: Monday=1..Sunday=7
    if (!daysOfMonth.empty()) {
        const int dim = d.daysInMonth();
        bool any = false;
        for (const IntRange &r : daysOfMonth) {
            const int b = r.begin < 0 ? dim + r.begin + 1 : r.begin;
            const int e = r.end < 0 ? dim + r.end + 1 : r.end;
            if (d.day() >= b && d.day() <= e) any = true;
        }
        if (!any) return false;
    }
    if (!inRanges(months, d.month())) return false;
    if (!inRanges(years, d.year())) return false;
    return true;
}

bool inAnyInterval(const std::vector<TimeInterval> &intervals, int64_t timeMs)
{
    return std::any_of(intervals.begin(), intervals.end(),
                       [timeMs](const TimeInterval &ti) { return ti.contains(timeMs); });
}

}  // namespace vigil::notify
