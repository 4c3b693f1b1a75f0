// The parse tree of a Template (internal to template_parse.cpp and
// template_exec.cpp). Positions are byte offsets into the template text.
#pragma once

#include "rules/template_value.h"

#include <memory>
#include <string>
#include <vector>

namespace vigil::rules::tmpl {

struct Pipe;

struct Operand {
    enum class Kind { Field, Variable, Dot, Nil, Bool, Number, String, Function, Pipe };
    Kind kind = Kind::Dot;
    size_t pos = 0;
    std::string text;                 // source text, for error context
    std::string name;                 // variable or function name
    std::vector<std::string> fields;  // .a.b chained after the operand (or the field path itself)
    TemplateValue constant;           // Bool, Number, String
    std::shared_ptr<Pipe> pipe;       // Kind::Pipe
};

struct Command {
    size_t pos = 0;
    std::vector<Operand> args;
};

struct Pipe {
    size_t pos = 0;
    std::vector<std::string> decl;  // "$x" names
    bool assign = false;            // "=" rather than ":="
    std::vector<Command> cmds;
};

struct Node {
    enum class Kind { List, Text, Action, If, Range, With, Break, Continue };
    Kind kind = Kind::List;
    size_t pos = 0;
    std::string text;  // Kind::Text
    Pipe pipe;         // Action, If, Range, With
    std::vector<std::unique_ptr<Node>> list;
    std::unique_ptr<Node> elseList;  // If, Range, With (a List)
};

}  // namespace vigil::rules::tmpl
