// ExpressionParser: vector selectors, label matchers and the postfix
// modifiers offset, @, [range] and [range:step].
#include "promql/expression_parser.h"

#include "model/labels.h"
#include "promql/duration.h"
#include "promql/go_strconv.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <utility>

namespace vigil::promql {

namespace {

// Go's "%f".
std::string goPercentF(double v)
{
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
    char buf[400];
    std::snprintf(buf, sizeof(buf), "%f", v);
    return buf;
}

}  // namespace

ExprPtr ExpressionParser::parseVectorSelector()
{
    auto vs = std::make_unique<VectorSelector>();
    const Token &first = peek();
    vs->posRange = {first.pos, first.end()};
    if (first.type != TokenType::LeftBrace) {
        vs->name = consume().text;
        if (peek().type == TokenType::LeftBrace && !parseLabelMatchers(*vs)) return nullptr;
    } else if (!parseLabelMatchers(*vs)) {
        return nullptr;
    }
    if (!vs->name.empty()) {
        auto m = model::Matcher::create(model::Matcher::Type::Equal, std::string(model::kMetricName), vs->name);
        if (!m.isOk()) {
            fail(vs->posRange, m.status().message());
            return nullptr;
        }
        vs->matchers.push_back(std::move(*m));
    }
    vs->offsetMs = vs->originalOffsetMs;
    return vs;
}

bool ExpressionParser::parseLabelMatchers(VectorSelector &vs)
{
    consume();  // '{'
    for (;;) {
        const Token &t = peek();
        if (t.type == TokenType::RightBrace) {
            vs.posRange.end = consume().end();
            return true;
        }
        if (t.type != TokenType::Identifier && t.type != TokenType::String) {
            unexpected(t, "label matching", "identifier or \"}\"");
            return false;
        }
        const Token nameTok = consume();
        std::string name = nameTok.text;
        if (nameTok.type == TokenType::String) {
            auto v = unquote(nameTok.text);
            if (!v.isOk()) {
                fail({nameTok.pos, nameTok.end()},
                     "error unquoting string " + goQuote(nameTok.text) + ": " + v.status().message());
                return false;
            }
            name = std::move(*v);
        }
        const Token &opTok = peek();
        model::Matcher::Type type;
        switch (opTok.type) {
        case TokenType::Assign: type = model::Matcher::Type::Equal; break;
        case TokenType::Neq: type = model::Matcher::Type::NotEqual; break;
        case TokenType::EqlRegex: type = model::Matcher::Type::Regex; break;
        case TokenType::NeqRegex: type = model::Matcher::Type::NotRegex; break;
        default:
            if (nameTok.type == TokenType::String &&
                (opTok.type == TokenType::Comma || opTok.type == TokenType::RightBrace)) {
                // {"metric.name"}: a quoted metric name.
                auto m = model::Matcher::create(model::Matcher::Type::Equal, std::string(model::kMetricName), name);
                if (!m.isOk()) {
                    fail({nameTok.pos, nameTok.end()}, m.status().message());
                    return false;
                }
                vs.matchers.push_back(std::move(*m));
                if (peek().type == TokenType::Comma) consume();
                continue;
            }
            unexpected(opTok, "label matching", "label matching operator");
            return false;
        }
        consume();
        const Token &valueTok = peek();
        if (valueTok.type != TokenType::String) {
            unexpected(valueTok, "label matching", "string");
            return false;
        }
        consume();
        auto value = unquote(valueTok.text);
        if (!value.isOk()) {
            fail({valueTok.pos, valueTok.end()},
                 "error unquoting string " + goQuote(valueTok.text) + ": " + value.status().message());
            return false;
        }
        auto m = model::Matcher::create(type, name, std::move(*value));
        if (!m.isOk()) {
            fail({nameTok.pos, valueTok.end()}, m.status().message());
            return false;
        }
        vs.matchers.push_back(std::move(*m));
        const Token &sep = peek();
        if (sep.type == TokenType::Comma) {
            consume();
        } else if (sep.type != TokenType::RightBrace) {
            unexpected(sep, "label matching", "\",\" or \"}\"");
            return false;
        }
    }
}

ExprPtr ExpressionParser::parsePostfix(ExprPtr e)
{
    while (!failed() && e) {
        switch (peek().type) {
        case TokenType::Offset: e = parseOffset(std::move(e)); break;
        case TokenType::At: e = parseAt(std::move(e)); break;
        case TokenType::LeftBracket: e = parseRangeOrSubquery(std::move(e)); break;
        case TokenType::Smoothed:
        case TokenType::Anchored: {
            const Token t = consume();
            fail(e->posRange, t.text + " modifier is experimental and not enabled");
            return nullptr;
        }
        default: return e;
        }
    }
    return failed() ? nullptr : std::move(e);
}

std::optional<int64_t> ExpressionParser::parseDurationToken(const Token &t)
{
    if (t.type == TokenType::Duration) {
        auto d = parseDuration(t.text);
        if (!d.isOk()) {
            fail({t.pos, t.end()}, d.status().message());
            return std::nullopt;
        }
        return *d;
    }
    auto v = promql::parseNumber(t.text);
    if (!v.isOk()) {
        fail({t.pos, t.end()}, "error parsing number: " + v.status().message());
        return std::nullopt;
    }
    const double ms = *v * 1000.0;
    if (!std::isfinite(ms) || std::fabs(ms) > double(std::numeric_limits<int64_t>::max() / 1000000)) {
        fail({t.pos, t.end()}, "duration out of range");
        return std::nullopt;
    }
    return int64_t(ms);  // truncates toward zero, as Go's conversion does
}

std::optional<int64_t> ExpressionParser::parseSignedDuration(PositionRange &range, std::string_view context)
{
    const Token &first = peek();
    const size_t start = first.pos;
    bool negative = false;
    if ((first.type == TokenType::Add || first.type == TokenType::Sub) &&
        (peek(1).type == TokenType::Number || peek(1).type == TokenType::Duration)) {
        negative = consume().type == TokenType::Sub;
    }
    const Token &t = peek();
    if (t.type != TokenType::Number && t.type != TokenType::Duration) {
        if (t.type == TokenType::LeftParen || t.type == TokenType::Add || t.type == TokenType::Sub ||
            (t.type == TokenType::Identifier && (t.text == "step" || t.text == "range" || t.text == "min" ||
                                                 t.text == "max" || t.text == "min_of" || t.text == "max_of"))) {
            fail({t.pos, t.end()}, "experimental duration expression is not enabled");
        } else {
            unexpected(t, context, "number, duration, step(), or range()");
        }
        return std::nullopt;
    }
    consume();
    auto ms = parseDurationToken(t);
    if (!ms) return std::nullopt;
    range = {start, t.end()};
    return negative ? -*ms : *ms;
}

ExprPtr ExpressionParser::parseOffset(ExprPtr e)
{
    consume();  // offset
    PositionRange durRange;
    auto ms = parseSignedDuration(durRange, "offset");
    if (!ms) return nullptr;
    const int64_t offset = *ms;
    int64_t *original = nullptr;
    int64_t *effective = nullptr;
    if (auto *vs = e->as<VectorSelector>()) {
        original = &vs->originalOffsetMs;
        effective = &vs->offsetMs;
    } else if (auto *ms2 = e->as<MatrixSelector>()) {
        original = &ms2->vectorSelector->originalOffsetMs;
        effective = &ms2->vectorSelector->offsetMs;
    } else if (auto *sq = e->as<SubqueryExpr>()) {
        original = &sq->originalOffsetMs;
        effective = &sq->offsetMs;
    } else {
        fail(e->posRange,
             "offset modifier must be preceded by an instant vector selector or range vector selector or a subquery");
        return nullptr;
    }
    if (*original != 0) {
        fail(e->posRange, "offset may not be set multiple times");
        return nullptr;
    }
    *original = offset;
    *effective = offset;
    e->posRange.end = durRange.end;
    return e;
}

ExprPtr ExpressionParser::parseAt(ExprPtr e)
{
    consume();  // @
    std::optional<int64_t> *timestamp = nullptr;
    AtModifier *startOrEnd = nullptr;
    if (auto *vs = e->as<VectorSelector>()) {
        timestamp = &vs->timestampMs;
        startOrEnd = &vs->startOrEnd;
    } else if (auto *m = e->as<MatrixSelector>()) {
        timestamp = &m->vectorSelector->timestampMs;
        startOrEnd = &m->vectorSelector->startOrEnd;
    } else if (auto *sq = e->as<SubqueryExpr>()) {
        timestamp = &sq->timestampMs;
        startOrEnd = &sq->startOrEnd;
    }

    const Token &t = peek();
    if ((t.type == TokenType::Start || t.type == TokenType::End) && peek(1).type == TokenType::LeftParen &&
        peek(2).type == TokenType::RightParen) {
        const AtModifier which = t.type == TokenType::Start ? AtModifier::Start : AtModifier::End;
        consume();
        consume();
        const Token close = consume();
        if (!timestamp) {
            fail(e->posRange,
                 "@ modifier must be preceded by an instant vector selector or range vector selector or a subquery");
            return nullptr;
        }
        if (timestamp->has_value() || *startOrEnd != AtModifier::None) {
            fail(e->posRange, "@ <timestamp> may not be set multiple times");
            return nullptr;
        }
        *startOrEnd = which;
        e->posRange.end = close.end();
        return e;
    }
    bool negative = false;
    const Token *numTok = &t;
    if (t.type == TokenType::Add || t.type == TokenType::Sub) {
        const Token &n = peek(1);
        if (n.type == TokenType::Number || n.type == TokenType::Duration) {
            negative = t.type == TokenType::Sub;
            consume();
            numTok = &peek();
        }
    }
    if (numTok->type != TokenType::Number && numTok->type != TokenType::Duration) {
        unexpected(*numTok, "@", "timestamp");
        return nullptr;
    }
    const Token nt = consume();
    double seconds = 0;
    if (nt.type == TokenType::Duration) {
        auto d = parseDuration(nt.text);
        if (!d.isOk()) {
            fail({nt.pos, nt.end()}, d.status().message());
            return nullptr;
        }
        seconds = double(*d) / 1000.0;
    } else {
        auto v = promql::parseNumber(nt.text);
        if (!v.isOk()) {
            fail({nt.pos, nt.end()}, "error parsing number: " + v.status().message());
            return nullptr;
        }
        seconds = *v;
    }
    if (negative) seconds = -seconds;
    constexpr double kMax = double(std::numeric_limits<int64_t>::max());
    constexpr double kMin = double(std::numeric_limits<int64_t>::min());
    if (!std::isfinite(seconds) || seconds >= kMax || seconds <= kMin) {
        fail(e->posRange, "timestamp out of bounds for @ modifier: " + goPercentF(seconds));
        return nullptr;
    }
    if (!timestamp) {
        fail(e->posRange,
             "@ modifier must be preceded by an instant vector selector or range vector selector or a subquery");
        return nullptr;
    }
    if (timestamp->has_value() || *startOrEnd != AtModifier::None) {
        fail(e->posRange, "@ <timestamp> may not be set multiple times");
        return nullptr;
    }
    const double ms = std::round(seconds * 1000.0);
    if (ms >= kMax || ms <= kMin) {
        fail(e->posRange, "timestamp out of bounds for @ modifier: " + goPercentF(seconds));
        return nullptr;
    }
    *timestamp = int64_t(ms);
    e->posRange.end = nt.end();
    return e;
}

ExprPtr ExpressionParser::parseRangeOrSubquery(ExprPtr e)
{
    const Token open = consume();  // '['
    const auto failDurationExpression = [this](const Token &t) {
        fail({t.pos, t.end()}, "experimental duration expression is not enabled");
    };
    PositionRange rangeText;
    auto range = parseSignedDuration(rangeText, "subquery or range selector");
    if (!range) return nullptr;

    const Token &after = peek();
    if (after.type == TokenType::RightBracket) {
        const Token close = consume();
        const PositionRange errRange{open.pos, close.end()};
        auto *vs = e->as<VectorSelector>();
        if (!vs) {
            fail(errRange, "ranges only allowed for vector selectors");
            return nullptr;
        }
        if (vs->originalOffsetMs != 0) {
            fail(errRange, "no offset modifiers allowed before range");
            return nullptr;
        }
        if (vs->timestampMs || vs->startOrEnd != AtModifier::None) {
            fail(errRange, "no @ modifiers allowed before range");
            return nullptr;
        }
        if (*range <= 0) {
            fail(rangeText, "duration must be greater than 0");
            return nullptr;
        }
        auto m = std::make_unique<MatrixSelector>();
        m->posRange = {vs->posRange.start, close.end()};
        m->rangeMs = *range;
        m->vectorSelector.reset(static_cast<VectorSelector *>(e.release()));
        return m;
    }
    if (after.type != TokenType::Colon) {
        if (isOperator(after.type)) {
            failDurationExpression(after);
        } else {
            unexpected(after, "subquery or range", "\":\" or \"]\"");
        }
        return nullptr;
    }
    consume();  // ':'
    if (*range <= 0) {
        fail(rangeText, "duration must be greater than 0");
        return nullptr;
    }
    int64_t step = 0;
    if (peek().type != TokenType::RightBracket) {
        PositionRange stepText;
        auto s = parseSignedDuration(stepText, "subquery selector");
        if (!s) return nullptr;
        if (*s < 0) {
            fail(stepText, "duration must be greater than 0");
            return nullptr;
        }
        step = *s;
        if (peek().type != TokenType::RightBracket) {
            if (isOperator(peek().type)) {
                failDurationExpression(peek());
            } else {
                unexpected(peek(), "subquery selector", "\"]\"");
            }
            return nullptr;
        }
    }
    const Token close = consume();
    auto sq = std::make_unique<SubqueryExpr>();
    sq->posRange = {e->posRange.start, close.end()};
    sq->rangeMs = *range;
    sq->stepMs = step;
    sq->expr = std::move(e);
    return sq;
}

}  // namespace vigil::promql
