#include "rules/template_functions.h"

#include "promql/duration.h"
#include "promql/go_strconv.h"
#include "rules/go_format.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <limits>

namespace vigil::rules {

namespace {

using K = TemplateValue::Kind;
using Fn = Template::Function;

const char *kTemplateDefs =
    "{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}{{$externalURL := .ExternalURL}}"
    "{{$value := .Value}}";

// Prometheus's convertToFloat.
Result<double> toFloat(const TemplateValue &v)
{
    switch (v.kind) {
        case K::Float: return v.f;
        case K::Int: return double(v.i);
        case K::String: {
            auto r = promql::parseNumber(v.s);
            if (!r || v.s.find_first_of("xXoObB_") != std::string::npos)
                return Status::invalidArgument("strconv.ParseFloat: parsing " + promql::goQuote(v.s) +
                                               ": invalid syntax");
            return *r;
        }
        default: return Status::invalidArgument("can't convert " + v.goType() + " to float");
    }
}

Fn floatFn(std::string (*f)(double))
{
    return {"a", [f](const std::vector<TemplateValue> &a) -> Result<TemplateValue> {
                auto v = toFloat(a[0]);
                if (!v) return v.status();
                return TemplateValue::string(f(*v));
            }};
}

std::unique_ptr<RE2> compile(const std::string &pattern, std::string *err)
{
    RE2::Options o;
    o.set_log_errors(false);
    auto re = std::make_unique<RE2>(pattern, o);
    if (!re->ok()) {
        *err = "error parsing regexp: " + re->error();
        return nullptr;
    }
    return re;
}

// Go's Regexp.Expand of `$1`, `${1}`, `$name`, `${name}`, `$$`.
void expandReplacement(const RE2 &re, const std::string &repl, const std::vector<re2::StringPiece> &groups,
                       std::string *out)
{
    const auto &names = re.NamedCapturingGroups();
    for (size_t i = 0; i < repl.size(); ++i) {
        if (repl[i] != '$' || i + 1 >= repl.size()) {
            out->push_back(repl[i]);
            continue;
        }
        if (repl[i + 1] == '$') {
            out->push_back('$');
            ++i;
            continue;
        }
        std::string name;
        size_t j = i + 1;
        if (repl[j] == '{') {
            size_t close = repl.find('}', j);
            if (close == std::string::npos) {
                out->push_back('$');
                continue;
            }
            name = repl.substr(j + 1, close - j - 1);
            j = close + 1;
        } else {
            while (j < repl.size() && (std::isalnum(static_cast<unsigned char>(repl[j])) || repl[j] == '_')) ++j;
            name = repl.substr(i + 1, j - i - 1);
        }
        if (name.empty()) {
            out->push_back('$');
            continue;
        }
        int idx = -1;
        if (std::all_of(name.begin(), name.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
            idx = name.size() < 9 ? std::stoi(name) : -1;
        } else if (auto it = names.find(name); it != names.end()) {
            idx = it->second;
        }
        if (idx >= 0 && size_t(idx) < groups.size() && groups[size_t(idx)].data())
            out->append(groups[size_t(idx)].data(), groups[size_t(idx)].size());
        i = j - 1;
    }
}

Result<std::string> reReplaceAll(const std::string &pattern, const std::string &repl, const std::string &text)
{
    std::string err;
    auto re = compile(pattern, &err);
    if (!re) return Status::invalidArgument(err);
    const int n = re->NumberOfCapturingGroups() + 1;
    std::vector<re2::StringPiece> groups(static_cast<size_t>(n));
    std::string out;
    size_t searchPos = 0, lastEnd = 0;
    const re2::StringPiece src(text);
    while (searchPos <= text.size()) {
        if (!re->Match(src, searchPos, text.size(), RE2::UNANCHORED, groups.data(), n)) break;
        const size_t a0 = size_t(groups[0].data() - text.data());
        const size_t a1 = a0 + groups[0].size();
        out.append(text, lastEnd, a0 - lastEnd);
        if (a1 > lastEnd || a0 == 0) expandReplacement(*re, repl, groups, &out);
        lastEnd = a1;
        size_t width = 1;
        if (searchPos < text.size()) {
            size_t len = 1;
            if (promql::decodeUtf8Rune(text, searchPos, len) >= 0) width = len;
        }
        if (searchPos + width > a1) searchPos += width;
        else if (searchPos + 1 > a1) ++searchPos;
        else searchPos = a1;
    }
    out.append(text, std::min(lastEnd, text.size()), std::string::npos);
    return out;
}

std::string goTitle(const std::string &s)
{
    std::string out = s;
    bool prevSep = true;
    for (auto &c : out) {
        const unsigned char u = static_cast<unsigned char>(c);
        const bool sep = u < 0x80 && !(std::isalnum(u) || c == '_');
        if (prevSep && u < 0x80 && std::islower(u)) c = char(std::toupper(u));
        prevSep = sep;
    }
    return out;
}

TemplateValue sampleValue(const model::Labels &labels, double v)
{
    return TemplateValue::structure("*template.sample",
                                    {{"Labels", TemplateValue::fromLabels(labels)}, {"Value", TemplateValue::number(v)}});
}

Result<const TemplateValue *> asSample(const TemplateValue &v)
{
    if (v.kind != K::Struct || v.structType != "*template.sample")
        return Status::invalidArgument("wrong type for value; expected *template.sample; got " + v.goType());
    return &v;
}

std::string pathOf(const std::string &url)
{
    const size_t scheme = url.find("://");
    const size_t slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    if (slash == std::string::npos) return "";
    std::string p = url.substr(slash);
    const size_t q = p.find_first_of("?#");
    return q == std::string::npos ? p : p.substr(0, q);
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

}  // namespace

std::string humanize(double v)
{
    if (v == 0 || std::isnan(v) || std::isinf(v)) return goFormatFloatG(v, 4);
    std::string prefix;
    if (std::fabs(v) >= 1) {
        for (const char *p : {"k", "M", "G", "T", "P", "E", "Z", "Y"}) {
            if (std::fabs(v) < 1000) break;
            prefix = p;
            v /= 1000;
        }
        return goFormatFloatG(v, 4) + prefix;
    }
    for (const char *p : {"m", "u", "n", "p", "f", "a", "z", "y"}) {
        if (std::fabs(v) >= 1) break;
        prefix = p;
        v *= 1000;
    }
    return goFormatFloatG(v, 4) + prefix;
}

std::string humanize1024(double v)
{
    if (std::fabs(v) <= 1 || std::isnan(v) || std::isinf(v)) return goFormatFloatG(v, 4);
    std::string prefix;
    for (const char *p : {"ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"}) {
        if (std::fabs(v) < 1024) break;
        prefix = p;
        v /= 1024;
    }
    return goFormatFloatG(v, 4) + prefix;
}

std::string humanizeDuration(double v)
{
    if (std::isnan(v) || std::isinf(v)) return goFormatFloatG(v, 4);
    if (v == 0) return goFormatFloatG(v, 4) + "s";
    if (std::fabs(v) >= 1) {
        std::string sign;
        if (v < 0) {
            sign = "-";
            v = -v;
        }
        const int64_t d = int64_t(v);
        const int64_t seconds = d % 60, minutes = (d / 60) % 60, hours = (d / 3600) % 24, days = d / 86400;
        auto s = [](int64_t x) { return std::to_string(x); };
        if (days != 0) return sign + s(days) + "d " + s(hours) + "h " + s(minutes) + "m " + s(seconds) + "s";
        if (hours != 0) return sign + s(hours) + "h " + s(minutes) + "m " + s(seconds) + "s";
        if (minutes != 0) return sign + s(minutes) + "m " + s(seconds) + "s";
        return sign + goFormatFloatG(v, 4) + "s";
    }
    std::string prefix;
    for (const char *p : {"m", "u", "n", "p", "f", "a", "z", "y"}) {
        if (std::fabs(v) >= 1) break;
        prefix = p;
        v *= 1000;
    }
    return goFormatFloatG(v, 4) + prefix + "s";
}

std::string humanizePercentage(double v) { return goFormatFloatG(v * 100, 4) + "%"; }

std::string humanizeTimestamp(double v)
{
    if (std::isnan(v) || std::isinf(v)) return goFormatFloatG(v, 4);
    const int64_t ms = int64_t(v * 1e9) / 1000000;  // model.TimeFromUnixNano keeps milliseconds
    int64_t secs = ms / 1000;
    int64_t frac = ms % 1000;
    if (frac < 0) {
        frac += 1000;
        --secs;
    }
    const std::time_t tt = std::time_t(secs);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
    std::string out = buf;
    if (frac) {
        char f[8];
        std::snprintf(f, sizeof f, ".%03d", int(frac));
        std::string fs = f;
        while (fs.back() == '0') fs.pop_back();
        out += fs;
    }
    return out + " +0000 UTC";
}

std::shared_ptr<const Template::FunctionMap> prometheusTemplateFunctions(const TemplateQueryFunc &query,
                                                                         const std::string &externalUrl)
{
    auto m = std::make_shared<Template::FunctionMap>();
    auto &f = *m;
    f["query"] = {"s", [query](const std::vector<TemplateValue> &a) -> Result<TemplateValue> {
                      if (!query) return Status::unavailable("no query engine available to templates");
                      auto r = query(a[0].s);
                      if (!r) return r.status();
                      std::vector<TemplateValue> items;
                      for (const auto &[l, v] : *r) items.push_back(sampleValue(l, v));
                      TemplateValue list = TemplateValue::makeList(std::move(items));
                      return list;
                  }};
    f["first"] = {"a", [](const std::vector<TemplateValue> &a) -> Result<TemplateValue> {
                      if (a[0].kind != K::List)
                          return Status::invalidArgument("wrong type for value; expected template.queryResult; got " +
                                                         a[0].goType());
                      if (a[0].list->empty()) return Status::invalidArgument("first() called on vector with no elements");
                      return a[0].list->front();
                  }};
    f["label"] = {"sa", [](const std::vector<TemplateValue> &a) -> Result<TemplateValue> {
                      auto s = asSample(a[1]);
                      if (!s) return s.status();
                      const auto &labels = *(*s)->fields->at("Labels").fields;
                      auto it = labels.find(a[0].s);
                      return it == labels.end() ? TemplateValue::string("") : it->second;
                  }};
    f["value"] = {"a", [](const std::vector<TemplateValue> &a) -> Result<TemplateValue> {
                      auto s = asSample(a[0]);
                      if (!s) return s.status();
                      return (*s)->fields->at("Value");
                  }};
    f["strvalue"] = {"a", [](const std::vector<TemplateValue> &a) -> Result<TemplateValue> {
                         auto s = asSample(a[0]);
                         if (!s) return s.status();
                         const auto &labels = *(*s)->fields->at("Labels").fields;
                         auto it = labels.find("__value__");
                         return it == labels.end() ? TemplateValue::string("") : it->second;
                     }};
    f["sortByLabel"] = {"sa", [](const std::vector<TemplateValue> &a) -> Result<TemplateValue> {
                            if (a[1].kind != K::List)
                                return Status::invalidArgument("wrong type for value; expected template.queryResult; got " +
                                                               a[1].goType());
                            std::vector<TemplateValue> items = *a[1].list;
                            const std::string name = a[0].s;
                            auto key = [&](const TemplateValue &v) {
                                const auto &l = *v.fields->at("Labels").fields;
                                auto it = l.find(name);
                                return it == l.end() ? std::string() : it->second.s;
                            };
                            std::stable_sort(items.begin(), items.end(),
                                             [&](const TemplateValue &x, const TemplateValue &y) { return key(x) < key(y); });
                            return TemplateValue::makeList(std::move(items));
                        }};
    f["args"] = {"a*", [](const std::vector<TemplateValue> &a) -> Result<TemplateValue> {
                     TemplateValue::Fields m;
                     for (size_t i = 0; i < a.size(); ++i) m["arg" + std::to_string(i)] = a[i];
                     return TemplateValue::map(std::move(m));
                 }};
    f["reReplaceAll"] = {"sss", [](const std::vector<TemplateValue> &a) -> Result<TemplateValue> {
                             auto r = reReplaceAll(a[0].s, a[1].s, a[2].s);
                             if (!r) return r.status();
                             return TemplateValue::string(*r);
                         }};
    f["match"] = {"ss", [](const std::vector<TemplateValue> &a) -> Result<TemplateValue> {
                      std::string err;
                      auto re = compile(a[0].s, &err);
                      if (!re) return Status::invalidArgument(err);
                      return TemplateValue::boolean(RE2::PartialMatch(a[1].s, *re));
                  }};
    f["safeHtml"] = {"s", [](const std::vector<TemplateValue> &a) -> Result<TemplateValue> { return a[0]; }};
    f["title"] = {"s", [](const std::vector<TemplateValue> &a) -> Result<TemplateValue> {
                      return TemplateValue::string(goTitle(a[0].s));
                  }};
    f["toUpper"] = {"s", [](const std::vector<TemplateValue> &a) -> Result<TemplateValue> {
                        std::string s = a[0].s;
                        for (auto &c : s) c = char(std::toupper(static_cast<unsigned char>(c)));
                        return TemplateValue::string(s);
                    }};
    f["toLower"] = {"s", [](const std::vector<TemplateValue> &a) -> Result<TemplateValue> {
                        std::string s = a[0].s;
                        for (auto &c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
                        return TemplateValue::string(s);
                    }};
    f["graphLink"] = {"s", [](const std::vector<TemplateValue> &a) -> Result<TemplateValue> {
                          return TemplateValue::string("/graph?g0.expr=" + queryEscape(a[0].s) + "&g0.tab=0");
                      }};
    f["tableLink"] = {"s", [](const std::vector<TemplateValue> &a) -> Result<TemplateValue> {
                          return TemplateValue::string("/graph?g0.expr=" + queryEscape(a[0].s) + "&g0.tab=1");
                      }};
    f["humanize"] = floatFn(&humanize);
    f["humanize1024"] = floatFn(&humanize1024);
    f["humanizeDuration"] = floatFn(&humanizeDuration);
    f["humanizePercentage"] = floatFn(&humanizePercentage);
    f["humanizeTimestamp"] = floatFn(&humanizeTimestamp);
    f["toTime"] = floatFn(&humanizeTimestamp);  // a time.Time prints the same way
    f["pathPrefix"] = {"", [externalUrl](const std::vector<TemplateValue> &) -> Result<TemplateValue> {
                           return TemplateValue::string(pathOf(externalUrl));
                       }};
    f["externalURL"] = {"", [externalUrl](const std::vector<TemplateValue> &) -> Result<TemplateValue> {
                            return TemplateValue::string(externalUrl);
                        }};
    f["parseDuration"] = {"s", [](const std::vector<TemplateValue> &a) -> Result<TemplateValue> {
                              auto d = promql::parseDuration(a[0].s);
                              if (!d) return d.status();
                              return TemplateValue::number(double(*d) / 1000.0);
                          }};
    return m;
}

std::string expandRuleTemplate(const std::string &ruleName, const std::string &text, const TemplateContext &ctx,
                               std::string *error)
{
    const std::string name = "__alert_" + ruleName;
    auto fail = [&](const std::string &msg) {
        if (error) *error = msg;
        return "<error expanding template: " + msg + ">";
    };
    auto t = Template::parse(name, kTemplateDefs + text, prometheusTemplateFunctions(ctx.query, ctx.externalUrl));
    if (!t) return fail("error parsing template " + name + ": " + t.status().message());
    TemplateValue data = TemplateValue::structure(
        "template.tmplData", {{"Labels", TemplateValue::fromLabels(ctx.labels)},
                               {"ExternalLabels", TemplateValue::fromLabels(ctx.externalLabels)},
                               {"ExternalURL", TemplateValue::string(ctx.externalUrl)},
                               {"Value", TemplateValue::number(ctx.value)}});
    auto r = t->execute(data);
    if (!r) return fail("error executing template " + name + ": " + r.status().message());
    return std::move(r).value();
}

Status checkRuleTemplate(const std::string &ruleName, const std::string &text)
{
    auto t = Template::parse("__alert_" + ruleName, kTemplateDefs + text, prometheusTemplateFunctions({}, ""));
    return t ? Status::ok() : t.status();
}

}  // namespace vigil::rules
