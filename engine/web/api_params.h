// ApiParams: the parameters of one HTTP API request and the parsers for the
// value syntaxes Prometheus's API accepts (times, durations, match[]).
//
// Parameters come from the URL query and, for POST/PUT with
// Content-Type application/x-www-form-urlencoded, from the body; as with
// Go's Request.FormValue the body's values come first. '+' decodes to a space.
//
// Errors are InvalidArgument with Prometheus's wording so the API can return
// them verbatim as bad_data ("invalid parameter \"start\": cannot parse
// \"x\" to a valid timestamp").
//
// Thread safety: values; the functions are pure.
#pragma once

#include "core/status.h"
#include "model/matcher.h"

#include <QByteArray>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

class QHttpServerRequest;

namespace vigil::web {

// Prometheus's API MinTime / MaxTime in ms (the defaults of start and end of
// /series and /labels): far outside any real sample timestamp.
inline constexpr int64_t kApiMinTimeMs = -9223309901257974000LL;
inline constexpr int64_t kApiMaxTimeMs = 9223309901257974999LL;

class ApiParams {
public:
    ApiParams() = default;
    // Copies everything needed out of `request` (safe to use on another thread).
    static ApiParams fromRequest(const QHttpServerRequest &request);
    // From raw "a=1&b=2" strings (tests).
    static ApiParams fromEncoded(const QByteArray &query, const QByteArray &formBody = {});

    bool has(const std::string &name) const;
    // First value or "" when absent.
    std::string get(const std::string &name) const;
    std::vector<std::string> all(const std::string &name) const;

private:
    void addEncoded(const QByteArray &encoded);
    std::vector<std::pair<std::string, std::string>> values_;
};

// A unix timestamp in (fractional) seconds or an RFC 3339 time; also the
// formatted forms of kApiMinTimeMs/kApiMaxTimeMs. Returns ms since the epoch.
Result<int64_t> parseApiTime(const std::string &s);
// A float number of seconds or a Prometheus duration ("5m", "1h30m"). Returns ms.
Result<int64_t> parseApiDuration(const std::string &s);
// `name` parsed with parseApiTime, or `defaultMs` when absent/empty. The error
// names the parameter.
Result<int64_t> timeParam(const ApiParams &p, const std::string &name, int64_t defaultMs);

// Each match[] value as a series selector. InvalidArgument for a bad
// selector or one whose matchers all match the empty string.
Result<std::vector<std::vector<model::Matcher>>> parseMatchParams(const std::vector<std::string> &values);

// RFC 3339 with nanoseconds as Go prints it (trailing zeros trimmed), UTC.
std::string formatRfc3339Nano(int64_t ms);

}  // namespace vigil::web
