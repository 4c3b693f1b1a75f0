// Lexer and parser of Template (see template.h). The lexer turns the text
// into items (text runs, delimiters, action tokens); the parser builds the
// tree of template_nodes.h, checking variables and function names the way
// Go's text/template/parse does.
#include "rules/template.h"

#include "promql/go_strconv.h"
#include "rules/template_nodes.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <set>

namespace vigil::rules {

namespace {

using tmpl::Command;
using tmpl::Node;
using tmpl::Operand;
using tmpl::Pipe;

enum class Tok {
    Text, Left, Right, Ident, Keyword, Field, Variable, Dot, String, Number, Bool, Nil,
    LParen, RParen, Bar, Declare, Assign, Comma, Eof,
};

struct Item {
    Tok tok;
    size_t pos;
    std::string val;   // text, identifier, decoded string, number text
    size_t end = 0;    // end offset in the source (for operand text)
};

const std::set<std::string, std::less<>> kKeywords = {"if", "else", "end", "range", "with", "break",
                                                      "continue", "define", "template", "block"};
const std::set<std::string, std::less<>> kBuiltins = {"and", "or", "not", "len", "index", "print", "printf",
                                                      "println", "eq", "ne", "lt", "le", "gt", "ge", "html",
                                                      "urlquery"};

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool isAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (static_cast<unsigned char>(c) >= 0x80); }

struct LexError {
    size_t pos;
    std::string message;
};

class Lexer {
public:
    explicit Lexer(const std::string &s) : s_(s) {}

    bool run(std::vector<Item> *out, LexError *err)
    {
        size_t i = 0;
        bool trimNext = false;
        while (i <= s_.size()) {
            size_t open = s_.find("{{", i);
            size_t textEnd = open == std::string::npos ? s_.size() : open;
            size_t textStart = i;
            if (trimNext) {
                while (textStart < textEnd && isSpace(s_[textStart])) ++textStart;
                trimNext = false;
            }
            size_t actionStart = open;
            bool leftTrim = open != std::string::npos && open + 3 < s_.size() + 1 && s_.compare(open + 2, 1, "-") == 0 &&
                            open + 3 < s_.size() && isSpace(s_[open + 3]);
            size_t te = textEnd;
            if (leftTrim) {
                while (te > textStart && isSpace(s_[te - 1])) --te;
            }
            if (te > textStart) out->push_back({Tok::Text, textStart, s_.substr(textStart, te - textStart), te});
            if (open == std::string::npos) break;
            i = open + 2 + (leftTrim ? 2 : 0);
            // Comments.
            size_t j = i;
            while (leftTrim && j < s_.size() && isSpace(s_[j])) ++j;
            if (s_.compare(i, 2, "/*") == 0) {
                size_t close = s_.find("*/", i + 2);
                if (close == std::string::npos) return fail(err, open, "unclosed comment");
                size_t k = close + 2;
                bool rt = false;
                if (k + 1 < s_.size() && isSpace(s_[k]) && s_[k + 1] == '-') {
                    rt = true;
                    k += 2;
                }
                if (s_.compare(k, 2, "}}") != 0) return fail(err, open, "comment ends before closing delimiter");
                i = k + 2;
                trimNext = rt;
                continue;
            }
            out->push_back({Tok::Left, actionStart, "{{", i});
            if (!lexAction(&i, out, err, &trimNext)) return false;
        }
        out->push_back({Tok::Eof, s_.size(), "", s_.size()});
        return true;
    }

private:
    bool fail(LexError *err, size_t pos, std::string msg)
    {
        *err = {pos, std::move(msg)};
        return false;
    }

    bool lexAction(size_t *pi, std::vector<Item> *out, LexError *err, bool *trimNext)
    {
        size_t i = *pi;
        const size_t start = i;
        int parens = 0;
        for (;;) {
            if (i >= s_.size()) return fail(err, start, "unclosed action");
            const char c = s_[i];
            if (isSpace(c) && i + 3 < s_.size() + 0 && s_[i + 1] == '-' && s_.compare(i + 2, 2, "}}") == 0) {
                out->push_back({Tok::Right, i, "}}", i + 4});
                *pi = i + 4;
                *trimNext = true;
                return true;
            }
            if (s_.compare(i, 2, "}}") == 0) {
                if (parens > 0) return fail(err, i, "unclosed left paren");
                out->push_back({Tok::Right, i, "}}", i + 2});
                *pi = i + 2;
                return true;
            }
            if (isSpace(c)) {
                ++i;
                continue;
            }
            const size_t p = i;
            switch (c) {
                case '(':
                    ++parens;
                    out->push_back({Tok::LParen, p, "(", ++i});
                    continue;
                case ')':
                    if (--parens < 0) return fail(err, p, "unexpected right paren U+0029 ')'");
                    out->push_back({Tok::RParen, p, ")", ++i});
                    continue;
                case '|':
                    out->push_back({Tok::Bar, p, "|", ++i});
                    continue;
                case ',':
                    out->push_back({Tok::Comma, p, ",", ++i});
                    continue;
                case '=':
                    out->push_back({Tok::Assign, p, "=", ++i});
                    continue;
                case ':':
                    if (i + 1 < s_.size() && s_[i + 1] == '=') {
                        i += 2;
                        out->push_back({Tok::Declare, p, ":=", i});
                        continue;
                    }
                    return fail(err, p, "expected :=");
                case '"': {
                    ++i;
                    while (i < s_.size() && s_[i] != '"') {
                        if (s_[i] == '\\') ++i;
                        if (i < s_.size() && s_[i] == '\n') return fail(err, p, "unterminated quoted string");
                        ++i;
                    }
                    if (i >= s_.size()) return fail(err, p, "unterminated quoted string");
                    ++i;
                    auto v = promql::unquote(std::string_view(s_).substr(p, i - p));
                    if (!v) return fail(err, p, v.status().message());
                    out->push_back({Tok::String, p, *v, i});
                    continue;
                }
                case '`': {
                    size_t close = s_.find('`', i + 1);
                    if (close == std::string::npos) return fail(err, p, "unterminated raw quoted string");
                    out->push_back({Tok::String, p, s_.substr(i + 1, close - i - 1), close + 1});
                    i = close + 1;
                    continue;
                }
                case '$': {
                    ++i;
                    while (i < s_.size() && isAlnum(s_[i])) ++i;
                    out->push_back({Tok::Variable, p, s_.substr(p, i - p), i});
                    continue;
                }
                default:
                    break;
            }
            if (c == '.' && !(i + 1 < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i + 1])))) {
                ++i;
                if (i < s_.size() && isAlnum(s_[i])) {
                    while (i < s_.size() && isAlnum(s_[i])) ++i;
                    out->push_back({Tok::Field, p, s_.substr(p + 1, i - p - 1), i});
                } else {
                    out->push_back({Tok::Dot, p, ".", i});
                }
                continue;
            }
            if (std::isdigit(static_cast<unsigned char>(c)) || c == '.' ||
                ((c == '+' || c == '-') && i + 1 < s_.size() &&
                 (std::isdigit(static_cast<unsigned char>(s_[i + 1])) || s_[i + 1] == '.'))) {
                ++i;
                while (i < s_.size()) {
                    const char d = s_[i];
                    if (std::isalnum(static_cast<unsigned char>(d)) || d == '.' || d == '_') {
                        ++i;
                    } else if ((d == '+' || d == '-') && (s_[i - 1] == 'e' || s_[i - 1] == 'E' || s_[i - 1] == 'p' ||
                                                          s_[i - 1] == 'P')) {
                        ++i;
                    } else {
                        break;
                    }
                }
                out->push_back({Tok::Number, p, s_.substr(p, i - p), i});
                continue;
            }
            if (isAlnum(c)) {
                while (i < s_.size() && isAlnum(s_[i])) ++i;
                std::string word = s_.substr(p, i - p);
                Tok t = Tok::Ident;
                if (kKeywords.count(word)) t = Tok::Keyword;
                else if (word == "true" || word == "false") t = Tok::Bool;
                else if (word == "nil") t = Tok::Nil;
                out->push_back({t, p, word, i});
                continue;
            }
            char buf[64];
            std::snprintf(buf, sizeof buf, "unrecognized character in action: U+%04X '%c'", unsigned(static_cast<unsigned char>(c)), c);
            return fail(err, p, buf);
        }
    }

    const std::string &s_;
};

struct ParseFailure {
    size_t pos;
    std::string message;
};

class Parser {
public:
    Parser(const std::vector<Item> &items, const Template::FunctionMap &funcs, const std::string &text)
        : items_(items), funcs_(funcs), text_(text) {}

    std::unique_ptr<Node> parseTop()
    {
        vars_.push_back("$");
        auto list = std::make_unique<Node>();
        std::string term = parseList(list.get());
        if (term == "end") throw ParseFailure{termPos_, "unexpected {{end}}"};
        if (term == "else") throw ParseFailure{termPos_, "unexpected {{else}}"};
        return list;
    }

private:
    const Item &peek(size_t k = 0) const { return items_[std::min(i_ + k, items_.size() - 1)]; }
    const Item &next() { return items_[std::min(i_++, items_.size() - 1)]; }

    static std::string describe(const Item &it)
    {
        switch (it.tok) {
            case Tok::Eof: return "EOF";
            case Tok::Right: return "}}";
            case Tok::String: return "\"" + it.val + "\"";
            default: return it.val;
        }
    }
    [[noreturn]] void unexpected(const Item &it, const std::string &context)
    {
        throw ParseFailure{it.pos, "unexpected " + describe(it) + " in " + context};
    }

    // Parses nodes until {{end}}, {{else ...}} or EOF; returns "end", "else" or "".
    std::string parseList(Node *list)
    {
        for (;;) {
            const Item &it = next();
            if (it.tok == Tok::Eof) return "";
            if (it.tok == Tok::Text) {
                auto n = std::make_unique<Node>();
                n->kind = Node::Kind::Text;
                n->pos = it.pos;
                n->text = it.val;
                list->list.push_back(std::move(n));
                continue;
            }
            // Left delimiter.
            const Item &k = peek();
            if (k.tok == Tok::Keyword) {
                if (k.val == "end" || k.val == "else") {
                    termPos_ = k.pos;
                    next();
                    if (k.val == "end") expectRight("end");
                    return k.val;
                }
                next();
                if (k.val == "if" || k.val == "range" || k.val == "with") {
                    list->list.push_back(parseControl(k));
                    continue;
                }
                if (k.val == "break" || k.val == "continue") {
                    if (rangeDepth_ == 0) throw ParseFailure{k.pos, "{{" + k.val + "}} outside {{range}}"};
                    expectRight(k.val);
                    auto n = std::make_unique<Node>();
                    n->kind = k.val == "break" ? Node::Kind::Break : Node::Kind::Continue;
                    n->pos = k.pos;
                    list->list.push_back(std::move(n));
                    continue;
                }
                throw ParseFailure{k.pos, "{{" + k.val + "}} is not supported in Vigil templates"};
            }
            auto n = std::make_unique<Node>();
            n->kind = Node::Kind::Action;
            n->pos = k.pos;
            n->pipe = parsePipeline("command", false, Tok::Right);
            list->list.push_back(std::move(n));
        }
    }

    void expectRight(const std::string &context)
    {
        const Item &it = next();
        if (it.tok != Tok::Right) unexpected(it, context);
    }

    std::unique_ptr<Node> parseControl(const Item &kw)
    {
        if (++controlDepth_ > 1000) throw ParseFailure{kw.pos, "max expression depth exceeded"};
        struct Leave {
            int &d;
            ~Leave() { --d; }
        } leave{controlDepth_};
        auto n = std::make_unique<Node>();
        n->kind = kw.val == "if" ? Node::Kind::If : kw.val == "range" ? Node::Kind::Range : Node::Kind::With;
        n->pos = kw.pos;
        const size_t mark = vars_.size();
        n->pipe = parsePipeline(kw.val, n->kind == Node::Kind::Range, Tok::Right);
        n->list.clear();
        auto body = std::make_unique<Node>();
        if (n->kind == Node::Kind::Range) ++rangeDepth_;
        std::string term = parseList(body.get());
        if (n->kind == Node::Kind::Range) --rangeDepth_;
        n->list = std::move(body->list);
        if (term == "") throw ParseFailure{peek().pos, "unexpected EOF"};
        if (term == "else") {
            auto elseList = std::make_unique<Node>();
            if (peek().tok == Tok::Keyword && (peek().val == "if" || peek().val == "with") && n->kind != Node::Kind::Range) {
                // {{else if x}} ... {{end}}: an if inside the else branch sharing the {{end}}.
                const Item &k2 = next();
                vars_.resize(mark);
                elseList->list.push_back(parseControl(k2));
            } else {
                expectRight("else");
                vars_.resize(mark);
                std::string t2 = parseList(elseList.get());
                if (t2 == "") throw ParseFailure{peek().pos, "unexpected EOF"};
                if (t2 == "else") throw ParseFailure{termPos_, "expected end; found {{else}}"};
            }
            n->elseList = std::move(elseList);
        }
        vars_.resize(mark);
        return n;
    }

    bool hasVar(const std::string &v) const
    {
        for (const auto &x : vars_) if (x == v) return true;
        return false;
    }

    Pipe parsePipeline(const std::string &context, bool allowTwoDecls, Tok end)
    {
        Pipe p;
        p.pos = peek().pos;
        // Declarations.
        if (peek().tok == Tok::Variable) {
            const Item &v = peek();
            const Item &a = peek(1);
            if (a.tok == Tok::Declare || a.tok == Tok::Assign) {
                next();
                next();
                p.assign = a.tok == Tok::Assign;
                p.decl.push_back(v.val);
            } else if (a.tok == Tok::Comma && allowTwoDecls && peek(2).tok == Tok::Variable &&
                       (peek(3).tok == Tok::Declare || peek(3).tok == Tok::Assign)) {
                p.decl.push_back(v.val);
                p.decl.push_back(peek(2).val);
                p.assign = peek(3).tok == Tok::Assign;
                i_ += 4;
            } else if (a.tok == Tok::Comma) {
                throw ParseFailure{a.pos, "too many declarations in " + context};
            }
            if (p.assign) {
                for (const auto &d : p.decl) if (!hasVar(d)) throw ParseFailure{v.pos, "undefined variable \"" + d + "\""};
            }
        }
        for (;;) {
            const Item &it = peek();
            if (it.tok == end) {
                next();
                if (p.cmds.empty()) throw ParseFailure{it.pos, "missing value for " + context};
                break;
            }
            if (it.tok == Tok::Eof) throw ParseFailure{it.pos, end == Tok::RParen ? "unclosed left paren" : "unclosed action"};
            Command c = parseCommand(end);
            if (c.args.empty()) throw ParseFailure{it.pos, "missing value for command"};
            if (!p.cmds.empty() && c.args[0].kind != Operand::Kind::Function)
                throw ParseFailure{it.pos, "non executable command in pipeline stage " + std::to_string(p.cmds.size() + 1)};
            p.cmds.push_back(std::move(c));
            if (peek().tok == Tok::Bar) {
                next();
                if (peek().tok == end || peek().tok == Tok::Eof) throw ParseFailure{peek().pos, "missing command"};
            }
        }
        if (!p.assign) for (const auto &d : p.decl) vars_.push_back(d);
        return p;
    }

    Command parseCommand(Tok end)
    {
        Command c;
        c.pos = peek().pos;
        for (;;) {
            const Item &it = peek();
            if (it.tok == end || it.tok == Tok::Bar || it.tok == Tok::Eof) break;
            if (it.tok == Tok::RParen && end == Tok::Right) throw ParseFailure{it.pos, "unexpected right paren"};
            c.args.push_back(parseOperand());
        }
        return c;
    }

    Operand parseOperand()
    {
        const Item &it = next();
        Operand o;
        o.pos = it.pos;
        switch (it.tok) {
            case Tok::Ident:
                if (!kBuiltins.count(it.val) && !funcs_.count(it.val))
                    throw ParseFailure{it.pos, "function \"" + it.val + "\" not defined"};
                o.kind = Operand::Kind::Function;
                o.name = it.val;
                o.text = it.val;
                return o;
            case Tok::Field:
                o.kind = Operand::Kind::Field;
                o.fields.push_back(it.val);
                o.text = "." + it.val;
                break;
            case Tok::Dot:
                o.kind = Operand::Kind::Dot;
                o.text = ".";
                break;
            case Tok::Variable:
                if (!hasVar(it.val)) throw ParseFailure{it.pos, "undefined variable \"" + it.val + "\""};
                o.kind = Operand::Kind::Variable;
                o.name = it.val;
                o.text = it.val;
                break;
            case Tok::LParen:
                // Bounded recursion (Go stops at 10000; Vigil's evaluation threads have smaller stacks).
                if (++parenDepth_ > 1000) throw ParseFailure{it.pos, "max expression depth exceeded"};
                o.kind = Operand::Kind::Pipe;
                o.pipe = std::make_shared<Pipe>(parsePipeline("parenthesized pipeline", false, Tok::RParen));
                o.text = text_.substr(it.pos, items_[i_ - 1].end - it.pos);
                --parenDepth_;
                break;
            case Tok::String:
                o.kind = Operand::Kind::String;
                o.constant = TemplateValue::string(it.val);
                o.text = promql::goQuote(it.val);
                return o;
            case Tok::Bool:
                o.kind = Operand::Kind::Bool;
                o.constant = TemplateValue::boolean(it.val == "true");
                o.text = it.val;
                return o;
            case Tok::Nil:
                o.kind = Operand::Kind::Nil;
                o.text = "nil";
                return o;
            case Tok::Number:
                o.kind = Operand::Kind::Number;
                o.constant = parseNumber(it);
                o.text = it.val;
                return o;
            default:
                unexpected(it, "operand");
        }
        while (peek().tok == Tok::Field) {
            o.fields.push_back(next().val);
            o.text += "." + o.fields.back();
        }
        return o;
    }

    static TemplateValue parseNumber(const Item &it)
    {
        const std::string &t = it.val;
        const bool hex = t.find("0x") != std::string::npos || t.find("0X") != std::string::npos;
        const bool isFloat = !hex && t.find_first_of(".eEpP") != std::string::npos;
        auto v = promql::parseNumber(t);
        if (!v) throw ParseFailure{it.pos, "bad number syntax: \"" + t + "\""};
        if (isFloat || std::isinf(*v) || std::isnan(*v)) {
            if (t.find_first_of("iInN") != std::string::npos && !hex) throw ParseFailure{it.pos, "bad number syntax: \"" + t + "\""};
            return TemplateValue::number(*v);
        }
        if (*v > 9.2e18 || *v < -9.2e18) throw ParseFailure{it.pos, "integer overflow: \"" + t + "\""};
        return TemplateValue::integer(int64_t(*v));
    }

    const std::vector<Item> &items_;
    const Template::FunctionMap &funcs_;
    const std::string &text_;
    size_t i_ = 0;
    std::vector<std::string> vars_;
    int rangeDepth_ = 0;
    int parenDepth_ = 0;
    int controlDepth_ = 0;
    size_t termPos_ = 0;
};

int lineOf(const std::string &text, size_t pos)
{
    int line = 1;
    for (size_t i = 0; i < pos && i < text.size(); ++i) line += text[i] == '\n';
    return line;
}

}  // namespace

Template::Template() = default;
Template::~Template() = default;
Template::Template(Template &&) noexcept = default;
Template &Template::operator=(Template &&) noexcept = default;

Result<Template> Template::parse(std::string name, std::string text, std::shared_ptr<const FunctionMap> functions)
{
    if (!functions) functions = std::make_shared<FunctionMap>();
    std::vector<Item> items;
    LexError lerr;
    Lexer lexer(text);
    if (!lexer.run(&items, &lerr)) {
        return Status::invalidArgument("template: " + name + ":" + std::to_string(lineOf(text, lerr.pos)) + ": " +
                                       lerr.message);
    }
    Template t;
    try {
        Parser parser(items, *functions, text);
        t.root_ = parser.parseTop();
    } catch (const ParseFailure &f) {
        return Status::invalidArgument("template: " + name + ":" + std::to_string(lineOf(text, f.pos)) + ": " +
                                       f.message);
    }
    t.name_ = std::move(name);
    t.text_ = std::move(text);
    t.functions_ = std::move(functions);
    return t;
}

}  // namespace vigil::rules
