// TemplateValue: the dynamic values a Go text/template program works on, as
// far as Prometheus alert templates need them: nil, bool, int, float,
// string, maps (label sets, sorted by key), structs (the template data and
// query samples, with named fields) and lists (query results).
//
// Invalid is Go's "no value" (an unset variable, the result of a missing
// field); it prints as "<no value>".
//
// Thread safety: a value type; nested maps and lists are shared immutable.
#pragma once

#include "model/labels.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace vigil::rules {

struct TemplateValue {
    enum class Kind { Invalid, Nil, Bool, Int, Float, String, Map, Struct, List };
    using Fields = std::map<std::string, TemplateValue>;

    Kind kind = Kind::Invalid;
    bool b = false;
    int64_t i = 0;
    double f = 0;
    std::string s;
    std::shared_ptr<const Fields> fields;  // Map or Struct
    std::shared_ptr<const std::vector<TemplateValue>> list;
    std::string structType;  // Go type name of a Struct, for error messages

    static TemplateValue withKind(Kind k) { TemplateValue t; t.kind = k; return t; }
    static TemplateValue nil() { return withKind(Kind::Nil); }
    static TemplateValue boolean(bool v) { TemplateValue t = withKind(Kind::Bool); t.b = v; return t; }
    static TemplateValue integer(int64_t v) { TemplateValue t = withKind(Kind::Int); t.i = v; return t; }
    static TemplateValue number(double v) { TemplateValue t = withKind(Kind::Float); t.f = v; return t; }
    static TemplateValue string(std::string v) { TemplateValue t = withKind(Kind::String); t.s = std::move(v); return t; }
    static TemplateValue map(Fields m);
    static TemplateValue structure(std::string type, Fields m);
    static TemplateValue fromLabels(const model::Labels &labels);
    static TemplateValue makeList(std::vector<TemplateValue> items);

    // Go's type name as fmt's %T prints it: "float64", "string", "map[string]string".
    std::string goType() const;
    // Go's truth: non-zero, non-empty, true.
    bool truth() const;
    // fmt.Sprint(v) as text/template prints a value.
    std::string print() const;
};

}  // namespace vigil::rules
