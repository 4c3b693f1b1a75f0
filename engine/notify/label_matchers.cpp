#include "notify/label_matchers.h"

#include <cctype>

namespace vigil::notify {

namespace {

bool isNameChar(char c, bool first)
{
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == ':' ||
           (!first && std::isdigit(static_cast<unsigned char>(c)));
}

void skipSpace(std::string_view s, size_t *i)
{
    while (*i < s.size() && std::isspace(static_cast<unsigned char>(s[*i]))) ++*i;
}

}  // namespace

Result<LabelMatchers> parseMatchers(std::string_view text)
{
    std::string_view s = text;
    size_t i = 0;
    skipSpace(s, &i);
    bool braces = false;
    if (i < s.size() && s[i] == '{') {
        braces = true;
        ++i;
        size_t end = s.find_last_not_of(" \t\r\n");
        if (end == std::string_view::npos || s[end] != '}')
            return Status::invalidArgument("missing closing \"}\" in \"" + std::string(text) + "\"");
        s = s.substr(0, end);
    }
    LabelMatchers out;
    while (true) {
        skipSpace(s, &i);
        if (i >= s.size()) break;
        const size_t nameStart = i;
        while (i < s.size() && isNameChar(s[i], i == nameStart)) ++i;
        std::string name(s.substr(nameStart, i - nameStart));
        if (name.empty())
            return Status::invalidArgument("bad matcher format: \"" + std::string(text) + "\": expected a label name");
        skipSpace(s, &i);
        model::Matcher::Type type;
        if (s.substr(i, 2) == "=~") type = model::Matcher::Type::Regex, i += 2;
        else if (s.substr(i, 2) == "!~") type = model::Matcher::Type::NotRegex, i += 2;
        else if (s.substr(i, 2) == "!=") type = model::Matcher::Type::NotEqual, i += 2;
        else if (s.substr(i, 1) == "=") type = model::Matcher::Type::Equal, i += 1;
        else
            return Status::invalidArgument("bad matcher format: \"" + std::string(text) +
                                           "\": expected an operator after " + name);
        skipSpace(s, &i);
        std::string value;
        if (i < s.size() && s[i] == '"') {
            ++i;
            bool closed = false;
            while (i < s.size()) {
                char c = s[i++];
                if (c == '\\' && i < s.size()) {
                    char e = s[i++];
                    value += e == 'n' ? '\n' : e == 't' ? '\t' : e;
                } else if (c == '"') {
                    closed = true;
                    break;
                } else {
                    value += c;
                }
            }
            if (!closed)
                return Status::invalidArgument("bad matcher format: \"" + std::string(text) + "\": unterminated quote");
        } else {
            const size_t vs = i;
            while (i < s.size() && s[i] != ',') ++i;
            std::string_view v = s.substr(vs, i - vs);
            while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.remove_suffix(1);
            value = std::string(v);
        }
        Result<model::Matcher> m = model::Matcher::create(type, std::move(name), std::move(value));
        if (!m) return Status::invalidArgument("invalid regular expression in \"" + std::string(text) +
                                               "\": " + m.status().message());
        out.push_back(std::move(*m));
        skipSpace(s, &i);
        if (i >= s.size()) break;
        if (s[i] != ',')
            return Status::invalidArgument("bad matcher format: \"" + std::string(text) + "\": expected \",\"");
        ++i;
    }
    if (out.empty() && !braces) return Status::invalidArgument("bad matcher format: \"" + std::string(text) + "\"");
    return out;
}

bool matchesAll(const LabelMatchers &ms, const model::Labels &labels)
{
    for (const auto &m : ms)
        if (!m.matches(labels.get(m.name()))) return false;
    return true;
}

std::string matchersToString(const LabelMatchers &ms)
{
    std::string out = "{";
    for (size_t i = 0; i < ms.size(); ++i) {
        if (i) out += ", ";
        out += ms[i].toString();
    }
    return out + "}";
}

}  // namespace vigil::notify
