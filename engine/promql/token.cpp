#include "promql/token.h"

#include "promql/go_strconv.h"

#include <array>
#include <utility>

namespace vigil::promql {

namespace {

struct Word {
    std::string_view text;
    TokenType type;
};

constexpr std::array kWords = {
    Word{"and", TokenType::Land},
    Word{"or", TokenType::Lor},
    Word{"unless", TokenType::Lunless},
    Word{"atan2", TokenType::Atan2},
    Word{"sum", TokenType::Sum},
    Word{"avg", TokenType::Avg},
    Word{"count", TokenType::Count},
    Word{"min", TokenType::Min},
    Word{"max", TokenType::Max},
    Word{"group", TokenType::Group},
    Word{"stddev", TokenType::Stddev},
    Word{"stdvar", TokenType::Stdvar},
    Word{"topk", TokenType::Topk},
    Word{"bottomk", TokenType::Bottomk},
    Word{"count_values", TokenType::CountValues},
    Word{"quantile", TokenType::Quantile},
    Word{"limitk", TokenType::Limitk},
    Word{"limit_ratio", TokenType::LimitRatio},
    Word{"offset", TokenType::Offset},
    Word{"smoothed", TokenType::Smoothed},
    Word{"anchored", TokenType::Anchored},
    Word{"by", TokenType::By},
    Word{"without", TokenType::Without},
    Word{"on", TokenType::On},
    Word{"ignoring", TokenType::Ignoring},
    Word{"group_left", TokenType::GroupLeft},
    Word{"group_right", TokenType::GroupRight},
    Word{"bool", TokenType::Bool},
    Word{"start", TokenType::Start},
    Word{"end", TokenType::End},
};

// Go's fmt "%.10q..." for values longer than 10 bytes, else "%q".
std::string shortQuote(std::string_view v)
{
    if (v.size() <= 10) return goQuote(v);
    size_t cut = 0;
    int runes = 0;
    while (cut < v.size() && runes < 10) {
        ++cut;
        while (cut < v.size() && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80) ++cut;
        ++runes;
    }
    if (cut >= v.size()) return goQuote(v);
    return goQuote(v.substr(0, cut)) + "...";
}

}  // namespace

bool isOperator(TokenType t) { return t >= TokenType::Add && t <= TokenType::Atan2; }
bool isAggregator(TokenType t) { return t >= TokenType::Avg && t <= TokenType::LimitRatio; }
bool isKeyword(TokenType t) { return t >= TokenType::Bool && t <= TokenType::Anchored; }

bool isComparisonOperator(TokenType t)
{
    switch (t) {
    case TokenType::EqlC:
    case TokenType::Neq:
    case TokenType::Lss:
    case TokenType::Lte:
    case TokenType::Gtr:
    case TokenType::Gte: return true;
    default: return false;
    }
}

bool isSetOperator(TokenType t)
{
    return t == TokenType::Land || t == TokenType::Lor || t == TokenType::Lunless;
}

bool isAggregatorWithParam(TokenType t)
{
    return t == TokenType::Topk || t == TokenType::Bottomk || t == TokenType::CountValues ||
           t == TokenType::Quantile || t == TokenType::Limitk || t == TokenType::LimitRatio;
}

std::optional<TokenType> keywordType(std::string_view lowerWord)
{
    if (lowerWord == "inf" || lowerWord == "nan") return TokenType::Number;
    for (const auto &w : kWords) {
        if (w.text == lowerWord) return w.type;
    }
    return std::nullopt;
}

std::string_view tokenTypeText(TokenType t)
{
    for (const auto &w : kWords) {
        if (w.type == t) return w.text;
    }
    switch (t) {
    case TokenType::LeftParen: return "(";
    case TokenType::RightParen: return ")";
    case TokenType::LeftBrace: return "{";
    case TokenType::RightBrace: return "}";
    case TokenType::LeftBracket: return "[";
    case TokenType::RightBracket: return "]";
    case TokenType::Comma: return ",";
    case TokenType::Colon: return ":";
    case TokenType::Assign: return "=";
    case TokenType::Add: return "+";
    case TokenType::Sub: return "-";
    case TokenType::Mul: return "*";
    case TokenType::Div: return "/";
    case TokenType::Mod: return "%";
    case TokenType::Pow: return "^";
    case TokenType::EqlC: return "==";
    case TokenType::Neq: return "!=";
    case TokenType::Lss: return "<";
    case TokenType::Lte: return "<=";
    case TokenType::Gtr: return ">";
    case TokenType::Gte: return ">=";
    case TokenType::EqlRegex: return "=~";
    case TokenType::NeqRegex: return "!~";
    case TokenType::At: return "@";
    default: return {};
    }
}

std::string describeToken(const Token &t)
{
    switch (t.type) {
    case TokenType::Eof: return "end of input";
    case TokenType::Error: return t.text;
    case TokenType::Identifier: return "identifier " + goQuote(t.text);
    case TokenType::MetricIdentifier: return "metric identifier " + goQuote(t.text);
    case TokenType::Number: return "number " + shortQuote(t.text);
    case TokenType::Duration: return "duration " + shortQuote(t.text);
    case TokenType::String: return "string " + shortQuote(t.text);
    case TokenType::Comment: return "comment " + shortQuote(t.text);
    default: break;
    }
    if (isKeyword(t.type)) return "<" + t.text + ">";
    if (isOperator(t.type)) return "<op:" + t.text + ">";
    if (isAggregator(t.type)) return "<aggr:" + t.text + ">";
    return goQuote(t.text);
}

}  // namespace vigil::promql
