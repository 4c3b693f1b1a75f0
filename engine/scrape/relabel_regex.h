// RelabelRegex: a relabeling regular expression as Prometheus compiles it:
// RE2 (Go syntax) anchored at both ends, "^(?:<expr>)$". The default is
// "(.*)". Copies share the compiled RE2 (immutable, thread-safe to match).
#pragma once

#include "core/status.h"

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace vigil::scrape {

class RelabelRegex {
public:
    // The default "(.*)".
    RelabelRegex();
    // InvalidArgument with RE2's message when `expr` does not compile.
    static Result<RelabelRegex> create(std::string expr);

    // The expression as written (without the anchors).
    const std::string &expr() const { return expr_; }

    // Whole-string match.
    bool matches(std::string_view s) const;
    // Whole-string match capturing groups: on success (*groups)[0] is s and
    // (*groups)[i] group i (empty view with null data when it did not take
    // part). Views point into s.
    bool match(std::string_view s, std::vector<std::string_view> *groups) const;
    // Go's Regexp.Expand: expands $1, ${1}, $name, ${name} and $$ in
    // `tmpl` with the groups of a match() into *out (appending).
    void expand(std::string_view tmpl, const std::vector<std::string_view> &groups, std::string *out) const;

    friend bool operator==(const RelabelRegex &a, const RelabelRegex &b) { return a.expr_ == b.expr_; }

private:
    std::string expr_;
    std::shared_ptr<const re2::RE2> re_;
    std::shared_ptr<const std::map<std::string, int>> names_;
};

}  // namespace vigil::scrape
