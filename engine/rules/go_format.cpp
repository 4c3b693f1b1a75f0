#include "rules/go_format.h"

#include "promql/go_strconv.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

namespace vigil::rules {

namespace {

// Shortest round-trip digits of |v| (finite, non-zero) and the decimal
// exponent of the first digit: 1234.5 -> ("12345", 3).
void shortestDigits(double v, std::string *digits, int *exp)
{
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, std::fabs(v), std::chars_format::scientific);
    std::string s(buf, r.ptr);
    const size_t e = s.find('e');
    digits->clear();
    for (size_t i = 0; i < e; ++i) {
        if (s[i] != '.') digits->push_back(s[i]);
    }
    *exp = std::stoi(s.substr(e + 1));
}

std::string specialFloat(double v, bool plus)
{
    if (std::isnan(v)) return "NaN";
    if (v > 0) return plus ? "+Inf" : "+Inf";
    return "-Inf";
}

std::string exponentSuffix(int exp)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    return buf;
}

}  // namespace

std::string goFormatFloatV(double v)
{
    if (!std::isfinite(v)) return specialFloat(v, true);
    if (v == 0) return std::signbit(v) ? "-0" : "0";
    std::string digits;
    int exp = 0;
    shortestDigits(v, &digits, &exp);
    std::string out = v < 0 ? "-" : "";
    if (exp < -4 || exp >= 6) {  // strconv uses precision 6 for this decision when shortest
        out += digits.substr(0, 1);
        if (digits.size() > 1) out += "." + digits.substr(1);
        return out + exponentSuffix(exp);
    }
    if (exp < 0) return out + "0." + std::string(size_t(-exp - 1), '0') + digits;
    if (size_t(exp + 1) >= digits.size()) return out + digits + std::string(size_t(exp + 1) - digits.size(), '0');
    return out + digits.substr(0, size_t(exp + 1)) + "." + digits.substr(size_t(exp + 1));
}

std::string goFormatFloatG(double v, int prec)
{
    if (!std::isfinite(v)) return specialFloat(v, true);
    char buf[512];
    std::snprintf(buf, sizeof buf, "%.*g", prec, v);  // C's %g equals Go's for an explicit precision
    return buf;
}

std::string goQuoteString(std::string_view s) { return promql::goQuote(s); }

namespace {

struct Spec {
    bool minus = false, plus = false, zero = false, space = false, sharp = false;
    int width = -1;
    int prec = -1;
};

std::string pad(std::string s, const Spec &sp, bool numeric)
{
    if (sp.width < 0 || int(s.size()) >= sp.width) return s;
    const size_t n = size_t(sp.width) - s.size();
    if (sp.minus) return s + std::string(n, ' ');
    if (sp.zero && numeric) {
        size_t signLen = (!s.empty() && (s[0] == '-' || s[0] == '+' || s[0] == ' ')) ? 1 : 0;
        return s.substr(0, signLen) + std::string(n, '0') + s.substr(signLen);
    }
    return std::string(n, ' ') + s;
}

std::string withSign(std::string s, double neg, const Spec &sp)
{
    if (neg) return s;
    if (sp.plus) return "+" + s;
    if (sp.space) return " " + s;
    return s;
}

std::string badVerb(char verb, const TemplateValue &v)
{
    return std::string("%!") + verb + "(" + v.goType() + "=" + v.print() + ")";
}

std::string formatFloatVerb(double f, char verb, const Spec &sp)
{
    if (!std::isfinite(f)) {
        std::string s = std::isnan(f) ? "NaN" : (f > 0 ? (sp.plus ? "+Inf" : (sp.space ? " Inf" : "+Inf")) : "-Inf");
        if (std::isnan(f) && sp.plus) s = "+NaN";
        Spec p = sp;
        p.zero = false;
        return pad(s, p, false);
    }
    std::string s;
    if (verb == 'v' || ((verb == 'g' || verb == 'G') && sp.prec < 0)) {
        s = goFormatFloatV(f);
        if (verb == 'G') for (auto &c : s) c = char(std::toupper(static_cast<unsigned char>(c)));
    } else {
        char fmt[8] = {'%', '.', '*', verb == 'F' ? 'f' : verb, 0};
        int prec = sp.prec < 0 ? 6 : sp.prec;
        char buf[512];
        std::snprintf(buf, sizeof buf, fmt, prec, f);
        s = buf;
    }
    return pad(withSign(s, f < 0 || std::signbit(f), sp), sp, true);
}

std::string formatIntVerb(int64_t i, char verb, const Spec &sp)
{
    std::string digits;
    const bool neg = i < 0;
    uint64_t u = neg ? uint64_t(0) - uint64_t(i) : uint64_t(i);
    if (verb == 'x' || verb == 'X') {
        char buf[32];
        std::snprintf(buf, sizeof buf, verb == 'x' ? "%llx" : "%llX", static_cast<unsigned long long>(u));
        digits = buf;
        if (sp.sharp) digits = (verb == 'x' ? "0x" : "0X") + digits;
    } else if (verb == 'o') {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%llo", static_cast<unsigned long long>(u));
        digits = buf;
    } else {
        digits = std::to_string(u);
    }
    if (sp.prec >= 0 && int(digits.size()) < sp.prec) digits = std::string(size_t(sp.prec) - digits.size(), '0') + digits;
    return pad(withSign((neg ? "-" : "") + digits, neg, sp), sp, sp.prec < 0);
}

std::string hexString(std::string_view s, bool upper)
{
    static const char *lo = "0123456789abcdef";
    static const char *up = "0123456789ABCDEF";
    const char *d = upper ? up : lo;
    std::string out;
    for (unsigned char c : s) {
        out.push_back(d[c >> 4]);
        out.push_back(d[c & 15]);
    }
    return out;
}

std::string formatOne(char verb, const Spec &sp, const TemplateValue &v)
{
    using K = TemplateValue::Kind;
    switch (verb) {
        case 'v':
            if (v.kind == K::Float) return formatFloatVerb(v.f, 'v', sp);
            if (v.kind == K::Int) return formatIntVerb(v.i, 'd', sp);
            return pad(v.print(), sp, false);
        case 's':
            if (v.kind == K::String) {
                std::string s = sp.prec >= 0 ? v.s.substr(0, size_t(sp.prec)) : v.s;
                return pad(s, sp, false);
            }
            if (v.kind == K::Float || v.kind == K::Int || v.kind == K::Bool) return badVerb(verb, v);
            return pad(v.print(), sp, false);
        case 'q':
            if (v.kind == K::String) return pad(goQuoteString(v.s), sp, false);
            return badVerb(verb, v);
        case 'd': case 'o':
            if (v.kind == K::Int) return formatIntVerb(v.i, verb, sp);
            return badVerb(verb, v);
        case 'x': case 'X':
            if (v.kind == K::Int) return formatIntVerb(v.i, verb, sp);
            if (v.kind == K::String) return pad(hexString(v.s, verb == 'X'), sp, false);
            return badVerb(verb, v);
        case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
            if (v.kind == K::Float) return formatFloatVerb(v.f, verb, sp);
            return badVerb(verb, v);
        case 't':
            if (v.kind == K::Bool) return pad(v.b ? "true" : "false", sp, false);
            return badVerb(verb, v);
        default:
            return badVerb(verb, v);
    }
}

}  // namespace

std::string goSprintf(std::string_view format, const std::vector<TemplateValue> &args)
{
    std::string out;
    size_t argi = 0;
    for (size_t i = 0; i < format.size();) {
        const char c = format[i];
        if (c != '%') {
            out.push_back(c);
            ++i;
            continue;
        }
        ++i;
        if (i >= format.size()) {
            out += "%!(NOVERB)";
            break;
        }
        Spec sp;
        for (; i < format.size(); ++i) {
            const char f = format[i];
            if (f == '-') sp.minus = true;
            else if (f == '+') sp.plus = true;
            else if (f == '0') sp.zero = !sp.minus;
            else if (f == ' ') sp.space = true;
            else if (f == '#') sp.sharp = true;
            else break;
        }
        auto readNum = [&](int *dst) {
            if (i < format.size() && format[i] == '*') {
                ++i;
                if (argi < args.size() && args[argi].kind == TemplateValue::Kind::Int) *dst = int(args[argi].i);
                else out += "%!(BADWIDTH)";
                ++argi;
                return;
            }
            int n = -1;
            while (i < format.size() && std::isdigit(static_cast<unsigned char>(format[i]))) {
                n = (n < 0 ? 0 : n * 10) + (format[i] - '0');
                ++i;
            }
            if (n >= 0) *dst = n;
        };
        readNum(&sp.width);
        if (i < format.size() && format[i] == '.') {
            ++i;
            sp.prec = 0;
            readNum(&sp.prec);
        }
        if (i >= format.size()) {
            out += "%!(NOVERB)";
            break;
        }
        const char verb = format[i++];
        if (verb == '%') {
            out.push_back('%');
            continue;
        }
        if (argi >= args.size()) {
            out += std::string("%!") + verb + "(MISSING)";
            continue;
        }
        out += formatOne(verb, sp, args[argi++]);
    }
    if (argi < args.size()) {
        out += "%!(EXTRA ";
        for (size_t k = argi; k < args.size(); ++k) {
            if (k > argi) out += ", ";
            out += args[k].goType() + "=" + args[k].print();
        }
        out += ")";
    }
    return out;
}

}  // namespace vigil::rules

namespace vigil::rules {
std::string goFormatFloatE(double v)
{
    if (!std::isfinite(v)) return specialFloat(v, true);
    if (v == 0) return std::signbit(v) ? "-0e+00" : "0e+00";
    std::string digits;
    int exp = 0;
    shortestDigits(v, &digits, &exp);
    std::string out = v < 0 ? "-" : "";
    out += digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    return out + exponentSuffix(exp);
}
}  // namespace vigil::rules
