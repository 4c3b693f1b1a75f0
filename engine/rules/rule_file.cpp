#include "rules/rule_file.h"

#include "promql/duration.h"
#include "promql/parser.h"
#include "rules/template_functions.h"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace vigil::rules {

namespace {

// A structural error: stops parsing the file (as Go's yaml decoder does).
struct Fatal {
    std::string message;
};

std::string pos(const YAML::Node &n)
{
    if (!n.IsDefined() || n.Mark().is_null()) return "0:0";
    return std::to_string(n.Mark().line + 1) + ":" + std::to_string(n.Mark().column + 1);
}

int lineOf(const YAML::Node &n) { return n.IsDefined() && !n.Mark().is_null() ? n.Mark().line + 1 : 0; }

// Go's yaml reader refuses input that is not UTF-8 before it parses anything;
// yaml-cpp would pass the bytes through, and the console's YAML round trip
// would then change them. Returns the yaml.v3 reader's message, or "" if valid.
std::string utf8Error(std::string_view s)
{
    size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        size_t len = 0;
        uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if ((c & 0xE0) == 0xC0) len = 2, cp = c & 0x1F;
        else if ((c & 0xF0) == 0xE0) len = 3, cp = c & 0x0F;
        else if ((c & 0xF8) == 0xF0) len = 4, cp = c & 0x07;
        else return "invalid leading UTF-8 octet";
        if (i + len > s.size()) return "incomplete UTF-8 octet sequence";
        for (size_t k = 1; k < len; ++k) {
            const auto t = static_cast<unsigned char>(s[i + k]);
            if ((t & 0xC0) != 0x80) return "invalid trailing UTF-8 octet";
            cp = (cp << 6) | (t & 0x3F);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000))
            return "invalid length of a UTF-8 sequence";
        if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return "invalid Unicode character";
        i += len;
    }
    return {};
}

std::string quoted(const std::string &s) { return "\"" + s + "\""; }

// Rejects unknown and repeated keys like Go's strict yaml decoding.
void checkKeys(const YAML::Node &n, std::initializer_list<std::string_view> known, const char *goType)
{
    if (!n.IsMap()) {
        throw Fatal{"yaml: unmarshal errors:\n  line " + std::to_string(lineOf(n)) + ": cannot unmarshal " +
                    (n.IsSequence() ? "!!seq" : "!!str") + " into " + goType};
    }
    std::map<std::string, int> seen;
    for (const auto &kv : n) {
        const std::string key = kv.first.as<std::string>();
        bool ok = false;
        for (auto k : known) ok = ok || k == key;
        if (!ok) {
            throw Fatal{"yaml: unmarshal errors:\n  line " + std::to_string(lineOf(kv.first)) + ": field " + key +
                        " not found in type " + goType};
        }
        if (auto it = seen.find(key); it != seen.end()) {
            throw Fatal{"yaml: unmarshal errors:\n  line " + std::to_string(lineOf(kv.first)) + ": mapping key " +
                        quoted(key) + " already defined at line " + std::to_string(it->second)};
        }
        seen[key] = lineOf(kv.first);
    }
}

std::string scalar(const YAML::Node &n, const char *what)
{
    if (!n.IsDefined() || n.IsNull()) return "";
    if (!n.IsScalar())
        throw Fatal{"yaml: unmarshal errors:\n  line " + std::to_string(lineOf(n)) + ": cannot unmarshal into " + what};
    return n.Scalar();
}

int64_t duration(const YAML::Node &n)
{
    const std::string s = scalar(n, "model.Duration");
    if (s.empty()) return 0;
    auto d = promql::parseDuration(s);
    if (!d) throw Fatal{"not a valid duration string: " + quoted(s)};
    return *d;
}

model::Labels stringMap(const YAML::Node &n, const char *what)
{
    if (!n.IsDefined() || n.IsNull()) return {};
    if (!n.IsMap())
        throw Fatal{"yaml: unmarshal errors:\n  line " + std::to_string(lineOf(n)) + ": cannot unmarshal into " + what};
    std::vector<model::Label> out;
    std::set<std::string> seen;
    for (const auto &kv : n) {
        const std::string k = scalar(kv.first, "string");
        if (!seen.insert(k).second)
            throw Fatal{"yaml: unmarshal errors:\n  line " + std::to_string(lineOf(kv.first)) + ": mapping key " +
                        quoted(k) + " already defined"};
        out.push_back({k, scalar(kv.second, "string")});
    }
    return model::Labels::fromUnsorted(std::move(out));
}

bool validUtf8(std::string_view s)
{
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0 || i + len > s.size()) return false;
        for (size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += len;
    }
    return true;
}

}  // namespace

bool isValidMetricName(std::string_view s)
{
    if (s.empty()) return false;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
                        (i > 0 && c >= '0' && c <= '9');
        if (!ok) return false;
    }
    return true;
}

bool isValidLabelName(std::string_view s)
{
    if (s.empty()) return false;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
        if (!ok) return false;
    }
    return true;
}

int RuleFileParse::ruleCount() const
{
    int n = 0;
    for (const auto &g : groups) n += int(g.rules.size());
    return n;
}

RuleFileParse parseRuleFile(std::string_view yaml, const std::string &fileName)
{
    RuleFileParse out;
    auto err = [&](const std::string &m) { out.errors.push_back(fileName + ": " + m); };
    if (const std::string bad = utf8Error(yaml); !bad.empty()) {
        err("yaml: " + bad);
        return out;
    }
    try {
        const YAML::Node root = YAML::Load(std::string(yaml));
        if (!root.IsDefined() || root.IsNull()) return out;
        checkKeys(root, {"groups"}, "rulefmt.RuleGroups");
        const YAML::Node groups = root["groups"];
        if (!groups.IsDefined() || groups.IsNull()) return out;
        if (!groups.IsSequence())
            throw Fatal{"yaml: unmarshal errors:\n  line " + std::to_string(lineOf(groups)) +
                        ": cannot unmarshal into []rulefmt.RuleGroup"};
        // First decode everything (structural errors stop here), then validate.
        struct RawRule {
            RuleSpec spec;
            bool hasRecord = false, hasAlert = false;
            std::string recordPos, exprPos;  // "line:col" of the record/alert and expr values
        };
        struct RawGroup {
            RuleGroupSpec spec;
            std::string pos;
            std::vector<RawRule> rules;
        };
        std::vector<RawGroup> raw;
        for (const auto &g : groups) {
            checkKeys(g, {"name", "interval", "limit", "rules"}, "rulefmt.RuleGroup");
            RawGroup rg;
            rg.pos = pos(g);
            rg.spec.name = scalar(g["name"], "string");
            rg.spec.file = fileName;
            rg.spec.intervalMs = duration(g["interval"]);
            if (g["limit"].IsDefined() && !g["limit"].IsNull()) {
                try {
                    rg.spec.limit = g["limit"].as<int64_t>();
                } catch (const YAML::Exception &) {
                    throw Fatal{"yaml: unmarshal errors:\n  line " + std::to_string(lineOf(g["limit"])) +
                                ": cannot unmarshal !!str `" + g["limit"].Scalar() + "` into int"};
                }
            }
            const YAML::Node rules = g["rules"];
            if (rules.IsDefined() && !rules.IsNull()) {
                if (!rules.IsSequence())
                    throw Fatal{"yaml: unmarshal errors:\n  line " + std::to_string(lineOf(rules)) +
                                ": cannot unmarshal into []rulefmt.RuleNode"};
                for (const auto &r : rules) {
                    checkKeys(r, {"record", "alert", "expr", "for", "keep_firing_for", "labels", "annotations"},
                              "rulefmt.RuleNode");
                    RawRule rr;
                    rr.recordPos = r["record"].IsDefined() ? pos(r["record"]) : pos(r["alert"]);
                    rr.exprPos = pos(r["expr"]);
                    const std::string record = scalar(r["record"], "string");
                    const std::string alert = scalar(r["alert"], "string");
                    rr.hasRecord = !record.empty();
                    rr.hasAlert = !alert.empty();
                    rr.spec.kind = rr.hasRecord ? RuleSpec::Kind::Recording : RuleSpec::Kind::Alerting;
                    rr.spec.name = rr.hasAlert ? alert : record;  // promtool names a rule with both by its alert
                    rr.spec.expr = scalar(r["expr"], "string");
                    rr.spec.forMs = duration(r["for"]);
                    rr.spec.keepFiringForMs = duration(r["keep_firing_for"]);
                    rr.spec.labels = stringMap(r["labels"], "map[string]string");
                    rr.spec.annotations = stringMap(r["annotations"], "map[string]string");
                    rr.spec.line = lineOf(r);
                    rg.rules.push_back(std::move(rr));
                }
            }
            raw.push_back(std::move(rg));
        }
        // Validation (all errors collected).
        std::set<std::string> names;
        for (auto &rg : raw) {
            if (rg.spec.name.empty()) err(rg.pos + ": Groupname must not be empty");
            else if (!names.insert(rg.spec.name).second)
                err(rg.pos + ": groupname: " + quoted(rg.spec.name) + " is repeated in the same file");
            int idx = 0;
            bool groupOk = true;
            for (auto &rr : rg.rules) {
                ++idx;
                RuleSpec &r = rr.spec;
                auto ruleErr = [&](const std::string *where, const std::string &m) {
                    groupOk = false;
                    std::string prefix = where ? *where + ": " : std::string();
                    err(prefix + "group " + quoted(rg.spec.name) + ", rule " + std::to_string(idx) + ", " +
                        quoted(r.name) + ": " + m);
                };
                if (rr.hasRecord && rr.hasAlert) {
                    ruleErr(&rr.recordPos, "only one of 'record' and 'alert' must be set");
                    continue;
                }
                if (!rr.hasRecord && !rr.hasAlert) {
                    ruleErr(&rr.recordPos, "one of 'record' or 'alert' must be set");
                    continue;
                }
                if (r.expr.empty()) {
                    ruleErr(&rr.exprPos, "field 'expr' must be set in rule");
                } else if (auto e = promql::parseExpr(r.expr); !e) {
                    ruleErr(&rr.exprPos, "could not parse expression: " + e.status().message());
                }
                if (rr.hasRecord) {
                    if (!r.annotations.empty()) ruleErr(&rr.recordPos, "invalid field 'annotations' in recording rule");
                    if (r.forMs != 0) ruleErr(&rr.recordPos, "invalid field 'for' in recording rule");
                    if (r.keepFiringForMs != 0) ruleErr(&rr.recordPos, "invalid field 'keep_firing_for' in recording rule");
                    if (!isValidMetricName(r.name)) ruleErr(&rr.recordPos, "invalid recording rule name: " + r.name);
                }
                for (const auto &l : r.labels) {
                    if (!isValidLabelName(l.name) || l.name == model::kMetricName)
                        ruleErr(nullptr, "invalid label name: " + l.name);
                    else if (!validUtf8(l.value))
                        ruleErr(nullptr, "invalid label value: " + l.value);
                }
                for (const auto &a : r.annotations) {
                    if (!isValidLabelName(a.name)) ruleErr(nullptr, "invalid annotation name: " + a.name);
                }
                if (rr.hasAlert) {
                    for (const auto &l : r.labels) {
                        if (Status s = checkRuleTemplate(r.name, l.value); !s.isOk())
                            ruleErr(nullptr, "label " + quoted(l.name) + ": " + s.message());
                    }
                    for (const auto &a : r.annotations) {
                        if (Status s = checkRuleTemplate(r.name, a.value); !s.isOk())
                            ruleErr(nullptr, "annotation " + quoted(a.name) + ": " + s.message());
                    }
                }
            }
            RuleGroupSpec g = std::move(rg.spec);
            for (auto &rr : rg.rules) g.rules.push_back(std::move(rr.spec));
            (void)groupOk;
            out.groups.push_back(std::move(g));
        }
    } catch (const Fatal &f) {
        out.groups.clear();
        out.errors.push_back(fileName + ": " + f.message);
    } catch (const YAML::Exception &e) {
        out.groups.clear();
        out.errors.push_back(fileName + ": yaml: line " + std::to_string(e.mark.line + 1) + ": " + e.msg);
    }
    if (!out.errors.empty()) out.groups.clear();
    return out;
}

RuleFileParse loadRuleFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        RuleFileParse out;
        out.errors.push_back(path + ": open " + path + ": no such file or directory");
        return out;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    return parseRuleFile(ss.str(), path);
}

std::string toRuleFileYaml(const std::vector<RuleGroupSpec> &groups)
{
    YAML::Emitter e;
    e << YAML::BeginMap << YAML::Key << "groups" << YAML::Value << YAML::BeginSeq;
    for (const auto &g : groups) {
        e << YAML::BeginMap << YAML::Key << "name" << YAML::Value << g.name;
        if (g.intervalMs) e << YAML::Key << "interval" << YAML::Value << promql::formatDuration(g.intervalMs);
        if (g.limit) e << YAML::Key << "limit" << YAML::Value << g.limit;
        e << YAML::Key << "rules" << YAML::Value << YAML::BeginSeq;
        for (const auto &r : g.rules) {
            e << YAML::BeginMap;
            e << YAML::Key << (r.kind == RuleSpec::Kind::Recording ? "record" : "alert") << YAML::Value << r.name;
            e << YAML::Key << "expr" << YAML::Value << r.expr;
            if (r.forMs) e << YAML::Key << "for" << YAML::Value << promql::formatDuration(r.forMs);
            if (r.keepFiringForMs)
                e << YAML::Key << "keep_firing_for" << YAML::Value << promql::formatDuration(r.keepFiringForMs);
            auto map = [&](const char *key, const model::Labels &l) {
                if (l.empty()) return;
                e << YAML::Key << key << YAML::Value << YAML::BeginMap;
                for (const auto &kv : l) e << YAML::Key << kv.name << YAML::Value << YAML::DoubleQuoted << kv.value;
                e << YAML::EndMap;
            };
            map("labels", r.labels);
            map("annotations", r.annotations);
            e << YAML::EndMap;
        }
        e << YAML::EndSeq << YAML::EndMap;
    }
    e << YAML::EndSeq << YAML::EndMap;
    return std::string(e.c_str()) + "\n";
}

}  // namespace vigil::rules
