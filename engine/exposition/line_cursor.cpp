#include "exposition/line_cursor.h"

#include <cstring>

namespace vigil::exposition {

bool isValidUtf8(std::string_view s)
{
    const auto *p = reinterpret_cast<const unsigned char *>(s.data());
    const auto *end = p + s.size();
    while (p < end) {
        unsigned c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        size_t n;
        unsigned cp;
        if ((c & 0xE0) == 0xC0) {
            n = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (size_t(end - p) <= n) return false;
        for (size_t i = 1; i <= n; ++i) {
            if ((p[i] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        static constexpr unsigned kMin[] = {0, 0x80, 0x800, 0x10000};
        if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        p += n + 1;
    }
    return true;
}

size_t utf8Length(std::string_view s)
{
    size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

void LineCursor::reset(const char *begin, const char *end, int line)
{
    begin_ = p_ = begin;
    end_ = end;
    line_ = line;
    scratchInUse_ = false;
}

Status LineCursor::readQuoted(Escapes mode, std::string_view *out)
{
    return readEscaped(mode, true, out);
}

Status LineCursor::readRestEscaped(Escapes mode, std::string_view *out)
{
    return readEscaped(mode, false, out);
}

Status LineCursor::readEscaped(Escapes mode, bool quoted, std::string_view *out)
{
    const char *start = p_;
    bool nonAscii = false;
    // Fast path: scan for the terminator; stop at the first backslash.
    while (p_ != end_) {
        const char c = *p_;
        if (!charclass::is(c, charclass::kStringStop)) {
            ++p_;
            continue;
        }
        if (c == '\\' || (quoted && c == '"')) break;
        nonAscii |= (static_cast<unsigned char>(c) & 0x80) != 0;
        ++p_;
    }
    if (p_ == end_ || *p_ == '"') {
        if (quoted && p_ == end_) return errorAt(start - 1, "unterminated quoted string");
        *out = {start, size_t(p_ - start)};
        if (quoted) ++p_;
        if (nonAscii && !isValidUtf8(*out)) return errorAt(start, "invalid UTF-8 in string");
        return {};
    }

    // Slow path: an escape. Size the scratch buffer to the line once, so
    // views into it taken earlier in this line are not invalidated.
    if (!scratchInUse_) {
        scratch_.clear();
        const size_t need = size_t(end_ - begin_);
        if (scratch_.capacity() < need) scratch_.reserve(need);
        scratchInUse_ = true;
    }
    const size_t outBegin = scratch_.size();
    scratch_.append(start, size_t(p_ - start));
    while (p_ != end_) {
        char c = *p_;
        if (quoted && c == '"') break;
        if (c != '\\') {
            nonAscii |= (static_cast<unsigned char>(c) & 0x80) != 0;
            scratch_.push_back(c);
            ++p_;
            continue;
        }
        const char *esc = p_++;
        if (p_ == end_) return errorAt(esc, "incomplete escape sequence at end of line");
        char e = *p_++;
        if (e == '\\') {
            scratch_.push_back('\\');
        } else if (e == 'n') {
            scratch_.push_back('\n');
        } else if (e == '"' && mode != Escapes::TextHelp) {
            scratch_.push_back('"');
        } else if (mode == Escapes::OpenMetrics) {
            // BS normal-char: the pair stands for itself.
            nonAscii |= (static_cast<unsigned char>(e) & 0x80) != 0;
            scratch_.push_back('\\');
            scratch_.push_back(e);
        } else {
            return errorAt(
                esc, mode == Escapes::TextHelp
                         ? "invalid escape sequence in HELP text (only \\\\ and \\n are allowed)"
                         : "invalid escape sequence in label value (only \\\\, \\\" and \\n are allowed)");
        }
    }
    if (quoted) {
        if (p_ == end_) return errorAt(start - 1, "unterminated quoted string");
        ++p_;
    }
    *out = std::string_view(scratch_).substr(outBegin);
    if (nonAscii && !isValidUtf8(*out)) return errorAt(start, "invalid UTF-8 in string");
    return {};
}

Status LineCursor::errorAt(const char *at, std::string_view reason) const
{
    errorLine_ = line_;
    errorColumn_ = int(at - begin_) + 1;
    std::string m = std::to_string(line_);
    m += ':';
    m += std::to_string(at - begin_ + 1);
    m += ": ";
    m += reason;
    return Status::invalidArgument(std::move(m));
}

}  // namespace vigil::exposition
