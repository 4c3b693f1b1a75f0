#include "rules/template_value.h"

#include "rules/go_format.h"

namespace vigil::rules {

TemplateValue TemplateValue::map(Fields m)
{
    TemplateValue t = withKind(Kind::Map);
    t.fields = std::make_shared<const Fields>(std::move(m));
    return t;
}

TemplateValue TemplateValue::structure(std::string type, Fields m)
{
    TemplateValue t = withKind(Kind::Struct);
    t.fields = std::make_shared<const Fields>(std::move(m));
    t.structType = std::move(type);
    return t;
}

TemplateValue TemplateValue::fromLabels(const model::Labels &labels)
{
    Fields m;
    for (const auto &l : labels) m.emplace(l.name, string(l.value));
    return map(std::move(m));
}

TemplateValue TemplateValue::makeList(std::vector<TemplateValue> items)
{
    TemplateValue t = withKind(Kind::List);
    t.list = std::make_shared<const std::vector<TemplateValue>>(std::move(items));
    return t;
}

std::string TemplateValue::goType() const
{
    switch (kind) {
        case Kind::Invalid: return "<nil>";
        case Kind::Nil: return "<nil>";
        case Kind::Bool: return "bool";
        case Kind::Int: return "int";
        case Kind::Float: return "float64";
        case Kind::String: return "string";
        case Kind::Map: return "map[string]string";
        case Kind::Struct: return structType;
        case Kind::List: return "[]interface {}";
    }
    return "?";
}

bool TemplateValue::truth() const
{
    switch (kind) {
        case Kind::Invalid:
        case Kind::Nil: return false;
        case Kind::Bool: return b;
        case Kind::Int: return i != 0;
        case Kind::Float: return f != 0;
        case Kind::String: return !s.empty();
        case Kind::Map: return fields && !fields->empty();
        case Kind::Struct: return true;
        case Kind::List: return list && !list->empty();
    }
    return false;
}

std::string TemplateValue::print() const
{
    switch (kind) {
        case Kind::Invalid: return "<no value>";
        case Kind::Nil: return "<nil>";
        case Kind::Bool: return b ? "true" : "false";
        case Kind::Int: return std::to_string(i);
        case Kind::Float: return goFormatFloatV(f);
        case Kind::String: return s;
        case Kind::Map: {
            std::string out = "map[";
            bool first = true;
            for (const auto &[k, v] : *fields) {
                out += (first ? "" : " ") + k + ":" + v.print();
                first = false;
            }
            return out + "]";
        }
        case Kind::Struct: {
            std::string out = "{";
            bool first = true;
            for (const auto &[k, v] : *fields) {
                out += (first ? "" : " ") + v.print();
                first = false;
            }
            return out + "}";
        }
        case Kind::List: {
            std::string out = "[";
            for (size_t k = 0; k < list->size(); ++k) out += (k ? " " : "") + (*list)[k].print();
            return out + "]";
        }
    }
    return "";
}

}  // namespace vigil::rules
