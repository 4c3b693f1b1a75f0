#include "promql/go_strconv.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <system_error>

namespace vigil::promql {

namespace {

}  // namespace

// Decodes one UTF-8 sequence at s[i]; returns the rune and sets `len`, or -1
// (with len = 1) for an invalid or truncated sequence.
int32_t decodeUtf8Rune(std::string_view s, size_t i, size_t &len)
{
    const auto b0 = static_cast<unsigned char>(s[i]);
    len = 1;
    if (b0 < 0x80) return b0;
    int need = 0;
    int32_t r = 0;
    int32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) {
        need = 1;
        r = b0 & 0x1F;
        min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        need = 2;
        r = b0 & 0x0F;
        min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        need = 3;
        r = b0 & 0x07;
        min = 0x10000;
    } else {
        return -1;
    }
    if (i + size_t(need) >= s.size()) return -1;
    for (int k = 1; k <= need; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return -1;
        r = (r << 6) | (b & 0x3F);
    }
    if (r < min || r > 0x10FFFF || (r >= 0xD800 && r < 0xE000)) return -1;
    len = size_t(need) + 1;
    return r;
}

namespace {

void appendUtf8(std::string &out, uint32_t r)
{
    if (r < 0x80) {
        out.push_back(char(r));
    } else if (r < 0x800) {
        out.push_back(char(0xC0 | (r >> 6)));
        out.push_back(char(0x80 | (r & 0x3F)));
    } else if (r < 0x10000) {
        out.push_back(char(0xE0 | (r >> 12)));
        out.push_back(char(0x80 | ((r >> 6) & 0x3F)));
        out.push_back(char(0x80 | (r & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (r >> 18)));
        out.push_back(char(0x80 | ((r >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((r >> 6) & 0x3F)));
        out.push_back(char(0x80 | (r & 0x3F)));
    }
}

const char kHex[] = "0123456789abcdef";

int hexVal(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 16;
}

// Go's unicode.IsPrint, approximated: control characters, the C1 block, the
// soft hyphen and unassigned/format code points we know of are not printable.
bool isPrintRune(int32_t r)
{
    if (r < 0x20 || r == 0x7F) return false;
    if (r >= 0x80 && r < 0xA0) return false;
    if (r == 0xAD) return false;
    if (r >= 0x2028 && r <= 0x202E) return false;
    if (r >= 0x2060 && r <= 0x206F) return false;
    if (r == 0xFEFF || r == 0xFFFE || r == 0xFFFF) return false;
    if (r >= 0xE000 && r <= 0xF8FF) return false;  // private use
    return true;
}

Status syntaxError(const char *fn, std::string_view s)
{
    return Status::invalidArgument(std::string("strconv.") + fn + ": parsing " + goQuote(s) + ": invalid syntax");
}

// Removes '_' digit separators; false when one is misplaced (Go's underscoreOK:
// an underscore must sit between digits or right after a base prefix).
bool stripUnderscores(std::string_view s, std::string &out)
{
    out.clear();
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '_') {
            out.push_back(s[i]);
            continue;
        }
        if (i == 0 || i + 1 >= s.size()) return false;
        const char prev = s[i - 1];
        const char next = s[i + 1];
        const bool prevOk = std::isxdigit(static_cast<unsigned char>(prev)) ||
                            ((prev == 'x' || prev == 'X' || prev == 'o' || prev == 'O' || prev == 'b' ||
                              prev == 'B') &&
                             i == 2 && s[0] == '0');
        if (!prevOk || !std::isxdigit(static_cast<unsigned char>(next))) return false;
    }
    return true;
}

bool parseGoInt(std::string_view s, int64_t &out)
{
    int base = 10;
    size_t i = 0;
    if (s.size() >= 2 && s[0] == '0') {
        const char c = char(std::tolower(static_cast<unsigned char>(s[1])));
        if (c == 'x') {
            base = 16;
            i = 2;
        } else if (c == 'o') {
            base = 8;
            i = 2;
        } else if (c == 'b') {
            base = 2;
            i = 2;
        } else {
            base = 8;
            i = 1;
        }
    }
    if (i >= s.size()) return s == "0";
    uint64_t v = 0;
    for (; i < s.size(); ++i) {
        const int d = hexVal(s[i]);
        if (d >= base) return false;
        if (v > (uint64_t(INT64_MAX) - uint64_t(d)) / uint64_t(base)) return false;  // out of range
        v = v * uint64_t(base) + uint64_t(d);
    }
    out = int64_t(v);
    return true;
}

}  // namespace

std::string formatFloat(double f)
{
    if (std::isnan(f)) return "NaN";
    if (std::isinf(f)) return f > 0 ? "+Inf" : "-Inf";
    char buf[512];
    auto res = std::to_chars(buf, buf + sizeof(buf), f, std::chars_format::fixed);
    if (res.ec != std::errc()) return "NaN";
    return std::string(buf, res.ptr);
}

std::string goQuote(std::string_view s)
{
    std::string out;
    out.reserve(s.size() + 2);
    out.push_back('"');
    size_t i = 0;
    while (i < s.size()) {
        size_t len = 1;
        const int32_t r = decodeUtf8Rune(s, i, len);
        if (r < 0) {
            const auto b = static_cast<unsigned char>(s[i]);
            out += "\\x";
            out.push_back(kHex[b >> 4]);
            out.push_back(kHex[b & 0xF]);
            i += 1;
            continue;
        }
        i += len;
        switch (r) {
        case '"': out += "\\\""; continue;
        case '\\': out += "\\\\"; continue;
        case '\a': out += "\\a"; continue;
        case '\b': out += "\\b"; continue;
        case '\f': out += "\\f"; continue;
        case '\n': out += "\\n"; continue;
        case '\r': out += "\\r"; continue;
        case '\t': out += "\\t"; continue;
        case '\v': out += "\\v"; continue;
        default: break;
        }
        if (isPrintRune(r)) {
            appendUtf8(out, uint32_t(r));
        } else if (r < 0x20 || r == 0x7F) {
            out += "\\x";
            out.push_back(kHex[(r >> 4) & 0xF]);
            out.push_back(kHex[r & 0xF]);
        } else if (r < 0x10000) {
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4) out.push_back(kHex[(r >> shift) & 0xF]);
        } else {
            out += "\\U";
            for (int shift = 28; shift >= 0; shift -= 4) out.push_back(kHex[(r >> shift) & 0xF]);
        }
    }
    out.push_back('"');
    return out;
}

Result<std::string> unquote(std::string_view q)
{
    const auto bad = [] { return Status::invalidArgument("invalid syntax"); };
    if (q.size() < 2) return bad();
    const char quote = q.front();
    if (quote != q.back() || (quote != '"' && quote != '\'' && quote != '`')) return bad();
    const std::string_view body = q.substr(1, q.size() - 2);
    std::string out;
    out.reserve(body.size());
    if (quote == '`') {
        for (char c : body) {
            if (c == '`') return bad();
            if (c != '\r') out.push_back(c);
        }
        return out;
    }
    for (size_t i = 0; i < body.size();) {
        const char c = body[i];
        if (c == quote || c == '\n') return bad();
        if (c != '\\') {
            out.push_back(c);
            ++i;
            continue;
        }
        if (i + 1 >= body.size()) return bad();
        const char e = body[i + 1];
        i += 2;
        switch (e) {
        case 'a': out.push_back('\a'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'v': out.push_back('\v'); break;
        case '\\': out.push_back('\\'); break;
        case '\'':
        case '"':
            if (e != quote) return bad();
            out.push_back(e);
            break;
        case 'x':
        case 'u':
        case 'U': {
            const int n = e == 'x' ? 2 : (e == 'u' ? 4 : 8);
            if (i + size_t(n) > body.size()) return bad();
            uint32_t v = 0;
            for (int k = 0; k < n; ++k) {
                const int d = hexVal(body[i + size_t(k)]);
                if (d >= 16) return bad();
                v = v * 16 + uint32_t(d);
            }
            i += size_t(n);
            if (e == 'x') {
                out.push_back(char(v));
            } else {
                if (v > 0x10FFFF || (v >= 0xD800 && v < 0xE000)) return bad();
                appendUtf8(out, v);
            }
            break;
        }
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            if (i + 2 > body.size()) return bad();
            uint32_t v = uint32_t(e - '0');
            for (int k = 0; k < 2; ++k) {
                const char d = body[i + size_t(k)];
                if (d < '0' || d > '7') return bad();
                v = v * 8 + uint32_t(d - '0');
            }
            i += 2;
            if (v > 255) return bad();
            out.push_back(char(v));
            break;
        }
        default: return bad();
        }
    }
    return out;
}

Result<double> parseNumber(std::string_view s)
{
    std::string clean;
    const bool underscoresOk = stripUnderscores(s, clean);
    if (underscoresOk) {
        int64_t iv = 0;
        if (parseGoInt(clean, iv)) return double(iv);
    }
    if (!underscoresOk) return syntaxError("ParseFloat", s);
    // Decimal floats and Inf/NaN. from_chars is locale independent.
    std::string_view body = clean;
    bool neg = false;
    if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
        neg = body[0] == '-';
        body.remove_prefix(1);
    }
    std::string lower;
    for (char c : body) lower.push_back(char(std::tolower(static_cast<unsigned char>(c))));
    if (lower == "inf" || lower == "infinity") return neg ? -INFINITY : INFINITY;
    if (lower == "nan") return NAN;
    if (body.empty() || lower.find_first_not_of("0123456789.e+-") != std::string::npos) {
        return syntaxError("ParseFloat", s);
    }
    double v = 0;
    auto res = std::from_chars(body.data(), body.data() + body.size(), v, std::chars_format::general);
    if (res.ptr != body.data() + body.size()) {
        if (res.ec == std::errc::result_out_of_range) {
            // fallthrough to range handling below
        } else {
            return syntaxError("ParseFloat", s);
        }
    }
    if (res.ec == std::errc::invalid_argument) return syntaxError("ParseFloat", s);
    if (res.ec == std::errc::result_out_of_range) {
        if (lower.find("e-") != std::string::npos) return neg ? -0.0 : 0.0;  // underflow rounds to zero
        return Status::invalidArgument("strconv.ParseFloat: parsing " + goQuote(s) + ": value out of range");
    }
    return neg ? -v : v;
}

}  // namespace vigil::promql
