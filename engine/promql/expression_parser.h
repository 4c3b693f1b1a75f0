// ExpressionParser: the recursive-descent / precedence-climbing parser behind
// parseExpr(). Internal to vigil_promql; callers use parseExpr() (parser.h).
//
// It reads the token vector produced by Lexer::tokenize, stops at the first
// syntax error (as Prometheus reports only the first one), then runs
// TypeChecker over the tree. Split by concern:
//   expression_parser.cpp            operators, unary, literals, calls, aggregations
//   expression_parser_selectors.cpp  selectors, matchers, offset / @ / [range] / [range:step]
//
// Thread safety: one instance per parse; not shared.
#pragma once

#include "promql/ast.h"
#include "promql/lexer.h"
#include "promql/parse_error.h"
#include "promql/parser.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::promql {

class ExpressionParser {
public:
    ExpressionParser(std::string_view input, const ParseOptions &options)
        : input_(input), options_(options), tokens_(Lexer::tokenize(input))
    {
    }

    Result<ExprPtr> run(ParseError *errorOut);
    // The whole input must be one vector selector without modifiers.
    Result<std::vector<model::Matcher>> runMetricSelector(ParseError *errorOut);

private:
    const Token &peek(size_t ahead = 0) const
    {
        const size_t i = std::min(pos_ + ahead, tokens_.size() - 1);
        return tokens_[i];
    }
    const Token &consume() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }
    bool failed() const { return error_.has_value(); }

    void fail(PositionRange r, std::string message)
    {
        if (!error_) error_ = ParseError{r, std::move(message)};
    }
    // "unexpected <token>[ in <context>][, expected <expected>]"; a lexer error
    // token is reported as itself.
    void unexpected(const Token &t, std::string_view context = {}, std::string_view expected = {});

    ExprPtr parseExpression(int minPrecedence);
    ExprPtr parseUnary();
    ExprPtr parsePrimary();
    ExprPtr parsePostfix(ExprPtr e);
    ExprPtr parseNumber(const Token &t);
    ExprPtr parseString(const Token &t);
    ExprPtr parseVectorSelector();
    ExprPtr parseCall();
    ExprPtr parseAggregate();
    bool parseCallArgs(std::vector<ExprPtr> &args);
    bool parseGroupingLabels(std::vector<std::string> &labels);
    bool parseLabelMatchers(VectorSelector &vs);
    bool parseBinaryModifiers(BinaryExpr &b);
    ExprPtr parseOffset(ExprPtr e);
    ExprPtr parseAt(ExprPtr e);
    ExprPtr parseRangeOrSubquery(ExprPtr e);
    // A duration or a plain number of seconds, in milliseconds.
    std::optional<int64_t> parseDurationToken(const Token &t);
    // [+|-] followed by a duration or number, as accepted after offset and
    // inside brackets; `range` receives its text range.
    std::optional<int64_t> parseSignedDuration(PositionRange &range, std::string_view context);

    // Expressions may nest at most this deep (parentheses, unary operators,
    // '^' chains); beyond it parsing fails instead of exhausting the stack.
    static constexpr int kMaxNesting = 1000;

    std::string_view input_;
    ParseOptions options_;
    std::vector<Token> tokens_;
    size_t pos_ = 0;
    std::optional<ParseError> error_;
    int depth_ = 0;
};

}  // namespace vigil::promql
