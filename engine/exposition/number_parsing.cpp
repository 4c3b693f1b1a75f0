#include "exposition/number_parsing.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>

namespace vigil::exposition {
namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
bool isHexDigit(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool equalsIgnoreCase(std::string_view a, std::string_view lowerB)
{
    if (a.size() != lowerB.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        if (c != lowerB[i]) return false;
    }
    return true;
}

// [+-](inf|infinity) and nan, case-insensitive; sign only for inf.
bool parseSpecial(std::string_view s, double *out)
{
    if (s.empty()) return false;
    if (equalsIgnoreCase(s, "nan")) {
        *out = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    bool neg = false;
    if (s[0] == '+' || s[0] == '-') {
        neg = s[0] == '-';
        s.remove_prefix(1);
    }
    if (equalsIgnoreCase(s, "inf") || equalsIgnoreCase(s, "infinity")) {
        *out = neg ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
        return true;
    }
    return false;
}

// Validates [+-](digits[.digits?]|.digits)([eE][+-]digits)? and converts.
bool parseDecimal(std::string_view s, double *out)
{
    size_t i = 0;
    bool neg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    const size_t mantissaBegin = i;
    size_t intDigits = 0, fracDigits = 0;
    // Position of the first non-zero digit relative to the point, to tell
    // overflow from underflow when from_chars reports out of range.
    long magnitude = 0;
    bool sawNonZero = false;
    while (i < s.size() && isDigit(s[i])) {
        if (s[i] != '0' && !sawNonZero) sawNonZero = true;
        if (sawNonZero) ++magnitude;
        ++i, ++intDigits;
    }
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && isDigit(s[i])) {
            if (!sawNonZero) {
                if (s[i] != '0')
                    sawNonZero = true;
                else
                    --magnitude;
            }
            ++i, ++fracDigits;
        }
    }
    if (intDigits + fracDigits == 0) return false;
    long exponent = 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        bool expNeg = false;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) expNeg = s[i++] == '-';
        if (i == s.size() || !isDigit(s[i])) return false;
        while (i < s.size() && isDigit(s[i])) {
            if (exponent < 100000) exponent = exponent * 10 + (s[i] - '0');
            ++i;
        }
        if (expNeg) exponent = -exponent;
    }
    if (i != s.size()) return false;

    // Fast path (exact): a mantissa of at most 2^53 scaled by 10^k, |k| <= 22,
    // is one correctly rounded IEEE operation on two exact doubles.
    const size_t digits = intDigits + fracDigits;
    const long e10 = exponent - long(fracDigits);
    if (digits <= 19 && e10 >= -22 && e10 <= 22) {
        uint64_t m = 0;
        for (size_t k = mantissaBegin, n = 0; n < digits; ++k) {
            if (s[k] == '.') continue;
            m = m * 10 + uint64_t(s[k] - '0');
            ++n;
        }
        if (m <= (uint64_t(1) << 53)) {
            static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                                1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
            double v = double(m);
            v = e10 >= 0 ? v * kPow10[e10] : v / kPow10[-e10];
            *out = neg ? -v : v;
            return true;
        }
    }

    double v = 0;
    const char *first = s.data() + mantissaBegin;
    auto [ptr, ec] = std::from_chars(first, s.data() + s.size(), v, std::chars_format::general);
    if (ec == std::errc::result_out_of_range) {
        if (!sawNonZero || magnitude + exponent <= 0) {
            v = 0;  // underflow: rounds to zero, as Go does
        } else {
            return false;  // overflow
        }
    } else if (ec != std::errc() || ptr != s.data() + s.size()) {
        return false;
    }
    *out = neg ? -v : v;
    return true;
}

// [+-]0x<hex>[.<hex>]p[+-]digits (Go requires the p exponent).
bool parseHex(std::string_view s, double *out)
{
    size_t i = 0;
    bool neg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    if (s.size() - i < 2 || s[i] != '0' || (s[i + 1] != 'x' && s[i + 1] != 'X')) return false;
    i += 2;
    const size_t body = i;
    size_t digits = 0;
    while (i < s.size() && isHexDigit(s[i])) ++i, ++digits;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && isHexDigit(s[i])) ++i, ++digits;
    }
    if (digits == 0 || i == s.size() || (s[i] != 'p' && s[i] != 'P')) return false;
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (i == s.size()) return false;
    while (i < s.size() && isDigit(s[i])) ++i;
    if (i != s.size()) return false;
    double v = 0;
    auto [ptr, ec] = std::from_chars(s.data() + body, s.data() + s.size(), v, std::chars_format::hex);
    if (ec != std::errc() || ptr != s.data() + s.size()) return false;
    *out = neg ? -v : v;
    return true;
}

}  // namespace

bool parseTextFloat(std::string_view s, double *out)
{
    if (s.empty()) return false;
    const char c = s[0] == '+' || s[0] == '-' ? (s.size() > 1 ? s[1] : '\0') : s[0];
    if (isDigit(c) || c == '.') {
        if (s.size() > 2 && (s.find('x') != std::string_view::npos || s.find('X') != std::string_view::npos))
            return parseHex(s, out);
        return parseDecimal(s, out);
    }
    return parseSpecial(s, out);
}

bool parseOpenMetricsNumber(std::string_view s, double *out)
{
    if (s.empty()) return false;
    const char c = s[0] == '+' || s[0] == '-' ? (s.size() > 1 ? s[1] : '\0') : s[0];
    if (isDigit(c) || c == '.') return parseDecimal(s, out);
    return parseSpecial(s, out);
}

bool parseOpenMetricsRealNumber(std::string_view s, double *out)
{
    return parseDecimal(s, out);
}

bool parseInt64(std::string_view s, int64_t *out)
{
    if (s.empty()) return false;
    const char *first = s.data();
    const char *last = s.data() + s.size();
    if (*first == '+') {
        ++first;
        if (first == last || *first == '-') return false;
    }
    auto [ptr, ec] = std::from_chars(first, last, *out);
    return ec == std::errc() && ptr == last;
}

}  // namespace vigil::exposition
