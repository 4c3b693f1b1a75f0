// Template: a Go text/template program, the subset Prometheus alert and
// recording templates use, written for Vigil (no Go code copied).
//
//   auto t = Template::parse("__alert_Foo", text, functions);
//   if (t) Result<std::string> s = t->execute(data);
//
// Supported: text and {{actions}} with {{- -}} trimming and {{/* comments */}};
// pipelines "a | f b" with declarations ($x := ..., $x = ..., $i, $v := ...);
// operands .Field.chain, $var.chain, $, ., "strings", `raw`, numbers
// (int or float constants), true/false/nil, (sub pipelines); if / else if /
// else / end; range (lists and maps, sorted by key) with break/continue and
// else; with / else; the built-in functions and, or, not, len, index, print,
// printf, println, eq, ne, lt, le, gt, ge, html, urlquery, js plus the ones
// handed in (see template_functions.h). Missing map keys give the zero value
// (Prometheus sets missingkey=zero).
// Not supported: define/template/block, method calls, char constants.
//
// Errors follow Go's wording: parse errors "template: NAME:LINE: MESSAGE",
// execution errors "template: NAME:LINE:COL: executing \"NAME\" at <NODE>:
// MESSAGE".
//
// Thread safety: a parsed Template is immutable; execute() may run on any
// number of threads at once as long as the functions are thread-safe.
#pragma once

#include "core/status.h"
#include "rules/template_value.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace vigil::rules {

namespace tmpl {
struct Node;
}

class Template {
public:
    // A function gets its evaluated arguments; a failed Result becomes Go's
    // "error calling NAME: MESSAGE". Arity and argument types are checked
    // before the call when `params` is set: one letter per parameter, 's'
    // string, 'f' float64, 'a' anything; a trailing '*' repeats the last one.
    struct Function {
        std::string params;
        std::function<Result<TemplateValue>(const std::vector<TemplateValue> &)> call;
    };
    using FunctionMap = std::map<std::string, Function, std::less<>>;

    Template();
    ~Template();
    Template(Template &&) noexcept;
    Template &operator=(Template &&) noexcept;

    static Result<Template> parse(std::string name, std::string text, std::shared_ptr<const FunctionMap> functions);

    Result<std::string> execute(const TemplateValue &dot) const;

    const std::string &name() const { return name_; }

private:
    std::string name_;
    std::string text_;
    std::shared_ptr<const FunctionMap> functions_;
    std::unique_ptr<tmpl::Node> root_;
    friend class TemplateExecutor;
};

}  // namespace vigil::rules
