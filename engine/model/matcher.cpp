#include "model/matcher.h"

#include "model/labels.h"

#include <re2/re2.h>

namespace vigil::model {

namespace {

// "a|b|c" made only of literal characters -> {"a","b","c"}.
std::vector<std::string> literalAlternation(const std::string &re)
{
    static constexpr std::string_view meta = "\\.+*?()[]{}^$";
    std::vector<std::string> out;
    std::string cur;
    for (char c : re) {
        if (c == '|') {
            out.push_back(cur);
            cur.clear();
            continue;
        }
        if (meta.find(c) != std::string_view::npos) return {};
        cur.push_back(c);
    }
    out.push_back(cur);
    return out;
}

}  // namespace

Result<Matcher> Matcher::create(Type type, std::string name, std::string value)
{
    Matcher m;
    m.type_ = type;
    m.name_ = std::move(name);
    m.value_ = std::move(value);
    if (type == Type::Regex || type == Type::NotRegex) {
        RE2::Options opts;
        opts.set_log_errors(false);
        opts.set_dot_nl(true);  // Prometheus compiles with (?s)
        auto re = std::make_shared<RE2>("^(?:" + m.value_ + ")$", opts);
        if (!re->ok()) {
            return Status::invalidArgument("error parsing regexp: " + re->error());
        }
        m.re_ = std::move(re);
        m.setMatches_ = literalAlternation(m.value_);
    }
    m.matchesEmpty_ = m.matches("");
    return m;
}

bool Matcher::matches(std::string_view v) const
{
    switch (type_) {
    case Type::Equal: return v == value_;
    case Type::NotEqual: return v != value_;
    case Type::Regex: return RE2::FullMatch(re2::StringPiece(v.data(), v.size()), *re_);
    case Type::NotRegex: return !RE2::FullMatch(re2::StringPiece(v.data(), v.size()), *re_);
    }
    return false;
}

const char *Matcher::opString(Type t)
{
    switch (t) {
    case Type::Equal: return "=";
    case Type::NotEqual: return "!=";
    case Type::Regex: return "=~";
    case Type::NotRegex: return "!~";
    }
    return "?";
}

std::string Matcher::toString() const { return name_ + opString(type_) + quoteLabelValue(value_); }

}  // namespace vigil::model
