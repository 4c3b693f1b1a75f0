// Execution of a parsed Template (see template.h): walks the tree with Go's
// text/template semantics for the supported subset.
#include "rules/template.h"

#include "rules/go_format.h"
#include "rules/template_nodes.h"

#include <algorithm>

namespace vigil::rules {

using tmpl::Command;
using tmpl::Node;
using tmpl::Operand;
using tmpl::Pipe;
using K = TemplateValue::Kind;

namespace {

struct ExecFailure {
    size_t pos;
    std::string at;
    std::string message;
};

enum class Flow { Normal, Break, Continue };

// Go's basicKind classes for comparisons.
enum class Basic { Invalid, Bool, Int, Float, String, Other };

Basic basicKind(const TemplateValue &v)
{
    switch (v.kind) {
        case K::Bool: return Basic::Bool;
        case K::Int: return Basic::Int;
        case K::Float: return Basic::Float;
        case K::String: return Basic::String;
        case K::Invalid:
        case K::Nil: return Basic::Invalid;
        default: return Basic::Other;
    }
}

struct CompareError {
    std::string message;
};

bool eqPair(const TemplateValue &a, const TemplateValue &b)
{
    const Basic ka = basicKind(a), kb = basicKind(b);
    if (ka == Basic::Other || kb == Basic::Other) throw CompareError{"invalid type for comparison"};
    if (ka != kb) {
        if (ka != Basic::Invalid && kb != Basic::Invalid) throw CompareError{"incompatible types for comparison"};
        return false;
    }
    switch (ka) {
        case Basic::Bool: return a.b == b.b;
        case Basic::Int: return a.i == b.i;
        case Basic::Float: return a.f == b.f;
        case Basic::String: return a.s == b.s;
        default: return true;
    }
}

bool ltPair(const TemplateValue &a, const TemplateValue &b)
{
    const Basic ka = basicKind(a), kb = basicKind(b);
    if (ka == Basic::Other || kb == Basic::Other || ka == Basic::Invalid || kb == Basic::Invalid)
        throw CompareError{"invalid type for comparison"};
    if (ka != kb) throw CompareError{"incompatible types for comparison"};
    switch (ka) {
        case Basic::Int: return a.i < b.i;
        case Basic::Float: return a.f < b.f;
        case Basic::String: return a.s < b.s;
        default: throw CompareError{"invalid type for comparison"};
    }
}

std::string htmlEscape(const std::string &s)
{
    std::string out;
    for (char c : s) {
        switch (c) {
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&': out += "&amp;"; break;
            case '"': out += "&#34;"; break;
            case '\'': out += "&#39;"; break;
            case '\0': out += "\xEF\xBF\xBD"; break;
            default: out.push_back(c);
        }
    }
    return out;
}

std::string queryEscape(const std::string &s)
{
    static const char *hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') out.push_back(char(c));
        else if (c == ' ') out.push_back('+');
        else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

// fmt.Sprint: a space between operands when neither side is a string.
std::string goSprint(const std::vector<TemplateValue> &args)
{
    std::string out;
    for (size_t k = 0; k < args.size(); ++k) {
        if (k > 0 && args[k].kind != K::String && args[k - 1].kind != K::String) out.push_back(' ');
        out += args[k].print();
    }
    return out;
}

}  // namespace

class TemplateExecutor {
public:
    explicit TemplateExecutor(const Template &t) : t_(t) {}

    Result<std::string> run(const TemplateValue &dot)
    {
        vars_.clear();
        vars_.emplace_back("$", dot);
        out_.clear();
        try {
            walkList(dot, *t_.root_);
        } catch (const ExecFailure &f) {
            return Status::invalidArgument(errorText(f));
        }
        return std::move(out_);
    }

private:
    std::string errorText(const ExecFailure &f) const
    {
        const std::string &text = t_.text_;
        int line = 1;
        size_t lineStart = 0;
        for (size_t i = 0; i < f.pos && i < text.size(); ++i) {
            if (text[i] == '\n') {
                ++line;
                lineStart = i + 1;
            }
        }
        std::string at = f.at.size() > 20 ? f.at.substr(0, 20) + "..." : f.at;
        return "template: " + t_.name_ + ":" + std::to_string(line) + ":" + std::to_string(f.pos - lineStart) +
               ": executing \"" + t_.name_ + "\" at <" + at + ">: " + f.message;
    }

    Flow walkList(const TemplateValue &dot, const Node &list)
    {
        for (const auto &n : list.list) {
            Flow f = walk(dot, *n);
            if (f != Flow::Normal) return f;
        }
        return Flow::Normal;
    }

    Flow walk(const TemplateValue &dot, const Node &n)
    {
        switch (n.kind) {
            case Node::Kind::List:
                return walkList(dot, n);
            case Node::Kind::Text:
                out_ += n.text;
                return Flow::Normal;
            case Node::Kind::Action: {
                TemplateValue v = evalPipeline(dot, n.pipe);
                if (n.pipe.decl.empty()) out_ += v.print();
                return Flow::Normal;
            }
            case Node::Kind::Break:
                return Flow::Break;
            case Node::Kind::Continue:
                return Flow::Continue;
            case Node::Kind::If:
            case Node::Kind::With: {
                const size_t mark = vars_.size();
                TemplateValue v = evalPipeline(dot, n.pipe);
                Flow f = Flow::Normal;
                if (v.truth()) {
                    f = walkBody(n.kind == Node::Kind::With ? v : dot, n);
                } else if (n.elseList) {
                    f = walkList(dot, *n.elseList);
                }
                vars_.resize(mark);
                return f;
            }
            case Node::Kind::Range:
                return walkRange(dot, n);
        }
        return Flow::Normal;
    }

    Flow walkBody(const TemplateValue &dot, const Node &n)
    {
        for (const auto &c : n.list) {
            Flow f = walk(dot, *c);
            if (f != Flow::Normal) return f;
        }
        return Flow::Normal;
    }

    Flow walkRange(const TemplateValue &dot, const Node &n)
    {
        const size_t mark = vars_.size();
        Pipe p = n.pipe;
        std::vector<std::string> decl = p.decl;
        p.decl.clear();
        TemplateValue v = evalPipeline(dot, p);
        std::vector<std::pair<TemplateValue, TemplateValue>> items;
        if (v.kind == K::List) {
            for (size_t k = 0; k < v.list->size(); ++k) items.emplace_back(TemplateValue::integer(int64_t(k)), (*v.list)[k]);
        } else if (v.kind == K::Map) {
            for (const auto &[key, val] : *v.fields) items.emplace_back(TemplateValue::string(key), val);
        } else if (v.kind != K::Invalid && v.kind != K::Nil) {
            throw ExecFailure{n.pos, "range", "range can't iterate over " + v.print()};
        }
        Flow result = Flow::Normal;
        for (const auto &[key, val] : items) {
            vars_.resize(mark);
            if (decl.size() == 1) setVar(decl[0], val, n.pipe.assign);
            if (decl.size() == 2) {
                setVar(decl[0], key, n.pipe.assign);
                setVar(decl[1], val, n.pipe.assign);
            }
            Flow f = walkBody(val, n);
            if (f == Flow::Break) break;
        }
        vars_.resize(mark);
        if (items.empty() && n.elseList) result = walkList(dot, *n.elseList);
        return result;
    }

    void setVar(const std::string &name, const TemplateValue &v, bool assign)
    {
        if (assign) {
            for (auto it = vars_.rbegin(); it != vars_.rend(); ++it) {
                if (it->first == name) {
                    it->second = v;
                    return;
                }
            }
        }
        vars_.emplace_back(name, v);
    }

    TemplateValue lookupVar(const std::string &name, size_t pos) const
    {
        for (auto it = vars_.rbegin(); it != vars_.rend(); ++it) {
            if (it->first == name) return it->second;
        }
        throw ExecFailure{pos, name, "undefined variable: " + name};
    }

    TemplateValue evalPipeline(const TemplateValue &dot, const Pipe &p)
    {
        TemplateValue v;
        bool have = false;
        for (const auto &c : p.cmds) {
            v = evalCommand(dot, c, have ? &v : nullptr);
            have = true;
        }
        for (const auto &d : p.decl) setVar(d, v, p.assign);
        return v;
    }

    TemplateValue evalCommand(const TemplateValue &dot, const Command &c, const TemplateValue *final)
    {
        const Operand &first = c.args[0];
        if (first.kind == Operand::Kind::Function) return callFunction(dot, first, c, final);
        if (c.args.size() > 1 || final) {
            throw ExecFailure{first.pos, first.text, "can't give argument to non-function " + first.text};
        }
        return evalOperand(dot, first);
    }

    TemplateValue evalOperand(const TemplateValue &dot, const Operand &o)
    {
        switch (o.kind) {
            case Operand::Kind::Dot:
                return dot;
            case Operand::Kind::Field:
                return evalFields(dot, o);
            case Operand::Kind::Variable:
                return evalFields(lookupVar(o.name, o.pos), o);
            case Operand::Kind::Pipe:
                return evalFields(evalPipeline(dot, *o.pipe), o);
            case Operand::Kind::Nil:
                return TemplateValue::nil();
            case Operand::Kind::Function: {
                Command c;
                c.pos = o.pos;
                c.args.push_back(o);
                return callFunction(dot, o, c, nullptr);
            }
            default:
                return o.constant;
        }
    }

    TemplateValue evalFields(TemplateValue v, const Operand &o)
    {
        for (const auto &f : o.fields) {
            if (v.kind == K::Map) {
                auto it = v.fields->find(f);
                v = it == v.fields->end() ? TemplateValue::string("") : it->second;  // missingkey=zero
            } else if (v.kind == K::Struct) {
                auto it = v.fields->find(f);
                if (it == v.fields->end())
                    throw ExecFailure{o.pos, o.text, "can't evaluate field " + f + " in type " + v.goType()};
                v = it->second;
            } else if (v.kind == K::Invalid || v.kind == K::Nil) {
                throw ExecFailure{o.pos, o.text, "nil pointer evaluating interface {}." + f};
            } else {
                throw ExecFailure{o.pos, o.text, "can't evaluate field " + f + " in type " + v.goType()};
            }
        }
        return v;
    }

    std::vector<TemplateValue> evalArgs(const TemplateValue &dot, const Command &c, const TemplateValue *final)
    {
        std::vector<TemplateValue> args;
        for (size_t k = 1; k < c.args.size(); ++k) args.push_back(evalOperand(dot, c.args[k]));
        if (final) args.push_back(*final);
        return args;
    }

    TemplateValue callFunction(const TemplateValue &dot, const Operand &fn, const Command &c, const TemplateValue *final)
    {
        const std::string &name = fn.name;
        // Go reports a failed call at the whole command ("at <gt $value 1>").
        std::string cmdText;
        for (const auto &a : c.args) cmdText += (cmdText.empty() ? "" : " ") + a.text;
        auto fail = [&](const std::string &m) -> ExecFailure { return ExecFailure{c.pos, cmdText, m}; };
        // and/or evaluate lazily and return the deciding operand.
        if (name == "and" || name == "or") {
            const size_t n = c.args.size() - 1 + (final ? 1 : 0);
            if (n < 1) throw fail("wrong number of args for " + name + ": want at least 1 got 0");
            TemplateValue v;
            for (size_t k = 1; k <= n; ++k) {
                v = k < c.args.size() ? evalOperand(dot, c.args[k]) : *final;
                if (v.truth() != (name == "and")) return v;
            }
            return v;
        }
        std::vector<TemplateValue> args = evalArgs(dot, c, final);
        auto want = [&](size_t n) {
            if (args.size() != n)
                throw fail("wrong number of args for " + name + ": want " + std::to_string(n) + " got " +
                           std::to_string(args.size()));
        };
        try {
            if (name == "not") {
                want(1);
                return TemplateValue::boolean(!args[0].truth());
            }
            if (name == "eq" || name == "ne") {
                if (args.size() < 1) want(1);
                if (args.size() < 2) throw fail("error calling " + name + ": missing argument for comparison");
                bool eq = false;
                for (size_t k = 1; k < args.size(); ++k) eq = eq || eqPair(args[0], args[k]);
                if (name == "ne") {
                    want(2);
                    return TemplateValue::boolean(!eqPair(args[0], args[1]));
                }
                return TemplateValue::boolean(eq);
            }
            if (name == "lt" || name == "le" || name == "gt" || name == "ge") {
                want(2);
                const bool lt = ltPair(args[0], args[1]);
                const bool le = lt || eqPair(args[0], args[1]);
                if (name == "lt") return TemplateValue::boolean(lt);
                if (name == "le") return TemplateValue::boolean(le);
                if (name == "gt") return TemplateValue::boolean(!le);
                return TemplateValue::boolean(!lt);
            }
        } catch (const CompareError &e) {
            throw fail("error calling " + name + ": " + e.message);
        }
        if (name == "len") {
            want(1);
            const auto &a = args[0];
            if (a.kind == K::String) return TemplateValue::integer(int64_t(a.s.size()));
            if (a.kind == K::Map) return TemplateValue::integer(int64_t(a.fields->size()));
            if (a.kind == K::List) return TemplateValue::integer(int64_t(a.list->size()));
            throw fail("error calling len: len of type " + a.goType());
        }
        if (name == "index") {
            if (args.empty()) want(1);
            TemplateValue v = args[0];
            for (size_t k = 1; k < args.size(); ++k) {
                if (v.kind == K::Map) {
                    if (args[k].kind != K::String)
                        throw fail("error calling index: value has type " + args[k].goType() +
                                   "; should be string");
                    auto it = v.fields->find(args[k].s);
                    v = it == v.fields->end() ? TemplateValue::string("") : it->second;
                } else if (v.kind == K::List) {
                    if (args[k].kind != K::Int) throw fail("error calling index: cannot index slice/array with type " + args[k].goType());
                    if (args[k].i < 0 || size_t(args[k].i) >= v.list->size())
                        throw fail("error calling index: index out of range: " + std::to_string(args[k].i));
                    v = (*v.list)[size_t(args[k].i)];
                } else {
                    throw fail("error calling index: can't index item of type " + v.goType());
                }
            }
            return v;
        }
        if (name == "print") return TemplateValue::string(goSprint(args));
        if (name == "println") {
            std::string s;
            for (size_t k = 0; k < args.size(); ++k) s += (k ? " " : "") + args[k].print();
            return TemplateValue::string(s + "\n");
        }
        if (name == "printf") {
            if (args.empty() || args[0].kind != K::String) {
                if (args.empty()) throw fail("wrong number of args for printf: want at least 1 got 0");
                throw fail("wrong type for value; expected string; got " + args[0].goType());
            }
            return TemplateValue::string(goSprintf(args[0].s, std::vector<TemplateValue>(args.begin() + 1, args.end())));
        }
        if (name == "html") return TemplateValue::string(htmlEscape(goSprint(args)));
        if (name == "urlquery") return TemplateValue::string(queryEscape(goSprint(args)));

        auto it = t_.functions_->find(name);
        if (it == t_.functions_->end()) throw fail("function \"" + name + "\" not defined");
        const Template::Function &f = it->second;
        // Arity and types.
        const std::string &ps = f.params;
        const bool variadic = !ps.empty() && ps.back() == '*';
        const size_t fixed = variadic ? ps.size() - 2 : ps.size();
        if (!variadic && args.size() != fixed)
            throw fail("wrong number of args for " + name + ": want " + std::to_string(fixed) + " got " +
                       std::to_string(args.size()));
        if (variadic && args.size() < fixed)
            throw fail("wrong number of args for " + name + ": want at least " + std::to_string(fixed) + " got " +
                       std::to_string(args.size()));
        for (size_t k = 0; k < args.size(); ++k) {
            const char p = k < fixed ? ps[k] : ps[ps.size() - 2];
            if (p == 's' && args[k].kind != K::String)
                throw fail("wrong type for value; expected string; got " + args[k].goType());
            if (p == 'f') {
                if (args[k].kind == K::Int) args[k] = TemplateValue::number(double(args[k].i));
                else if (args[k].kind != K::Float)
                    throw fail("wrong type for value; expected float64; got " + args[k].goType());
            }
        }
        Result<TemplateValue> r = f.call(args);
        if (!r) throw fail("error calling " + name + ": " + r.status().message());
        return std::move(r).value();
    }

    const Template &t_;
    std::vector<std::pair<std::string, TemplateValue>> vars_;
    std::string out_;
};

Result<std::string> Template::execute(const TemplateValue &dot) const
{
    if (!root_) return std::string();
    TemplateExecutor ex(*this);
    return ex.run(dot);
}

}  // namespace vigil::rules
