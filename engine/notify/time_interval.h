// TimeInterval: Alertmanager's time_intervals entries (times, weekdays,
// days_of_month, months, years, location) and whether an instant falls in
// one. An interval matches when every field that is set matches; an empty
// field matches everything. Ranges are inclusive except time ranges, whose
// end minute is exclusive ("17:00"-"24:00"). Negative days_of_month count
// from the end of the month (-1 is the last day).
//
// Pure values and functions; thread-safe.
#pragma once

#include "core/status.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::notify {

struct IntRange {
    int begin = 0;
    int end = 0;
};

struct TimeInterval {
    std::vector<IntRange> times;        // minutes of the day, [begin, end)
    std::vector<IntRange> weekdays;     // 0 = Sunday .. 6 = Saturday
    std::vector<IntRange> daysOfMonth;  // 1..31 or -31..-1
    std::vector<IntRange> months;       // 1..12
    std::vector<IntRange> years;
    std::string location = "UTC";       // IANA zone name, or "Local"

    bool contains(int64_t timeMs) const;
};

// True when `timeMs` is in any of `intervals`.
bool inAnyInterval(const std::vector<TimeInterval> &intervals, int64_t timeMs);

// Field parsers ("monday:friday", "1:5", "-3:-1", "january:march", "17:00");
// InvalidArgument with Alertmanager-like wording.
Result<IntRange> parseWeekdayRange(std::string_view s);
Result<IntRange> parseDayOfMonthRange(std::string_view s);
Result<IntRange> parseMonthRange(std::string_view s);
Result<IntRange> parseYearRange(std::string_view s);
Result<int> parseClockTime(std::string_view s);  // "HH:MM" -> minutes, 24:00 allowed
Status checkLocation(const std::string &name);

}  // namespace vigil::notify
