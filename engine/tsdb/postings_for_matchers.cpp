#include "tsdb/postings_for_matchers.h"

namespace vigil::tsdb {

namespace {

using model::Matcher;
using Type = Matcher::Type;

std::vector<std::string> nonEmpty(const std::vector<std::string> &values)
{
    std::vector<std::string> out;
    for (const auto &v : values) {
        if (!v.empty()) out.push_back(v);
    }
    return out;
}

// Refs of series having the label with a value the matcher accepts.
postings::List matching(const MemPostings &index, const Matcher &m)
{
    if (m.type() == Type::Equal) return index.get(m.name(), m.value());
    if (m.type() == Type::Regex && !m.setMatches().empty()) return index.getAny(m.name(), nonEmpty(m.setMatches()));
    return index.getWhere(m.name(), [&m](std::string_view v) { return m.matches(v); });
}

// Refs of series having the label with a value the matcher rejects.
postings::List rejected(const MemPostings &index, const Matcher &m)
{
    switch (m.type()) {
    case Type::NotEqual:
        return index.get(m.name(), m.value());
    case Type::NotRegex:
        if (!m.setMatches().empty()) return index.getAny(m.name(), nonEmpty(m.setMatches()));
        break;
    case Type::Equal:
        if (m.value().empty()) return index.getWhere(m.name(), [](std::string_view) { return true; });
        break;
    case Type::Regex:
        break;
    }
    return index.getWhere(m.name(), [&m](std::string_view v) { return !m.matches(v); });
}

}  // namespace

postings::List postingsForMatchers(const MemPostings &index, const std::vector<model::Matcher> &matchers)
{
    std::vector<postings::List> its;
    std::vector<postings::List> notIts;
    for (const auto &m : matchers) {
        if (m.matchesEmpty()) {
            notIts.push_back(rejected(index, m));
        } else {
            postings::List l = matching(index, m);
            if (l.empty()) return {};
            its.push_back(std::move(l));
        }
    }
    postings::List result = its.empty() ? index.all() : postings::intersectAll(std::move(its));
    for (const auto &n : notIts) {
        if (result.empty()) break;
        result = postings::without(result, n);
    }
    return result;
}

}  // namespace vigil::tsdb
