#include "promql/lexer.h"

#include "promql/go_strconv.h"

#include <cctype>
#include <cstdio>
#include <string>

namespace vigil::promql {

namespace {

bool isSpace(int r) { return r == ' ' || r == '\t' || r == '\n' || r == '\r'; }
bool isDigit(int r) { return r >= '0' && r <= '9'; }
bool isAlpha(int r) { return r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z'); }
bool isAlphaNumeric(int r) { return isAlpha(r) || isDigit(r); }

constexpr std::string_view kDecimal = "0123456789";
constexpr std::string_view kHexDigits = "0123456789abcdefABCDEF";

// Go's %q for a rune: 'x', '\n', '\x00'.
std::string quoteRune(int r)
{
    if (r < 0) return "'\\uFFFD'";  // what Go prints for eof (-1) as a rune
    std::string q = goQuote(std::string(1, char(r)));
    std::string inner = q.substr(1, q.size() - 2);
    if (inner == "\\\"") inner = "\"";
    if (inner == "'") inner = "\\'";
    return "'" + inner + "'";
}

// Go's %#U: "U+0071 'q'".
std::string hashU(int r)
{
    char buf[16];
    std::snprintf(buf, sizeof(buf), "U+%04X", r < 0 ? 0xFFFD : r);
    std::string out = buf;
    if (r >= 0x20 && r < 0x7F) out += " '" + std::string(1, char(r)) + "'";
    return out;
}

int hexVal(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 16;
}

bool validUtf8At(std::string_view s, size_t i, size_t &len) { return decodeUtf8Rune(s, i, len) >= 0; }

}  // namespace

int Lexer::peekChar() const
{
    if (pos_ >= input_.size()) return kEof;
    return static_cast<unsigned char>(input_[pos_]);
}

int Lexer::nextChar()
{
    if (pos_ >= input_.size()) {
        width_ = 0;
        return kEof;
    }
    width_ = 1;
    return static_cast<unsigned char>(input_[pos_++]);
}

void Lexer::backup() { pos_ -= width_; }

bool Lexer::accept(std::string_view valid)
{
    const int r = nextChar();
    if (r != kEof && valid.find(char(r)) != std::string_view::npos) return true;
    backup();
    return false;
}

bool Lexer::peekIn(std::string_view valid) const
{
    const int r = peekChar();
    return r != kEof && valid.find(char(r)) != std::string_view::npos;
}

void Lexer::acceptRun(std::string_view valid)
{
    while (accept(valid)) {
    }
}

Token Lexer::emit(TokenType type)
{
    Token t{type, start_, std::string(input_.substr(start_, pos_ - start_))};
    start_ = pos_;
    if (type != TokenType::Comment) last_ = type;
    if (type == TokenType::Eof) done_ = true;
    return t;
}

Token Lexer::error(std::string message)
{
    done_ = true;
    return Token{TokenType::Error, start_, std::move(message)};
}

Token Lexer::next()
{
    if (done_) return Token{TokenType::Eof, input_.size(), {}};
    if (braceOpen_) return lexInsideBraces();
    if (bracketOpen_) return lexInsideBrackets();
    return lexStatement();
}

std::vector<Token> Lexer::tokenize(std::string_view input, bool keepComments)
{
    Lexer lexer(input);
    std::vector<Token> out;
    for (;;) {
        Token t = lexer.next();
        const bool last = t.type == TokenType::Eof || t.type == TokenType::Error;
        if (t.type != TokenType::Comment || keepComments) out.push_back(std::move(t));
        if (last) break;
    }
    return out;
}

Token Lexer::lexComment()
{
    while (pos_ < input_.size() && input_[pos_] != '\n' && input_[pos_] != '\r') ++pos_;
    return emit(TokenType::Comment);
}

Token Lexer::lexStatement()
{
    for (;;) {
        start_ = pos_;
        const int r = nextChar();
        switch (r) {
        case kEof:
            if (parenDepth_ != 0) return error("unclosed left parenthesis");
            return emit(TokenType::Eof);
        case '#': return lexComment();
        case ',': return emit(TokenType::Comma);
        case '*': return emit(TokenType::Mul);
        case '/': return emit(TokenType::Div);
        case '%': return emit(TokenType::Mod);
        case '+': return emit(TokenType::Add);
        case '-': return emit(TokenType::Sub);
        case '^': return emit(TokenType::Pow);
        case '@': return emit(TokenType::At);
        case '=': {
            const int t = peekChar();
            if (t == '=') {
                nextChar();
                return emit(TokenType::EqlC);
            }
            if (t == '~') return error("unexpected character after '=': " + quoteRune(t));
            return emit(TokenType::Assign);
        }
        case '!': {
            const int t = nextChar();
            if (t != '=') return error("unexpected character after '!': " + quoteRune(t));
            return emit(TokenType::Neq);
        }
        case '<':
            if (peekChar() == '=') {
                nextChar();
                return emit(TokenType::Lte);
            }
            return emit(TokenType::Lss);
        case '>':
            if (peekChar() == '=') {
                nextChar();
                return emit(TokenType::Gte);
            }
            return emit(TokenType::Gtr);
        case '"':
        case '\'': return lexString(char(r));
        case '`': return lexRawString();
        case '(':
            ++parenDepth_;
            return emit(TokenType::LeftParen);
        case ')':
            --parenDepth_;
            if (parenDepth_ < 0) {
                start_ = pos_;  // Prometheus reports this just after the parenthesis
                return error("unexpected right parenthesis ')'");
            }
            return emit(TokenType::RightParen);
        case '{':
            braceOpen_ = true;
            return emit(TokenType::LeftBrace);
        case '}': return error("unexpected character: '}'");
        case '[':
            gotColon_ = false;
            bracketOpen_ = true;
            return emit(TokenType::LeftBracket);
        case ']': return error("unexpected right bracket ']'");
        default: break;
        }
        if (isSpace(r)) continue;
        if (isDigit(r) || (r == '.' && isDigit(peekChar()))) {
            backup();
            return lexNumberOrDuration();
        }
        if (isAlpha(r) || r == ':') {
            backup();
            return lexWord();
        }
        if (r >= 0x80) {
            // Report the whole UTF-8 sequence's code point as Go would.
            backup();
            size_t len = 1;
            if (!validUtf8At(input_, pos_, len)) return error("unexpected character: '\\ufffd'");
            return error("unexpected character: '" + std::string(input_.substr(pos_, len)) + "'");
        }
        return error("unexpected character: " + quoteRune(r));
    }
}

Token Lexer::lexInsideBraces()
{
    for (;;) {
        start_ = pos_;
        const int r = nextChar();
        switch (r) {
        case kEof: return error("unexpected end of input inside braces");
        case '#': return lexComment();
        case ',': return emit(TokenType::Comma);
        case '"':
        case '\'': return lexString(char(r));
        case '`': return lexRawString();
        case '=':
            if (accept("~")) return emit(TokenType::EqlRegex);
            return emit(TokenType::Assign);
        case '!': {
            const int t = nextChar();
            if (t == '~') return emit(TokenType::NeqRegex);
            if (t == '=') return emit(TokenType::Neq);
            return error("unexpected character after '!' inside braces: " + quoteRune(t));
        }
        case '{': return error("unexpected left brace '{'");
        case '}':
            braceOpen_ = false;
            return emit(TokenType::RightBrace);
        default: break;
        }
        if (isSpace(r)) continue;
        if (isAlpha(r)) {
            while (isAlphaNumeric(peekChar())) nextChar();
            return emit(TokenType::Identifier);
        }
        return error("unexpected character inside braces: " + quoteRune(r));
    }
}

Token Lexer::lexInsideBrackets()
{
    for (;;) {
        start_ = pos_;
        // Right after '[' or an operator Prometheus lexes a duration expression.
        const bool exprStart = last_ == TokenType::LeftBracket || isOperator(last_) ||
                               last_ == TokenType::LeftParen || last_ == TokenType::Comma ||
                               last_ == TokenType::Colon;
        const int r = nextChar();
        switch (r) {
        case kEof:
            if (last_ == TokenType::LeftBracket) return error("unexpected end of input in duration expression");
            return error("unclosed left bracket");
        case ']':
            bracketOpen_ = false;
            gotColon_ = false;
            return emit(TokenType::RightBracket);
        case '[': return error("unexpected left bracket '['");
        case ':':
            if (last_ == TokenType::LeftBracket) {
                start_ = pos_;
                return error("unexpected colon before duration in duration expression");
            }
            if (gotColon_) return error("unexpected colon ':'");
            gotColon_ = true;
            return emit(TokenType::Colon);
        case '(':
            ++parenDepth_;
            return emit(TokenType::LeftParen);
        case ')':
            --parenDepth_;
            if (parenDepth_ < 0) {
                start_ = pos_;
                return error("unexpected right parenthesis ')'");
            }
            return emit(TokenType::RightParen);
        case '+': return emit(TokenType::Add);
        case '-': return emit(TokenType::Sub);
        case '*': return emit(TokenType::Mul);
        case '/': return emit(TokenType::Div);
        case '%': return emit(TokenType::Mod);
        case '^': return emit(TokenType::Pow);
        case ',': return emit(TokenType::Comma);
        default: break;
        }
        if (isSpace(r)) continue;
        if (isDigit(r) || (r == '.' && isDigit(peekChar()))) {
            backup();
            return lexNumberOrDuration();
        }
        if (isAlpha(r)) {
            // step(), min(), max() belong to experimental duration expressions.
            size_t end = pos_;
            while (end < input_.size() && isAlpha(static_cast<unsigned char>(input_[end]))) ++end;
            std::string word(input_.substr(start_, end - start_));
            for (char &c : word) c = char(std::tolower(static_cast<unsigned char>(c)));
            if (word == "step" || word == "min" || word == "max" || word == "range" || word == "min_of" ||
                word == "max_of") {
                pos_ = end;
                return emit(TokenType::Identifier);
            }
            if (exprStart) return error("unexpected character in duration expression: " + quoteRune(r));
            return error("unexpected character: " + quoteRune(r) + ", expected ':'");
        }
        if (exprStart) return error("unexpected character in duration expression: " + quoteRune(r));
        return error("unexpected character: " + quoteRune(r));
    }
}

bool Lexer::scanNumber()
{
    const size_t initial = pos_;
    std::string_view digits = kDecimal;
    if (accept("0") && accept("xX")) {
        accept("_");
        digits = kHexDigits;
    }
    const bool hex = digits.size() > 10;
    std::string loopSet = std::string(digits) + "._eE";
    accept(".");
    accept(digits);
    bool dotSeen = false;
    bool expSeen = false;
    while (peekIn(loopSet)) {
        if (peekChar() == '.' && dotSeen) {
            accept(".");
            return false;
        }
        if (peekIn("eE") && expSeen) {
            accept("eE");
            return false;
        }
        if (accept(".")) {
            dotSeen = true;
            if (accept("_.")) return false;
            if (hex) return false;  // fractional hex literals are not allowed
            continue;
        }
        if (accept("eE")) {
            expSeen = true;
            accept("+-");
            if (accept("._eE") || peekChar() == kEof) return false;
            continue;
        }
        if (accept("_")) {
            if (accept("._eE") || peekChar() == kEof) return false;
            continue;
        }
        acceptRun(digits);
    }
    if (pos_ == initial) return false;
    return !isAlphaNumeric(peekChar());
}

bool Lexer::acceptRemainingDuration()
{
    if (!accept("smhdwy")) return false;
    accept("s");  // ms; bad units like "hs" are caught by parseDuration
    while (accept(kDecimal)) {
        acceptRun(kDecimal);
        if (!accept("smhdw")) return false;
        accept("s");
    }
    return !isAlphaNumeric(nextChar());
}

Token Lexer::lexNumberOrDuration()
{
    if (scanNumber()) return emit(TokenType::Number);
    if (acceptRemainingDuration()) {
        backup();
        return emit(TokenType::Duration);
    }
    return error("bad number or duration syntax: " + goQuote(input_.substr(start_, pos_ - start_)));
}

std::string Lexer::scanEscape(char quote)
{
    int ch = nextChar();
    int n = 0;
    int base = 0;
    uint32_t maxVal = 0;
    switch (ch) {
    case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v': case '\\': return {};
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        n = 3;
        base = 8;
        maxVal = 255;
        break;
    case 'x':
        ch = nextChar();
        n = 2;
        base = 16;
        maxVal = 255;
        break;
    case 'u':
        ch = nextChar();
        n = 4;
        base = 16;
        maxVal = 0x10FFFF;
        break;
    case 'U':
        ch = nextChar();
        n = 8;
        base = 16;
        maxVal = 0x10FFFF;
        break;
    case kEof: return "escape sequence not terminated";
    default:
        if (ch == quote) return {};
        if (ch >= 0x80) {
            backup();
            size_t len = 1;
            validUtf8At(input_, pos_, len);
            pos_ += len;
            return "unknown escape sequence";
        }
        return "unknown escape sequence " + hashU(ch);
    }
    uint32_t x = 0;
    while (n > 0) {
        const int d = hexVal(ch);
        if (d >= base) {
            if (ch == kEof) return "escape sequence not terminated";
            return "illegal character " + hashU(ch) + " in escape sequence";
        }
        x = x * uint32_t(base) + uint32_t(d);
        --n;
        if (n > 0) ch = nextChar();
    }
    if (x > maxVal || (x >= 0xD800 && x < 0xE000)) return "escape sequence is an invalid Unicode code point";
    return {};
}

Token Lexer::lexString(char quote)
{
    for (;;) {
        const int r = nextChar();
        if (r == '\\') {
            std::string err = scanEscape(quote);
            if (!err.empty()) return error(std::move(err));
            continue;
        }
        if (r == kEof || r == '\n') return error("unterminated quoted string");
        if (r == quote) break;
        if (r >= 0x80) {
            backup();
            size_t len = 1;
            if (!validUtf8At(input_, pos_, len)) return error("invalid UTF-8 rune");
            pos_ += len;
        }
    }
    return emit(TokenType::String);
}

Token Lexer::lexRawString()
{
    for (;;) {
        const int r = nextChar();
        if (r == kEof) return error("unterminated raw string");
        if (r == '`') break;
        if (r >= 0x80) {
            backup();
            size_t len = 1;
            if (!validUtf8At(input_, pos_, len)) return error("invalid UTF-8 rune");
            pos_ += len;
        }
    }
    return emit(TokenType::String);
}

Token Lexer::lexWord()
{
    while (isAlphaNumeric(peekChar()) || peekChar() == ':') nextChar();
    const std::string_view word = input_.substr(start_, pos_ - start_);
    std::string lower(word);
    for (char &c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (auto kw = keywordType(lower)) return emit(*kw);
    if (word.find(':') == std::string_view::npos) return emit(TokenType::Identifier);
    return emit(TokenType::MetricIdentifier);
}

}  // namespace vigil::promql
