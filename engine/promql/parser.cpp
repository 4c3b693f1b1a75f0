// Recursive-descent / precedence-climbing PromQL parser. See parser.h.
#include "promql/parser.h"

#include "model/labels.h"
#include "promql/duration.h"
#include "promql/go_strconv.h"
#include "promql/lexer.h"
#include "promql/type_checker.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <utility>

namespace vigil::promql {

namespace {

// Binary operator precedence; 0 = not a binary operator.
int precedence(TokenType t)
{
    switch (t) {
    case TokenType::Lor: return 1;
    case TokenType::Land:
    case TokenType::Lunless: return 2;
    case TokenType::EqlC:
    case TokenType::Neq:
    case TokenType::Lss:
    case TokenType::Lte:
    case TokenType::Gtr:
    case TokenType::Gte: return 3;
    case TokenType::Add:
    case TokenType::Sub: return 4;
    case TokenType::Mul:
    case TokenType::Div:
    case TokenType::Mod:
    case TokenType::Atan2: return 5;
    case TokenType::Pow: return 6;
    default: return 0;
    }
}
constexpr int kPowPrecedence = 6;

BinaryOp toBinaryOp(TokenType t)
{
    switch (t) {
    case TokenType::Add: return BinaryOp::Add;
    case TokenType::Sub: return BinaryOp::Sub;
    case TokenType::Mul: return BinaryOp::Mul;
    case TokenType::Div: return BinaryOp::Div;
    case TokenType::Mod: return BinaryOp::Mod;
    case TokenType::Pow: return BinaryOp::Pow;
    case TokenType::Atan2: return BinaryOp::Atan2;
    case TokenType::EqlC: return BinaryOp::Eql;
    case TokenType::Neq: return BinaryOp::Neq;
    case TokenType::Gtr: return BinaryOp::Gtr;
    case TokenType::Lss: return BinaryOp::Lss;
    case TokenType::Gte: return BinaryOp::Gte;
    case TokenType::Lte: return BinaryOp::Lte;
    case TokenType::Land: return BinaryOp::And;
    case TokenType::Lor: return BinaryOp::Or;
    default: return BinaryOp::Unless;
    }
}

AggregateOp toAggregateOp(TokenType t)
{
    switch (t) {
    case TokenType::Sum: return AggregateOp::Sum;
    case TokenType::Avg: return AggregateOp::Avg;
    case TokenType::Count: return AggregateOp::Count;
    case TokenType::Min: return AggregateOp::Min;
    case TokenType::Max: return AggregateOp::Max;
    case TokenType::Group: return AggregateOp::Group;
    case TokenType::Stddev: return AggregateOp::Stddev;
    case TokenType::Stdvar: return AggregateOp::Stdvar;
    case TokenType::Topk: return AggregateOp::Topk;
    case TokenType::Bottomk: return AggregateOp::Bottomk;
    case TokenType::CountValues: return AggregateOp::CountValues;
    case TokenType::Quantile: return AggregateOp::Quantile;
    case TokenType::Limitk: return AggregateOp::Limitk;
    default: return AggregateOp::LimitRatio;
    }
}

// Tokens that may name a metric outside braces (Prometheus's metric_identifier).
bool isMetricIdentifier(TokenType t)
{
    if (isAggregator(t)) return true;
    switch (t) {
    case TokenType::Identifier:
    case TokenType::MetricIdentifier:
    case TokenType::By:
    case TokenType::Without:
    case TokenType::Offset:
    case TokenType::Land:
    case TokenType::Lor:
    case TokenType::Lunless:
    case TokenType::Start:
    case TokenType::End:
    case TokenType::Smoothed:
    case TokenType::Anchored: return true;
    default: return false;
    }
}

// Tokens accepted as a label name in by(...), on(...), group_left(...)
// (Prometheus's maybe_label: identifiers and keywords that could be labels).
bool isMaybeLabel(TokenType t)
{
    if (isAggregator(t) || isKeyword(t)) return true;
    switch (t) {
    case TokenType::Identifier:
    case TokenType::MetricIdentifier:
    case TokenType::Land:
    case TokenType::Lor:
    case TokenType::Lunless:
    case TokenType::Atan2:
    case TokenType::Start:
    case TokenType::End: return true;
    default: return false;
    }
}

bool isLegacyLabelName(std::string_view s)
{
    if (s.empty()) return false;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
        if (!ok) return false;
    }
    return true;
}

// Go's "%f".
std::string goPercentF(double v)
{
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
    char buf[400];
    std::snprintf(buf, sizeof(buf), "%f", v);
    return buf;
}

class Parser {
public:
    Parser(std::string_view input, const ParseOptions &options)
        : input_(input), options_(options), tokens_(Lexer::tokenize(input))
    {
    }

    Result<ExprPtr> run(ParseError *errorOut);

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

    std::string_view input_;
    ParseOptions options_;
    std::vector<Token> tokens_;
    size_t pos_ = 0;
    std::optional<ParseError> error_;
    static constexpr int kMaxNesting = 1000;
    int depth_ = 0;
};

void Parser::unexpected(const Token &t, std::string_view context, std::string_view expected)
{
    if (t.type == TokenType::Error) {
        fail({t.pos, input_.size()}, t.text);
        return;
    }
    std::string msg = "unexpected " + describeToken(t);
    if (!context.empty()) msg += " in " + std::string(context);
    if (!expected.empty()) msg += ", expected " + std::string(expected);
    fail({t.pos, t.end()}, std::move(msg));
}

Result<ExprPtr> Parser::run(ParseError *errorOut)
{
    ExprPtr root;
    if (peek().type == TokenType::Eof) {
        fail({0, 0}, "no expression found in input");
    } else {
        root = parseExpression(0);
        if (!failed() && peek().type != TokenType::Eof) unexpected(peek());
    }
    if (!failed()) {
        TypeChecker checker(input_);
        checker.check(*root);
        if (!checker.errors().empty()) error_ = checker.errors().front();
    }
    if (failed()) {
        if (errorOut) *errorOut = *error_;
        return Status::invalidArgument(error_->toString(input_));
    }
    return root;
}

ExprPtr Parser::parseExpression(int minPrecedence)
{
    // Every recursive path goes through here; bound the native stack use.
    if (depth_ >= kMaxNesting) {
        fail({peek().pos, peek().end()},
             "expression nesting exceeds the maximum depth of " + std::to_string(kMaxNesting));
        return nullptr;
    }
    struct DepthGuard {
        int &d;
        explicit DepthGuard(int &depth) : d(depth) { ++d; }
        ~DepthGuard() { --d; }
    } guard(depth_);
    ExprPtr lhs = parseUnary();
    while (!failed()) {
        const Token &opTok = peek();
        const int prec = precedence(opTok.type);
        if (prec == 0 || prec < minPrecedence) break;
        consume();
        auto b = std::make_unique<BinaryExpr>();
        b->op = toBinaryOp(opTok.type);
        if (!parseBinaryModifiers(*b)) return nullptr;
        // ^ is right-associative, everything else left-associative.
        const int next = opTok.type == TokenType::Pow ? prec : prec + 1;
        ExprPtr rhs = parseExpression(next);
        if (failed()) return nullptr;
        b->posRange = {lhs->posRange.start, rhs->posRange.end};
        b->resultType = lhs->type() == ValueType::Scalar && rhs->type() == ValueType::Scalar ? ValueType::Scalar
                                                                                           : ValueType::Vector;
        b->lhs = std::move(lhs);
        b->rhs = std::move(rhs);
        lhs = std::move(b);
    }
    if (failed()) return nullptr;
    return lhs;
}

bool Parser::parseBinaryModifiers(BinaryExpr &b)
{
    VectorMatching vm;
    if (peek().type == TokenType::Bool) {
        consume();
        b.returnBool = true;
    }
    if (peek().type == TokenType::On || peek().type == TokenType::Ignoring) {
        vm.on = consume().type == TokenType::On;
        if (!parseGroupingLabels(vm.matchingLabels)) return false;
        if (peek().type == TokenType::GroupLeft || peek().type == TokenType::GroupRight) {
            vm.card = consume().type == TokenType::GroupLeft ? VectorMatchCardinality::ManyToOne
                                                             : VectorMatchCardinality::OneToMany;
            if (peek().type == TokenType::LeftParen && !parseGroupingLabels(vm.include)) return false;
        }
    }
    b.matching = std::move(vm);
    return true;
}

ExprPtr Parser::parseUnary()
{
    const Token &t = peek();
    if (t.type != TokenType::Add && t.type != TokenType::Sub) return parsePostfix(parsePrimary());
    const Token opTok = consume();
    // Unary operators bind like '*': only '^' (and postfix modifiers) bind tighter.
    ExprPtr operand = parseExpression(kPowPrecedence);
    if (failed()) return nullptr;
    if (auto *n = operand->as<NumberLiteral>()) {
        if (opTok.type == TokenType::Sub) n->value = -n->value;
        n->posRange.start = opTok.pos;
        return operand;
    }
    auto u = std::make_unique<UnaryExpr>();
    u->op = opTok.type == TokenType::Sub ? UnaryOp::Minus : UnaryOp::Plus;
    u->posRange = {opTok.pos, operand->posRange.end};
    u->expr = std::move(operand);
    return u;
}

ExprPtr Parser::parsePrimary()
{
    const Token &t = peek();
    switch (t.type) {
    case TokenType::Number:
    case TokenType::Duration: return parseNumber(consume());
    case TokenType::String: return parseString(consume());
    case TokenType::LeftParen: {
        const Token open = consume();
        ExprPtr inner = parseExpression(0);
        if (failed()) return nullptr;
        if (peek().type != TokenType::RightParen) {
            unexpected(peek());
            return nullptr;
        }
        const Token close = consume();
        auto p = std::make_unique<ParenExpr>();
        p->posRange = {open.pos, close.end()};
        p->expr = std::move(inner);
        return p;
    }
    case TokenType::LeftBrace: return parseVectorSelector();
    default: break;
    }
    if (isAggregator(t.type)) {
        const TokenType next = peek(1).type;
        if (next == TokenType::LeftParen || next == TokenType::By || next == TokenType::Without) {
            return parseAggregate();
        }
        return parseVectorSelector();
    }
    if ((t.type == TokenType::Identifier || t.type == TokenType::Start || t.type == TokenType::End) &&
        peek(1).type == TokenType::LeftParen) {
        return parseCall();
    }
    if (isMetricIdentifier(t.type)) return parseVectorSelector();
    unexpected(t);
    return nullptr;
}

ExprPtr Parser::parseNumber(const Token &t)
{
    auto n = std::make_unique<NumberLiteral>();
    n->posRange = {t.pos, t.end()};
    if (t.type == TokenType::Duration) {
        auto d = parseDuration(t.text);
        if (!d.isOk()) {
            fail(n->posRange, d.status().message());
            return nullptr;
        }
        n->value = double(*d) / 1000.0;
        n->durationLiteral = true;
        return n;
    }
    auto v = promql::parseNumber(t.text);
    if (!v.isOk()) {
        fail(n->posRange, "error parsing number: " + v.status().message());
        return nullptr;
    }
    n->value = *v;
    return n;
}

ExprPtr Parser::parseString(const Token &t)
{
    auto s = std::make_unique<StringLiteral>();
    s->posRange = {t.pos, t.end()};
    auto v = unquote(t.text);
    if (!v.isOk()) {
        fail(s->posRange, "error unquoting string " + goQuote(t.text) + ": " + v.status().message());
        return nullptr;
    }
    s->value = std::move(*v);
    return s;
}

ExprPtr Parser::parseVectorSelector()
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

bool Parser::parseLabelMatchers(VectorSelector &vs)
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

bool Parser::parseCallArgs(std::vector<ExprPtr> &args)
{
    consume();  // '('
    if (peek().type == TokenType::RightParen) {
        consume();
        return true;
    }
    for (;;) {
        ExprPtr arg = parseExpression(0);
        if (failed()) return false;
        args.push_back(std::move(arg));
        const Token &t = peek();
        if (t.type == TokenType::RightParen) {
            consume();
            return true;
        }
        if (t.type != TokenType::Comma) {
            unexpected(t);
            return false;
        }
        const Token comma = consume();
        if (peek().type == TokenType::RightParen) {
            fail({comma.pos, comma.end()}, "trailing commas not allowed in function call args");
            return false;
        }
    }
}

ExprPtr Parser::parseCall()
{
    const Token nameTok = consume();
    auto call = std::make_unique<Call>();
    if (!parseCallArgs(call->args)) return nullptr;
    call->posRange = {nameTok.pos, tokens_[pos_ - 1].end()};
    const std::string &name = nameTok.text;
    call->func = findFunction(name);
    if (!call->func) {
        fail({nameTok.pos, nameTok.end()}, "unknown function with name " + goQuote(name));
        return nullptr;
    }
    if (call->func->experimental && !options_.enableExperimentalFunctions) {
        fail({nameTok.pos, nameTok.end()}, "function " + goQuote(name) + " is not enabled");
        return nullptr;
    }
    return call;
}

bool Parser::parseGroupingLabels(std::vector<std::string> &labels)
{
    if (peek().type != TokenType::LeftParen) {
        unexpected(peek(), "grouping opts", "\"(\"");
        return false;
    }
    consume();
    labels.clear();
    if (peek().type == TokenType::RightParen) {
        consume();
        return true;
    }
    for (;;) {
        const Token &t = peek();
        if (t.type == TokenType::String) {
            auto v = unquote(t.text);
            if (!v.isOk()) {
                fail({t.pos, t.end()}, "error unquoting string " + goQuote(t.text) + ": " + v.status().message());
                return false;
            }
            labels.push_back(std::move(*v));
        } else if (isMaybeLabel(t.type) && isLegacyLabelName(t.text)) {
            labels.push_back(t.text);
        } else {
            unexpected(t, "grouping opts", "label");
            return false;
        }
        consume();
        const Token &sep = peek();
        if (sep.type == TokenType::RightParen) {
            consume();
            return true;
        }
        if (sep.type != TokenType::Comma) {
            unexpected(sep, "grouping opts", "\",\" or \")\"");
            return false;
        }
        consume();
        if (peek().type == TokenType::RightParen) {
            consume();
            return true;
        }
    }
}

ExprPtr Parser::parseAggregate()
{
    const Token opTok = consume();
    auto agg = std::make_unique<AggregateExpr>();
    agg->op = toAggregateOp(opTok.type);
    bool haveModifier = false;
    auto parseModifier = [&]() -> bool {
        agg->without = consume().type == TokenType::Without;
        haveModifier = true;
        return parseGroupingLabels(agg->grouping);
    };
    if (peek().type == TokenType::By || peek().type == TokenType::Without) {
        if (!parseModifier()) return nullptr;
    }
    if (peek().type != TokenType::LeftParen) {
        unexpected(peek(), "aggregation");
        return nullptr;
    }
    std::vector<ExprPtr> args;
    if (!parseCallArgs(args)) return nullptr;
    if (!haveModifier && (peek().type == TokenType::By || peek().type == TokenType::Without)) {
        if (!parseModifier()) return nullptr;
    }
    agg->posRange = {opTok.pos, tokens_[pos_ - 1].end()};

    if (args.empty()) {
        fail(agg->posRange, "no arguments for aggregate expression provided");
        return nullptr;
    }
    size_t wanted = 1;
    if (aggregateTakesParam(agg->op)) {
        if ((agg->op == AggregateOp::Limitk || agg->op == AggregateOp::LimitRatio) &&
            !options_.enableExperimentalFunctions) {
            fail(agg->posRange, std::string(aggregateOpString(agg->op)) +
                                    "() is experimental and must be enabled with "
                                    "--enable-feature=promql-experimental-functions");
            return nullptr;
        }
        wanted = 2;
    }
    if (args.size() != wanted) {
        fail(agg->posRange, "wrong number of arguments for aggregate expression provided, expected " +
                                std::to_string(wanted) + ", got " + std::to_string(args.size()));
        return nullptr;
    }
    if (wanted == 2) agg->param = std::move(args[0]);
    agg->expr = std::move(args[wanted - 1]);
    return agg;
}

ExprPtr Parser::parsePostfix(ExprPtr e)
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

std::optional<int64_t> Parser::parseDurationToken(const Token &t)
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

std::optional<int64_t> Parser::parseSignedDuration(PositionRange &range, std::string_view context)
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

ExprPtr Parser::parseOffset(ExprPtr e)
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

ExprPtr Parser::parseAt(ExprPtr e)
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

ExprPtr Parser::parseRangeOrSubquery(ExprPtr e)
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

}  // namespace

Result<ExprPtr> parseExpr(std::string_view input, const ParseOptions &options, ParseError *error)
{
    Parser parser(input, options);
    return parser.run(error);
}

}  // namespace vigil::promql
