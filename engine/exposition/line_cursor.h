// LineCursor: the lexer both exposition parsers share. It walks one line of
// the body (without its '\n') and reads names, tokens and escaped strings.
//
// Escaped strings are returned as views into the line when they contain no
// escape sequence; otherwise they are unescaped into a scratch buffer the
// cursor owns. The scratch buffer is sized to the line on first use within
// a line, so views handed out earlier in the same line stay valid; all views
// become invalid at the next reset().
//
// Errors are Status::invalidArgument("<line>:<column>: <reason>") with a
// 1-based byte column.
//
// Thread safety: none; owned by one parser.
#pragma once

#include "core/status.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace vigil::exposition {

// True if `s` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool isValidUtf8(std::string_view s);
// Number of UTF-8 code points in `s` (counts lead bytes; `s` assumed valid).
size_t utf8Length(std::string_view s);

// Character classes, table-driven (the lexer's hot path).
namespace charclass {
enum : unsigned char {
    kMetricStart = 1,  // [a-zA-Z_:]
    kMetricChar = 2,   // [a-zA-Z0-9_:]
    kLabelStart = 4,   // [a-zA-Z_]
    kLabelChar = 8,    // [a-zA-Z0-9_]
    kStringStop = 16,  // '"', '\\' and bytes >= 0x80 (need a closer look inside strings)
};
struct Table {
    unsigned char v[256] = {};
    constexpr Table()
    {
        for (int c = 0; c < 256; ++c) {
            const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            const bool digit = c >= '0' && c <= '9';
            if (alpha || c == '_' || c == ':') v[c] |= kMetricStart | kMetricChar;
            if (digit) v[c] |= kMetricChar | kLabelChar;
            if (alpha || c == '_') v[c] |= kLabelStart | kLabelChar;
            if (c == '"' || c == '\\' || c >= 0x80) v[c] |= kStringStop;
        }
    }
};
inline constexpr Table kTable;
inline bool is(char c, unsigned char cls)
{
    return (kTable.v[static_cast<unsigned char>(c)] & cls) != 0;
}
}  // namespace charclass

inline bool isMetricNameStart(char c)
{
    return charclass::is(c, charclass::kMetricStart);
}
inline bool isMetricNameChar(char c)
{
    return charclass::is(c, charclass::kMetricChar);
}
inline bool isLabelNameStart(char c)
{
    return charclass::is(c, charclass::kLabelStart);
}
inline bool isLabelNameChar(char c)
{
    return charclass::is(c, charclass::kLabelChar);
}
inline bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

class LineCursor {
public:
    // Which backslash sequences a string accepts.
    enum class Escapes {
        TextLabel,    // \\ \" \n; anything else is an error
        TextHelp,     // \\ \n; anything else is an error
        OpenMetrics,  // \\ \" \n; any other \c stands for the two characters
    };

    // Starts a line [begin, end) (no '\n'), numbered `line` (1-based).
    void reset(const char *begin, const char *end, int line);

    bool atEnd() const { return p_ == end_; }
    char peek() const { return *p_; }  // requires !atEnd()
    bool consume(char c)
    {
        if (p_ != end_ && *p_ == c) {
            ++p_;
            return true;
        }
        return false;
    }
    // Skips spaces and tabs; returns how many.
    size_t skipBlanks()
    {
        const char *start = p_;
        while (p_ != end_ && isBlank(*p_)) ++p_;
        return size_t(p_ - start);
    }
    const char *pos() const { return p_; }
    void setPos(const char *p) { p_ = p; }
    std::string_view rest() const { return {p_, size_t(end_ - p_)}; }
    std::string_view lineText() const { return {begin_, size_t(end_ - begin_)}; }
    int line() const { return line_; }

    // [a-zA-Z_:][a-zA-Z0-9_:]* at the cursor; empty (cursor unchanged) if none.
    std::string_view readMetricName()
    {
        if (p_ == end_ || !isMetricNameStart(*p_)) return {};
        const char *start = p_++;
        while (p_ != end_ && isMetricNameChar(*p_)) ++p_;
        return {start, size_t(p_ - start)};
    }
    // [a-zA-Z_][a-zA-Z0-9_]* at the cursor; empty (cursor unchanged) if none.
    std::string_view readLabelName()
    {
        if (p_ == end_ || !isLabelNameStart(*p_)) return {};
        const char *start = p_++;
        while (p_ != end_ && isLabelNameChar(*p_)) ++p_;
        return {start, size_t(p_ - start)};
    }
    // Bytes up to the next blank (tabs count only if `tabs`) or the end.
    std::string_view readToken(bool tabs)
    {
        const char *start = p_;
        while (p_ != end_ && *p_ != ' ' && !(tabs && *p_ == '\t')) ++p_;
        return {start, size_t(p_ - start)};
    }

    // Reads the body of a quoted string; the cursor is just after the opening
    // quote and ends just after the closing one. Checks UTF-8.
    Status readQuoted(Escapes mode, std::string_view *out);
    // Reads the rest of the line as an escaped string (HELP text). Checks UTF-8.
    Status readRestEscaped(Escapes mode, std::string_view *out);

    Status error(std::string_view reason) const { return errorAt(p_, reason); }
    Status errorAt(const char *at, std::string_view reason) const;
    // Position (1-based) of the last error this cursor produced.
    int lastErrorLine() const { return errorLine_; }
    int lastErrorColumn() const { return errorColumn_; }

private:
    Status readEscaped(Escapes mode, bool quoted, std::string_view *out);

    const char *begin_ = nullptr;
    const char *end_ = nullptr;
    const char *p_ = nullptr;
    int line_ = 0;
    bool scratchInUse_ = false;
    mutable int errorLine_ = 0;
    mutable int errorColumn_ = 0;
    std::string scratch_;
};

}  // namespace vigil::exposition
