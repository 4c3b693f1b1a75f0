#include "scrape/relabel_regex.h"

#include <re2/re2.h>

namespace vigil::scrape {

namespace {

std::shared_ptr<const re2::RE2> compile(const std::string &expr)
{
    re2::RE2::Options opts;
    opts.set_log_errors(false);
    return std::make_shared<const re2::RE2>("^(?:" + expr + ")$", opts);
}

bool isWordRune(unsigned char c)
{
    // Go accepts Unicode letters and digits; bytes >= 0x80 belong to
    // multi-byte letters in practice, so they are taken as part of a name.
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c >= 0x80;
}

// Go's regexp.extract: parses a name after '$'. Returns false if malformed.
bool extractName(std::string_view t, std::string_view *name, int *num, size_t *consumed)
{
    bool brace = false;
    size_t i = 0;
    if (!t.empty() && t[0] == '{') {
        brace = true;
        i = 1;
    }
    const size_t start = i;
    while (i < t.size() && isWordRune(static_cast<unsigned char>(t[i]))) ++i;
    if (i == start) return false;
    *name = t.substr(start, i - start);
    if (brace) {
        if (i >= t.size() || t[i] != '}') return false;
        ++i;
    }
    *consumed = i;
    *num = 0;
    for (char c : *name) {
        if (c < '0' || c > '9' || *num >= 100000000) {
            *num = -1;
            break;
        }
        *num = *num * 10 + (c - '0');
    }
    if (name->size() > 1 && (*name)[0] == '0') *num = -1;  // leading zeros make it a name
    return true;
}

}  // namespace

RelabelRegex::RelabelRegex() : expr_("(.*)"), re_(compile(expr_)) {}

Result<RelabelRegex> RelabelRegex::create(std::string expr)
{
    RelabelRegex r;
    r.re_ = compile(expr);
    if (!r.re_->ok()) return Status::invalidArgument("invalid regex \"" + expr + "\": " + r.re_->error());
    r.expr_ = std::move(expr);
    if (!r.re_->NamedCapturingGroups().empty())
        r.names_ = std::make_shared<const std::map<std::string, int>>(r.re_->NamedCapturingGroups());
    return r;
}

bool RelabelRegex::matches(std::string_view s) const
{
    return re2::RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), *re_);
}

bool RelabelRegex::match(std::string_view s, std::vector<std::string_view> *groups) const
{
    const int n = re_->NumberOfCapturingGroups() + 1;
    std::vector<re2::StringPiece> sp(static_cast<size_t>(n));
    if (!re_->Match(re2::StringPiece(s.data(), s.size()), 0, s.size(), re2::RE2::UNANCHORED, sp.data(), n))
        return false;
    groups->resize(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        (*groups)[size_t(i)] = std::string_view(sp[size_t(i)].data(), sp[size_t(i)].size());
    return true;
}

void RelabelRegex::expand(std::string_view tmpl, const std::vector<std::string_view> &groups,
                          std::string *out) const
{
    while (!tmpl.empty()) {
        const size_t dollar = tmpl.find('$');
        if (dollar == std::string_view::npos) break;
        out->append(tmpl.substr(0, dollar));
        tmpl.remove_prefix(dollar + 1);
        if (!tmpl.empty() && tmpl[0] == '$') {
            out->push_back('$');
            tmpl.remove_prefix(1);
            continue;
        }
        std::string_view name;
        int num = 0;
        size_t consumed = 0;
        if (!extractName(tmpl, &name, &num, &consumed)) {
            out->push_back('$');  // malformed: the '$' is literal text
            continue;
        }
        tmpl.remove_prefix(consumed);
        if (num >= 0) {
            if (size_t(num) < groups.size() && groups[size_t(num)].data()) out->append(groups[size_t(num)]);
        } else if (names_) {
            auto it = names_->find(std::string(name));
            if (it != names_->end() && size_t(it->second) < groups.size() &&
                groups[size_t(it->second)].data())
                out->append(groups[size_t(it->second)]);
        }
    }
    out->append(tmpl);
}

}  // namespace vigil::scrape
