// Label matchers: the {name op "value"} parts of a PromQL selector.
//
// Regex matchers use RE2 with Go semantics and are fully anchored, as in
// Prometheus: name=~"a.*" matches the whole value. An absent label has the
// value "" for matching purposes (so {foo=""} selects series without foo).
//
// Thread safety: a Matcher is immutable after construction and may be shared
// across threads (RE2 objects are thread-safe for matching).
#pragma once

#include "core/status.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace re2 { class RE2; }

namespace vigil::model {

class Matcher {
public:
    enum class Type { Equal, NotEqual, Regex, NotRegex };

    // Fails with InvalidArgument when a regex does not compile; the message
    // is RE2's description of the error.
    static Result<Matcher> create(Type type, std::string name, std::string value);

    Type type() const { return type_; }
    const std::string &name() const { return name_; }
    const std::string &value() const { return value_; }

    bool matches(std::string_view v) const;
    // True when the empty string matches (the matcher also selects series
    // that lack the label).
    bool matchesEmpty() const { return matchesEmpty_; }
    // For =~ with a literal alternation like "a|b|c": the literal values, else empty.
    const std::vector<std::string> &setMatches() const { return setMatches_; }

    // name="value" / name!="value" / name=~"..." / name!~"..."
    std::string toString() const;
    static const char *opString(Type t);

private:
    Type type_ = Type::Equal;
    std::string name_;
    std::string value_;
    std::shared_ptr<const re2::RE2> re_;
    std::vector<std::string> setMatches_;
    bool matchesEmpty_ = false;
};

}  // namespace vigil::model
