#include "promql/series_description.h"

#include "model/sample.h"
#include "promql/go_strconv.h"
#include "promql/lexer.h"

#include <cctype>
#include <charconv>
#include <optional>

namespace vigil::promql {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool isNameChar(char c, bool first)
{
    return c == '_' || c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
}

class SeriesParser {
public:
    explicit SeriesParser(std::string_view input) : in_(input) {}

    Result<SeriesDescription> run(ParseError *errorOut)
    {
        SeriesDescription out;
        if (parseMetric(out) && parseValues(out)) return out;
        if (errorOut) *errorOut = *error_;
        return Status::invalidArgument(error_->toString(in_));
    }

private:
    bool fail(size_t start, size_t end, std::string message)
    {
        if (!error_) error_ = ParseError{{start, end}, std::move(message)};
        return false;
    }

    void skipSpaces()
    {
        while (pos_ < in_.size() && isSpace(in_[pos_])) ++pos_;
    }

    bool parseMetric(SeriesDescription &out)
    {
        std::vector<model::Label> labels;
        skipSpaces();
        if (pos_ < in_.size() && isNameChar(in_[pos_], true)) {
            const size_t start = pos_;
            while (pos_ < in_.size() && isNameChar(in_[pos_], false)) ++pos_;
            labels.push_back({std::string(model::kMetricName), std::string(in_.substr(start, pos_ - start))});
        }
        if (pos_ < in_.size() && in_[pos_] == '{' && !(pos_ + 1 < in_.size() && in_[pos_ + 1] == '{')) {
            if (!parseLabelSet(labels)) return false;
        }
        out.labels = model::Labels::fromUnsorted(std::move(labels));
        return true;
    }

    // Uses the PromQL lexer for the braces, so strings and escapes follow
    // the query language exactly.
    bool parseLabelSet(std::vector<model::Label> &labels)
    {
        const size_t base = pos_;
        Lexer lexer(in_.substr(base));
        const auto next = [&] {
            Token t = lexer.next();
            while (t.type == TokenType::Comment) t = lexer.next();
            t.pos += base;
            return t;
        };
        const auto unexpected = [&](const Token &t, const char *expected) {
            if (t.type == TokenType::Error) return fail(t.pos, in_.size(), t.text);
            return fail(t.pos, t.end(), "unexpected " + describeToken(t) + " in label set, expected " + expected);
        };
        const auto unquoted = [&](const Token &t, std::string &value) {
            auto v = unquote(t.text);
            if (!v.isOk()) return fail(t.pos, t.end(), "error unquoting string " + goQuote(t.text) + ": " +
                                                          v.status().message());
            value = std::move(*v);
            return true;
        };
        next();  // '{'
        for (;;) {
            Token t = next();
            if (t.type == TokenType::RightBrace) {
                pos_ = t.end();
                return true;
            }
            if (t.type != TokenType::Identifier && t.type != TokenType::String) {
                return unexpected(t, "identifier or \"}\"");
            }
            std::string name = t.text;
            if (t.type == TokenType::String && !unquoted(t, name)) return false;
            Token op = next();
            if (t.type == TokenType::String && (op.type == TokenType::Comma || op.type == TokenType::RightBrace)) {
                labels.push_back({std::string(model::kMetricName), std::move(name)});  // {"metric.name"}
            } else {
                if (op.type != TokenType::Assign) {
                    return unexpected(op, t.type == TokenType::String ? "\",\" or \"}\"" : "\"=\"");
                }
                Token value = next();
                if (value.type != TokenType::String) return unexpected(value, "string");
                std::string v;
                if (!unquoted(value, v)) return false;
                labels.push_back({std::move(name), std::move(v)});
                op = next();
            }
            if (op.type == TokenType::RightBrace) {
                pos_ = op.end();
                return true;
            }
            if (op.type != TokenType::Comma) return unexpected(op, "\",\" or \"}\"");
        }
    }

    // A float at in_[i...]: [+-] (digits [. digits] [e [+-] digits] | Inf | NaN).
    std::optional<double> scanNumber(size_t &i, bool allowSign)
    {
        const size_t start = i;
        if (allowSign && i < in_.size() && (in_[i] == '+' || in_[i] == '-')) ++i;
        const size_t bodyStart = i;
        if (i < in_.size() && std::isalpha(static_cast<unsigned char>(in_[i]))) {
            while (i < in_.size() && std::isalpha(static_cast<unsigned char>(in_[i]))) ++i;
        } else {
            while (i < in_.size() && (std::isdigit(static_cast<unsigned char>(in_[i])) || in_[i] == '.')) ++i;
            if (i < in_.size() && (in_[i] == 'e' || in_[i] == 'E')) {
                size_t j = i + 1;
                if (j < in_.size() && (in_[j] == '+' || in_[j] == '-')) ++j;
                if (j < in_.size() && std::isdigit(static_cast<unsigned char>(in_[j]))) {
                    i = j;
                    while (i < in_.size() && std::isdigit(static_cast<unsigned char>(in_[i]))) ++i;
                }
            }
        }
        if (i == bodyStart) {
            i = start;
            return std::nullopt;
        }
        std::string_view body = in_.substr(bodyStart, i - bodyStart);
        std::string lower;
        for (char c : body) lower.push_back(char(std::tolower(static_cast<unsigned char>(c))));
        if (std::isalpha(static_cast<unsigned char>(body[0])) && lower != "inf" && lower != "nan") {
            i = start;
            return std::nullopt;
        }
        auto v = parseNumber(body);
        if (!v.isOk()) {
            i = start;
            return std::nullopt;
        }
        return (start != bodyStart && in_[start] == '-') ? -*v : *v;
    }

    std::optional<uint64_t> scanCount(size_t &i)
    {
        const size_t start = i;
        while (i < in_.size() && std::isdigit(static_cast<unsigned char>(in_[i]))) ++i;
        uint64_t n = 0;
        auto r = std::from_chars(in_.data() + start, in_.data() + i, n);
        if (i == start || r.ec != std::errc()) return std::nullopt;
        return n;
    }

    bool parseValues(SeriesDescription &out)
    {
        constexpr uint64_t kMaxValues = 1'000'000;  // keeps a typo like 1x100000000 from exhausting memory
        for (;;) {
            skipSpaces();
            if (pos_ >= in_.size()) return true;
            const size_t start = pos_;
            size_t end = pos_;
            while (end < in_.size() && !isSpace(in_[end])) ++end;
            const std::string_view item = in_.substr(start, end - start);
            const auto bad = [&] {
                return fail(start, end, "invalid value " + goQuote(item) + " in series values");
            };
            if (item.rfind("{{", 0) == 0) return fail(start, end, "native histograms are not supported");
            size_t i = start;
            if (item == "stale") {
                out.values.push_back({model::staleNaN(), false});
            } else if (in_[i] == '_') {
                ++i;
                uint64_t count = 1;
                if (i < end && in_[i] == 'x') {
                    ++i;
                    auto n = scanCount(i);
                    if (!n) return bad();
                    count = *n;
                }
                if (i != end) return bad();
                if (out.values.size() + count > kMaxValues) return fail(start, end, "too many values in series");
                for (uint64_t k = 0; k < count; ++k) out.values.push_back({0, true});
            } else {
                auto first = scanNumber(i, true);
                if (!first) return bad();
                double step = 0;
                bool hasStep = false;
                if (i < end && (in_[i] == '+' || in_[i] == '-')) {
                    auto d = scanNumber(i, true);
                    if (!d) return bad();
                    step = *d;
                    hasStep = true;
                }
                if (i == end && !hasStep) {
                    out.values.push_back({*first, false});
                } else {
                    if (i >= end || in_[i] != 'x') return bad();
                    ++i;
                    auto n = scanCount(i);
                    if (!n || i != end) return bad();
                    if (out.values.size() + *n + 1 > kMaxValues) {
                        return fail(start, end, "too many values in series");
                    }
                    double v = *first;
                    for (uint64_t k = 0; k <= *n; ++k) {
                        out.values.push_back({v, false});
                        v += step;
                    }
                }
            }
            pos_ = end;
        }
    }

    std::string_view in_;
    size_t pos_ = 0;
    std::optional<ParseError> error_;
};

}  // namespace

Result<SeriesDescription> parseSeriesDescription(std::string_view input, ParseError *error)
{
    SeriesParser parser(input);
    return parser.run(error);
}

}  // namespace vigil::promql
