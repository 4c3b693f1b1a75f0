#include "rules/rule_unit_test.h"

#include "promql/duration.h"
#include "promql/engine.h"
#include "promql/parser.h"
#include "promql/series_description.h"
#include "rules/alerting_rule.h"
#include "rules/go_format.h"
#include "rules/rule_file.h"
#include "rules/rule_group.h"
#include "tsdb/head.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <glob.h>
#include <map>
#include <sstream>

namespace vigil::rules {

namespace {

struct Failure {
    std::string message;
};

int lineOf(const YAML::Node &n) { return n.IsDefined() && !n.Mark().is_null() ? n.Mark().line + 1 : 0; }

void checkKeys(const YAML::Node &n, std::initializer_list<std::string_view> known, const char *goType)
{
    if (!n.IsDefined() || n.IsNull()) return;
    if (!n.IsMap()) throw Failure{"yaml: unmarshal errors:\n  line " + std::to_string(lineOf(n)) + ": cannot unmarshal into " + goType};
    for (const auto &kv : n) {
        const std::string key = kv.first.Scalar();
        bool ok = false;
        for (auto k : known) ok = ok || k == key;
        if (!ok)
            throw Failure{"yaml: unmarshal errors:\n  line " + std::to_string(lineOf(kv.first)) + ": field " + key +
                          " not found in type " + goType};
    }
}

std::string str(const YAML::Node &n) { return n.IsDefined() && !n.IsNull() ? n.Scalar() : std::string(); }

int64_t dur(const YAML::Node &n)
{
    const std::string s = str(n);
    if (s.empty()) return 0;
    auto d = promql::parseDuration(s);
    if (!d) throw Failure{"not a valid duration string: \"" + s + "\""};
    return *d;
}

model::Labels strMap(const YAML::Node &n)
{
    std::vector<model::Label> out;
    if (n.IsDefined() && n.IsMap()) {
        for (const auto &kv : n) out.push_back({kv.first.Scalar(), str(kv.second)});
    }
    return model::Labels::fromUnsorted(std::move(out));
}

std::string fmtDuration(int64_t ms) { return promql::formatDuration(ms); }

std::string fmtE(double v)
{
    std::string s = goFormatFloatE(v);
    for (auto &c : s) c = char(std::toupper(static_cast<unsigned char>(c)));
    if (s == "NAN") return "NaN";
    if (s == "+INF") return "+Inf";
    if (s == "-INF") return "-Inf";
    return s;
}

// Prometheus's Labels.String(): {a="b", c="d"} (the name inside the braces).
std::string labelsString(const model::Labels &l)
{
    std::string s = "{";
    for (size_t i = 0; i < l.size(); ++i) {
        s += (i ? ", " : "") + l[i].name + "=" + model::quoteLabelValue(l[i].value);
    }
    return s + "}";
}

struct LabelsAndAnnotations {
    model::Labels labels;
    model::Labels annotations;
    friend bool operator==(const LabelsAndAnnotations &, const LabelsAndAnnotations &) = default;
    friend bool operator<(const LabelsAndAnnotations &a, const LabelsAndAnnotations &b)
    {
        const int c = model::Labels::compare(a.labels, b.labels);
        return c != 0 ? c < 0 : a.annotations < b.annotations;
    }
};

std::string listString(const std::vector<LabelsAndAnnotations> &v)
{
    if (v.empty()) return "[]";
    std::string s = "[\n";
    for (size_t i = 0; i < v.size(); ++i) {
        s += "            " + std::to_string(i) + ":\n              Labels:" + labelsString(v[i].labels) +
             "\n              Annotations:" + labelsString(v[i].annotations) + "\n";
    }
    return s + "            ]";
}

std::vector<std::string> globFiles(const std::string &baseDir, const std::vector<std::string> &patterns)
{
    std::vector<std::string> out;
    for (const auto &p : patterns) {
        std::string full = (!p.empty() && p[0] == '/') ? p : (baseDir.empty() ? p : baseDir + "/" + p);
        full = std::filesystem::path(full).lexically_normal().string();  // as Go's filepath.Join cleans
        glob_t g{};
        if (::glob(full.c_str(), 0, nullptr, &g) == 0) {
            for (size_t i = 0; i < g.gl_pathc; ++i) out.emplace_back(g.gl_pathv[i]);
        } else {
            out.push_back(full);  // reported as unreadable by the loader
        }
        globfree(&g);
    }
    return out;
}

struct Sample {
    model::Labels labels;
    double value = 0;
    friend bool operator<(const Sample &a, const Sample &b) { return a.labels < b.labels; }
};

std::vector<std::string> runTestGroup(const YAML::Node &tg, const std::vector<RuleGroupSpec> &specs,
                                      int64_t evalInterval, const std::map<std::string, int> &order)
{
    checkKeys(tg, {"interval", "input_series", "alert_rule_test", "promql_expr_test", "external_labels",
                   "external_url", "name"},
              "main.testGroup");
    std::vector<std::string> errs;
    const int64_t interval = dur(tg["interval"]);
    const std::string name = str(tg["name"]);
    const std::string testName = name.empty() ? "" : "    name: " + name + ",\n";
    const model::Labels externalLabels = strMap(tg["external_labels"]);
    const std::string externalUrl = str(tg["external_url"]);

    auto head = std::make_shared<tsdb::Head>();
    // Input series.
    if (const YAML::Node in = tg["input_series"]; in.IsDefined() && in.IsSequence()) {
        auto app = head->appender();
        for (const auto &s : in) {
            checkKeys(s, {"series", "values"}, "main.series");
            auto d = promql::parseSeriesDescription(str(s["series"]) + " " + str(s["values"]));
            if (!d) throw Failure{d.status().message()};
            for (size_t i = 0; i < d->values.size(); ++i) {
                if (d->values[i].omitted) continue;
                (void)app->append(0, d->labels, int64_t(i) * interval, d->values[i].value);
            }
        }
        if (Status st = app->commit(); !st.isOk()) throw Failure{st.message()};
    }

    promql::Engine engine(*head);
    auto queryFn = [&engine](const promql::Expr &e, int64_t t) -> Result<promql::Vector> {
        auto r = engine.instantQuery(e, t);
        if (!r) return r.status();
        if (auto *v = std::get_if<promql::Vector>(&r->value)) return std::move(*v);
        if (auto *sc = std::get_if<promql::Scalar>(&r->value)) return promql::Vector{{model::Labels{}, sc->t, sc->v}};
        return Status::invalidArgument("rule result is not a vector or scalar");
    };

    // Groups in evaluation order.
    RuleGroupOptions go;
    go.query = queryFn;
    go.appendable = head.get();
    go.queryable = head.get();
    go.logFailures = false;  // reported in the test output instead
    std::vector<std::unique_ptr<RuleGroup>> groups;
    std::vector<std::pair<int, size_t>> ordering;
    for (size_t i = 0; i < specs.size(); ++i) {
        auto it = order.find(specs[i].name);
        ordering.push_back({it == order.end() ? 0 : it->second, i});
    }
    std::stable_sort(ordering.begin(), ordering.end(), [](auto a, auto b) { return a.first < b.first; });
    for (auto [o, i] : ordering) {
        std::vector<std::unique_ptr<Rule>> rules;
        for (const auto &rs : specs[i].rules) {
            auto r = Rule::create(rs, externalLabels, externalUrl);
            if (!r) throw Failure{r.status().message()};
            rules.push_back(std::move(r).value());
        }
        groups.push_back(std::make_unique<RuleGroup>(specs[i], evalInterval, std::move(rules), go, false));
    }

    // Tests and the evaluation range.
    struct AlertTest {
        std::string alertname;
        std::vector<LabelsAndAnnotations> exp;
    };
    std::map<int64_t, std::vector<AlertTest>> alertTests;
    int64_t maxEval = 0;
    if (const YAML::Node at = tg["alert_rule_test"]; at.IsDefined() && at.IsSequence()) {
        for (const auto &a : at) {
            checkKeys(a, {"eval_time", "alertname", "exp_alerts"}, "main.alertTestCase");
            AlertTest t;
            t.alertname = str(a["alertname"]);
            const int64_t et = dur(a["eval_time"]);
            if (const YAML::Node ea = a["exp_alerts"]; ea.IsDefined() && ea.IsSequence()) {
                for (const auto &e : ea) {
                    checkKeys(e, {"exp_labels", "exp_annotations"}, "main.alert");
                    model::LabelsBuilder b(strMap(e["exp_labels"]));
                    b.set("alertname", t.alertname);
                    t.exp.push_back({b.labels(), strMap(e["exp_annotations"])});
                }
            }
            maxEval = std::max(maxEval, et);
            alertTests[et].push_back(std::move(t));
        }
    }
    struct ExprTest {
        std::string expr;
        int64_t evalTime = 0;
        std::vector<Sample> exp;
    };
    std::vector<ExprTest> exprTests;
    if (const YAML::Node pt = tg["promql_expr_test"]; pt.IsDefined() && pt.IsSequence()) {
        for (const auto &p : pt) {
            checkKeys(p, {"expr", "eval_time", "exp_samples"}, "main.promqlTestCase");
            ExprTest t;
            t.expr = str(p["expr"]);
            t.evalTime = dur(p["eval_time"]);
            if (const YAML::Node es = p["exp_samples"]; es.IsDefined() && es.IsSequence()) {
                for (const auto &e : es) {
                    checkKeys(e, {"labels", "value"}, "main.sample");
                    Sample s;
                    const std::string ls = str(e["labels"]);
                    if (!ls.empty()) {
                        auto d = promql::parseSeriesDescription(ls);
                        if (!d) {
                            errs.push_back(testName + "    expr: \"" + t.expr + "\", time: " + fmtDuration(t.evalTime) +
                                           ", err: " + d.status().message());
                            continue;
                        }
                        s.labels = d->labels;
                    }
                    try {
                        s.value = e["value"].as<double>();
                    } catch (const YAML::Exception &) {
                        throw Failure{"yaml: unmarshal errors:\n  line " + std::to_string(lineOf(e["value"])) +
                                      ": cannot unmarshal into float64"};
                    }
                    t.exp.push_back(std::move(s));
                }
            }
            maxEval = std::max(maxEval, t.evalTime);
            exprTests.push_back(std::move(t));
        }
    }
    if (!errs.empty()) return errs;

    // Rounds.
    const int64_t step = evalInterval > 0 ? evalInterval : 60'000;
    auto nextAlert = alertTests.begin();
    for (int64_t ts = 0; ts <= maxEval; ts += step) {
        std::vector<std::string> evalErrs;
        for (auto &g : groups) {
            g->evaluate(ts);
            for (const auto &r : g->rules()) {
                const RuleStatus st = r->status();
                if (!st.lastError.empty())
                    evalErrs.push_back("    rule: " + r->name() + ", time: " + fmtDuration(ts) + ", err: " + st.lastError);
            }
        }
        if (!evalErrs.empty()) return evalErrs;
        while (nextAlert != alertTests.end() && ts <= nextAlert->first && nextAlert->first < ts + step) {
            for (const auto &t : nextAlert->second) {
                std::vector<LabelsAndAnnotations> got;
                for (const auto &g : groups) {
                    for (const auto &r : g->rules()) {
                        auto *ar = dynamic_cast<const AlertingRule *>(r.get());
                        if (!ar || ar->name() != t.alertname) continue;
                        for (const auto &a : ar->activeAlerts()) {
                            if (a.state == model::AlertState::Firing) got.push_back({a.labels, a.annotations});
                        }
                    }
                }
                auto exp = t.exp;
                std::sort(got.begin(), got.end());
                std::sort(exp.begin(), exp.end());
                if (got != exp) {
                    errs.push_back(testName + "    alertname: " + t.alertname + ", time: " + fmtDuration(nextAlert->first) +
                                   ", \n        exp:" + listString(exp) + ", \n        got:" + listString(got));
                }
            }
            ++nextAlert;
        }
    }

    // PromQL expressions.
    for (const auto &t : exprTests) {
        auto e = promql::parseExpr(t.expr);
        Result<promql::Vector> got = e ? queryFn(**e, t.evalTime) : Result<promql::Vector>(e.status());
        if (!got) {
            errs.push_back(testName + "    expr: \"" + t.expr + "\", time: " + fmtDuration(t.evalTime) +
                           ", err: " + got.status().message());
            continue;
        }
        std::vector<Sample> gs;
        for (const auto &s : *got) gs.push_back({s.metric, s.v});
        std::vector<Sample> es = t.exp;
        std::sort(gs.begin(), gs.end());
        std::sort(es.begin(), es.end());
        bool equal = gs.size() == es.size();
        for (size_t i = 0; equal && i < gs.size(); ++i) {
            equal = gs[i].labels == es[i].labels && gs[i].value == es[i].value;  // exact, as promtool (NaN never equal)
        }
        if (!equal) {
            auto render = [](const std::vector<Sample> &v) {
                if (v.empty()) return std::string("nil");
                std::string s;
                for (size_t i = 0; i < v.size(); ++i) s += (i ? ",\n             " : "") + labelsString(v[i].labels) + " " + fmtE(v[i].value);
                return s;
            };
            errs.push_back(testName + "    expr: \"" + t.expr + "\", time: " + fmtDuration(t.evalTime) +
                           ",\n        exp: " + render(es) + "\n        got: " + render(gs));
        }
    }
    return errs;
}

std::vector<std::string> runFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return {"open " + path + ": no such file or directory"};
    std::stringstream ss;
    ss << in.rdbuf();
    try {
        const YAML::Node root = YAML::Load(ss.str());
        checkKeys(root, {"rule_files", "evaluation_interval", "group_eval_order", "tests"}, "main.unitTestFile");
        int64_t evalInterval = dur(root["evaluation_interval"]);
        if (evalInterval == 0) evalInterval = 60'000;
        std::map<std::string, int> order;
        if (const YAML::Node o = root["group_eval_order"]; o.IsDefined() && o.IsSequence()) {
            int i = 0;
            for (const auto &n : o) {
                if (!order.emplace(n.Scalar(), i++).second)
                    return {"group name repeated in evaluation order: " + n.Scalar()};
            }
        }
        std::vector<std::string> patterns;
        if (const YAML::Node rf = root["rule_files"]; rf.IsDefined() && rf.IsSequence()) {
            for (const auto &n : rf) patterns.push_back(n.Scalar());
        }
        const std::string dir = std::filesystem::path(path).parent_path().string();
        std::vector<RuleGroupSpec> specs;
        std::vector<std::string> errs;
        for (const auto &f : globFiles(dir, patterns)) {
            RuleFileParse p = loadRuleFile(f);
            for (auto &e : p.errors) errs.push_back(e);
            for (auto &g : p.groups) specs.push_back(std::move(g));
        }
        if (!errs.empty()) return errs;
        for (const auto &[g, i] : order) {
            bool found = false;
            for (const auto &s : specs) found = found || s.name == g;
            if (!found) return {"group \"" + g + "\" in group_eval_order not found in the rule files"};
        }
        if (const YAML::Node tests = root["tests"]; tests.IsDefined() && tests.IsSequence()) {
            for (const auto &tg : tests) {
                auto e = runTestGroup(tg, specs, evalInterval, order);
                errs.insert(errs.end(), e.begin(), e.end());
            }
        }
        return errs;
    } catch (const Failure &f) {
        return {f.message};
    } catch (const YAML::Exception &e) {
        return {"yaml: line " + std::to_string(e.mark.line + 1) + ": " + e.msg};
    }
}

}  // namespace

RuleUnitTestResult runRuleUnitTestFile(const std::string &path)
{
    RuleUnitTestResult r;
    r.output = "Unit Testing:  " + path + "\n";
    const auto errs = runFile(path);
    r.passed = errs.empty();
    if (r.passed) {
        r.output += "  SUCCESS\n";
    } else {
        r.errors = "  FAILED:\n";
        for (const auto &e : errs) r.errors += e + "\n";
    }
    r.output += "\n";
    return r;
}

}  // namespace vigil::rules
