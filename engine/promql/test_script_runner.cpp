#include "promql/test_script_runner.h"

#include "promql/duration.h"
#include "promql/evaluator.h"
#include "promql/go_strconv.h"
#include "promql/parser.h"
#include "promql/series_description.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <sstream>

namespace vigil::promql {

namespace {

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

bool startsWith(std::string_view s, std::string_view p)
{
    return s.substr(0, p.size()) == p;
}

// Splits off the next blank-separated word.
std::string_view nextWord(std::string_view &s)
{
    s = trim(s);
    size_t e = s.find_first_of(" \t");
    std::string_view w = s.substr(0, e);
    s = e == std::string_view::npos ? std::string_view() : s.substr(e);
    return w;
}

bool almostEqual(double a, double b)
{
    constexpr double eps = 1e-6, minNormal = 2.2250738585072014e-308;
    if (std::isnan(a) && std::isnan(b)) return true;
    if (a == b) return true;
    double absSum = std::fabs(a) + std::fabs(b);
    double diff = std::fabs(a - b);
    if (a == 0 || b == 0 || absSum < minNormal) return diff < eps * minNormal;
    return diff / std::min(absSum, std::numeric_limits<double>::max()) < eps;
}

std::string fmt(double v)
{
    return formatFloat(v);
}

struct Expected {
    model::Labels metric;
    std::vector<SequenceValue> values;
    bool scalar = false;
};

struct EvalCmd {
    int line = 0;
    std::string query;
    bool range = false;
    int64_t start = 0, end = 0, step = 0;
    bool fail = false, ordered = false;
    std::string failMsg, failRegex;
    bool hasString = false;
    std::string expectString;
    int warn = -1, info = -1;  // -1 unchecked, 0 none, 1 some
    std::vector<std::string> warnMsgs, infoMsgs;
    bool rangeVector = false;
    int64_t rvStart = 0, rvEnd = 0, rvStep = 0;
    std::vector<Expected> expected;
    bool native = false;  // expectations contain native histograms
    std::string error;    // syntax problem in the eval block
};

Result<int64_t> parseTime(std::string_view s)
{
    s = trim(s);
    bool neg = false;
    if (!s.empty() && s[0] == '-') {
        neg = true;
        s.remove_prefix(1);
    }
    auto d = parseDuration(s);
    if (!d.isOk()) return d.status();
    return neg ? -*d : *d;
}

// Compares a matrix with expectations laid out from start by step.
std::string compareMatrix(const Matrix &m, const EvalCmd &cmd, int64_t start, int64_t step)
{
    std::map<model::Labels, const Expected *> exp;
    for (const auto &e : cmd.expected) exp[e.metric] = &e;
    for (const auto &s : m) {
        auto it = exp.find(s.metric);
        if (it == exp.end()) return "unexpected metric " + s.metric.toString() + " in result";
        std::vector<Point> want;
        for (size_t i = 0; i < it->second->values.size(); ++i) {
            const auto &sv = it->second->values[i];
            if (sv.omitted) continue;
            want.push_back({start + int64_t(i) * step, sv.value});
        }
        if (want.size() != s.points.size())
            return "expected " + std::to_string(want.size()) + " points for " + s.metric.toString() +
                   ", got " + std::to_string(s.points.size());
        for (size_t i = 0; i < want.size(); ++i)
            if (want[i].t != s.points[i].t || !almostEqual(want[i].v, s.points[i].v))
                return "expected point " + fmt(want[i].v) + " @[" + std::to_string(want[i].t) + "] for " +
                       s.metric.toString() + ", got " + fmt(s.points[i].v) + " @[" +
                       std::to_string(s.points[i].t) + "]";
    }
    size_t nonEmpty = 0;
    for (const auto &e : cmd.expected)
        if (std::any_of(e.values.begin(), e.values.end(), [](const SequenceValue &v) { return !v.omitted; }))
            ++nonEmpty;
    if (nonEmpty != m.size())
        return "expected " + std::to_string(nonEmpty) + " series, got " + std::to_string(m.size());
    return {};
}

std::string compare(const QueryResult &r, const EvalCmd &cmd)
{
    if (cmd.hasString) {
        auto *s = std::get_if<String>(&r.value);
        if (!s) return "expected a string result";
        if (s->v != cmd.expectString)
            return "expected string \"" + cmd.expectString + "\", got \"" + s->v + "\"";
        return {};
    }
    if (auto *m = std::get_if<Matrix>(&r.value)) {
        if (cmd.range) return compareMatrix(*m, cmd, cmd.start, cmd.step);
        if (!cmd.rangeVector) return "got a range vector; expected an instant result";
        return compareMatrix(*m, cmd, cmd.rvStart, cmd.rvStep);
    }
    if (auto *s = std::get_if<Scalar>(&r.value)) {
        if (cmd.expected.size() != 1 || !cmd.expected[0].scalar)
            return "got scalar " + fmt(s->v) + ", expected " + std::to_string(cmd.expected.size()) +
                   " series";
        if (!almostEqual(cmd.expected[0].values[0].value, s->v))
            return "expected scalar " + fmt(cmd.expected[0].values[0].value) + ", got " + fmt(s->v);
        return {};
    }
    if (auto *v = std::get_if<Vector>(&r.value)) {
        if (cmd.rangeVector) return "expected a range vector, got an instant vector";
        std::map<model::Labels, size_t> exp;
        for (size_t i = 0; i < cmd.expected.size(); ++i) {
            if (cmd.expected[i].scalar) return "expected a scalar, got a vector";
            exp[cmd.expected[i].metric] = i;
        }
        for (size_t i = 0; i < v->size(); ++i) {
            const auto &s = (*v)[i];
            auto it = exp.find(s.metric);
            if (it == exp.end())
                return "unexpected metric " + s.metric.toString() + " in result, with value " + fmt(s.v);
            const Expected &e = cmd.expected[it->second];
            if (cmd.ordered && it->second != i)
                return "expected metric " + s.metric.toString() + " at position " +
                       std::to_string(it->second + 1) + ", got it at position " + std::to_string(i + 1);
            if (e.values.empty() || e.values[0].omitted)
                return "expected no value for " + s.metric.toString();
            if (!almostEqual(e.values[0].value, s.v))
                return "expected " + fmt(e.values[0].value) + " for " + s.metric.toString() + ", got " +
                       fmt(s.v);
        }
        if (v->size() != cmd.expected.size())
            return "expected " + std::to_string(cmd.expected.size()) + " samples, got " +
                   std::to_string(v->size());
        return {};
    }
    return "unexpected result type";
}

// Parses an "expect ..." line into cmd.
void parseExpect(std::string_view rest, EvalCmd &cmd)
{
    std::string_view kind = nextWord(rest);
    rest = trim(rest);
    auto msgOf = [](std::string_view r, std::string *msg, std::string *regex) {
        r = trim(r);
        if (startsWith(r, "msg:"))
            *msg = std::string(trim(r.substr(4)));
        else if (startsWith(r, "regex:") && regex)
            *regex = std::string(trim(r.substr(6)));
        return !r.empty();
    };
    if (kind == "fail") {
        cmd.fail = true;
        msgOf(rest, &cmd.failMsg, &cmd.failRegex);
    } else if (kind == "ordered") {
        cmd.ordered = true;
    } else if (kind == "string") {
        auto s = unquote(rest);
        cmd.hasString = true;
        if (s.isOk())
            cmd.expectString = *s;
        else
            cmd.error = "bad expect string: " + std::string(rest);
    } else if (kind == "warn" || kind == "info") {
        std::string msg, regex;
        msgOf(rest, &msg, &regex);
        (kind == "warn" ? cmd.warn : cmd.info) = 1;
        if (!msg.empty()) (kind == "warn" ? cmd.warnMsgs : cmd.infoMsgs).push_back(msg);
    } else if (kind == "no_warn") {
        cmd.warn = 0;
    } else if (kind == "no_info") {
        cmd.info = 0;
    } else if (kind == "range") {
        // range vector from <a> to <b> step <s>
        std::string_view w1 = nextWord(rest), w2 = nextWord(rest), a = nextWord(rest), w3 = nextWord(rest),
                         b = nextWord(rest), w4 = nextWord(rest), s = nextWord(rest);
        auto ta = parseTime(a), tb = parseTime(b), ts = parseTime(s);
        if (w1 != "vector" || w2 != "from" || w3 != "to" || w4 != "step" || !ta.isOk() || !tb.isOk() ||
            !ts.isOk()) {
            cmd.error = "bad expect range vector line";
            return;
        }
        cmd.rangeVector = true;
        cmd.rvStart = *ta;
        cmd.rvEnd = *tb;
        cmd.rvStep = *ts;
    } else {
        cmd.error = "unknown expect line: expect " + std::string(kind);
    }
}

// The metric part of a series line ("name{a="b"}" up to its values).
std::string_view metricPart(std::string_view text)
{
    size_t brace = text.find('{');
    size_t ws = text.find_first_of(" \t");
    if (brace == std::string_view::npos || (ws != std::string_view::npos && ws < brace))
        return text.substr(0, ws);
    bool quoted = false;
    for (size_t i = brace + 1; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                quoted = false;
        } else if (c == '"') {
            quoted = true;
        } else if (c == '}') {
            return text.substr(0, i + 1);
        }
    }
    return text;
}

// True when a selector of `query` selects one of `series`; *name gets it.
bool selectsAny(const Expr &e, const std::vector<model::Labels> &series, std::string *name)
{
    const VectorSelector *vs = e.as<VectorSelector>();
    if (auto *ms = e.as<MatrixSelector>()) vs = ms->vectorSelector.get();
    if (vs) {
        for (const auto &l : series) {
            bool all = true;
            for (const auto &m : vs->matchers)
                if (!m.matches(l.get(m.name()))) all = false;
            if (all) {
                *name = l.toString();
                return true;
            }
        }
        return false;
    }
    for (const Expr *c : children(e))
        if (c && selectsAny(*c, series, name)) return true;
    return false;
}

}  // namespace

int TestScriptRunner::Report::count(Outcome o) const
{
    return int(
        std::count_if(evals.begin(), evals.end(), [o](const EvalResult &e) { return e.outcome == o; }));
}

TestScriptRunner::TestScriptRunner(StorageFactory factory, EngineOptions options)
    : factory_(std::move(factory)), options_(options)
{
    options_.enableExperimentalFunctions = true;
}

TestScriptRunner::Report TestScriptRunner::run(std::string_view script) const
{
    Report report;
    std::vector<std::string_view> lines;
    for (size_t pos = 0; pos <= script.size();) {
        size_t e = script.find('\n', pos);
        if (e == std::string_view::npos) e = script.size();
        lines.push_back(script.substr(pos, e - pos));
        pos = e + 1;
    }

    Store store = factory_();
    std::vector<model::Labels> nativeSeries;  // loaded as (or converted to) native histograms

    auto isBlock = [](std::string_view l) { return !l.empty() && (l[0] == ' ' || l[0] == '\t'); };

    size_t i = 0;
    while (i < lines.size()) {
        std::string_view line = lines[i];
        std::string_view t = trim(line);
        if (t.empty() || t[0] == '#') {
            ++i;
            continue;
        }
        const int lineNo = int(i) + 1;
        // Collect the indented block that follows.
        std::vector<std::pair<int, std::string_view>> block;
        size_t j = i + 1;
        while (j < lines.size()) {
            std::string_view bl = trim(lines[j]);
            if (!bl.empty() && bl[0] == '#') {
                ++j;
                continue;
            }
            if (bl.empty() || !isBlock(lines[j])) break;
            block.push_back({int(j) + 1, bl});
            ++j;
        }
        i = j;

        std::string_view rest = t;
        std::string_view cmdWord = nextWord(rest);
        if (cmdWord == "clear") {
            store = factory_();
            nativeSeries.clear();
            continue;
        }
        if (cmdWord == "load" || cmdWord == "load_with_nhcb") {
            const bool nhcb = cmdWord == "load_with_nhcb";
            auto interval = parseTime(nextWord(rest));
            if (!interval.isOk()) {
                report.scriptError = "line " + std::to_string(lineNo) + ": bad load interval";
                return report;
            }
            auto app = store.appendable->appender();
            // A later line for the same series replaces an earlier one (as upstream).
            std::map<model::Labels, std::vector<SequenceValue>> defs;
            for (const auto &[ln, text] : block) {
                if (text.find("{{") != std::string_view::npos) {
                    auto desc = parseSeriesDescription(std::string(metricPart(text)) + " 0");
                    if (desc.isOk()) nativeSeries.push_back(desc->labels);
                    continue;
                }
                auto desc = parseSeriesDescription(text);
                if (!desc.isOk()) {
                    report.scriptError = "line " + std::to_string(ln) + ": " + desc.status().message();
                    return report;
                }
                if (nhcb && desc->labels.metricName().size() > 7 &&
                    desc->labels.metricName().substr(desc->labels.metricName().size() - 7) == "_bucket") {
                    model::LabelsBuilder b(desc->labels);
                    std::string_view n = desc->labels.metricName();
                    b.set(model::kMetricName, n.substr(0, n.size() - 7));
                    b.del("le");
                    nativeSeries.push_back(b.labels());
                }
                defs[desc->labels] = desc->values;
            }
            for (const auto &[labels, values] : defs) {
                for (size_t k = 0; k < values.size(); ++k) {
                    if (values[k].omitted) continue;
                    auto r = app->append(0, labels, int64_t(k) * *interval, values[k].value);
                    const int ln = lineNo;
                    if (!r.isOk()) {
                        report.scriptError = "line " + std::to_string(ln) + ": " + r.status().message();
                        return report;
                    }
                }
            }
            Status st = app->commit();
            if (!st.isOk()) {
                report.scriptError = "line " + std::to_string(lineNo) + ": commit: " + st.message();
                return report;
            }
            continue;
        }
        if (!startsWith(cmdWord, "eval")) {
            report.scriptError =
                "line " + std::to_string(lineNo) + ": unknown command " + std::string(cmdWord);
            return report;
        }

        EvalCmd cmd;
        cmd.line = lineNo;
        if (cmdWord == "eval_fail")
            cmd.fail = true;
        else if (cmdWord == "eval_ordered")
            cmd.ordered = true;
        else if (cmdWord == "eval_warn")
            cmd.warn = 1;
        else if (cmdWord == "eval_info")
            cmd.info = 1;
        std::string_view mode = nextWord(rest);
        if (mode == "instant") {
            std::string_view at = nextWord(rest);
            std::string_view tv = nextWord(rest);
            auto tt = parseTime(tv);
            if (at != "at" || !tt.isOk())
                cmd.error = "bad eval instant line";
            else
                cmd.start = cmd.end = *tt;
        } else if (mode == "range") {
            std::string_view w1 = nextWord(rest), a = nextWord(rest), w2 = nextWord(rest), b = nextWord(rest),
                             w3 = nextWord(rest), s = nextWord(rest);
            auto ta = parseTime(a), tb = parseTime(b), ts = parseTime(s);
            if (w1 != "from" || w2 != "to" || w3 != "step" || !ta.isOk() || !tb.isOk() || !ts.isOk()) {
                cmd.error = "bad eval range line";
            } else {
                cmd.range = true;
                cmd.start = *ta;
                cmd.end = *tb;
                cmd.step = *ts;
            }
        } else {
            cmd.error = "bad eval line";
        }
        cmd.query = std::string(trim(rest));
        for (const auto &[ln, text] : block) {
            if (startsWith(text, "expect ")) {
                parseExpect(text.substr(7), cmd);
                continue;
            }
            if (text.find("{{") != std::string_view::npos) {
                cmd.native = true;
                continue;
            }
            if (auto num = parseNumber(text); num.isOk() && !cmd.range) {
                Expected e;
                e.scalar = true;
                e.values.push_back({*num, false});
                cmd.expected.push_back(std::move(e));
                continue;
            }
            auto desc = parseSeriesDescription(text);
            if (!desc.isOk()) {
                cmd.error = "line " + std::to_string(ln) + ": " + desc.status().message();
                break;
            }
            if (!cmd.range && !cmd.rangeVector && desc->values.size() > 1) {
                cmd.error = "line " + std::to_string(ln) + ": multiple values in an instant evaluation";
                break;
            }
            cmd.expected.push_back(Expected{desc->labels, desc->values, false});
        }

        EvalResult res;
        res.line = lineNo;
        res.query = cmd.query;
        auto finish = [&](Outcome o, std::string msg) {
            res.outcome = o;
            res.message = std::move(msg);
            report.evals.push_back(res);
        };
        if (!cmd.error.empty()) {
            finish(Outcome::Failed, "script error: " + cmd.error);
            continue;
        }
        if (cmd.native) {
            finish(Outcome::Skipped, "expects native histogram samples");
            continue;
        }
        if (!nativeSeries.empty()) {
            ParseOptions po;
            po.enableExperimentalFunctions = true;
            auto parsed = parseExpr(cmd.query, po);
            std::string nativeRef;
            if (parsed.isOk() && selectsAny(**parsed, nativeSeries, &nativeRef)) {
                finish(Outcome::Skipped, "selects native histogram series " + nativeRef);
                continue;
            }
        }

        Engine engine(*store.queryable, options_);
        Result<QueryResult> r = cmd.range ? engine.rangeQuery(cmd.query, cmd.start, cmd.end, cmd.step)
                                          : engine.instantQuery(cmd.query, cmd.start);
        std::string problem;
        if (cmd.fail) {
            if (r.isOk()) {
                problem = "expected the query to fail, it succeeded";
            } else if (!cmd.failMsg.empty() && r.status().message() != cmd.failMsg) {
                problem = "expected error \"" + cmd.failMsg + "\", got \"" + r.status().message() + "\"";
            } else if (!cmd.failRegex.empty()) {
                re2::RE2 re(cmd.failRegex);
                if (!re2::RE2::PartialMatch(r.status().message(), re))
                    problem = "error \"" + r.status().message() + "\" does not match /" + cmd.failRegex + "/";
            }
        } else if (!r.isOk()) {
            problem = "unexpected error: " + r.status().message();
        } else {
            problem = compare(*r, cmd);
            auto checkAnn = [&](int want, const std::vector<std::string> &msgs,
                                const std::vector<std::string> &got, const char *what) {
                if (!problem.empty() || want < 0) return;
                if (want == 0 && !got.empty()) problem = std::string("unexpected ") + what + ": " + got[0];
                if (want == 1 && got.empty()) problem = std::string("expected a ") + what + ", got none";
                for (const auto &m : msgs)
                    if (problem.empty() && std::find(got.begin(), got.end(), m) == got.end())
                        problem = std::string("expected ") + what + " \"" + m + "\"";
            };
            checkAnn(cmd.warn, cmd.warnMsgs, r->warnings, "warning");
            checkAnn(cmd.info, cmd.infoMsgs, r->infos, "info");
        }
        if (problem.empty())
            finish(Outcome::Passed, {});
        else
            finish(Outcome::Failed, problem);
    }
    return report;
}

}  // namespace vigil::promql
