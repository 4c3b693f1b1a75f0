// Token: one lexical item of a PromQL query, as produced by Lexer.
//
// The token kinds mirror Prometheus's lexer items so that error messages can
// describe them the same way ("<op:+>", "<aggr:sum>", "identifier \"foo\"",
// "end of input"). Keywords are matched case-insensitively; `text` keeps the
// spelling of the input.
//
// Thread safety: value type.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace vigil::promql {

enum class TokenType {
    Error,             // text holds the lexer's error message
    Eof,
    Comment,           // "# ..." up to the end of the line
    Identifier,        // foo, label names, function names
    MetricIdentifier,  // an identifier containing ':' (foo:bar)
    Number,            // 1, 0x1f, 1e3, .5, Inf, NaN
    Duration,          // 5m, 1h30m, 100ms
    String,            // "..." '...' `...` with its quotes, escapes not yet resolved
    LeftParen,
    RightParen,
    LeftBrace,
    RightBrace,
    LeftBracket,
    RightBracket,
    Comma,
    Colon,
    Assign,  // "=" inside braces

    // Operators.
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
    EqlC,      // ==
    Neq,       // !=
    Lss,       // <
    Lte,       // <=
    Gtr,       // >
    Gte,       // >=
    EqlRegex,  // =~
    NeqRegex,  // !~
    At,        // @
    Land,      // and
    Lor,       // or
    Lunless,   // unless
    Atan2,

    // Aggregators.
    Avg,
    Bottomk,
    Count,
    CountValues,
    Group,
    Max,
    Min,
    Quantile,
    Stddev,
    Stdvar,
    Sum,
    Topk,
    Limitk,
    LimitRatio,

    // Keywords.
    Bool,
    By,
    GroupLeft,
    GroupRight,
    Ignoring,
    Offset,
    On,
    Without,
    Smoothed,
    Anchored,

    // @ modifier preprocessors.
    Start,
    End,
};

struct Token {
    TokenType type = TokenType::Eof;
    size_t pos = 0;    // byte offset of the first character
    std::string text;  // the input text; for Error the message

    size_t end() const { return pos + (type == TokenType::Error ? 0 : text.size()); }
};

bool isOperator(TokenType t);
bool isAggregator(TokenType t);
bool isKeyword(TokenType t);
bool isComparisonOperator(TokenType t);
bool isSetOperator(TokenType t);
// topk, bottomk, count_values, quantile, limitk, limit_ratio.
bool isAggregatorWithParam(TokenType t);

// Keyword, aggregator or word operator for a lower-cased word ("sum" -> Sum),
// or nullopt. "inf" and "nan" map to Number.
std::optional<TokenType> keywordType(std::string_view lowerWord);

// Canonical spelling of fixed tokens ("+", "sum", "group_left", "("); empty for
// tokens whose text varies (identifiers, numbers...).
std::string_view tokenTypeText(TokenType t);

// How Prometheus describes a token in "unexpected ..." errors:
// <op:+>, <aggr:sum>, <by>, "(", identifier "foo", number "1", end of input.
std::string describeToken(const Token &t);

}  // namespace vigil::promql
