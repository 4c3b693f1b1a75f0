// ExpressionParser: operators, unary minus, literals, calls, aggregations.
#include "promql/expression_parser.h"

#include "promql/duration.h"
#include "promql/go_strconv.h"
#include "promql/type_checker.h"

#include <algorithm>
#include <utility>

namespace vigil::promql {

namespace {

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


}  // namespace

void ExpressionParser::unexpected(const Token &t, std::string_view context, std::string_view expected)
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

Result<ExprPtr> ExpressionParser::run(ParseError *errorOut)
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

Result<std::vector<model::Matcher>> ExpressionParser::runMetricSelector(ParseError *errorOut)
{
    ExprPtr selector;
    const Token &first = peek();
    if (first.type == TokenType::LeftBrace || isMetricIdentifier(first.type)) {
        selector = parseVectorSelector();
        if (!failed() && peek().type != TokenType::Eof) unexpected(peek());
    } else {
        unexpected(first);
    }
    if (failed()) {
        if (errorOut) *errorOut = *error_;
        return Status::invalidArgument(error_->toString(input_));
    }
    return std::move(selector->as<VectorSelector>()->matchers);
}

ExprPtr ExpressionParser::parseExpression(int minPrecedence)
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

bool ExpressionParser::parseBinaryModifiers(BinaryExpr &b)
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

ExprPtr ExpressionParser::parseUnary()
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

ExprPtr ExpressionParser::parsePrimary()
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

ExprPtr ExpressionParser::parseNumber(const Token &t)
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

ExprPtr ExpressionParser::parseString(const Token &t)
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

bool ExpressionParser::parseCallArgs(std::vector<ExprPtr> &args)
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

ExprPtr ExpressionParser::parseCall()
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

bool ExpressionParser::parseGroupingLabels(std::vector<std::string> &labels)
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

ExprPtr ExpressionParser::parseAggregate()
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

}  // namespace vigil::promql
