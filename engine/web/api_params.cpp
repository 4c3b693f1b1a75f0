#include "web/api_params.h"

#include "promql/duration.h"
#include "promql/parser.h"

#include <QHttpServerRequest>
#include <QUrl>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace vigil::web {

namespace {

std::string decodeComponent(QByteArray s)
{
    s.replace('+', ' ');
    return QByteArray::fromPercentEncoding(s).toStdString();
}

// Days since 1970-01-01 of a proleptic Gregorian date.
int64_t daysFromCivil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void civilFromDays(int64_t z, int64_t &y, unsigned &m, unsigned &d)
{
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}

bool digits(const std::string &s, size_t pos, size_t n, int &out)
{
    if (pos + n > s.size()) return false;
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}

// "2006-01-02T15:04:05.999999999Z07:00" (fraction optional, Z or +hh:mm).
bool parseRfc3339(const std::string &s, int64_t &ms)
{
    int y, mo, d, h, mi, se;
    if (!digits(s, 0, 4, y) || s.size() < 20 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
        !digits(s, 8, 2, d) || (s[10] != 'T' && s[10] != 't') || !digits(s, 11, 2, h) || s[13] != ':' ||
        !digits(s, 14, 2, mi) || s[16] != ':' || !digits(s, 17, 2, se)) {
        return false;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 59) return false;
    size_t pos = 19;
    int64_t fracMs = 0;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        size_t n = 0;
        int64_t scale = 100;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            if (n < 3) fracMs += (s[pos] - '0') * scale, scale /= 10;
            ++pos;
            ++n;
        }
        if (n == 0) return false;
    }
    if (pos >= s.size()) return false;
    int64_t offsetMin = 0;
    if (s[pos] == 'Z' || s[pos] == 'z') {
        ++pos;
    } else if (s[pos] == '+' || s[pos] == '-') {
        int oh, om;
        if (!digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
            !digits(s, pos + 4, 2, om)) {
            return false;
        }
        offsetMin = (oh * 60 + om) * (s[pos] == '-' ? -1 : 1);
        pos += 6;
    } else {
        return false;
    }
    if (pos != s.size()) return false;
    const int64_t days = daysFromCivil(y, unsigned(mo), unsigned(d));
    const int64_t secs = days * 86400 + h * 3600 + mi * 60 + se - offsetMin * 60;
    ms = secs * 1000 + fracMs;
    return true;
}

bool parseGoFloat(const std::string &s, double &out)
{
    if (s.empty() || std::isspace(static_cast<unsigned char>(s[0]))) return false;
    errno = 0;
    char *end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return end == s.c_str() + s.size() && errno != ERANGE;
}

}  // namespace

ApiParams ApiParams::fromEncoded(const QByteArray &query, const QByteArray &formBody)
{
    ApiParams p;
    p.addEncoded(formBody);
    p.addEncoded(query);
    return p;
}

ApiParams ApiParams::fromRequest(const QHttpServerRequest &request)
{
    QByteArray body;
    const bool hasBody = request.method() == QHttpServerRequest::Method::Post ||
                         request.method() == QHttpServerRequest::Method::Put ||
                         request.method() == QHttpServerRequest::Method::Patch;
    if (hasBody) {
        const QByteArray type = request.value(QByteArrayLiteral("content-type")).toLower();
        if (type.startsWith("application/x-www-form-urlencoded")) body = request.body();
    }
    return fromEncoded(request.url().query(QUrl::FullyEncoded).toUtf8(), body);
}

void ApiParams::addEncoded(const QByteArray &encoded)
{
    for (const QByteArray &part : encoded.split('&')) {
        if (part.isEmpty()) continue;
        const int eq = part.indexOf('=');
        if (eq < 0) {
            values_.emplace_back(decodeComponent(part), std::string());
        } else {
            values_.emplace_back(decodeComponent(part.left(eq)), decodeComponent(part.mid(eq + 1)));
        }
    }
}

bool ApiParams::has(const std::string &name) const
{
    for (const auto &[k, v] : values_) {
        if (k == name) return true;
    }
    return false;
}

std::string ApiParams::get(const std::string &name) const
{
    for (const auto &[k, v] : values_) {
        if (k == name) return v;
    }
    return {};
}

std::vector<std::string> ApiParams::all(const std::string &name) const
{
    std::vector<std::string> out;
    for (const auto &[k, v] : values_) {
        if (k == name) out.push_back(v);
    }
    return out;
}

Result<int64_t> parseApiTime(const std::string &s)
{
    double f = 0;
    if (parseGoFloat(s, f)) {
        if (!std::isfinite(f) || std::fabs(f) > 9.2e15) {
            return Status::invalidArgument("cannot parse \"" + s + "\" to a valid timestamp");
        }
        double whole = 0;
        double frac = std::modf(f, &whole);
        frac = std::round(frac * 1000) / 1000;
        return static_cast<int64_t>(whole) * 1000 + static_cast<int64_t>(std::llround(frac * 1000));
    }
    if (s == "-292273086-05-16T16:47:06Z") return kApiMinTimeMs;
    if (s == "292277025-08-18T07:12:54.999999999Z") return kApiMaxTimeMs;
    int64_t ms = 0;
    if (parseRfc3339(s, ms)) return ms;
    return Status::invalidArgument("cannot parse \"" + s + "\" to a valid timestamp");
}

Result<int64_t> parseApiDuration(const std::string &s)
{
    double f = 0;
    if (parseGoFloat(s, f)) {
        const double ns = f * 1e9;
        if (!(ns < 9.223372036854775807e18 && ns > -9.223372036854775808e18)) {
            return Status::invalidArgument("cannot parse \"" + s +
                                           "\" to a valid duration. It overflows int64");
        }
        return static_cast<int64_t>(static_cast<int64_t>(ns) / 1000000);
    }
    auto d = promql::parseDuration(s);
    if (d.isOk()) return *d;
    return Status::invalidArgument("cannot parse \"" + s + "\" to a valid duration");
}

Result<int64_t> timeParam(const ApiParams &p, const std::string &name, int64_t defaultMs)
{
    const std::string v = p.get(name);
    if (v.empty()) return defaultMs;
    auto t = parseApiTime(v);
    if (!t.isOk()) {
        return Status::invalidArgument("invalid parameter \"" + name + "\": Invalid time value for '" + name +
                                       "': " + t.status().message());
    }
    return t;
}

Result<std::vector<std::vector<model::Matcher>>> parseMatchParams(const std::vector<std::string> &values)
{
    std::vector<std::vector<model::Matcher>> out;
    for (const auto &v : values) {
        auto ms = promql::parseMetricSelector(v);
        if (!ms.isOk())
            return Status::invalidArgument("invalid parameter \"match[]\": " + ms.status().message());
        bool allEmpty = true;
        for (const auto &m : *ms) allEmpty = allEmpty && m.matchesEmpty();
        if (allEmpty) {
            return Status::invalidArgument(
                "invalid parameter \"match[]\": match[] must contain at least one non-empty matcher");
        }
        out.push_back(std::move(*ms));
    }
    return out;
}

std::string formatRfc3339Nano(int64_t ms)
{
    int64_t secs = ms / 1000;
    int64_t frac = ms % 1000;
    if (frac < 0) frac += 1000, secs -= 1;
    int64_t days = secs / 86400;
    int64_t rem = secs % 86400;
    if (rem < 0) rem += 86400, days -= 1;
    int64_t y;
    unsigned m, d;
    civilFromDays(days, y, m, d);
    char buf[64];
    int n = std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lld", static_cast<long long>(y),
                          m, d, static_cast<long long>(rem / 3600), static_cast<long long>(rem / 60 % 60),
                          static_cast<long long>(rem % 60));
    std::string out(buf, size_t(n));
    if (frac != 0) {
        char f[8];
        std::snprintf(f, sizeof f, ".%03lld", static_cast<long long>(frac));
        std::string fs(f);
        while (fs.back() == '0') fs.pop_back();
        out += fs;
    }
    out += 'Z';
    return out;
}

}  // namespace vigil::web
