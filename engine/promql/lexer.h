// Lexer: turns PromQL text into Tokens, following Prometheus's lexer rules.
//
// - Numbers: decimal, hex (0x1f), exponents (1e-3), '_' separators, Inf and NaN
//   (any case). Durations: 5m, 1h30m, 100ms, 1d, 1w, 1y.
// - Strings: "..." and '...' with Go escapes (validated here, resolved by the
//   parser), `...` raw strings.
// - Identifiers; identifiers containing ':' are MetricIdentifiers; keywords and
//   aggregator names are recognised case-insensitively outside braces. Inside
//   {...} every word is an Identifier.
// - Inside [...] only durations, numbers, ':' and arithmetic are allowed.
// - '#' starts a comment that runs to the end of the line.
//
// The first lexical error yields a Token of type Error whose text is the
// message ("unclosed left parenthesis") and whose pos is where the offending
// item starts; after an Error or Eof every call returns Eof.
//
// Thread safety: a Lexer is single-threaded state over a borrowed input; the
// input must outlive it.
#pragma once

#include "promql/token.h"

#include <string_view>
#include <vector>

namespace vigil::promql {

class Lexer {
public:
    explicit Lexer(std::string_view input) : input_(input) {}

    // The next token, comments included.
    Token next();

    // All tokens up to and including the first Eof or Error token.
    static std::vector<Token> tokenize(std::string_view input, bool keepComments = false);

private:
    static constexpr int kEof = -1;

    int peekChar() const;
    int nextChar();
    void backup();
    bool accept(std::string_view valid);
    bool peekIn(std::string_view valid) const;
    void acceptRun(std::string_view valid);

    Token emit(TokenType type);
    Token error(std::string message);

    Token lexStatement();
    Token lexInsideBraces();
    Token lexInsideBrackets();
    Token lexNumberOrDuration();
    Token lexString(char quote);
    Token lexRawString();
    Token lexWord();
    Token lexComment();
    bool scanNumber();
    bool acceptRemainingDuration();
    // Validates the escape after a backslash; empty on success, else the message.
    std::string scanEscape(char quote);

    std::string_view input_;
    size_t pos_ = 0;
    size_t start_ = 0;
    size_t width_ = 0;
    bool done_ = false;

    int parenDepth_ = 0;
    bool braceOpen_ = false;
    bool bracketOpen_ = false;
    bool gotColon_ = false;
    TokenType last_ = TokenType::Eof;  // type of the last non-comment token
};

}  // namespace vigil::promql
